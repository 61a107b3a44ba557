/** Thin DOM for the idempotent-consumer view: deliveries, the two consumers, the processed set. */
import { h } from '../runtime/dom.ts';
import type { Execution } from './run.ts';
import type { ConsumerTotals, IdempotentView } from './view-model.ts';

const money = (n: number): string => `${n.toLocaleString('ru-RU')} ₽`;
const sec = (ms: number): string => `${String(Math.round(ms / 100) / 10).replace('.', ',')} с`;

function deliveries(view: IdempotentView): HTMLElement {
  const items: { at: number; crash: boolean; el: HTMLElement }[] = view.executions.map((x, i) => ({
    at: x.at,
    crash: false,
    el: h(
      'li',
      {
        class: `w-ic-delivery${x.redelivered ? ' w-ic-delivery--again' : ''}`,
        'data-redelivered': String(x.redelivered),
        'data-payment': x.paymentId,
      },
      h('span', { class: 'w-ic-mark', 'aria-hidden': 'true' }, x.redelivered ? '▲' : '●'),
      ` №${i + 1} «${x.paymentId}» → ${x.worker}, ${sec(x.at)}`,
      x.redelivered ? h('strong', {}, ' · повторно (redelivered)') : '',
    ),
  }));
  for (const c of view.crashes) {
    items.push({
      at: c.at,
      crash: true,
      el: h(
        'li',
        { class: 'w-ic-crash' },
        h('span', { class: 'w-ic-mark', 'aria-hidden': 'true' }, '✕'),
        ` ${c.worker} упал до ack, ${sec(c.at)}`,
      ),
    });
  }
  // A worker's death comes before the redelivery it causes at the same instant.
  items.sort((a, b) => a.at - b.at || Number(b.crash) - Number(a.crash));
  return h(
    'div',
    { class: 'w-ic-panel' },
    h('p', { class: 'w-ic-title' }, 'Доставки RabbitMQ (acks_late=True)'),
    h(
      'ol',
      // Focusable, so a keyboard can scroll it once a student's payments overflow it.
      { class: 'w-ic-list', 'aria-label': 'Доставки', tabindex: 0 },
      ...(items.length ? items.map((x) => x.el) : [h('li', { class: 'w-ic-empty' }, 'пока нет')]),
    ),
  );
}

function charge(x: Execution, outcome: 'charged' | 'skipped'): HTMLElement {
  const ok = outcome === 'charged';
  return h(
    'li',
    { class: ok ? 'w-ic-charge' : 'w-ic-skip', 'data-outcome': outcome },
    h('span', { class: 'w-ic-mark', 'aria-hidden': 'true' }, ok ? '₽' : '⊘'),
    ok ? ` «${x.paymentId}» −${money(x.amount)}` : ` «${x.paymentId}» пропущен`,
  );
}

function total(t: ConsumerTotals): HTMLElement {
  const bad = t.doubled.length > 0;
  return h(
    'p',
    { class: `w-ic-total ${bad ? 'w-ic-total--bad' : 'w-ic-total--ok'}` },
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
    { class: 'w-ic-panel' },
    h('p', { class: 'w-ic-title' }, title),
    h('code', { class: 'w-ic-code' }, code),
    h('ol', { class: 'w-ic-list', 'aria-label': `${title}: списания`, tabindex: 0 }, ...list),
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
    { class: 'w-ic-keys' },
    'Redis: ',
    view.processed.length ? view.processed.join(', ') : 'пусто',
  );
  const idem = consumer(
    'Идемпотентный (process_once)',
    'SET processed:<id> NX → charge',
    view.executions.map((x) => charge(x, x.idempotent)),
    view.idempotent,
    keys,
  );
  return h('div', { class: 'w-ic-grid' }, deliveries(view), naive, idem);
}
