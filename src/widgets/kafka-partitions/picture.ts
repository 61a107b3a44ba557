/**
 * The picture: one frame (a KafkaView) as SVG — the partitioner formula, partition logs with
 * offsets and keys, each group's position/committed markers and lag, members with lines to their
 * partitions — inside a scroll region (64 partitions scroll; the story's fit). Members look
 * different by colour, shape and number (never colour alone). Every student-typed key goes in as
 * a text node. Contract attributes live on the row and member groups (`data-partition`,
 * `data-end-offset`, `data-last`, `data-consumer`, `data-partitions`).
 */
import { at } from '../../broker/core/at.ts';
import { kafkaPartitionForKey } from '../../broker/kafka/index.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { h, s } from '../runtime/dom.ts';
import type { KitHost, Painter } from '../runtime/kit.ts';
import { animateFrame } from './animate.ts';
import { shown } from '../runtime/quote.ts';
import { plural, runs } from './caption.ts';
import { KP_CLASS } from './classes.ts';
import {
  FONT,
  LINKS_X,
  MEMBERS_X,
  MEMBER_H,
  MEMBER_W,
  NARROW_BELOW,
  boundaryX,
  cellX,
  fitKey,
  layoutKafka,
  type CellGrid,
  type KafkaLayout,
  type RowBox,
} from './layout.ts';
import type { GroupView, KafkaAction, KafkaFrameView, KafkaView, PartitionView } from './logic.ts';
import { GROUP_A, GROUP_B } from './story.ts';

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
  return { colour: at(MEMBER_COLOURS, i), shape: at(MEMBER_SHAPES, i) };
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

/** The formula line for the last record: «murmur2("user-42") mod 6 = 3». */
export function formulaText(view: KafkaView, narrow = false): string {
  const last = view.last;
  const n = view.partitions.length;
  const topic = narrow
    ? ''
    : `${view.topic}: ${n} ${plural(n, 'партиция', 'партиции', 'партиций')} · `;
  if (!last) return `${topic}партиция = murmur2(ключ) mod ${n}`;
  if (last.key === null) {
    const client = narrow ? '' : 'kafka-python: ';
    return `Без ключа → ${client}random.choice(…) = ${last.partition}`;
  }
  // The formula is recomputed from the core's partitioner so it can never disagree with the log.
  const p = kafkaPartitionForKey(last.key, n);
  return `murmur2("${shown(last.key, narrow ? 12 : 16)}") mod ${n} = ${p}`;
}

/** A member's partitions in its box: «P0–P2», «P1 P3», or «16 парт.» when that is too long. */
export function memberPartitions(partitions: readonly number[]): string {
  if (partitions.length === 0) return 'простой';
  const text = runs(partitions)
    .map((r) => `P${r.replace('–', '–P')}`)
    .join(' ');
  return text.length <= 9 ? text : `${partitions.length} парт.`;
}

function ownerSlot(group: GroupView | null, memberId: string | null): number | null {
  const m = group?.members.find((x) => x.memberId === memberId);
  return m ? m.slot : null;
}

/** A text at the vertical middle `midY` (the baseline sits a third of the size below it). */
function label(x: number, midY: number, size: number, text: string | number, attrs = {}) {
  return s('text', { x, y: midY + size * 0.35, 'font-size': size, ...attrs }, String(text));
}

function drawRow(view: KafkaView, p: PartitionView, row: RowBox, layout: KafkaLayout): SVGElement {
  const slot = ownerSlot(view.groupA, p.a?.memberId ?? null);
  const look = slot === null ? null : memberLook(slot);
  const g = s('g', {
    class: KP_CLASS.row,
    'data-partition': p.index,
    'data-end-offset': p.endOffset,
    'data-last': p.last ? 'true' : 'false',
  });
  // The narrow rows' label is the text size, so «P63» leaves room for the «…» before the cells.
  const labelSize = layout.narrow ? FONT.text : FONT.name;
  g.append(label(4, row.midY, labelSize, `P${p.index}`, { class: KP_CLASS.rowLabel }));
  const { grid } = layout;
  const cells = p.cells.slice(-layout.cells);
  const windowStart = cells[0]?.offset ?? p.endOffset;
  if (windowStart > p.logStart) {
    const x = grid.x - (layout.narrow ? 21 : 26);
    g.append(label(x, row.midY, FONT.text, '…', { class: KP_CLASS.muted }));
  }
  cells.forEach((c, i) => {
    const x = cellX(i, grid);
    const isLast = p.last && view.last?.offset === c.offset;
    const cell = s('g', { class: KP_CLASS.cell, 'data-offset': c.offset });
    cell.append(
      s('title', {}, `offset ${c.offset}, ключ ${c.key ?? 'нет'}`),
      s('rect', {
        x,
        y: row.cellY,
        width: grid.width,
        height: row.cellH,
        rx: 5,
        class: isLast ? KP_CLASS.cellLast : KP_CLASS.cellRect,
        stroke: look?.colour ?? '#8b96a3',
      }),
    );
    // One line per cell: the offset (muted) then the key; a longer offset leaves less room.
    const digits = String(c.offset).length;
    cell.append(
      label(x + 6, row.midY, FONT.text, c.offset, { class: KP_CLASS.muted }),
      label(x + 12 + digits * 14, row.midY, FONT.text, fitKey(c.key, digits > 1)),
    );
    g.append(cell);
  });
  drawMarkers(g, view, p, row, {
    start: windowStart,
    length: cells.length,
    cells: layout.cells,
    grid,
  });
  drawLag(g, p, row, layout.lagX);
  return g;
}

