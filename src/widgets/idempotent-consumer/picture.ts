/**
 * The picture: RabbitMQ's deliveries (● first, ▲ redelivered, ✕ a worker that died before its
 * ack), the naive consumer's charges and the idempotent one's (₽ charged, ⊘ skipped), each with
 * its total, and the processed-id keys. New rows slide in; long lists scroll to the newest row.
 * All text goes in as text nodes, so whatever a student typed shows as typed.
 */
import { h, replaceChildren } from '../runtime/dom.ts';
import type { KitHost, Painter } from '../runtime/kit.ts';
import { PART_CLASS } from '../runtime/parts.ts';
import { IC_CLASS } from './classes.ts';
import { MARK } from './legend.ts';
import type { ConsumerTotals, IdempotentView } from './logic.ts';
import type { Execution, Payment } from './run.ts';

const money = (n: number): string => `${n.toLocaleString('ru-RU')} ₽`;
const sec = (ms: number): string => `${String(Math.round(ms / 100) / 10).replace('.', ',')} с`;
const mark = (text: string): HTMLElement =>
  h('span', { class: IC_CLASS.mark, 'aria-hidden': 'true' }, text);

/**
 * A list in a scroller that stays at its newest (last) row whatever the face's size: the scroller
 * is a reversed flex column, so its start is the list's end. Focusable, so a keyboard can scroll
 * it once a student's payments overflow it.
 */
function scroller(label: string, rows: readonly HTMLElement[]): HTMLElement {
  return h(
    'div',
    { class: IC_CLASS.scroll, role: 'region', 'aria-label': label, tabindex: 0 },
    h('ol', { class: IC_CLASS.list }, ...rows),
  );
}

function deliveries(view: IdempotentView): HTMLElement {
  const items: { at: number; crash: boolean; el: HTMLElement }[] = view.executions.map((x, i) => ({
    at: x.at,
    crash: false,
    el: h(
      'li',
      {
        class: `${IC_CLASS.delivery}${x.redelivered ? ` ${IC_CLASS.again}` : ''}`,
        'data-redelivered': String(x.redelivered),
        'data-payment': x.paymentId,
      },
      mark(x.redelivered ? MARK.again : MARK.first),
      h('span', { class: IC_CLASS.time }, ` №${i + 1}`),
      ` «${x.paymentId}» → ${x.worker}`,
      h('span', { class: IC_CLASS.time }, `, ${sec(x.at)}`),
      x.redelivered ? h('strong', {}, ' повторно') : '',
    ),
  }));
  for (const c of view.crashes) {
    items.push({
      at: c.at,
      crash: true,
      el: h(
        'li',
        { class: IC_CLASS.crash },
        mark(MARK.dead),
        ` ${c.worker} упал до ack`,
        h('span', { class: IC_CLASS.time }, `, ${sec(c.at)}`),
      ),
    });
  }
  // A worker's death comes before the redelivery it causes at the same instant.
  items.sort((a, b) => a.at - b.at || Number(b.crash) - Number(a.crash));
  return h(
    'div',
    { class: IC_CLASS.panel },
    h('p', { class: IC_CLASS.title }, 'Доставки RabbitMQ'),
    h('code', { class: IC_CLASS.code }, 'acks_late=True'),
    scroller(
      'Доставки',
      items.length ? items.map((x) => x.el) : [h('li', { class: IC_CLASS.empty }, 'пока нет')],
    ),
  );
}

function charge(x: Execution, outcome: 'charged' | 'skipped'): HTMLElement {
  const ok = outcome === 'charged';
  return h(
    'li',
    { class: ok ? IC_CLASS.charge : IC_CLASS.skip, 'data-outcome': outcome },
    mark(ok ? MARK.money : MARK.skipped),
    ok ? ` «${x.paymentId}» −${money(x.amount)}` : ` «${x.paymentId}» пропущен`,
  );
}

function total(t: ConsumerTotals): HTMLElement {
  const bad = t.doubled.length > 0;
  return h(
    'p',
    { class: `${IC_CLASS.total} ${bad ? IC_CLASS.totalBad : IC_CLASS.totalOk}` },
    h('span', { 'aria-hidden': 'true' }, bad ? '✗ ' : '✓ '),
    `Списано ${money(t.sum)} (${t.charges})`,
    bad ? ` — дважды: ${t.doubled.map((id) => `«${id}»`).join(', ')}` : '',
  );
}

function consumer(
  title: string,
  code: string,
  list: HTMLElement[],
  t: ConsumerTotals,
  extra?: HTMLElement,
): HTMLElement {
  return h(
    'div',
    { class: IC_CLASS.panel },
    h('p', { class: IC_CLASS.title }, title),
    h('code', { class: IC_CLASS.code }, code),
    scroller(
      `${title}: списания`,
      list.length ? list : [h('li', { class: IC_CLASS.empty }, 'пока нет')],
    ),
    total(t),
    extra,
  );
}

/** The three panels for a view. */
export function renderView(view: IdempotentView): HTMLElement {
  const naive = consumer(
    'Наивный consumer',
    'charge(payment)',
    view.executions.map((x) => charge(x, 'charged')),
    view.naive,
  );
  const keys = h(
    'p',
    { class: IC_CLASS.keys },
    'Redis: ',
    view.processed.length ? view.processed.join(', ') : 'пусто',
  );
  const idem = consumer(
    'Идемпотентный',
    'SET processed:<id> NX',
    view.executions.map((x) => charge(x, x.idempotent)),
    view.idempotent,
    keys,
  );
  return h('div', { class: IC_CLASS.grid }, deliveries(view), naive, idem);
}

/** Rows the deliveries list draws for `view` (the ones past the previous frame's slide in). */
const rowsOf = (view: IdempotentView): number => view.executions.length + view.crashes.length;

/** Builds the panels into the kit's picture. */
export function idempotentPicture(host: KitHost<IdempotentView, Payment>): Painter<IdempotentView> {
  const body = h('div', { class: `${PART_CLASS.stageColumn} ${IC_CLASS.body}` });
  host.element.append(body);
  return (view, previous, animate) => {
    replaceChildren(body, renderView(view));
    host.root.dataset['naiveCharges'] = String(view.naive.charges);
    host.root.dataset['idempotentCharges'] = String(view.idempotent.charges);
    const shown = previous && animate ? rowsOf(previous) : Infinity;
    const running: Animation[] = [];
    body
      .querySelectorAll<HTMLElement>(`.${IC_CLASS.delivery}, .${IC_CLASS.crash}`)
      .forEach((row, i) => {
        if (i < shown) return;
        running.push(
          row.animate([{ opacity: 0, transform: 'translateX(-1em)' }, { opacity: 1 }], {
            duration: 400 / host.speed(),
            fill: 'backwards',
          }),
        );
      });
    return running;
  };
}
