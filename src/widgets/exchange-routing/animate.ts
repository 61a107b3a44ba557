/**
 * The moving part: which paths a message token travels between two frames (pure), and the thin
 * layer that flies tokens along them with the Web Animations API. The static frame is drawn first;
 * flights only overlay it, so skipping or cancelling an animation never changes what is shown.
 */
import { s } from '../runtime/dom.ts';
import { edgePoints, type DiagramLayout, type Point } from './layout.ts';
import type { RoutingView } from './logic.ts';
import { ER_CLASS } from './classes.ts';
import { token } from './picture.ts';

/** One token's trip: a polyline, when it starts and how long it takes (ms at 1× speed). */
export interface Flight {
  readonly points: readonly Point[];
  readonly delay: number;
  readonly duration: number;
}

const LEG = 650;

function intoQueues(view: RoutingView, layout: DiagramLayout, delay: number): Flight[] {
  const flights: Flight[] = [];
  view.queues.forEach((q, i) => {
    if (!view.publish?.queues.includes(q.name)) return;
    // One copy per queue: it travels along the first matching binding even when several match.
    const j = q.bindings.findIndex((b) => b.matched);
    const edge = layout.edges[i]?.[j];
    if (edge) flights.push({ points: edgePoints(edge), delay, duration: LEG * 1.2 });
  });
  return flights;
}

/** Points along the drawn return curve (a quadratic through the layout's control point). */
function returnPoints(layout: DiagramLayout, n = 12): Point[] {
  const [a, m, b] = layout.returnPath;
  if (!a || !m || !b) return [];
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = i / n;
    const u = 1 - t;
    return {
      x: u * u * a.x + 2 * u * t * m.x + t * t * b.x,
      y: u * u * a.y + 2 * u * t * m.y + t * t * b.y,
    };
  });
}

/** The trips that turn frame `prev` into frame `next` (empty when nothing travelled). */
export function flightsBetween(
  prev: RoutingView | undefined,
  next: RoutingView,
  layout: DiagramLayout,
): Flight[] {
  const p = next.publish;
  const flights: Flight[] = [];
  const fresh = p !== undefined && prev?.publish?.id !== p.id;
  if (p && fresh) {
    flights.push({ points: layout.toExchange, delay: 0, duration: LEG });
    if (next.phase === undefined) {
      flights.push(...intoQueues(next, layout, LEG));
      if (p.returned) flights.push({ points: returnPoints(layout), delay: LEG, duration: LEG });
    }
  } else if (p && next.phase === 'queued' && prev?.phase !== 'queued') {
    flights.push(...intoQueues(next, layout, 0));
  }
  next.queues.forEach((q, i) => {
    const before = prev?.queues.find((o) => o.name === q.name)?.delivered ?? 0;
    const exit = layout.exits[i];
    const parked = layout.parked[i];
    if (q.delivered > before && exit && parked) {
      flights.push({
        // From the queue's edge to the gap before the consumer: over no name.
        points: [exit, parked],
        delay: 0,
        duration: LEG,
      });
    }
  });
  return flights;
}

/** Flies `flights` over `layer` at `speed`; the caller cancels the returned animations. */
export function fly(layer: SVGGElement, flights: readonly Flight[], speed: number): Animation[] {
  layer.replaceChildren();
  const animations: Animation[] = [];
  for (const f of flights) {
    const first = f.points[0];
    if (!first) continue;
    const g = s('g', { class: ER_CLASS.flying }, token(0, 0));
    g.style.transform = `translate(${first.x}px, ${first.y}px)`;
    g.style.opacity = '0';
    layer.append(g);
    const animation = g.animate(
      f.points.map((pt, i) => ({
        transform: `translate(${pt.x}px, ${pt.y}px)`,
        opacity: 1,
        offset: f.points.length > 1 ? i / (f.points.length - 1) : 1,
      })),
      { duration: f.duration / speed, delay: f.delay / speed, easing: 'ease-in-out' },
    );
    animation.onfinish = () => g.remove();
    animations.push(animation);
  }
  return animations;
}

/**
 * Makes the newest token of each queue in `queues` appear only when its copy lands, so the depth
 * never runs ahead of the animation; returns the animations for the caller to cancel.
 */
export function revealArrivals(
  svg: SVGSVGElement,
  queues: readonly string[],
  delay: number,
  speed: number,
): Animation[] {
  const out: Animation[] = [];
  for (const name of queues) {
    const box = [...svg.querySelectorAll<SVGGElement>('[data-queue-box]')].find(
      (g) => g.dataset['queueBox'] === name,
    );
    const newest = box?.querySelector('[data-tokens] rect:last-of-type');
    if (!newest) continue;
    out.push(
      newest.animate([{ opacity: 0 }, { opacity: 0, offset: 0.99 }, { opacity: 1 }], {
        duration: delay / speed,
      }),
    );
  }
  return out;
}

/** When a frame's returned message is back at the producer (ms at 1×), or undefined. */
export function returnDelay(prev: RoutingView | undefined, next: RoutingView): number | undefined {
  const p = next.publish;
  return p?.returned && prev?.publish?.id !== p.id ? LEG * 2 : undefined;
}

/** When a frame's copies land in their queues (ms at 1×), or undefined if none travel now. */
export function arrivalDelay(prev: RoutingView | undefined, next: RoutingView): number | undefined {
  const p = next.publish;
  if (!p || p.queues.length === 0) return undefined;
  if (prev?.publish?.id !== p.id && next.phase === undefined) return LEG + LEG * 1.2;
  if (prev?.publish?.id === p.id && next.phase === 'queued' && prev.phase !== 'queued') {
    return LEG * 1.2;
  }
  return undefined;
}
