/**
 * Draws one frame as HTML: the work queue and the dead-letter queue on top, one row per worker
 * below with the deliveries it holds (oldest in work, the rest in its prefetch buffer), what it
 * acked and (lab only) its buttons. Every task is one chip keyed by `data-task`, so a chip that
 * changes place glides there (./animate.ts); every delivered chip carries `data-redelivered`.
 * Long rows end in «+N», so a queue at its limit (40 tasks) still fits the slide.
 */
import { h } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { LAB_ONLY, type KitHost, type Painter } from '../runtime/kit.ts';
import { chipMoves, chipPlaces, playMoves } from './animate.ts';
import { seconds } from './caption.ts';
import { CHIP_STATE, RA_CLASS, type ChipState } from './classes.ts';
import { CHIP_MARK } from './legend.ts';
import type { AcksAction, Settlement } from './sim.ts';
import type { AcksView, ChipView, HeldView, WorkerView } from './logic.ts';

/** Chips a row shows before it writes «+N»: the queue, a worker's hands, what it acked. */
export const SHOWN = { ready: 7, held: 6, acked: 4, dead: 4 } as const;

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

/**
 * A row of chips: `shown` of them and «+N» for the rest — the first ones (a queue's head, the
 * delivery in work) or, with `newest`, the last ones (what a worker acked lately).
 */
function chips(
  label: string,
  items: HTMLElement[],
  shown: number,
  empty = 'пусто',
  newest = false,
): HTMLElement {
  const list = h('ul', { class: RA_CLASS.slots, 'aria-label': label });
  const more = Math.max(0, items.length - shown);
  const rest =
    more > 0 ? h('li', { class: RA_CLASS.more, 'aria-label': `и ещё ${more}` }, `+${more}`) : null;
  if (newest) list.append(...(rest ? [rest] : []), ...items.slice(more));
  else list.append(...items.slice(0, shown), ...(rest ? [rest] : []));
  if (items.length === 0) list.append(h('li', { class: RA_CLASS.empty }, empty));
  return list;
}

function heldChip(c: HeldView): HTMLElement {
  return chip(c, c.working ? 'working' : 'buffered', true, c.working ? c.leftMs : undefined);
}

/** The text of a settle button: what it will send with the lab's requeue choice. */
export function settleText(how: Settlement, requeue: boolean): string {
  return how === 'ack' ? 'ack' : `${how}(requeue=${requeue ? 'True' : 'False'})`;
}

/** Puts the lab's requeue choice on every nack/reject button under `root`. */
export function relabelSettle(root: ParentNode, requeue: boolean): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>(
    'button[name="nack"], button[name="reject"]',
  )) {
    const how: Settlement = button.name === 'nack' ? 'nack' : 'reject';
    button.textContent = settleText(how, requeue);
    button.setAttribute(
      'aria-label',
      `${settleText(how, requeue)} — ${button.dataset['workerName'] ?? ''}, старейшая задача`,
    );
  }
}

function button(name: string, worker: WorkerView, text: string, label: string, off: boolean) {
  return h(
    'button',
    {
      type: 'button',
      name,
      class: WIDGET_CLASS.button,
      'data-worker': worker.id,
      'data-worker-name': worker.name,
      'data-focus-key': `${worker.id}/${name}`,
      // The visible text leads the accessible name (WCAG 2.5.3 «label in name»).
      'aria-label': `${text} — ${worker.name}, ${label}`,
      // Not `disabled`: a disabled button drops the focus the kit restores after a redraw; the
      // logic refuses the action with a reason instead.
      'aria-disabled': off ? 'true' : undefined,
    },
    text,
  );
}

function workerRow(w: WorkerView, requeue: boolean): HTMLElement {
  const prefetch = w.prefetch === 0 ? '∞' : String(w.prefetch ?? '—');
  const status = w.up ? `prefetch ${prefetch}` : '✗ упал';
  const none = !w.up || w.held.length === 0;
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
      h('span', { class: RA_CLASS.meta }, `· ${seconds(w.msPerTask)} на задачу · ${status}`),
    ),
    chips(
      `В руках у ${w.name}`,
      w.held.map(heldChip),
      SHOWN.held,
      w.up ? 'ждёт задач' : 'процесс остановлен',
    ),
    h(
      'div',
      { class: RA_CLASS.done },
      h('span', { class: RA_CLASS.meta }, `ack: ${w.acked.length}`),
      chips(
        `Подтвердил ${w.name}`,
        w.acked.map((c) => chip(c, 'acked', true)),
        SHOWN.acked,
        '—',
        true,
      ),
    ),
    h(
      'div',
      { class: `${RA_CLASS.actions} ${LAB_ONLY}` },
      button('ack', w, 'ack', 'старейшая задача', none),
      button('nack', w, settleText('nack', requeue), 'старейшая задача', none),
      button('reject', w, settleText('reject', requeue), 'старейшая задача', none),
      w.up
        ? button('crash-worker', w, 'Уронить', 'процесс падает', false)
        : button('revive-worker', w, 'Поднять', 'перезапуск процесса', false),
    ),
  );
}

/** Replaces the board's content with the frame for `view`. */
export function drawBoard(board: HTMLElement, view: AcksView, requeue: boolean): void {
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
      h('span', { class: RA_CLASS.meta }, ` · t = ${seconds(view.now)}`),
    ),
    chips(
      `Очередь ${view.queue}`,
      view.ready.map((c) => chip(c, 'ready', false)),
      SHOWN.ready,
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
      class: `${RA_CLASS.box} ${RA_CLASS.boxDead}`,
      ...(dlq === null ? { 'data-discarded': 'true' } : { 'data-queue': dlq }),
      'data-depth': view.dead.length,
    },
    h(
      'div',
      { class: RA_CLASS.boxHead },
      h('strong', {}, dlq === null ? 'удалены' : dlq),
      h('span', { class: RA_CLASS.meta }, dlq === null ? ' · нет DLX' : ' · dead letter'),
    ),
    chips(
      deadTitle,
      view.dead.map((c) => chip(c, 'dead', false)),
      SHOWN.dead,
    ),
  );
  board.replaceChildren(
    h('div', { class: RA_CLASS.broker }, queue, dead),
    h('div', { class: RA_CLASS.workers }, ...view.workers.map((w) => workerRow(w, requeue))),
  );
}

/** Builds the board into the kit's picture; chips glide within a scene (its buttons: the lab). */
export function acksPicture(host: KitHost<AcksView, AcksAction>): Painter<AcksView> {
  const board = h('div', { class: RA_CLASS.board });
  host.element.append(board);
  return (view, previous, animate) => {
    const moving = animate && previous?.sceneKey === view.sceneKey;
    const before = moving ? chipPlaces(board) : undefined;
    drawBoard(board, view, host.root.dataset['requeue'] !== 'false');
    host.root.dataset['now'] = String(view.now);
    return before ? playMoves(board, chipMoves(before, chipPlaces(board)), host.speed()) : [];
  };
}
