/**
 * Pure geometry of the routing diagram (SVG user units, 1 unit ≈ 1 slide px on the stage): producer
 * on the left, the exchange next to it, one row per queue on the right with its consumer, and one
 * curved edge per binding whose label sits in the wide middle, where the edges have fanned out.
 * The narrow diagram (a phone's lab) keeps the type sizes on a drawing less than half as wide:
 * producer above the exchange, then the queues one under another, each with its consumer below
 * it, the bindings branching off a trunk down the left with their labels on the branches.
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

/**
 * One binding edge: a cubic Bézier from the exchange (or from `via`, reached by a straight line
 * from the exchange: the narrow diagram's trunk) to its queue, and its label anchor.
 */
export interface EdgeLayout {
  readonly from: Point;
  readonly via?: Point;
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
  /** The narrow drawing (a phone's lab). */
  readonly narrow: boolean;
  /** Characters of a binding label and of the routing key shown beside a token. */
  readonly labelChars: number;
  readonly keyChars: number;
  /** Whether an edge's label anchor is the label's centre or its left end (the narrow trunk). */
  readonly labelAlign: 'middle' | 'start';
  /** Where a published message waits at the exchange, and the path it flies there from the producer. */
  readonly atExchange: Point;
  readonly toExchange: readonly Point[];
  /** Where «↩ 312 NO_ROUTE» is written (`lines`: 2 puts the code above the name). */
  readonly returnLabel: Point & { readonly anchor: 'middle' | 'start'; readonly lines: 1 | 2 };
  /** Where a returned message shows once it is back at the producer. */
  readonly returned: Point;
  /** Where a dropped message's token and «✗ отброшено» go. */
  readonly dropped: Point;
  readonly droppedText: Point & { readonly anchor: 'middle' | 'start' };
  /** Each queue's line to its consumer, where its delivered copy waits and where it leaves. */
  readonly links: readonly (readonly [Point, Point])[];
  readonly parked: readonly Point[];
  readonly exits: readonly Point[];
}

export const DIAGRAM_WIDTH = 1200;
/** The narrow diagram's width: 25-unit labels stay ≥ 14 px on a phone's 340 px column. */
export const NARROW_WIDTH = 560;
/** Below this width of the picture's box (CSS px) the narrow diagram reads better. */
export const NARROW_BELOW = 680;
const MIN_HEIGHT = 340;
const ROW = 112;
/** Vertical distance between labels of bindings of the same queue (one-line labels). */
export const BINDING_SPREAD = 44;
/** The same for two-line labels (a headers binding: x-match, then its pairs). */
const TALL_SPREAD = 68;

/** A point on an edge's cubic Bézier (from `via` when it has one) at parameter t. */
export function bezierPoint(
  e: Pick<EdgeLayout, 'from' | 'via' | 'c1' | 'c2' | 'to'>,
  t: number,
): Point {
  const start = e.via ?? e.from;
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return {
    x: a * start.x + b * e.c1.x + c * e.c2.x + d * e.to.x,
    y: a * start.y + b * e.c1.y + c * e.c2.y + d * e.to.y,
  };
}

/** `n + 1` points along an edge (after its straight part, if any), for a token that follows it. */
export function edgePoints(e: EdgeLayout, n = 16): Point[] {
  const curve = Array.from({ length: n + 1 }, (_, i) => bezierPoint(e, i / n));
  return e.via ? [e.from, ...curve] : curve;
}

/** Where a delivered, unacked copy sits: in the gap between its queue and its consumer. */
function atConsumer(queue: Box, consumer: Box): Point {
  return { x: (queue.x + queue.w / 2 + consumer.x - consumer.w / 2) / 2, y: consumer.y };
}

/**
 * Positions for queues with `bindingCounts[i]` bindings each; rows grow with the most bindings of
 * one queue and the diagram grows taller past three queues. `tallLabels`: two-line edge labels.
 */
export function layoutDiagram(
  bindingCounts: readonly number[],
  tallLabels = false,
  narrow = false,
): DiagramLayout {
  if (narrow) return layoutNarrow(bindingCounts, tallLabels);
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
  const atExchange: Point = { x: exchange.x - 40, y: exchange.y - exchange.h / 2 - 20 };
  // From the producer up the gap beside the exchange to its top: it crosses no label.
  const beside = (producer.x + producer.w / 2 + exchange.x - exchange.w / 2) / 2;
  const toExchange: Point[] = [
    { x: producer.x + producer.w / 2, y: producer.y },
    { x: beside, y: producer.y },
    { x: beside, y: atExchange.y },
    atExchange,
  ];
  const [, control] = returnPath;
  return {
    width: DIAGRAM_WIDTH,
    height,
    producer,
    exchange,
    queues,
    consumers,
    edges,
    returnPath,
    narrow: false,
    labelChars: 20,
    keyChars: 22,
    labelAlign: 'middle',
    atExchange,
    toExchange,
    returnLabel: { x: control?.x ?? 0, y: (control?.y ?? 0) - 18, anchor: 'middle', lines: 1 },
    returned: { x: producer.x - 60, y: producer.y - producer.h / 2 - 20 },
    dropped: { x: exchange.x, y: exchange.y + exchange.h / 2 + 22 },
    droppedText: { x: exchange.x, y: exchange.y + exchange.h / 2 + 60, anchor: 'middle' },
    ...queueLinks(queues, consumers, false),
  };
}

