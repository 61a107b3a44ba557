/** Pure interpolation helpers plus the one place that asks the platform to animate. */
import { at } from '../../broker/core/at.ts';

/** Linear interpolation between a and b at t in [0, 1]. */
export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/** Cubic ease-in-out on [0, 1]. */
export function easeInOut(t: number): number {
  const x = Math.min(1, Math.max(0, t));
  return x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2;
}

/** A point along a polyline at fraction t of its total length. */
export function pointAlong(
  points: readonly { x: number; y: number }[],
  t: number,
): { x: number; y: number } {
  if (points.length === 0) throw new RangeError('pointAlong: no points');
  const segments: number[] = [];
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const len = distance(at(points, i - 1), at(points, i));
    segments.push(len);
    total += len;
  }
  let remaining = Math.min(1, Math.max(0, t)) * total;
  for (const [i, len] of segments.entries()) {
    if (remaining <= len || i === segments.length - 1) {
      const a = at(points, i);
      const b = at(points, i + 1);
      const f = len === 0 ? 1 : Math.min(1, remaining / len);
      return { x: lerp(a.x, b.x, f), y: lerp(a.y, b.y, f) };
    }
    remaining -= len;
  }
  // One point: no segment.
  return { ...at(points, 0) };
}

function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** True when the user prefers reduced motion. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Animates an element with the Web Animations API unless motion is reduced; the final style is
 * always applied, so a reduced-motion user sees the same end state at once.
 */
export function animateTo(
  el: Element,
  keyframes: Keyframe[],
  options: { duration: number; reduced: boolean; easing?: string },
): Animation | undefined {
  if (options.reduced || typeof (el as HTMLElement).animate !== 'function') return undefined;
  return (el as HTMLElement).animate(keyframes, {
    duration: options.duration,
    easing: options.easing ?? 'cubic-bezier(.4,0,.2,1)',
    fill: 'none',
  });
}
