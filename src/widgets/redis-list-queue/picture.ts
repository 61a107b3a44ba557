/**
 * Draws one frame of the board in HTML from a view-model: the API, `email_queue` as cells from
 * head (LPUSH) to tail (BRPOP), the processing list, a card per worker (⏳ waiting with its place
 * in line, ⚙ busy with its task, ✗ crashed) with its buttons, and the tasks lost or saved.
 * All text goes in as text nodes, so whatever a student typed shows as typed.
 */
import { h } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { LAB_ONLY, type KitHost, type Painter } from '../runtime/kit.ts';
import { PART_CLASS, board as boardOf } from '../runtime/parts.ts';
import { animateBoard, motionOf } from './animate.ts';
import { clip } from '../runtime/quote.ts';
import { LQ_CLASS } from './classes.ts';
import { PROCESSING, QUEUE } from './story.ts';
import type { QueueAction, QueueView, WorkerView } from './logic.ts';

/** Cells a list draws before it writes «+N» (the tail, next out, is always shown). */
export const CELLS_SHOWN = 7;

/** Shape marks: colour is never the only cue. */
export const MARK = { waiting: '○', busy: '⚙', crashed: '✗', lost: '✗', saved: '↺', done: '✓' };

function cells(items: readonly string[], key: string): HTMLElement {
  const row = h('ol', {
    class: `${PART_CLASS.plainList} ${LQ_CLASS.cells}`,
    'data-list': key,
    'aria-label': `${key}: ${items.length}`,
  });
  const hidden = Math.max(0, items.length - CELLS_SHOWN);
  if (hidden > 0) row.append(h('li', { class: LQ_CLASS.muted }, `+${hidden}`));
  items.slice(hidden).forEach((item, i) => {
    row.append(
      h(
        'li',
        { class: `${LQ_CLASS.cell} ${LQ_CLASS.task}`, 'data-index': hidden + i },
        clip(item, 18),
      ),
    );
  });
  if (items.length === 0) row.append(h('li', { class: LQ_CLASS.muted }, 'пусто'));
  return row;
}

function listCard(view: QueueView): HTMLElement {
  return h(
    'div',
    { class: LQ_CLASS.lists },
    h(
      'div',
      {
        class: `${PART_CLASS.card} ${LQ_CLASS.card} ${LQ_CLASS.list}`,
        'data-part': 'queue',
        'data-length': view.queue.length,
      },
      h('div', { class: PART_CLASS.title }, h('code', {}, QUEUE), ` — ${view.queue.length}`),
      h(
        'div',
        { class: LQ_CLASS.ends, 'aria-hidden': 'true' },
        h('span', {}, 'LPUSH → голова'),
        h('span', {}, 'хвост → BRPOP / BLMOVE'),
      ),
      cells(view.queue, QUEUE),
    ),
    h(
      'div',
      {
        class: `${PART_CLASS.card} ${LQ_CLASS.card} ${LQ_CLASS.list} ${LQ_CLASS.listProcessing}`,
        'data-part': 'processing',
        'data-length': view.processing.length,
      },
      h(
        'div',
        { class: PART_CLASS.title },
        h('code', {}, PROCESSING),
        ` — ${view.processing.length}`,
      ),
      cells(view.processing, PROCESSING),
    ),
  );
}

function button(name: string, text: string, w: WorkerView): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      name,
      class: WIDGET_CLASS.button,
      'data-worker': w.client,
      'data-focus-key': `${w.client}/${name}`,
      'aria-label': `${text}: ${w.label}`,
    },
    text,
  );
}

function statusLine(w: WorkerView, view: QueueView): HTMLElement {
  if (w.status === 'waiting') {
    return h(
      'div',
      { class: LQ_CLASS.muted },
      `${MARK.waiting} ждёт в ${w.mode}${w.line ? `, №${w.line}` : ''}`,
    );
  }
  if (w.status === 'busy') {
    return h(
      'div',
      {},
      `${MARK.busy} `,
      h('span', { class: LQ_CLASS.task, 'data-held': '' }, clip(w.task ?? '', 20)),
    );
  }
  if (w.task === undefined)
    return h('div', { class: LQ_CLASS.muted }, `${MARK.crashed} упал, задач не было`);
  const lost = view.crashes.some((c) => c.worker === w.client && c.lost && c.value === w.task);
  return h(
    'div',
    {},
    `${MARK.crashed} упал: `,
    h(
      'span',
      { class: `${LQ_CLASS.task} ${lost ? LQ_CLASS.taskLost : ''}`, 'data-held': '' },
      clip(w.task, 16),
    ),
    lost ? ' потеряно' : ' в processing',
  );
}

