/**
 * Draws one frame (a KafkaView) as SVG: the partitioner formula, partition logs with offsets and
 * keys, each group's position/committed markers and lag, members with lines to their partitions.
 * Every student-typed key goes in as a text node. Contract attributes live on the row and member
 * groups (`data-partition`, `data-end-offset`, `data-last`, `data-consumer`, `data-partitions`).
 */
import { s } from '../runtime/dom.ts';
import { kafkaPartitionForKey } from '../../broker/kafka/index.ts';
import {
  CELL_W,
  LAG_X,
  MEMBERS_X,
  MEMBER_H,
  MEMBER_W,
  boundaryX,
  cellX,
  fitKey,
  layoutKafka,
  type KafkaLayout,
  type RowBox,
} from './layout.ts';
import { GROUP_B_COLOUR, memberLook, shapeMark } from './marks.ts';
import { GROUP_A, GROUP_B } from './scenarios.ts';
import type { GroupView, KafkaView, PartitionView } from './view-model.ts';
import { KP_CLASS } from './classes.ts';
import { plural } from './captions.ts';

/** The formula line for the last record: «murmur2("user-42") mod 6 = 3». */
export function formulaText(view: KafkaView): string {
  const last = view.last;
  const n = view.partitions.length;
  if (!last)
    return `Топик ${view.topic}: ${n} ${plural(n, 'партиция', 'партиции', 'партиций')} · партиция = murmur2(ключ) mod ${n}`;
  if (last.key === null)
    return `Ключа нет → kafka-python: random.choice(available) = ${last.partition}`;
  // The formula is recomputed from the core's partitioner so it can never disagree with the log.
  const p = kafkaPartitionForKey(last.key, n);
  return `murmur2("${last.key}") mod ${n} = ${p}`;
}

function ownerSlot(group: GroupView | null, memberId: string | null): number | null {
  const m = group?.members.find((x) => x.memberId === memberId);
  return m ? m.slot : null;
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
  const labelSize = layout.dense ? 16 : 20;
  g.append(
    s(
      'text',
      { x: 4, y: row.midY + labelSize * 0.35, class: KP_CLASS.rowLabel, 'font-size': labelSize },
      `P${p.index}`,
    ),
  );
  const windowStart = p.cells[0]?.offset ?? p.endOffset;
  if (windowStart > p.logStart) {
    g.append(
      s('text', { x: cellX(0) - 28, y: row.midY + 6, class: KP_CLASS.muted, 'font-size': 18 }, '…'),
    );
  }
  p.cells.forEach((c, i) => {
    const x = cellX(i);
    const isLast = p.last && view.last?.offset === c.offset;
    const cell = s('g', { class: KP_CLASS.cell, 'data-offset': c.offset });
    cell.append(
      s('title', {}, `offset ${c.offset}, ключ ${c.key ?? 'нет'}`),
      s('rect', {
        x,
        y: row.cellY,
        width: CELL_W,
        height: row.cellH,
        rx: 5,
        class: isLast ? KP_CLASS.cellLast : KP_CLASS.cellRect,
        stroke: look?.colour ?? '#8b96a3',
      }),
    );
    // One line per cell: the offset (muted) then the key, so short rows stay readable.
    const size = layout.dense ? 15 : 17;
    const baseline = row.midY + size * 0.35;
    cell.append(
      s('text', { x: x + 5, y: baseline, 'font-size': size - 2, class: KP_CLASS.muted }, c.offset),
      s(
        'text',
        { x: x + (c.offset > 9 ? 28 : 20), y: baseline, 'font-size': size },
        // A two-digit offset leaves less room; the dense layout's smaller font never does.
        fitKey(c.key, c.offset > 9),
      ),
    );
    g.append(cell);
  });
  drawMarkers(g, view, p, row, windowStart);
  drawLag(g, p, row, layout);
  return g;
}

function drawMarkers(
  g: SVGElement,
  view: KafkaView,
  p: PartitionView,
  row: RowBox,
  start: number,
): void {
  const len = p.cells.length;
  if (p.a?.committed != null) {
    const { x } = boundaryX(p.a.committed, start, len);
    g.append(
      s('rect', {
        x: x - 2.5,
        y: row.cellY - 3,
        width: 5,
        height: row.cellH + 6,
        class: KP_CLASS.committed,
        'data-committed': p.a.committed,
      }),
    );
  }
  if (p.a?.position != null) {
    const slot = ownerSlot(view.groupA, p.a.memberId) ?? 0;
    const look = memberLook(slot);
    const { x } = boundaryX(p.a.position, start, len);
    const mark = shapeMark(look.shape, x, row.cellY - 7, 7, look.colour);
    mark.setAttribute('data-position', String(p.a.position));
    mark.setAttribute('class', KP_CLASS.marker);
    g.append(mark);
  }
  if (p.b?.position != null) {
    const { x } = boundaryX(p.b.position, start, len);
    const mark = shapeMark('hollow-diamond', x, row.cellY + row.cellH + 7, 6, GROUP_B_COLOUR);
    mark.setAttribute('class', KP_CLASS.marker);
    mark.setAttribute('data-position-b', String(p.b.position));
    g.append(mark);
  }
}

