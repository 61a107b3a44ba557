/**
 * Draws one frame as HTML: the work queue and the dead-letter queue on top, one card per worker
 * below with the deliveries it holds (oldest in work, the rest in its prefetch buffer), what it
 * acked and its buttons. Every task is one chip keyed by `data-task`, so the animation layer can
 * move it from place to place; every delivered chip carries `data-redelivered`.
 */
import { h } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { seconds } from './captions.ts';
import { CHIP_STATE, RA_CLASS, type ChipState } from './classes.ts';
import { CHIP_MARK } from './legend.ts';
import type { AcksView, ChipView, HeldView, WorkerView } from './session.ts';

/** Acked chips a worker card shows before it writes «+N». */
const MAX_ACKED = 8;

const STATE_TEXT: Readonly<Record<ChipState, string>> = {
  ready: 'в очереди',
  working: 'в работе',
  buffered: 'ждёт в буфере',
  acked: 'подтверждена',
  dead: 'в dead letter или удалена',
};

function chip(c: ChipView, state: ChipState, delivered: boolean, leftMs?: number): HTMLElement {
  const flags = [
    STATE_TEXT[state],
    c.redelivered ? 'redelivered=true' : '',
    leftMs !== undefined ? `осталось ${seconds(leftMs)}` : '',
    c.fault === 'error' ? 'callback на ней падает' : c.fault === 'invalid' ? 'не JSON' : '',
  ].filter(Boolean);
  return h(
    'li',
    {
      class: `${RA_CLASS.chip} ${CHIP_STATE[state]}`,
      'data-task': c.task,
      'data-state': state,
      'data-redelivered': delivered ? String(c.redelivered) : undefined,
      'data-redelivered-look': c.redelivered ? 'true' : undefined,
      'aria-label': `Задача ${c.task}: ${flags.join(', ')}`,
    },
    h(
      'span',
      { 'aria-hidden': 'true' },
      `${c.redelivered ? '↻' : ''}${CHIP_MARK[state]} ${c.task}${c.fault ? '!' : ''}`,
    ),
    leftMs !== undefined ? h('small', { 'aria-hidden': 'true' }, seconds(leftMs)) : null,
  );
}

function chips(label: string, items: HTMLElement[], empty = 'пусто'): HTMLElement {
  const list = h('ul', { class: RA_CLASS.slots, 'aria-label': label }, ...items);
  if (items.length === 0) list.append(h('li', { class: RA_CLASS.empty }, empty));
  return list;
}

function heldChip(c: HeldView): HTMLElement {
  return chip(c, c.working ? 'working' : 'buffered', true, c.working ? c.leftMs : undefined);
}

function button(name: string, worker: WorkerView, text: string, label: string, off: boolean) {
  return h(
    'button',
    {
      type: 'button',
      name,
      class: WIDGET_CLASS.button,
      'data-worker': worker.id,
      'data-focus-key': `${worker.id}/${name}`,
      // The visible text leads the accessible name (WCAG 2.5.3 «label in name»).
      'aria-label': `${text} — ${worker.name}, ${label}`,
      disabled: off,
    },
    text,
  );
}

