/**
 * Pure geometry of the routing diagram (SVG user units, 1 unit ≈ 1 slide px on the stage): producer
 * on the left, the exchange next to it, one row per queue on the right with its consumer, and one
 * curved edge per binding whose label sits in the wide middle, where the edges have fanned out.
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
const MIN_HEIGHT = 340;
const ROW = 112;
/** Vertical distance between labels of bindings of the same queue (one-line labels). */
export const BINDING_SPREAD = 44;
/** The same for two-line labels (a headers binding: x-match, then its pairs). */
const TALL_SPREAD = 68;

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

/**
 * Positions for queues with `bindingCounts[i]` bindings each; rows grow with the most bindings of
 * one queue and the diagram grows taller past three queues. `tallLabels`: two-line edge labels.
 */
export function layoutDiagram(bindingCounts: readonly number[], tallLabels = false): DiagramLayout {
  const n = Math.max(1, bindingCounts.length);
  const spread = tallLabels ? TALL_SPREAD : BINDING_SPREAD;
  const row = Math.max(ROW, Math.max(0, ...bindingCounts) * spread + 24);
  const height = Math.max(MIN_HEIGHT, n * row + 8);
  const mid = height / 2;
  const producer: Box = { x: 94, y: mid, w: 180, h: 84 };
  const exchange: Box = { x: 340, y: mid, w: 230, h: 100 };
  const gap = Math.min(row, (height - 8) / n);
  const queues = bindingCounts.map((_, i): Box => ({
    x: 890,
    y: mid + (i - (bindingCounts.length - 1) / 2) * gap,
    w: 200,
    h: 84,
  }));
  const consumers = queues.map((q): Box => ({ x: 1110, y: q.y, w: 176, h: 70 }));
  const start: Point = { x: exchange.x + exchange.w / 2, y: mid };
  const edges = bindingCounts.map((count, i) => {
    const q = queues[i];
    if (!q) throw new Error(`layout: no queue ${i}`);
    return Array.from({ length: count }, (_, j): EdgeLayout => {
      const offset = (j - (count - 1) / 2) * spread;
      const to: Point = { x: q.x - q.w / 2, y: q.y + offset * 0.4 };
      const labelY = q.y + offset;
      const edge = {
        from: start,
        c1: { x: start.x + 90, y: start.y },
        c2: { x: to.x - 200, y: labelY },
        to,
      };
      return { ...edge, label: { x: bezierPoint(edge, 0.6).x, y: labelY } };
    });
  });
  // Under both boxes, from the exchange's bottom back to the producer's.
  const returnPath: Point[] = [
    { x: exchange.x - 30, y: exchange.y + exchange.h / 2 },
    { x: (producer.x + exchange.x) / 2, y: mid + 150 },
    { x: producer.x + 30, y: producer.y + producer.h / 2 },
  ];
  return { width: DIAGRAM_WIDTH, height, producer, exchange, queues, consumers, edges, returnPath };
}

/** Shortens text for a label, keeping the start (the full text goes in a tooltip). */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