function workerCard(w: WorkerView, view: QueueView): HTMLElement {
  const cls = [
    PART_CLASS.card,
    LQ_CLASS.worker,
    w.status === 'busy' ? LQ_CLASS.busy : '',
    w.status === 'crashed' ? LQ_CLASS.crashed : '',
  ];
  const buttons = h('div', { class: `${LQ_CLASS.footer} ${LAB_ONLY}` });
  if (w.status === 'busy') buttons.append(button('finish', 'Готово', w));
  if (w.status !== 'crashed') buttons.append(button('crash-worker', 'Упасть', w));
  else buttons.append(button('restart', 'Перезапустить', w));
  return h(
    'li',
    { class: cls.join(' '), 'data-worker': w.client, 'data-status': w.status, 'data-mode': w.mode },
    h(
      'div',
      { class: PART_CLASS.title },
      `${w.label} `,
      h(
        'span',
        { class: `${PART_CLASS.code} ${LQ_CLASS.code}` },
        w.mode === 'BRPOP' ? 'BRPOP' : 'BLMOVE ⇄',
      ),
      w.done > 0
        ? h('span', { class: LQ_CLASS.muted, title: 'выполнено' }, ` ${MARK.done}${w.done}`)
        : '',
    ),
    statusLine(w, view),
    buttons,
  );
}

function fates(view: QueueView): HTMLElement {
  const lost = view.crashes.filter((c) => c.lost);
  const saved = view.crashes.filter((c) => !c.lost);
  return h(
    'p',
    { class: LQ_CLASS.fates, 'data-lost': lost.length, 'data-done': view.done },
    h('span', { class: LQ_CLASS.taskLost }, `${MARK.lost} потеряно: ${lost.length}`),
    lost.length > 0
      ? ` (${lost
          .slice(-3)
          .map((c) => clip(c.value, 14))
          .join(', ')})`
      : '',
    ` · ${MARK.saved} пережило падение: ${saved.length} · ${MARK.done} выполнено: ${view.done}`,
  );
}

/** Builds the board into the kit's picture (its worker buttons are handled by the lab). */
export function listQueuePicture(host: KitHost<QueueView, QueueAction>): Painter<QueueView> {
  const board = boardOf(host, LQ_CLASS.board, 'API, список email_queue и воркеры');
  return (view, _previous, animate) => {
    renderBoard(board, view);
    host.root.dataset['lost'] = String(view.crashes.filter((c) => c.lost).length);
    return animate ? animateBoard(board, motionOf(view), host.speed()) : [];
  };
}

/** The board for `view`: API → lists → workers, and the fates of tasks below. */
export function renderBoard(board: HTMLElement, view: QueueView): void {
  const workers = h('ul', {
    class: `${PART_CLASS.plainList} ${LQ_CLASS.workers}`,
    'aria-label': 'Воркеры',
  });
  for (const w of view.workers) workers.append(workerCard(w, view));
  board.replaceChildren(
    h(
      'div',
      { class: `${PART_CLASS.card} ${LQ_CLASS.card}`, 'data-part': 'api' },
      h('div', { class: PART_CLASS.title }, 'API'),
      h('div', { class: `${PART_CLASS.code} ${LQ_CLASS.code}` }, 'LPUSH'),
      h('div', { class: `${LQ_CLASS.muted} ${LAB_ONLY}` }, 'ставит и сразу отвечает 202'),
    ),
    h('span', { class: LQ_CLASS.arrow, 'aria-hidden': 'true' }, '→'),
    listCard(view),
    h('span', { class: LQ_CLASS.arrow, 'aria-hidden': 'true' }, '→'),
    workers,
    fates(view),
  );
}