function workerCard(w: WorkerView, requeue: boolean): HTMLElement {
  const status = !w.up
    ? '✗ упал'
    : `prefetch ${w.prefetch === 0 ? '∞' : String(w.prefetch ?? '—')}`;
  const acked = w.acked.slice(-MAX_ACKED).map((c) => chip(c, 'acked', true));
  const hidden = w.acked.length - acked.length;
  const none = !w.up || w.held.length === 0;
  const rq = requeue ? 'True' : 'False';
  return h(
    'div',
    {
      role: 'group',
      class: `${RA_CLASS.worker}${w.up ? '' : ` ${RA_CLASS.workerDown}`}`,
      'data-worker': w.id,
      'data-up': String(w.up),
      'aria-label': w.name,
    },
    h(
      'div',
      { class: RA_CLASS.workerHead },
      h('strong', {}, w.name),
      h('span', {}, ` · ${seconds(w.msPerTask)} на задачу · ${status}`),
    ),
    h(
      'div',
      { class: RA_CLASS.lane },
      chips(
        `В руках у ${w.name}`,
        w.held.map(heldChip),
        w.up ? 'ждёт задач' : 'процесс остановлен',
      ),
      h(
        'div',
        { class: RA_CLASS.done },
        h('span', {}, `подтвердил (${w.acked.length}):`),
        chips(`Подтвердил ${w.name}`, acked, '—'),
        hidden > 0 ? h('span', {}, `+${hidden}`) : null,
      ),
    ),
    h(
      'div',
      { class: RA_CLASS.actions },
      button('ack', w, 'ack', 'старейшая задача', none),
      button('nack', w, `nack(requeue=${rq})`, 'старейшая задача', none),
      button(
        'reject',
        w,
        `reject(requeue=${rq})`,
        `basic_reject старейшей задачи, requeue=${rq}`,
        none,
      ),
      w.up
        ? button('crash-worker', w, 'Уронить', 'процесс падает', false)
        : button('revive-worker', w, 'Поднять', 'перезапуск процесса', false),
    ),
  );
}

/** Replaces the board's content with the frame for `view`; keeps keyboard focus on its control. */
export function drawBoard(board: HTMLElement, view: AcksView, requeue: boolean): void {
  const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.['focusKey'];
  const hadFocus = focusKey !== undefined && board.contains(document.activeElement);
  // Not <section>: inside a slide reveal.js takes a section for a vertical slide.
  const queue = h(
    'div',
    {
      role: 'group',
      'aria-label': `Очередь ${view.queue}`,
      class: RA_CLASS.box,
      'data-queue': view.queue,
      'data-depth': view.ready.length,
    },
    h(
      'div',
      { class: RA_CLASS.boxHead },
      h('strong', {}, `Очередь ${view.queue}`),
      h('span', { class: RA_CLASS.clock }, ` · t = ${seconds(view.now)}`),
    ),
    chips(
      `Очередь ${view.queue}`,
      view.ready.map((c) => chip(c, 'ready', false)),
    ),
  );
  // Without a dead-letter exchange the broker deletes what is nacked or rejected without requeue.
  const dlq = view.deadLetterQueue;
  const deadTitle = dlq === null ? 'Удалены брокером' : `Очередь ${dlq}`;
  const dead = h(
    'div',
    {
      role: 'group',
      'aria-label': dlq === null ? `${deadTitle}: у очереди нет DLX` : `${deadTitle} (dead letter)`,
      class: `${RA_CLASS.box} w-ra-box--dlq`,
      ...(dlq === null ? { 'data-discarded': 'true' } : { 'data-queue': dlq }),
      'data-depth': view.dead.length,
    },
    h(
      'div',
      { class: RA_CLASS.boxHead },
      h('strong', {}, dlq === null ? 'удалены' : dlq),
      dlq === null ? ' (у очереди нет DLX)' : ' (dead letter)',
    ),
    chips(
      deadTitle,
      view.dead.map((c) => chip(c, 'dead', false)),
    ),
  );
  board.replaceChildren(
    h('div', { class: RA_CLASS.broker }, queue, dead),
    h('div', { class: RA_CLASS.workers }, ...view.workers.map((w) => workerCard(w, requeue))),
  );
  if (hadFocus) {
    const target = board.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`);
    // A button that just got disabled cannot hold focus: fall back to the worker's other action.
    (target && !(target as HTMLButtonElement).disabled
      ? target
      : board.querySelector<HTMLElement>(
          `[data-focus-key^="${CSS.escape(focusKey.split('/')[0] ?? '')}/"]:not(:disabled)`,
        )
    )?.focus();
  }
}
