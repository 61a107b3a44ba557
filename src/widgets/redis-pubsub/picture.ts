/**
 * Draws one frame of the board in HTML from a view-model: the publisher with its last PUBLISH and
 * reply, Redis's channel and pattern tables (the row a message went through: green, ✓; a message
 * nobody got: red, ✗), and a card per subscriber (■ channel / ◆ pattern; ✓ got, — missed,
 * ○ gone). All text goes in as text nodes, so whatever a student typed shows as typed.
 */
import { h } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { LAB_ONLY, type KitHost, type Painter } from '../runtime/kit.ts';
import { PART_CLASS, board as boardOf } from '../runtime/parts.ts';
import { animateBoard, motionOf } from './animate.ts';
import { clip } from '../runtime/quote.ts';
import { subscribersWord } from './caption.ts';
import { PS_CLASS } from './classes.ts';
import type { PubSubAction, PubSubView, RowView, SubscriberView } from './logic.ts';

/** Shape marks: colour is never the only cue. */
export const MARK = { channel: '■', pattern: '◆', got: '✓', lost: '✗', missed: '—', gone: '○' };

function publisherCard(view: PubSubView): HTMLElement {
  const p = view.publish;
  const card = h(
    'div',
    { class: `${PART_CLASS.card} ${PS_CLASS.card}`, 'data-part': 'publisher' },
    h('div', { class: PART_CLASS.title }, 'Издатель'),
  );
  if (!p) {
    card.append(h('p', { class: PS_CLASS.empty }, 'ещё ничего не публиковал'));
    return card;
  }
  card.append(
    h('div', { class: `${PART_CLASS.code} ${PS_CLASS.code}` }, `PUBLISH ${clip(p.channel, 24)}`),
    h('div', { class: `${PS_CLASS.msg} ${PS_CLASS.token}`, 'data-token': '' }, clip(p.message, 60)),
    h(
      'div',
      {
        class: p.receivers === 0 ? `${PS_CLASS.result} ${PS_CLASS.resultLost}` : PS_CLASS.result,
      },
      p.receivers === 0 ? `→ 0 ${MARK.lost} пропало` : `→ ${p.receivers} ${MARK.got}`,
    ),
    h('p', { class: PS_CLASS.empty }, `всего: ${view.published}, пропало: ${view.dropped}`),
  );
  return card;
}

function row(r: RowView): HTMLElement {
  const state = r.matched === undefined ? '' : r.matched ? ` ${PS_CLASS.rowHit}` : '';
  const mark = r.matched ? `${MARK.got} ` : '';
  return h(
    'li',
    { class: `${PS_CLASS.row}${state}`, 'data-row': `${r.kind}:${r.name}` },
    h('span', { class: PS_CLASS.mark, 'aria-hidden': 'true' }, MARK[r.kind]),
    h(
      'span',
      {},
      `${r.kind === 'channel' ? 'канал' : 'шаблон'} `,
      h('code', {}, clip(r.name, 24)),
      h('span', { class: PS_CLASS.empty }, ` ${mark}→ ${r.subscribers.join(', ')}`),
    ),
  );
}

function redisCard(view: PubSubView): HTMLElement {
  const rows = h('ul', { class: `${PART_CLASS.plainList} ${PS_CLASS.rows}` });
  for (const r of view.rows) rows.append(row(r));
  const p = view.publish;
  // The red row tells the frame in which the message was lost, not every later one.
  if (p && p.receivers === 0 && view.last.some((e) => e.type === 'messageDropped')) {
    rows.append(
      h(
        'li',
        { class: `${PS_CLASS.row} ${PS_CLASS.rowLost}`, 'data-row': 'lost' },
        h('span', { class: PS_CLASS.mark, 'aria-hidden': 'true' }, MARK.lost),
        h(
          'span',
          {},
          'канал ',
          h('code', {}, clip(p.channel, 24)),
          ' — слушателей 0, не сохранено',
        ),
      ),
    );
  }
  if (rows.childElementCount === 0) {
    rows.append(h('li', { class: PS_CLASS.empty }, 'подписок нет'));
  }
  return h(
    'div',
    { class: `${PART_CLASS.card} ${PS_CLASS.card}`, 'data-part': 'redis' },
    h('div', { class: PART_CLASS.title }, 'Redis: подписки'),
    h(
      'div',
      { class: PS_CLASS.scroll, tabindex: 0, role: 'region', 'aria-label': 'Подписки в Redis' },
      rows,
    ),
  );
}

