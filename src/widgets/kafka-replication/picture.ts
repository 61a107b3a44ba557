/**
 * Draws one frame in HTML: the producer with what it heard about its last records, and the three
 * brokers' replicas of partition 0 side by side — the leader, who is in the ISR, each replica's
 * log with the high watermark drawn across it (records under it are committed). Each broker's
 * stop/start button shows in the lab only. All text goes in as text nodes.
 */
import { h } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { LAB_ONLY, type KitHost, type Painter } from '../runtime/kit.ts';
import { PART_CLASS, board as boardOf } from '../runtime/parts.ts';
import { KR_CLASS } from './classes.ts';
import type { ReplicaView, ReplicationAction, ReplicationView, Sent } from './logic.ts';

/** Records a replica draws before it writes «+N раньше» (the newest are always shown). */
export const CELLS_SHOWN = 5;
/** Stranded records a stopped former leader draws (the newest; «⊘ +N» for the rest). */
export const STRANDED_SHOWN = 2;
/** Records of the producer's list. */
export const SENT_SHOWN = 4;

/** Shape marks: colour is never the only cue. */
export const MARK = {
  leader: '★',
  inIsr: '●',
  outIsr: '○',
  down: '✗',
  ack: '✓',
  pending: '⏳',
  refused: '✗',
  none: '→',
  lost: '✗',
  stranded: '⊘',
} as const;

function heardText(s: Sent): string {
  if (s.lost) return `${MARK.lost} потерян`;
  switch (s.heard) {
    case 'ack':
      return `${MARK.ack} ack`;
    case 'pending':
      return `${MARK.pending} ждёт`;
    case 'none':
      return `${MARK.none} без ответа`;
    case 'queued':
      return `${MARK.pending} нет лидера`;
    case 'expired':
      return `${MARK.refused} истёк срок`;
    default:
      return `${MARK.refused} отказ`;
  }
}

function producerCard(view: ReplicationView): HTMLElement {
  const list = h('ol', {
    class: `${PART_CLASS.plainList} ${KR_CLASS.sent}`,
    'aria-label': 'Отправленные сообщения',
  });
  for (const s of view.sent.slice(-SENT_SHOWN)) {
    list.append(
      h(
        'li',
        {
          class: `${KR_CLASS.sentItem} ${s.lost ? KR_CLASS.lost : ''}`,
          'data-heard': s.lost ? 'lost' : s.heard,
        },
        h('span', { class: KR_CLASS.value }, s.value),
        h('span', { class: KR_CLASS.role, title: s.heard }, ` acks=${s.acks} ${heardText(s)}`),
      ),
    );
  }
  if (view.sent.length === 0) list.append(h('li', { class: KR_CLASS.more }, 'ещё ничего'));
  return h(
    'div',
    { class: `${PART_CLASS.card} ${KR_CLASS.producer}`, 'data-part': 'producer' },
    h('div', { class: PART_CLASS.title }, 'Producer'),
    list,
  );
}

function roleText(r: ReplicaView): string {
  if (!r.up) return `${MARK.down} остановлен`;
  return r.leader ? `${MARK.leader} лидер` : 'follower';
}

