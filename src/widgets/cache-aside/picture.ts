/**
 * The picture: client → FastAPI → Redis, and the slow database, with the last request's hops
 * drawn in its colour AND line style (✓ solid green hit, ✗ dashed red miss, thick dashed DB read,
 * blue SETEX) and labelled with the Redis commands the core answered; the keys Redis holds, with
 * the TTL left, are drawn in its box. Beside it, in the lab only: the hit ratio and response
 * times, the keys and the last requests (./panel.ts). A narrow box (a phone's lab) gets the
 * narrow drawing (./route.ts NARROW), redrawn when the kit says the box crossed NARROW_BELOW.
 */
import { h, s } from '../runtime/dom.ts';
import { LAB_ONLY, type KitHost, type Painter } from '../runtime/kit.ts';
import type { RequestRecord, UpdateRecord } from './app.ts';
import { flyToken } from './animate.ts';
import { formatSeconds } from './caption.ts';
import { CA_CLASS } from './classes.ts';
import type { CacheLabAction, CacheView } from './logic.ts';
import { keysList, requestLog, statsList } from './panel.ts';
import {
  NARROW,
  NARROW_BELOW,
  WIDE,
  centre,
  routeFor,
  type CacheGeometry,
  type LabelSpot,
  type NodeName,
} from './route.ts';

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

function node(g: CacheGeometry, name: NodeName, title: string, sub: string): SVGGElement {
  const b = g.boxes[name];
  return s(
    'g',
    { class: CA_CLASS.node, 'data-node': name },
    s('rect', { x: b.x, y: b.y, width: b.w, height: b.h, rx: 10 }),
    s('text', { class: CA_CLASS.nodeTitle, x: b.x + b.w / 2, y: b.y + b.h / 2 - 8 }, title),
    s('text', { class: CA_CLASS.nodeSub, x: b.x + b.w / 2, y: b.y + b.h / 2 + 30 }, sub),
  );
}

/** Key rows drawn in the Redis box at most (then «ещё N»). */
const KEY_ROWS = 2;

/**
 * Redis's box: its title and what it holds — each key with its TTL left as a number and a bar,
 * the keys that just expired struck out, or «пусто».
 */
function redisNode(geo: CacheGeometry, view: CacheView, expired: readonly string[]): SVGGElement {
  const b = geo.boxes.redis;
  const g = s(
    'g',
    { class: CA_CLASS.node, 'data-node': 'redis' },
    s('rect', { x: b.x, y: b.y, width: b.w, height: b.h, rx: 10 }),
    s('text', { class: CA_CLASS.nodeTitle, x: b.x + b.w / 2, y: b.y + 40 }, 'Redis'),
  );
  const x = b.x + 18;
  const rowY = (i: number): number => b.y + 88 + i * 62;
  const rows: { text: string; share?: number; gone?: boolean }[] = [
    ...view.keys.map((k) => ({
      text: `${k.key} · ${formatSeconds(Math.ceil(k.ttlMs / 1000)).split(' (')[0] ?? ''}`,
      share: Math.max(0, Math.min(1, k.ttlMs / (view.settings.ttlSeconds * 1000))),
    })),
    ...expired.map((key) => ({ text: `✗ ${key} истёк`, gone: true })),
  ];
  if (rows.length === 0) {
    g.append(s('text', { class: CA_CLASS.nodeSub, x: b.x + b.w / 2, y: rowY(0) }, 'пусто'));
  }
  rows.slice(0, KEY_ROWS).forEach((row, i) => {
    const y = rowY(i);
    g.append(
      s(
        'text',
        { class: row.gone ? `${CA_CLASS.keyText} ${CA_CLASS.keyGone}` : CA_CLASS.keyText, x, y },
        row.text,
      ),
    );
    if (row.share !== undefined) {
      const w = b.w - 36;
      g.append(
        s('rect', { class: CA_CLASS.ttlTrack, x, y: y + 10, width: w, height: 10 }),
        s('rect', { class: CA_CLASS.ttlLeft, x, y: y + 10, width: w * row.share, height: 10 }),
      );
    }
  });
  if (rows.length > KEY_ROWS) {
    g.append(
      s(
        'text',
        { class: CA_CLASS.keyText, x, y: rowY(KEY_ROWS) - 8 },
        `ещё ${rows.length - KEY_ROWS}`,
      ),
    );
  }
  return g;
}

