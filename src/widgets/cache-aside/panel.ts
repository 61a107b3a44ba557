/**
 * The numbers beside the diagram (the lab's read-outs): hit ratio, response times, the virtual
 * clock, the keys in Redis with their TTL left, and the last requests. Rebuilt from the frame's
 * view each time.
 */
import { h } from '../runtime/dom.ts';
import type { RequestRecord } from './app.ts';
import { formatClock } from './caption.ts';
import { CA_CLASS } from './classes.ts';
import type { CacheView } from './logic.ts';

/** Rows of the request log on screen (older ones scroll away). */
export const LOG_ROWS = 3;

const ms = (n: number | undefined): string => (n === undefined ? '—' : `${n} мс`);

/** «Ноутбук, 89 990 ₽» from the cached JSON (empty when it is not a product). */
export function productLabel(value: string): string {
  try {
    const parsed = JSON.parse(value) as { name?: unknown; price?: unknown };
    if (typeof parsed.name !== 'string') return '';
    const price =
      typeof parsed.price === 'number' ? `, ${parsed.price.toLocaleString('ru-RU')} ₽` : '';
    return `${parsed.name}${price}`;
  } catch {
    return '';
  }
}

/** The stats list. */
export function statsList(view: CacheView): HTMLElement {
  const st = view.stats;
  const ratio =
    st.hitPercent === undefined ? '—' : `${st.hits} из ${st.requests} · ${st.hitPercent} %`;
  const row = (term: string, value: string, attr: string) =>
    h('div', {}, h('dt', {}, term), h('dd', { [attr]: value }, value));
  return h(
    'dl',
    { class: CA_CLASS.stats },
    row('Попадания', ratio, 'data-hit-ratio'),
    row('Ответ из кэша', ms(st.hitMs), 'data-hit-ms'),
    row('Ответ через БД', ms(st.missMs), 'data-miss-ms'),
    row('Средний ответ', ms(st.averageMs), 'data-average-ms'),
    row('Время (вирт.)', formatClock(view.run.redis.clock.now), 'data-clock'),
  );
}

/** The keys in Redis, each with its TTL left as a number and a bar. */
export function keysList(view: CacheView): HTMLElement {
  const { keys } = view;
  const ttlSeconds = view.settings.ttlSeconds;
  const list = h('ul', { class: CA_CLASS.keys, 'aria-label': 'Ключи в Redis' });
  if (keys.length === 0) {
    list.append(h('li', { class: CA_CLASS.key, 'data-empty': 'true' }, 'Redis пуст: ключей нет'));
    return list;
  }
  for (const k of keys) {
    const left = Math.ceil(k.ttlMs / 1000);
    const share = Math.max(0, Math.min(1, k.ttlMs / (ttlSeconds * 1000)));
    const fill = h('span', { class: CA_CLASS.ttlFill });
    fill.style.width = `${(share * 100).toFixed(1)}%`;
    list.append(
      h(
        'li',
        { class: CA_CLASS.key, 'data-key': k.key, 'data-ttl': left },
        h('strong', {}, k.key),
        ` ${productLabel(k.value)} · TTL ${left} с`,
        h('span', { class: CA_CLASS.ttlBar, 'aria-hidden': 'true' }, fill),
      ),
    );
  }
  return list;
}

const SOURCE_TEXT = {
  cache: '✓ кэш',
  db: '✗ БД',
  'not-found': '✗ 404',
} as const;

/** The last requests, newest last. */
export function requestLog(requests: readonly RequestRecord[]): HTMLElement {
  const table = h(
    'table',
    { class: CA_CLASS.log },
    h('caption', {}, `Последние запросы (всего ${requests.length})`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, '№'),
        h('th', {}, 'Товар'),
        h('th', {}, 'Откуда'),
        h('th', {}, 'Ответ'),
      ),
    ),
  );
  const body = h('tbody');
  for (const r of requests.slice(-LOG_ROWS)) {
    body.append(
      h(
        'tr',
        { 'data-source': r.source, 'data-n': r.n },
        h('td', {}, r.n),
        h('td', {}, r.productId),
        h('td', {}, SOURCE_TEXT[r.source]),
        h('td', {}, `${r.ms} мс`),
      ),
    );
  }
  table.append(body);
  return table;
}
