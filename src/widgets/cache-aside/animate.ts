/**
 * The thin animation layer: a token flies along the last request's hops (the DB hops slower),
 * then the hops' styles fade in. The token is drawn under the boxes and labels: it shows on the
 * hops and passes behind a box, never over a text. Frames go through the disposer; nothing runs
 * with reduced motion.
 */
import { s } from '../runtime/dom.ts';
import type { Disposer } from '../runtime/disposer.ts';
import { CA_CLASS } from './classes.ts';
import { BOXES, flightMs, tokenAt, type Box, type NodeName } from './route.ts';

/** Starts a flight in `svg`; returns a function that stops it and removes the token. */
export function flyToken(
  svg: SVGSVGElement,
  route: readonly NodeName[],
  dbMs: number,
  speed: number,
  disposer: Disposer,
  boxes: Readonly<Record<NodeName, Box>> = BOXES,
): () => void {
  const total = flightMs(route, dbMs);
  const token = s('circle', { class: CA_CLASS.token, r: 13, 'aria-hidden': 'true' });
  const edges = [...svg.querySelectorAll<SVGElement>(`.${CA_CLASS.edge}`)];
  for (const e of edges) e.style.opacity = '0.25';
  svg.insertBefore(token, svg.querySelector(`.${CA_CLASS.node}`));
  let start: number | undefined;
  let frame: number | undefined;
  const stop = (): void => {
    if (frame !== undefined) disposer.cancelFrame(frame);
    frame = undefined;
    token.remove();
    for (const e of edges) e.style.opacity = '';
  };
  const tick = (now: number): void => {
    start ??= now;
    const t = (now - start) * speed;
    const p = tokenAt(route, t, dbMs, boxes);
    token.setAttribute('cx', p.x.toFixed(1));
    token.setAttribute('cy', p.y.toFixed(1));
    if (t >= total) {
      stop();
      return;
    }
    frame = disposer.frame(tick);
  };
  frame = disposer.frame(tick);
  return stop;
}