function drawMarkers(
  g: SVGElement,
  view: KafkaView,
  p: PartitionView,
  row: RowBox,
  shown: { start: number; length: number; cells: number; grid: CellGrid },
): void {
  const at = (offset: number) =>
    boundaryX(offset, shown.start, shown.length, shown.cells, shown.grid);
  if (p.a?.committed != null) {
    const { x } = at(p.a.committed);
    g.append(
      s('rect', {
        x: x - 3,
        y: row.cellY - 4,
        width: 6,
        height: row.cellH + 8,
        class: KP_CLASS.committed,
        'data-committed': p.a.committed,
      }),
    );
  }
  if (p.a?.position != null) {
    const slot = ownerSlot(view.groupA, p.a.memberId) ?? 0;
    const look = memberLook(slot);
    const { x } = at(p.a.position);
    const mark = shapeMark(look.shape, x, row.cellY - 8, 8, look.colour);
    mark.setAttribute('data-position', String(p.a.position));
    mark.setAttribute('class', KP_CLASS.marker);
    g.append(mark);
  }
  if (p.b?.position != null) {
    const { x } = at(p.b.position);
    const mark = shapeMark('hollow-diamond', x, row.cellY + row.cellH + 8, 7, GROUP_B_COLOUR);
    mark.setAttribute('class', KP_CLASS.marker);
    mark.setAttribute('data-position-b', String(p.b.position));
    g.append(mark);
  }
}

function drawLag(g: SVGElement, p: PartitionView, row: RowBox, x: number): void {
  const parts: string[] = [];
  if (p.a) parts.push(`lag ${p.a.lag ?? '—'}`);
  if (p.b) parts.push(`B ${p.b.lag ?? '—'}`);
  if (parts.length === 0) parts.push(`конец ${p.endOffset}`);
  g.append(label(x, row.midY, FONT.text, parts.join(' · '), { class: KP_CLASS.lag }));
}

/** Where a member's box goes; `nameY` is the middle of its name's line. */
interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly nameY: number;
}

/**
 * A member's box, its mark and its name (the narrow drawing's at the text size: «consumer-16» and
 * «группа B (analytics)» fit its half-width box).
 */
function memberBox(
  box: Box,
  colour: string,
  mark: SVGElement,
  name: string,
  narrow: boolean,
): SVGElement[] {
  return [
    s('rect', {
      x: box.left,
      y: box.top,
      width: box.width,
      height: box.height,
      rx: 8,
      stroke: colour,
      class: KP_CLASS.memberRect,
    }),
    mark,
    label(box.left + (narrow ? 34 : 36), box.nameY, narrow ? FONT.text : FONT.name, name),
  ];
}

function drawMembers(svg: SVGElement, view: KafkaView, layout: KafkaLayout): void {
  const group = view.groupA;
  if ((!group || group.members.length === 0) && layout.note !== null) {
    svg.append(
      label(layout.note.x, layout.note.midY, FONT.text, NOBODY_IN_A, {
        class: KP_CLASS.muted,
      }),
    );
  }
  const { narrow } = layout;
  group?.members.forEach((m, i) => {
    const top = layout.members[i] ?? 0;
    const height = layout.memberHeight;
    // The narrow box has two lines: the name, then the partitions under it.
    const cy = narrow ? top + 22 : top + height / 2;
    const left = layout.memberLeft[i] ?? MEMBERS_X;
    const box = { left, top, width: layout.memberWidth, height, nameY: cy };
    const look = memberLook(m.slot);
    // The narrow drawing has its members below the rows: no lines (colour and shape say it).
    for (const part of layout.narrow ? [] : m.partitions) {
      const row = layout.rows[part];
      if (!row) continue;
      svg.append(
        s('path', {
          d: `M ${LINKS_X} ${row.midY} C ${MEMBERS_X - 12} ${row.midY}, ${MEMBERS_X - 24} ${cy}, ${MEMBERS_X} ${cy}`,
          class: KP_CLASS.link,
          stroke: look.colour,
          'data-link': `${part}-${m.memberId}`,
        }),
      );
    }
    const g = s('g', {
      class: KP_CLASS.member,
      'data-consumer': m.memberId,
      'data-partitions': m.partitions.join(','),
    });
    const mark = shapeMark(look.shape, box.left + 18, cy, 10, look.colour);
    const owned = memberPartitions(m.partitions);
    g.append(
      ...memberBox(box, look.colour, mark, m.memberId, narrow),
      narrow
        ? label(box.left + 34, top + 52, FONT.text, owned, { class: KP_CLASS.muted })
        : label(box.left + box.width - 8, cy, FONT.text, owned, {
            'text-anchor': 'end',
            class: KP_CLASS.muted,
          }),
    );
    svg.append(g);
  });
  if (view.groupB && layout.groupB !== null) {
    // Group B's box is one line in both drawings.
    const top = layout.groupB;
    const box = {
      left: layout.groupBLeft,
      top,
      width: layout.memberWidth,
      height: MEMBER_H,
      nameY: top + MEMBER_H / 2,
    };
    const mark = shapeMark('hollow-diamond', box.left + 18, box.nameY, 9, GROUP_B_COLOUR);
    svg.append(...memberBox(box, GROUP_B_COLOUR, mark, `группа B (${GROUP_B})`, narrow));
  }
}