function fateText(s: SubscriberView): string {
  if (!s.active) return `${MARK.gone} отписался`;
  if (s.fate === 'got') return `${MARK.got} получил`;
  if (s.fate === 'missed') return `${MARK.missed} не совпало`;
  return s.fate === 'absent' ? 'подписался после PUBLISH' : 'ждёт сообщений';
}

function subscriberCard(s: SubscriberView): HTMLElement {
  const cls = [
    PART_CLASS.card,
    PS_CLASS.sub,
    s.fate === 'got' ? PS_CLASS.subGot : '',
    s.active ? '' : PS_CLASS.subGone,
  ].join(' ');
  const command = s.kind === 'pattern' ? 'PSUBSCRIBE' : 'SUBSCRIBE';
  const inbox = h('ol', {
    class: `${PART_CLASS.plainList} ${PS_CLASS.inbox}`,
    'aria-label': `Получено: ${s.received}`,
  });
  for (const m of s.inbox) inbox.append(h('li', { class: PS_CLASS.msg }, clip(m, 28)));
  if (s.inbox.length === 0) inbox.append(h('li', { class: PS_CLASS.empty }, 'пусто'));
  const toggle = h(
    'button',
    {
      type: 'button',
      name: s.active ? 'leave' : 'rejoin',
      class: `${WIDGET_CLASS.button} ${LAB_ONLY}`,
      'data-client': s.client,
      'data-focus-key': `${s.client}/toggle`,
      'aria-label': `${s.active ? 'Отписать' : 'Подписать снова'}: ${s.label}`,
    },
    s.active ? 'Отписать' : 'Подписать',
  );
  return h(
    'li',
    {
      class: cls,
      'data-subscriber': s.client,
      'data-active': String(s.active),
      'data-fate': s.fate,
      'data-received': s.received,
    },
    h(
      'div',
      { class: `${PART_CLASS.title} ${PS_CLASS.subHead}` },
      h(
        'span',
        {},
        h('span', { class: PS_CLASS.mark, 'aria-hidden': 'true' }, MARK[s.kind]),
        ` ${s.label}`,
      ),
      toggle,
    ),
    h('div', { class: `${PART_CLASS.code} ${PS_CLASS.code}` }, `${command} ${clip(s.pattern, 22)}`),
    h(
      'div',
      { class: `${PS_CLASS.empty} ${PS_CLASS.fate}` },
      fateText(s),
      h('span', { class: PS_CLASS.count }, ` · всего ${s.received}`),
    ),
    inbox,
  );
}

/** Builds the board into the kit's picture (its subscribers' buttons are handled by the lab). */
export function pubsubPicture(host: KitHost<PubSubView, PubSubAction>): Painter<PubSubView> {
  const board = boardOf(
    host,
    `${PART_CLASS.stageColumn} ${PS_CLASS.board}`,
    'Издатель, Redis и подписчики',
  );
  return (view, _previous, animate) => {
    renderBoard(board, view);
    if (view.publish) host.root.dataset['receivers'] = String(view.publish.receivers);
    else delete host.root.dataset['receivers'];
    return animate ? animateBoard(board, motionOf(view), host.speed()) : [];
  };
}

/** The board for `view`: publisher → Redis → subscribers. */
export function renderBoard(board: HTMLElement, view: PubSubView): void {
  const subs = h('ul', {
    class: `${PART_CLASS.plainList} ${PS_CLASS.subs}`,
    'aria-label': `${view.subscribers.length} ${subscribersWord(view.subscribers.length)}`,
  });
  for (const s of view.subscribers) subs.append(subscriberCard(s));
  if (view.subscribers.length === 0) {
    subs.append(h('li', { class: PS_CLASS.empty }, 'подписчиков нет'));
  }
  board.replaceChildren(
    publisherCard(view),
    h('span', { class: PS_CLASS.mark, 'aria-hidden': 'true' }, '→'),
    redisCard(view),
    h('span', { class: PS_CLASS.mark, 'aria-hidden': 'true' }, '→'),
    h(
      'div',
      { class: PS_CLASS.scroll, tabindex: 0, role: 'region', 'aria-label': 'Подписчики' },
      subs,
    ),
  );
}
