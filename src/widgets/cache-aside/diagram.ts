/**
 * The diagram: client → FastAPI → Redis, and the slow database, with the last request's hops
 * drawn in its colour AND line style (✓ solid green hit, ✗ dashed red miss, thick dashed DB read,
 * blue SETEX) and labelled with the Redis commands the core answered.
 */
import { s } from '../runtime/dom.ts';
import type { RequestRecord, UpdateRecord } from './app.ts';
import { CA_CLASS } from './classes.ts';
import { BOXES, VIEW, centre, type NodeName } from './route.ts';

/** How an edge looks after the last request. */
export type EdgeState = 'idle' | 'hit' | 'miss' | 'db' | 'setex' | 'put' | 'del';

/** Each edge's state for a request (or all idle before the first). */
export function edgeStates(
  record: RequestRecord | undefined,
): Record<'client-app' | 'app-redis' | 'app-db', EdgeState> {
  if (!record) return { 'client-app': 'idle', 'app-redis': 'idle', 'app-db': 'idle' };
  if (record.source === 'cache')
    return { 'client-app': 'hit', 'app-redis': 'hit', 'app-db': 'idle' };
  return {
    'client-app': 'miss',
    'app-redis': record.source === 'db' ? 'setex' : 'miss',
    'app-db': 'db',
  };
}

function node(name: NodeName, title: string, sub: string): SVGGElement {
  const b = BOXES[name];
  return s(
    'g',
    { class: CA_CLASS.node, 'data-node': name },
    s('rect', { x: b.x, y: b.y, width: b.w, height: b.h, rx: 8 }),
    s('text', { class: CA_CLASS.nodeTitle, x: b.x + b.w / 2, y: b.y + 26 }, title),
    s('text', { class: CA_CLASS.nodeSub, x: b.x + b.w / 2, y: b.y + 49 }, sub),
  );
}

function edge(id: string, from: NodeName, to: NodeName, state: EdgeState): SVGLineElement {
  const a = centre(from);
  const b = centre(to);
  return s('line', {
    class: `${CA_CLASS.edge} ${CA_CLASS.edge}--${state}`,
    'data-edge': id,
    'data-state': state,
    x1: a.x,
    y1: a.y,
    x2: b.x,
    y2: b.y,
  });
}

function label(x: number, y: number, text: string, anchor = 'middle'): SVGTextElement {
  return s('text', { class: CA_CLASS.edgeLabel, x, y, 'text-anchor': anchor }, text);
}

function mark(x: number, y: number, hit: boolean): SVGGElement {
  // Shape as well as colour: a circle with ✓ for a hit, a square with ✗ for a miss.
  const shape = hit
    ? s('circle', { cx: x, cy: y, r: 13 })
    : s('rect', { x: x - 12, y: y - 12, width: 24, height: 24, rx: 2 });
  return s(
    'g',
    { class: `${CA_CLASS.mark} ${CA_CLASS.mark}--${hit ? 'hit' : 'miss'}` },
    shape,
    s('text', { x, y: y + 6 }, hit ? '✓' : '✗'),
  );
}

/** Each edge's state for a PUT: the DB row changes, then DEL invalidates the copy. */
export function updateEdges(
  update: UpdateRecord,
): Record<'client-app' | 'app-redis' | 'app-db', EdgeState> {
  return { 'client-app': 'put', 'app-redis': update.found ? 'del' : 'idle', 'app-db': 'db' };
}

/** Draws the diagram for the last request into a fresh SVG. */
export function drawDiagram(
  record: RequestRecord | undefined,
  keysInRedis: number,
  dbMs: number,
  ttlSeconds: number,
  expired: readonly string[] = [],
  update?: UpdateRecord,
): SVGSVGElement {
  const states = update ? updateEdges(update) : edgeStates(record);
  const svg = s('svg', {
    class: CA_CLASS.svg,
    viewBox: `0 0 ${VIEW.w} ${VIEW.h}`,
    role: 'img',
    'aria-label': 'Клиент, FastAPI, Redis и база данных: путь последнего запроса',
  });
  svg.append(
    edge('client-app', 'client', 'app', states['client-app']),
    edge('app-redis', 'app', 'redis', states['app-redis']),
    edge('app-db', 'app', 'db', states['app-db']),
  );
  const keyWord =
    keysInRedis === 1 ? 'ключ' : keysInRedis >= 2 && keysInRedis <= 4 ? 'ключа' : 'ключей';
  svg.append(
    node('client', 'Клиент', record || update ? `ответ ${(record ?? update)?.ms} мс` : 'curl'),
    node('app', 'FastAPI', update ? 'update_price()' : 'get_product()'),
    node('redis', 'Redis', `${keysInRedis} ${keyWord}, RAM`),
    node('db', 'База данных', `${dbMs} мс на запрос`),
  );
  if (expired.length > 0) {
    const shown = expired.length > 2 ? `${expired.slice(0, 2).join(', ')}…` : expired.join(', ');
    svg.append(label(392, 40, 'TTL истёк:', 'end'), label(392, 62, shown, 'end'));
  }
  if (update) {
    svg.append(label(174, 84, `PUT /products/${update.productId}`));
    svg.append(label(392, 222, `① цена в БД, ${update.dbMs} мс`, 'end'));
    svg.append(
      update.found
        ? label(392, 50, `② DEL ${update.key}`, 'end')
        : label(392, 198, '404 — товара нет', 'end'),
    );
  }
  if (record) {
    svg.append(label(174, 84, `GET /products/${record.productId}`));
    const hit = record.source === 'cache';
    svg.append(label(392, 50, hit ? '① GET → данные' : '① GET → (nil)', 'end'));
    svg.append(mark(440, 30, hit));
    if (!hit) {
      svg.append(label(392, 222, `② запрос к БД, ${record.dbMs} мс`, 'end'));
      svg.append(
        label(
          392,
          record.source === 'db' ? 72 : 198,
          record.source === 'db' ? `③ SETEX ${ttlSeconds} с` : '404 — не кэшируем',
          'end',
        ),
      );
    }
  }
  return svg;
}