function edge(
  g: CacheGeometry,
  id: string,
  from: NodeName,
  to: NodeName,
  state: EdgeState,
): SVGLineElement {
  const a = centre(from, g.boxes);
  const b = centre(to, g.boxes);
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

function label({ x, y, anchor }: LabelSpot, text: string): SVGTextElement {
  return s('text', { class: CA_CLASS.edgeLabel, x, y, 'text-anchor': anchor }, text);
}

function mark({ x, y }: LabelSpot, hit: boolean): SVGGElement {
  // Shape as well as colour: a circle with ✓ for a hit, a square with ✗ for a miss.
  const shape = hit
    ? s('circle', { cx: x, cy: y, r: 19 })
    : s('rect', { x: x - 18, y: y - 18, width: 36, height: 36, rx: 3 });
  return s(
    'g',
    { class: `${CA_CLASS.mark} ${CA_CLASS.mark}--${hit ? 'hit' : 'miss'}` },
    shape,
    s('text', { x, y: y + 10 }, hit ? '✓' : '✗'),
  );
}

/** Each edge's state for a PUT: the DB row changes, then DEL invalidates the copy. */
export function updateEdges(
  update: UpdateRecord,
): Record<'client-app' | 'app-redis' | 'app-db', EdgeState> {
  return { 'client-app': 'put', 'app-redis': update.found ? 'del' : 'idle', 'app-db': 'db' };
}

/** The hit ratio over the top left corner («Попадания: 3 из 5 · 60 %»), once there are requests. */
function ratioText(view: CacheView): string {
  const { hits, requests, hitPercent } = view.stats;
  return hitPercent === undefined ? '' : `Попадания: ${hits} из ${requests} · ${hitPercent} %`;
}

/** Draws the diagram of `view` into a fresh SVG, on the wide drawing unless `g` says otherwise. */
export function drawDiagram(view: CacheView, g: CacheGeometry = WIDE): SVGSVGElement {
  const at = g.spots;
  const { record, update } = view;
  const { dbMs, ttlSeconds } = view.settings;
  const expired = view.run.last?.kind === 'wait' ? view.run.expired : [];
  const states = update ? updateEdges(update) : edgeStates(record);
  const svg = s('svg', {
    class: CA_CLASS.svg,
    viewBox: `0 0 ${g.view.w} ${g.view.h}`,
    preserveAspectRatio: 'xMinYMin meet',
    role: 'img',
    'aria-label': 'Клиент, FastAPI, Redis и база данных: путь последнего запроса',
  });
  // Drawn in this order: hops, (the flying request), boxes, then every label on top, so nothing
  // that moves ever covers a box's or a hop's text.
  svg.append(
    edge(g, 'client-app', 'client', 'app', states['client-app']),
    edge(g, 'app-redis', 'app', 'redis', states['app-redis']),
    edge(g, 'app-db', 'app', 'db', states['app-db']),
  );
  const answered = record ?? update;
  svg.append(
    node(g, 'client', 'Клиент', answered ? `ответ ${answered.ms} мс` : 'curl'),
    node(g, 'app', 'FastAPI', update ? 'update_price()' : 'get_product()'),
    redisNode(g, view, expired),
    node(g, 'db', 'База данных', `${dbMs} мс на запрос`),
  );
  const ratio = ratioText(view);
  if (ratio) svg.append(s('text', { class: CA_CLASS.ratio, x: 4, y: 34 }, ratio));
  if (update) {
    svg.append(label(at.clientApp, `PUT /products/${update.productId}`));
    svg.append(label(at.dbRight, `① цена в БД, ${update.dbMs} мс`));
    svg.append(
      update.found
        ? label(at.redisAbove, `② DEL ${update.key}`)
        : label(at.dbLeft, '404 — товара нет'),
    );
  }
  if (record) {
    svg.append(label(at.clientApp, `GET /products/${record.productId}`));
    const hit = record.source === 'cache';
    svg.append(label(at.redisAbove, hit ? '① GET → данные' : '① GET → (nil)'));
    svg.append(mark(at.mark, hit));
    if (!hit) {
      svg.append(label(at.dbRight, `② запрос к БД, ${record.dbMs} мс`));
      svg.append(
        record.source === 'db'
          ? label(at.redisBelow, `③ SETEX ${ttlSeconds} с`)
          : label(at.dbLeft, '404 — не кэшируем'),
      );
    }
  }
  return svg;
}

/**
 * Builds the picture into the kit's element: the diagram, and beside it (lab only) the numbers.
 * A new request or PUT flies a token along its hops; a settings change replays without one.
 */
export function cachePicture(host: KitHost<CacheView, CacheLabAction>): Painter<CacheView> {
  const figure = h('figure', { class: CA_CLASS.figure });
  const side = h('div', { class: `${CA_CLASS.side} ${LAB_ONLY}` });
  host.element.append(h('div', { class: CA_CLASS.main }, figure, side));
  let stopFlight: (() => void) | undefined;
  const stop = (): void => {
    stopFlight?.();
    stopFlight = undefined;
  };
  host.disposer.add(stop);
  return (view, previous, animate, { width }) => {
    stop();
    // In a wide lab the numbers take two fifths of the box beside the diagram: the figure's own
    // width decides (the breakpoints in ./index.ts are where it crosses NARROW_BELOW).
    const drawn = figure.clientWidth || width;
    const g = drawn > 0 && drawn < NARROW_BELOW ? NARROW : WIDE;
    const svg = drawDiagram(view, g);
    figure.replaceChildren(svg);
    side.replaceChildren(
      statsList(view),
      keysList(view),
      h('div', { class: CA_CLASS.log }, requestLog(view.run.requests)),
    );
    const d = host.root.dataset;
    d['requests'] = String(view.stats.requests);
    d['hits'] = String(view.stats.hits);
    d['lastSource'] = view.record?.source ?? '';
    d['lastMs'] = view.record ? String(view.record.ms) : '';
    d['clockMs'] = String(view.run.redis.clock.now);
    // Only what just happened flies: the next step, or a new action (not a replay, not a seek).
    const fresh =
      previous !== undefined &&
      !view.replayed &&
      ((view.step === previous.step + 1 && view.actions === previous.actions) ||
        (view.step === previous.step && view.actions === previous.actions + 1));
    const route = view.update
      ? routeFor(view.update.found ? 'update' : 'update-404')
      : view.record && routeFor(view.record.source);
    if (animate && fresh && route) {
      stopFlight = flyToken(svg, route, view.settings.dbMs, host.speed(), host.disposer, g.boxes);
    }
    return [];
  };
}