function brokerCard(r: ReplicaView, view: ReplicationView): HTMLElement {
  const log = h('ol', {
    class: `${PART_CLASS.plainList} ${KR_CLASS.log}`,
    'aria-label': `Журнал брокера ${r.broker}`,
  });
  const hidden = Math.max(0, r.records.length - CELLS_SHOWN);
  if (hidden > 0) log.append(h('li', { class: KR_CLASS.more }, `+${hidden} раньше`));
  let hwDrawn = false;
  const hwLine = () =>
    h(
      'li',
      { class: KR_CLASS.hw, 'aria-label': `HW = ${view.highWatermark}` },
      `HW = ${view.highWatermark}`,
    );
  for (const record of r.records.slice(hidden)) {
    if (!hwDrawn && record.offset >= view.highWatermark) {
      log.append(hwLine());
      hwDrawn = true;
    }
    const committed = record.offset < view.highWatermark;
    log.append(
      h(
        'li',
        {
          class: `${KR_CLASS.cell} ${committed ? KR_CLASS.cellCommitted : ''}`,
          'data-offset': record.offset,
        },
        `${record.offset}: ${record.value}`,
      ),
    );
  }
  // A replica out of the ISR may lack records below the HW (broker 3 stopped before «заказ 2»):
  // say so, so the HW line under its log does not read as its own.
  if (!hwDrawn && r.leo < view.highWatermark) {
    const last = view.highWatermark - 1;
    const range = last > r.leo ? `${r.leo}–${last}` : String(r.leo);
    log.append(
      h('li', { class: `${KR_CLASS.cell} ${KR_CLASS.cellMissing}` }, `${range}: нет копии`),
    );
  }
  if (!hwDrawn) log.append(hwLine());
  // A stopped former leader still has the records its followers never copied (KIP-101): on its
  // disk, out of the partition, truncated only when it rejoins. Greyed, marked, never committed.
  const strandedHidden = Math.max(0, r.stranded.length - STRANDED_SHOWN);
  if (strandedHidden > 0) {
    log.append(h('li', { class: KR_CLASS.more }, `${MARK.stranded} +${strandedHidden}`));
  }
  for (const record of r.stranded.slice(strandedHidden)) {
    log.append(
      h(
        'li',
        {
          class: `${KR_CLASS.cell} ${KR_CLASS.cellStranded}`,
          'data-offset': record.offset,
          'data-stranded': 'true',
          title: 'Только на диске остановленного брокера: в партиции этой записи нет',
        },
        `${record.offset}: ${record.value} ${MARK.stranded}`,
      ),
    );
  }
  const toggle = h(
    'button',
    {
      type: 'button',
      class: WIDGET_CLASS.button,
      name: r.up ? 'stop-broker' : 'start-broker',
      'data-broker': r.broker,
      'data-focus-key': `b${r.broker}/toggle`,
    },
    r.up ? 'Остановить' : 'Запустить',
  );
  return h(
    'li',
    {
      class: [
        PART_CLASS.card,
        KR_CLASS.broker,
        r.up ? '' : KR_CLASS.brokerDown,
        r.leader ? KR_CLASS.brokerLeader : '',
      ]
        .filter(Boolean)
        .join(' '),
      'data-broker': r.broker,
      'data-up': String(r.up),
      'data-leader': String(r.leader),
      'data-isr': String(r.inIsr),
      'data-leo': r.leo,
    },
    h('div', { class: PART_CLASS.title }, `Брокер ${r.broker}`),
    h(
      'div',
      { class: KR_CLASS.role },
      `${roleText(r)} · ${r.inIsr ? `${MARK.inIsr} в ISR` : `${MARK.outIsr} вне ISR`}`,
    ),
    log,
    h('div', { class: `${KR_CLASS.buttons} ${LAB_ONLY}` }, toggle),
  );
}

function summary(view: ReplicationView): HTMLElement {
  const leader = view.leader < 0 ? 'нет' : `брокер ${view.leader}`;
  return h(
    'p',
    { class: KR_CLASS.summary, 'data-part': 'summary' },
    `ISR = {${view.isr.join(', ')}} · min.insync.replicas = ${view.minInsync}`,
    h('span', { class: LAB_ONLY }, ` · лидер: ${leader} · HW = ${view.highWatermark}`),
  );
}

/** Builds the board into the kit's picture; returns how to draw a frame. */
export function replicationPicture(
  host: KitHost<ReplicationView, ReplicationAction>,
): Painter<ReplicationView> {
  const board = boardOf(host, KR_CLASS.board, 'Producer и три брокера с репликами партиции');
  return (view, previous, animate) => {
    const brokers = h('ul', {
      class: `${PART_CLASS.plainList} ${KR_CLASS.brokers}`,
      'aria-label': 'Брокеры',
    });
    for (const r of view.replicas) brokers.append(brokerCard(r, view));
    board.replaceChildren(producerCard(view), brokers, summary(view));
    host.root.dataset['isr'] = view.isr.join(',');
    host.root.dataset['hw'] = String(view.highWatermark);
    host.root.dataset['leader'] = String(view.leader);
    host.root.dataset['lost'] = String(view.sent.filter((s) => s.lost).length);
    if (!animate || !previous) return [];
    return arrivals(board, view, previous, host.speed());
  };
}

/** New records slide into each replica's log from the left (copied from the leader). */
function arrivals(
  board: HTMLElement,
  view: ReplicationView,
  previous: ReplicationView,
  speed: number,
): Animation[] {
  const started: Animation[] = [];
  for (const r of view.replicas) {
    const before = previous.replicas.find((p) => p.broker === r.broker)?.leo ?? 0;
    for (const cell of board.querySelectorAll<HTMLElement>(
      `li[data-broker="${r.broker}"] .${KR_CLASS.cell}:not([data-stranded])`,
    )) {
      if (Number(cell.dataset['offset']) < before) continue;
      started.push(
        cell.animate(
          [
            { transform: 'translateX(-1.5em)', opacity: 0.2 },
            { transform: 'none', opacity: 1 },
          ],
          { duration: 450 / speed, easing: 'ease-out', fill: 'backwards' },
        ),
      );
    }
  }
  return started;
}