/** Said where group A's members would be when it has nobody. */
const NOBODY_IN_A = "группа A: нет consumer'ов";

/** The header: the formula on the left, total lag of each group on the right. */
function drawHeader(svg: SVGElement, view: KafkaView, layout: KafkaLayout): void {
  const { narrow } = layout;
  svg.append(label(4, 22, FONT.text, formulaText(view, narrow), { class: KP_CLASS.formula }));
  const lags: string[] = [];
  if (view.groupA) lags.push(`lag A (${GROUP_A}): ${view.groupA.totalLag}`);
  if (view.groupB) lags.push(`B: ${view.groupB.totalLag}`);
  if (narrow) {
    // The second header line: the groups' lag, after «nobody in A» unless that is below the rows.
    if (!view.groupA?.members.length && layout.note === null) lags.unshift(NOBODY_IN_A);
    svg.append(label(4, 58, FONT.text, lags.join(' · '), { class: KP_CLASS.lagTotal }));
    return;
  }
  if (lags.length > 0) {
    svg.append(
      label(MEMBERS_X + MEMBER_W, 22, FONT.text, lags.join(' · '), {
        'text-anchor': 'end',
        class: KP_CLASS.lagTotal,
      }),
    );
  }
}

/** A short text alternative of the frame for the SVG's aria-label. */
export function describeView(view: KafkaView): string {
  const parts = view.partitions.map((p) => `P${p.index}: ${p.endOffset}`).join(', ');
  const members = (view.groupA?.members ?? [])
    .map((m) => `${m.memberId} ← ${m.partitions.length === 0 ? 'нет' : m.partitions.join(', ')}`)
    .join('; ');
  return `Топик ${view.topic}, записей по партициям: ${parts}. Группа A: ${members || "нет consumer'ов"}, lag ${view.groupA?.totalLag ?? 0}.`;
}

/** Builds the SVG for `view`. */
export function renderKafka(
  view: KafkaView,
  narrow = false,
): { svg: SVGSVGElement; layout: KafkaLayout } {
  const layout = layoutKafka(
    view.partitions.length,
    view.groupA?.members.length ?? 0,
    view.groupB !== null,
    narrow,
  );
  const svg = s('svg', {
    class: KP_CLASS.svg,
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    width: layout.width,
    height: layout.height,
    role: 'img',
    'aria-label': describeView(view),
  });
  drawHeader(svg, view, layout);
  // Lines and member boxes first, so the rows' markers draw over the lines.
  const rows = s('g', {});
  view.partitions.forEach((p, i) => {
    const row = layout.rows[i];
    if (row) rows.append(drawRow(view, p, row, layout));
  });
  drawMembers(svg, view, layout);
  svg.append(rows);
  return { svg, layout };
}

/** The narrow drawing for a picture box `width` CSS px wide (0: not laid out, draw the wide one). */
function isNarrowWidth(width: number): boolean {
  return width > 0 && width < NARROW_BELOW;
}

/**
 * Builds the picture into the kit's element: a scroll region (it takes the stage's height; 64
 * partitions scroll inside it, and the row the last record went to is scrolled into view). A box
 * narrower than NARROW_BELOW (a phone's lab) gets the narrow drawing; the kit tells the width and
 * draws again when it crosses NARROW_BELOW (the definition's `breakpoints`).
 */
export function kafkaPicture(host: KitHost<KafkaFrameView, KafkaAction>): Painter<KafkaFrameView> {
  const scroll = h('div', {
    class: `${KP_CLASS.scroll} ${WIDGET_CLASS.stageFill}`,
    tabindex: 0,
    role: 'region',
    'aria-label': "Партиции топика и consumer'ы",
  });
  host.element.append(scroll);
  return (view, previous, animate, size) => {
    const { svg } = renderKafka(view, isNarrowWidth(size.width));
    scroll.replaceChildren(svg);
    const lastRow = svg.querySelector('[data-last="true"]');
    if (
      lastRow &&
      typeof lastRow.scrollIntoView === 'function' &&
      scroll.scrollHeight > scroll.clientHeight
    ) {
      lastRow.scrollIntoView({ block: 'nearest' });
    }
    return animate ? animateFrame(svg, previous ?? null, view) : [];
  };
}
