/**
 * Pub/Sub vs Task Queue in HTML: two lanes side by side, each a path (publisher → exchange or
 * queue) and one row per receiver with the messages the model delivered to it.
 */
import { h } from '../runtime/dom.ts';
import { PT_CLASS } from './classes.ts';
import { FANOUT_EXCHANGE, TASK_QUEUE, type FanoutView, type Receiver } from './logic-fanout.ts';

/** Chips shown per receiver row. */
export const MAX_CHIPS = 4;

function path(...nodes: [string, boolean][]): HTMLElement {
  const el = h('div', { class: PT_CLASS.path, 'aria-hidden': 'true' });
  nodes.forEach(([text, accent], i) => {
    if (i > 0) el.append(h('span', { class: PT_CLASS.arrow }, '→'));
    el.append(h('span', { class: `${PT_CLASS.node} ${accent ? PT_CLASS.nodeAccent : ''}` }, text));
  });
  return el;
}

function rows(view: FanoutView, receivers: readonly Receiver[], kind: 'subscriber' | 'worker') {
  const list = h('ul', { class: PT_CLASS.rows });
  for (const r of receivers) {
    const chips = h('span', { class: PT_CLASS.chips });
    // Only the latest few fit a row on a projector; the count says how many came before.
    const hidden = Math.max(0, r.got.length - MAX_CHIPS);
    if (hidden > 0) chips.append(h('span', { class: PT_CLASS.muted }, `+${hidden} раньше`));
    for (const m of r.got.slice(hidden)) {
      const fresh = view.latest.includes(m.n);
      chips.append(
        h(
          'span',
          {
            class: `${PT_CLASS.chip} ${kind === 'subscriber' ? PT_CLASS.chipCopy : PT_CLASS.chipTask} ${fresh ? PT_CLASS.chipNew : ''}`,
            'data-new': fresh ? 'true' : undefined,
            title: m.body,
          },
          `${kind === 'subscriber' ? '■' : '●'} #${m.n}`,
        ),
      );
    }
    const count = r.got.length;
    list.append(
      h(
        'li',
        { class: PT_CLASS.row, 'data-receiver': r.name, 'data-kind': kind, 'data-count': count },
        h('span', { class: PT_CLASS.who, title: `очередь ${r.queue}` }, r.name),
        chips,
        count === 0 ? h('span', { class: PT_CLASS.muted }, 'пока ничего') : null,
      ),
    );
  }
  return list;
}

/** The whole fan-out/task-queue picture for `view`. */
export function renderFanout(view: FanoutView): HTMLElement {
  return h(
    'div',
    { class: PT_CLASS.lanes },
    h(
      'div',
      { class: PT_CLASS.lane, role: 'group', 'aria-label': 'Pub/Sub: fanout-exchange' },
      h(
        'h3',
        { class: PT_CLASS.laneTitle },
        'Pub/Sub — каждому подписчику по копии ',
        h('span', { class: PT_CLASS.count }, `(доставок: ${view.subscriberDeliveries})`),
      ),
      path(
        ['издатель', false],
        [`${FANOUT_EXCHANGE} (fanout)`, true],
        ['очередь на подписчика', false],
      ),
      rows(view, view.subscribers, 'subscriber'),
    ),
    h(
      'div',
      {
        class: PT_CLASS.lane,
        role: 'group',
        'aria-label': 'Task Queue: одна очередь на всех воркеров',
      },
      h(
        'h3',
        { class: PT_CLASS.laneTitle },
        'Task Queue — каждое сообщение одному воркеру ',
        h('span', { class: PT_CLASS.count }, `(доставок: ${view.workerDeliveries})`),
      ),
      path(['издатель', false], [`очередь ${TASK_QUEUE}`, true], ['воркеры по очереди', false]),
      rows(view, view.workers, 'worker'),
    ),
  );
}
