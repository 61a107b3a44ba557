/**
 * How members look: a colour, a shape and a number each (never colour alone), plus group B's mark.
 */
import { s } from '../runtime/dom.ts';

/** Member colours, each ≥ 4.5:1 on white. */
export const MEMBER_COLOURS = [
  '#0b5cad',
  '#b3261e',
  '#1e7a3c',
  '#8a4b00',
  '#00707a',
  '#283593',
  '#5f6b00',
  '#3d4650',
] as const;

/** Group B's colour (magenta) and hollow-diamond mark, distinct from every member. */
export const GROUP_B_COLOUR = '#a0136b';

/** Member shapes, same cycle length as the colours. */
export const MEMBER_SHAPES = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'pentagon',
  'hexagon',
  'star',
  'cross',
] as const;

/** A shape name. */
export type ShapeName = (typeof MEMBER_SHAPES)[number] | 'hollow-diamond';

/** The look of the member in `slot` (its join number − 1). */
export function memberLook(slot: number): { colour: string; shape: ShapeName } {
  const i = ((slot % MEMBER_COLOURS.length) + MEMBER_COLOURS.length) % MEMBER_COLOURS.length;
  return { colour: MEMBER_COLOURS[i] as string, shape: MEMBER_SHAPES[i] as ShapeName };
}

function polygon(n: number, r: number, rotate = -Math.PI / 2, inner?: number): string {
  const pts: string[] = [];
  const count = inner === undefined ? n : n * 2;
  for (let i = 0; i < count; i++) {
    const rad = inner !== undefined && i % 2 === 1 ? inner : r;
    const a = rotate + (i * 2 * Math.PI) / count;
    pts.push(`${(Math.cos(a) * rad).toFixed(1)},${(Math.sin(a) * rad).toFixed(1)}`);
  }
  return pts.join(' ');
}

/** The points of a shape of radius r centred on 0,0 (circle → null: draw a circle). */
export function shapePoints(shape: ShapeName, r: number): string | null {
  switch (shape) {
    case 'circle':
      return null;
    case 'square':
      return polygon(4, r * 1.15, -Math.PI / 4);
    case 'triangle':
      return polygon(3, r * 1.25);
    case 'diamond':
    case 'hollow-diamond':
      return polygon(4, r * 1.2);
    case 'pentagon':
      return polygon(5, r * 1.1);
    case 'hexagon':
      return polygon(6, r * 1.1);
    case 'star':
      return polygon(5, r * 1.3, -Math.PI / 2, r * 0.6);
    case 'cross':
      return [
        [-0.35, -1],
        [0.35, -1],
        [0.35, -0.35],
        [1, -0.35],
        [1, 0.35],
        [0.35, 0.35],
        [0.35, 1],
        [-0.35, 1],
        [-0.35, 0.35],
        [-1, 0.35],
        [-1, -0.35],
        [-0.35, -0.35],
      ]
        .map(([x, y]) => `${((x ?? 0) * r).toFixed(1)},${((y ?? 0) * r).toFixed(1)}`)
        .join(' ');
  }
}

/** An SVG mark of `shape` at (x, y). */
export function shapeMark(
  shape: ShapeName,
  x: number,
  y: number,
  r: number,
  colour: string,
): SVGElement {
  const hollow = shape === 'hollow-diamond';
  const paint = {
    fill: hollow ? '#fff' : colour,
    stroke: hollow ? colour : '#fff',
    'stroke-width': hollow ? 3 : 1.5,
  };
  const points = shapePoints(shape, r);
  const el =
    points === null
      ? s('circle', { cx: 0, cy: 0, r, ...paint })
      : s('polygon', { points, ...paint });
  return s('g', { transform: `translate(${x} ${y})` }, el);
}
