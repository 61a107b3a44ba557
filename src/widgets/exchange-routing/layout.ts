/**
 * Pure geometry of the routing diagram (SVG user units, 1 unit ≈ 1 px at 1280 wide): producer on
 * the left, the exchange in the middle, one row per queue on the right with its consumer, and one
 * curved edge per binding whose label sits where the edges have already fanned out.
 */

/** A point in the diagram. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A box by its centre and size. */
export interface Box extends Point {
  readonly w: number;
  readonly h: number;
}

/** One binding edge: a cubic Bézier from the exchange to its queue, and its label anchor. */
export interface EdgeLayout {
  readonly from: Point;
  readonly c1: Point;
  readonly c2: Point;
  readonly to: Point;
  readonly label: Point;
}

/** The whole diagram for a list of queues with their binding counts. */
export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly producer: Box;
  readonly exchange: Box;
  readonly queues: readonly Box[];
  readonly consumers: readonly Box[];
  /** edges[i][j]: binding j of queue i. */
  readonly edges: readonly (readonly EdgeLayout[])[];
  /** The path a returned message takes back to the producer (basic.return). */
  readonly returnPath: readonly Point[];
}

export const DIAGRAM_WIDTH = 1200;
const MIN_HEIGHT = 250;
const ROW = 75;
/** Vertical distance between labels of bindings of the same queue. */
export const BINDING_SPREAD = 30;

/** A point on a cubic Bézier at parameter t. */
export function bezierPoint(e: Pick<EdgeLayout, 'from' | 'c1' | 'c2' | 'to'>, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return {
    x: a * e.from.x + b * e.c1.x + c * e.c2.x + d * e.to.x,
    y: a * e.from.y + b * e.c1.y + c * e.c2.y + d * e.to.y,
  };
}

/** `n + 1` points along an edge, for a token that follows it. */
export function edgePoints(e: EdgeLayout, n = 16): Point[] {
  return Array.from({ length: n + 1 }, (_, i) => bezierPoint(e, i / n));
}

/** Positions for queues with `bindingCounts[i]` bindings each; grows taller past three queues. */
export function layoutDiagram(bindingCounts: readonly number[]): DiagramLayout {
  const n = Math.max(1, bindingCounts.length);
  const height = Math.max(MIN_HEIGHT, n * ROW + 24);
  const mid = height / 2;
  // A little below the middle: the legend sits in the corner above it.
  const producer: Box = { x: 95, y: mid + 25, w: 170, h: 72 };
  const exchange: Box = { x: 390, y: mid, w: 210, h: 96 };
  const gap = Math.min(ROW, (height - 24) / n);
  const queues = bindingCounts.map((_, i): Box => ({
    x: 870,
    y: mid + (i - (bindingCounts.length - 1) / 2) * gap,
    w: 200,
    h: 72,
  }));
  const consumers = queues.map((q): Box => ({ x: 1105, y: q.y, w: 170, h: 56 }));
  const start: Point = { x: exchange.x + exchange.w / 2, y: mid };
  const edges = bindingCounts.map((count, i) => {
    const q = queues[i] as Box;
    return Array.from({ length: count }, (_, j): EdgeLayout => {
      const offset = (j - (count - 1) / 2) * BINDING_SPREAD;
      const to: Point = { x: q.x - q.w / 2, y: q.y + offset * 0.6 };
      const labelY = q.y + offset;
      const edge = {
        from: start,
        c1: { x: start.x + 110, y: start.y },
        c2: { x: to.x - 150, y: labelY },
        to,
      };
      return { ...edge, label: { x: bezierPoint(edge, 0.55).x, y: labelY } };
    });
  });
  const returnPath: Point[] = [
    { x: exchange.x - exchange.w / 2, y: mid + 30 },
    { x: (producer.x + producer.w / 2 + exchange.x - exchange.w / 2) / 2, y: producer.y + 70 },
    { x: producer.x + producer.w / 2, y: producer.y + 12 },
  ];
  return { width: DIAGRAM_WIDTH, height, producer, exchange, queues, consumers, edges, returnPath };
}

/** Shortens text for a label, keeping the start (the full text goes in a tooltip). */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
