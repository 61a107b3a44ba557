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

/** Centre of a node. */
export function centre(node: NodeName): { x: number; y: number } {
  const b = BOXES[node];
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
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
      const a = centre(from);
      const b = centre(to);
      return { x: lerp(a.x, b.x, f), y: lerp(a.y, b.y, f), hop: i };
    }
    left -= d;
  }
  return { ...centre(at(route, route.length - 1)), hop: route.length - 1 };
}
