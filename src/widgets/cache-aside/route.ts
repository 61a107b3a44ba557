/**
 * Pure geometry of the diagram: where the four boxes sit, which hops a request makes, and where
 * the request token is at a given time of its flight (the DB hops take longer: the read is slow).
 */
import { lerp, easeInOut } from '../runtime/motion.ts';
import { at } from '../../broker/core/at.ts';
import type { Source } from './app.ts';

/** The diagram's boxes. */
export type NodeName = 'client' | 'app' | 'redis' | 'db';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * viewBox size of the diagram. It is drawn about 1:1 on the stage at 1280×720, so every text is
 * at least 26 units (≥ 24 px on screen).
 */
export const VIEW = { w: 1200, h: 370 } as const;

/**
 * Box of each node, in viewBox units: client → FastAPI → Redis on one line, the database under
 * FastAPI, so every hop is straight and its labels sit beside it, never on a box.
 */
export const BOXES: Readonly<Record<NodeName, Box>> = {
  client: { x: 4, y: 90, w: 190, h: 110 },
  app: { x: 430, y: 90, w: 240, h: 110 },
  redis: { x: 890, y: 35, w: 306, h: 220 },
  db: { x: 430, y: 270, w: 240, h: 96 },
};

/** Where a hop's label is written: its anchor point and which end of the text sits there. */
export interface LabelSpot {
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
}

/** One drawing of the diagram: its size, its boxes and where the hops' labels go. */
export interface CacheGeometry {
  readonly narrow: boolean;
  readonly view: { readonly w: number; readonly h: number };
  readonly boxes: Readonly<Record<NodeName, Box>>;
  /** Above and below FastAPI → Redis, beside FastAPI → DB, the client's hop, and the ✓/✗ mark. */
  readonly spots: Readonly<
    Record<'clientApp' | 'redisAbove' | 'redisBelow' | 'dbRight' | 'dbLeft' | 'mark', LabelSpot>
  >;
}

const mid = (b: Box): { x: number; y: number } => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/** The stage's drawing: the boxes above, labels beside their hops. */
export const WIDE: CacheGeometry = {
  narrow: false,
  view: VIEW,
  boxes: BOXES,
  spots: {
    clientApp: {
      x: (BOXES.client.x + BOXES.client.w + BOXES.app.x) / 2,
      y: mid(BOXES.app).y - 26,
      anchor: 'middle',
    },
    redisAbove: {
      x: (BOXES.app.x + BOXES.app.w + BOXES.redis.x) / 2,
      y: mid(BOXES.app).y - 26,
      anchor: 'middle',
    },
    redisBelow: {
      x: (BOXES.app.x + BOXES.app.w + BOXES.redis.x) / 2,
      y: mid(BOXES.app).y + 48,
      anchor: 'middle',
    },
    dbRight: {
      x: mid(BOXES.app).x + 20,
      y: (BOXES.app.y + BOXES.app.h + BOXES.db.y) / 2 + 9,
      anchor: 'start',
    },
    dbLeft: {
      x: mid(BOXES.app).x - 20,
      y: (BOXES.app.y + BOXES.app.h + BOXES.db.y) / 2 + 9,
      anchor: 'end',
    },
    mark: {
      x: (BOXES.app.x + BOXES.app.w + BOXES.redis.x) / 2,
      y: mid(BOXES.app).y - 78,
      anchor: 'middle',
    },
  },
};

/**
 * The phone's drawing (the same type sizes on a drawing less than half as wide): the client over
 * FastAPI, the database beside FastAPI, Redis under it; the hops' labels right of the vertical
 * hops, in the band between FastAPI and Redis one line each.
 */
export const NARROW: CacheGeometry = {
  narrow: true,
  view: { w: 560, h: 700 },
  boxes: {
    client: { x: 10, y: 56, w: 280, h: 100 },
    app: { x: 10, y: 236, w: 280, h: 100 },
    db: { x: 320, y: 236, w: 236, h: 100 },
    redis: { x: 10, y: 470, w: 280, h: 220 },
  },
  spots: {
    clientApp: { x: 166, y: 206, anchor: 'start' },
    dbRight: { x: 556, y: 374, anchor: 'end' },
    redisAbove: { x: 166, y: 412, anchor: 'start' },
    mark: { x: 116, y: 403, anchor: 'middle' },
    redisBelow: { x: 166, y: 452, anchor: 'start' },
    dbLeft: { x: 166, y: 452, anchor: 'start' },
  },
};

/** Below this width of the diagram's box (CSS px) the narrow drawing reads better. */
export const NARROW_BELOW = 680;

/**
 * Widths of the picture's box where the diagram's box crosses NARROW_BELOW: stacked under 760 px
 * (the @container rule in ./cache-aside.css), beside the lab's numbers (three fifths) above it.
 */
export const PICTURE_BREAKPOINTS = [NARROW_BELOW, 760, 1150] as const;

/** Centre of a node (in the wide drawing unless `boxes` says otherwise). */
export function centre(
  node: NodeName,
  boxes: Readonly<Record<NodeName, Box>> = BOXES,
): { x: number; y: number } {
  return mid(boxes[node]);
}

/** The hops a request makes, by how the handler answered (mirrors get_product / update_price). */
export function routeFor(source: Source | 'update' | 'update-404'): NodeName[] {
  switch (source) {
    case 'update':
      return ['client', 'app', 'db', 'app', 'redis', 'app', 'client'];
    case 'update-404':
      return ['client', 'app', 'db', 'app', 'client'];
    case 'cache':
      return ['client', 'app', 'redis', 'app', 'client'];
    case 'db':
      return ['client', 'app', 'redis', 'app', 'db', 'app', 'redis', 'app', 'client'];
    case 'not-found':
      return ['client', 'app', 'redis', 'app', 'db', 'app', 'client'];
  }
}

/** Milliseconds of one hop on screen at 1× (the DB hops grow with the DB latency, capped). */
export function hopMs(from: NodeName, to: NodeName, dbMs: number): number {
  if (from === 'db' || to === 'db') return Math.min(1400, 350 + dbMs);
  return 320;
}

/** Total flight time of a route. */
export function flightMs(route: readonly NodeName[], dbMs: number): number {
  let total = 0;
  for (let i = 1; i < route.length; i++) {
    total += hopMs(at(route, i - 1), at(route, i), dbMs);
  }
  return total;
}

/** Where the token is `t` ms into the flight (clamped to the route's ends). */
export function tokenAt(
  route: readonly NodeName[],
  t: number,
  dbMs: number,
  boxes: Readonly<Record<NodeName, Box>> = BOXES,
): { x: number; y: number; hop: number } {
  const first = route[0];
  if (first === undefined) throw new RangeError('tokenAt: empty route');
  let left = Math.max(0, t);
  for (let i = 1; i < route.length; i++) {
    const from = at(route, i - 1);
    const to = at(route, i);
    const d = hopMs(from, to, dbMs);
    if (left <= d) {
      const f = easeInOut(left / d);
      const a = centre(from, boxes);
      const b = centre(to, boxes);
      return { x: lerp(a.x, b.x, f), y: lerp(a.y, b.y, f), hop: i };
    }
    left -= d;
  }
  return { ...centre(at(route, route.length - 1), boxes), hop: route.length - 1 };
}