/** The queue-to-consumer lines, the parked copies and where a delivery leaves its queue. */
function queueLinks(
  queues: readonly Box[],
  consumers: readonly Box[],
  narrow: boolean,
): Pick<DiagramLayout, 'links' | 'parked' | 'exits'> {
  const links: (readonly [Point, Point])[] = [];
  const parked: Point[] = [];
  const exits: Point[] = [];
  queues.forEach((q, i) => {
    const c = consumers[i] ?? q;
    if (narrow) {
      // The consumer is under its queue: the copy waits left of it, clear of both names.
      links.push([
        { x: q.x, y: q.y + q.h / 2 },
        { x: c.x, y: c.y - c.h / 2 },
      ]);
      parked.push({ x: c.x - c.w / 2 - 22, y: c.y });
      exits.push({ x: q.x - q.w / 2 + 14, y: q.y + q.h / 2 });
    } else {
      links.push([
        { x: q.x + q.w / 2, y: q.y },
        { x: c.x - c.w / 2, y: c.y },
      ]);
      parked.push(atConsumer(q, c));
      exits.push({ x: q.x + q.w / 2 - 14, y: q.y + 20 });
    }
  });
  return { links, parked, exits };
}

/** The narrow diagram's trunk, the left end of its binding labels, the queues' centre. */
const TRUNK_X = 40;
const NARROW_LABEL_X = 58;
const NARROW_QUEUE_X = 455;

/** The narrow diagram: producer over the exchange, then one block per queue down a trunk. */
function layoutNarrow(bindingCounts: readonly number[], tallLabels: boolean): DiagramLayout {
  const spread = tallLabels ? TALL_SPREAD : BINDING_SPREAD;
  const labelHalf = tallLabels ? 31 : 19;
  const producer: Box = { x: 120, y: 52, w: 220, h: 84 };
  const exchange: Box = { x: 170, y: 214, w: 320, h: 100 };
  const trunkTop: Point = { x: TRUNK_X, y: exchange.y + exchange.h / 2 };
  const queues: Box[] = [];
  const consumers: Box[] = [];
  const edges: EdgeLayout[][] = [];
  let top = trunkTop.y + 30;
  for (const count of bindingCounts) {
    const half = (Math.max(1, count) - 1) * 0.5 * spread;
    const y = top + Math.max(42, half + labelHalf);
    const q: Box = { x: NARROW_QUEUE_X, y, w: 200, h: 84 };
    const c: Box = { x: NARROW_QUEUE_X, y: y + 95, w: 176, h: 70 };
    queues.push(q);
    consumers.push(c);
    edges.push(
      Array.from({ length: count }, (_, j): EdgeLayout => {
        const offset = (j - (count - 1) / 2) * spread;
        const labelY = y + offset;
        return {
          from: trunkTop,
          via: { x: TRUNK_X, y: labelY - 24 },
          c1: { x: TRUNK_X, y: labelY },
          c2: { x: TRUNK_X + 24, y: labelY },
          to: { x: q.x - q.w / 2, y: y + offset * 0.3 },
          label: { x: NARROW_LABEL_X, y: labelY },
        };
      }),
    );
    top = Math.max(c.y + c.h / 2, y + half + labelHalf) + 28;
  }
  const atExchange: Point = {
    x: 50,
    y: (producer.y + producer.h / 2 + exchange.y - exchange.h / 2) / 2,
  };
  // Up from the exchange's right side, round to the producer's: nothing else is drawn there.
  const returnPath: Point[] = [
    { x: exchange.x + exchange.w / 2 - 30, y: exchange.y - exchange.h / 2 },
    { x: 340, y: 70 },
    { x: producer.x + producer.w / 2, y: producer.y },
  ];
  return {
    width: NARROW_WIDTH,
    height: Math.max(top, exchange.y + exchange.h / 2 + 40),
    producer,
    exchange,
    queues,
    consumers,
    edges,
    returnPath,
    narrow: true,
    labelChars: 14,
    keyChars: 18,
    labelAlign: 'start',
    atExchange,
    toExchange: [{ x: atExchange.x, y: producer.y + producer.h / 2 }, atExchange],
    returnLabel: { x: 350, y: 110, anchor: 'start', lines: 2 },
    returned: { x: producer.x + producer.w / 2 + 26, y: 24 },
    dropped: { x: exchange.x + exchange.w / 2 + 26, y: exchange.y },
    droppedText: { x: exchange.x + exchange.w / 2 + 48, y: exchange.y + 9, anchor: 'start' },
    ...queueLinks(queues, consumers, true),
  };
}

/** Shortens text for a label, keeping the start (the full text goes in a tooltip). */
export { clip } from '../runtime/quote.ts';