function drawLag(g: SVGElement, p: PartitionView, row: RowBox, layout: KafkaLayout): void {
  const size = layout.dense ? 15 : 18;
  const parts: string[] = [];
  if (p.a) parts.push(`lag ${p.a.lag ?? '—'}`);
  if (p.b) parts.push(`B ${p.b.lag ?? '—'}`);
  if (parts.length === 0) parts.push(`конец ${p.endOffset}`);
  g.append(
    s(
      'text',
      { x: LAG_X, y: row.midY + size * 0.35, 'font-size': size, class: KP_CLASS.lag },
      parts.join(' · '),
    ),
  );
}

function drawMembers(svg: SVGElement, view: KafkaView, layout: KafkaLayout): void {
  const group = view.groupA;
  if (!group || group.members.length === 0) {
    svg.append(
      s(
        'text',
        { x: MEMBERS_X, y: layout.rows[0]?.midY ?? 80, 'font-size': 18, class: KP_CLASS.muted },
        "группа A: нет consumer'ов",
      ),
    );
  }
  group?.members.forEach((m, i) => {
    const top = layout.members[i] ?? 0;
    const look = memberLook(m.slot);
    const cy = top + MEMBER_H / 2;
    for (const part of m.partitions) {
      const row = layout.rows[part];
      if (!row) continue;
      svg.append(
        s('path', {
          d: `M ${LAG_X + 150} ${row.midY} C ${MEMBERS_X - 30} ${row.midY}, ${MEMBERS_X - 50} ${cy}, ${MEMBERS_X} ${cy}`,
          class: KP_CLASS.link,
          stroke: look.colour,
          'data-link': `${part}-${m.memberId}`,
        }),
      );
    }
    const box = s('g', {
      class: KP_CLASS.member,
      'data-consumer': m.memberId,
      'data-partitions': m.partitions.join(','),
    });
    box.append(
      s('rect', {
        x: MEMBERS_X,
        y: top,
        width: MEMBER_W,
        height: MEMBER_H,
        rx: 8,
        stroke: look.colour,
        class: KP_CLASS.memberRect,
      }),
      shapeMark(look.shape, MEMBERS_X + 20, cy, 10, look.colour),
      s('text', { x: MEMBERS_X + 38, y: cy + 7, 'font-size': 19 }, m.memberId),
      s(
        'text',
        {
          x: MEMBERS_X + MEMBER_W - 8,
          y: cy + 7,
          'font-size': 18,
          'text-anchor': 'end',
          class: KP_CLASS.muted,
        },
        m.partitions.length === 0 ? 'простаивает' : m.partitions.map((x) => `P${x}`).join(' '),
      ),
    );
    svg.append(box);
  });
  if (view.groupB && layout.groupB !== null) {
    const top = layout.groupB;
    const cy = top + MEMBER_H / 2;
    svg.append(
      s('rect', {
        x: MEMBERS_X,
        y: top,
        width: MEMBER_W,
        height: MEMBER_H,
        rx: 8,
        stroke: GROUP_B_COLOUR,
        class: KP_CLASS.memberRect,
      }),
      shapeMark('hollow-diamond', MEMBERS_X + 20, cy, 9, GROUP_B_COLOUR),
      s('text', { x: MEMBERS_X + 38, y: cy + 7, 'font-size': 19 }, `группа B (${GROUP_B})`),
    );
  }
}

/** The header: the formula on the left, total lag of each group on the right. */
function drawHeader(svg: SVGElement, view: KafkaView): void {
  svg.append(
    s('text', { x: 4, y: 30, 'font-size': 22, class: KP_CLASS.formula }, formulaText(view)),
  );
  const lags: string[] = [];
  if (view.groupA) lags.push(`lag A (${GROUP_A}): ${view.groupA.totalLag}`);
  if (view.groupB) lags.push(`B: ${view.groupB.totalLag}`);
  if (lags.length > 0) {
    svg.append(
      s(
        'text',
        {
          x: MEMBERS_X + MEMBER_W,
          y: 30,
          'font-size': 19,
          'text-anchor': 'end',
          class: KP_CLASS.lagTotal,
        },
        lags.join(' · '),
      ),
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
export function renderKafka(view: KafkaView): { svg: SVGSVGElement; layout: KafkaLayout } {
  const layout = layoutKafka(
    view.partitions.length,
    view.groupA?.members.length ?? 0,
    view.groupB !== null,
  );
  const svg = s('svg', {
    class: KP_CLASS.svg,
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    width: layout.width,
    height: layout.height,
    role: 'img',
    'aria-label': describeView(view),
  });
  drawHeader(svg, view);
  // Lines first, so rows and member boxes draw over them.
  const rows = s('g', {});
  view.partitions.forEach((p, i) => {
    const row = layout.rows[i];
    if (row) rows.append(drawRow(view, p, row, layout));
  });
  drawMembers(svg, view, layout);
  svg.append(rows);
  return { svg, layout };
}
