/** SVG marker shapes (square, circle, triangle, diamond, bar, ring) centred on a point. */
import { s } from '../runtime/dom.ts';
import type { Shape } from './labels.ts';

/** A shape of radius `r` at (cx, cy) filled with `fill` (stroke for the ring). */
export function shapeElement(
  shape: Shape,
  cx: number,
  cy: number,
  r: number,
  fill: string,
): SVGElement {
  switch (shape) {
    case 'square':
      return s('rect', { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r, fill });
    case 'circle':
      return s('circle', { cx, cy, r, fill });
    case 'triangle':
      return s('path', { d: `M${cx} ${cy - r}L${cx + r} ${cy + r}L${cx - r} ${cy + r}Z`, fill });
    case 'diamond':
      return s('path', {
        d: `M${cx} ${cy - r}L${cx + r} ${cy}L${cx} ${cy + r}L${cx - r} ${cy}Z`,
        fill,
      });
    case 'bar':
      return s('rect', { x: cx - r / 3, y: cy - r, width: (2 * r) / 3, height: 2 * r, fill });
    case 'ring':
      return s('circle', { cx, cy, r: r - 1, fill: 'none', stroke: fill, 'stroke-width': 2.5 });
  }
}

/** A small standalone SVG with one shape, for the legend (decorative: the text names it). */
export function shapeSwatch(shape: Shape, color: string, hatch = false): SVGSVGElement {
  const svg = s('svg', { width: 22, height: 22, viewBox: '0 0 22 22', 'aria-hidden': 'true' });
  if (hatch) {
    svg.append(
      s('rect', {
        x: 1,
        y: 4,
        width: 20,
        height: 14,
        fill: '#fde2e0',
        stroke: color,
        'stroke-width': 2,
      }),
      s('path', { d: 'M3 18L11 4M10 18L18 4', stroke: color, 'stroke-width': 2 }),
    );
  } else svg.append(shapeElement(shape, 11, 11, 8, color));
  return svg;
}
