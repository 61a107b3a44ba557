/**
 * Geometry of the partitions picture, in SVG user units: one unit is one slide pixel when the
 * picture spans the stage (the slide's 1280 px less the 24 px margins), so the type sizes here
 * are what the back row reads (≥ 25, the stage's minimum). Rows of offset cells on the left, the
 * consumer group on the right. Pure: positions follow from counts only.
 */
import { VISIBLE_CELLS } from './logic.ts';

/** Width of the drawing: the stage's width in slide pixels. */
export const VIEW_WIDTH = 1232;
/** Type sizes: the stage's minimum (offsets, lag, labels) and names. */
export const FONT = { text: 25, name: 27 } as const;
/** Band above the rows for the partitioner formula. */
export const HEADER_HEIGHT = 44;
/** Height the rows share before the widget scrolls: six partitions fit the stage at 1280×720, with the stage question box (two lines) under them. */
export const ROWS_BUDGET = 324;
/** Row pitch bounds: big enough to read, small enough for many partitions (then it scrolls). */
export const ROW_MAX = 84;
export const ROW_MIN = 50;

/** Left edge of the first cell, cell width and gap. */
export const CELLS_X = 84;
export const CELL_W = 124;
export const CELL_GAP = 4;
/** Where the per-row lag text starts and where the consumer column starts. */
export const LAG_X = CELLS_X + VISIBLE_CELLS * (CELL_W + CELL_GAP) + 6;
export const MEMBERS_X = 900;
export const MEMBER_W = VIEW_WIDTH - MEMBERS_X - 4;
export const MEMBER_H = 44;
/** Where the lines from rows to members start (right of the longest lag text). */
export const LINKS_X = MEMBERS_X - 36;

/**
 * The narrow drawing (a phone's lab, a narrow reading column): the same type on a drawing less
 * than half as wide — the last NARROW_CELLS cells per row, the group's lag under the formula, the
 * members in two columns below the rows, each box two lines (its name, then its partitions; no
 * lines: colour, shape and their partitions say who owns what). 552 units on a phone's 335 px
 * picture box draw the 25-unit type at 15.2 px.
 */
export const NARROW_WIDTH = 552;
export const NARROW_CELLS = 3;
/** Below this width of the picture's box (CSS px) the narrow drawing reads better. */
export const NARROW_BELOW = 760;
const NARROW_HEADER = 80;
const NARROW_MEMBER_W = NARROW_WIDTH / 2 - 8;
/** A narrow member box: two lines. */
const NARROW_MEMBER_H = 72;
/** The narrow rows' cells: a tighter grid so three cells and «lag 12 · B 0» fit the width. */
const NARROW_GRID: CellGrid = { x: 70, width: 116, gap: 4 };
/** The stage's cell grid. */
const WIDE_GRID: CellGrid = { x: CELLS_X, width: CELL_W, gap: CELL_GAP };

/** Where the cells of a row go: the first one's left edge, a cell's width and the gap. */
export interface CellGrid {
  readonly x: number;
  readonly width: number;
  readonly gap: number;
}

/** One partition row. */
export interface RowBox {
  readonly y: number;
  readonly height: number;
  /** The cell band inside the row (markers sit above and below it). */
  readonly cellY: number;
  readonly cellH: number;
  readonly midY: number;
}

/** The whole picture. */
export interface KafkaLayout {
  readonly width: number;
  readonly height: number;
  readonly rowPitch: number;
  readonly rows: readonly RowBox[];
  /** Top of each member box of group A, in order. */
  readonly members: readonly number[];
  /** Top of the group B box, or null without group B. */
  readonly groupB: number | null;
  /** The narrow drawing: members below the rows, fewer cells, no lines. */
  readonly narrow: boolean;
  /** Cells drawn per row. */
  readonly cells: number;
  /** Left edge of each member box (and of group B's, last), their width and height. */
  readonly memberLeft: readonly number[];
  readonly groupBLeft: number;
  readonly memberWidth: number;
  readonly memberHeight: number;
  /**
   * Where «группа A: нет consumer'ов» is written when the group has nobody; null: on the narrow
   * header's second line, before the lag (there is room for both without group B).
   */
  readonly note: { readonly x: number; readonly midY: number } | null;
  /** The rows' cell grid. */
  readonly grid: CellGrid;
  /** Top of the first row (under the header). */
  readonly top: number;
  /** Where the lag text starts. */
  readonly lagX: number;
}

/** The row pitch for `partitions` rows: fill the budget, clamped to [ROW_MIN, ROW_MAX]. */
export function rowPitch(partitions: number): number {
  const n = Math.max(1, partitions);
  return Math.max(ROW_MIN, Math.min(ROW_MAX, Math.floor(ROWS_BUDGET / n)));
}

function rowsOf(partitions: number, top: number): RowBox[] {
  const pitch = rowPitch(partitions);
  const cellH = Math.min(46, pitch - 20);
  const rows: RowBox[] = [];
  for (let i = 0; i < partitions; i++) {
    const y = top + i * pitch;
    const cellY = y + Math.round((pitch - cellH) / 2);
    rows.push({ y, height: pitch, cellY, cellH, midY: cellY + cellH / 2 });
  }
  return rows;
}

/**
 * The narrow drawing: rows, then the members two by two (or, with nobody in group A but a group
 * B, a line saying so), then group B.
 */
function layoutNarrow(partitions: number, members: number, hasGroupB: boolean): KafkaLayout {
  const rows = rowsOf(partitions, NARROW_HEADER);
  const below = NARROW_HEADER + partitions * rowPitch(partitions) + 12;
  const place = (i: number) => ({
    top: below + Math.floor(i / 2) * (NARROW_MEMBER_H + 8),
    left: 4 + (i % 2) * (NARROW_MEMBER_W + 8),
  });
  const boxes = Array.from({ length: members }, (_, i) => place(i));
  // Group B starts a new line of boxes; the note of an empty group A takes the line before it.
  const noteBelow = members === 0 && hasGroupB;
  const b = hasGroupB ? place(members === 0 ? 0 : members + (members % 2)) : null;
  const bTop = b === null ? 0 : noteBelow ? b.top + MEMBER_H + 8 : b.top;
  const lowest = Math.max(
    below - 12,
    ...boxes.map((x) => x.top + NARROW_MEMBER_H),
    b === null ? 0 : bTop + MEMBER_H,
  );
  return {
    width: NARROW_WIDTH,
    height: lowest + 8,
    rowPitch: rowPitch(partitions),
    rows,
    members: boxes.map((x) => x.top),
    groupB: b === null ? null : bTop,
    narrow: true,
    cells: NARROW_CELLS,
    memberLeft: boxes.map((x) => x.left),
    groupBLeft: b?.left ?? 4,
    memberWidth: NARROW_MEMBER_W,
    memberHeight: NARROW_MEMBER_H,
    note: noteBelow ? { x: 4, midY: below + MEMBER_H / 2 } : null,
    grid: NARROW_GRID,
    top: NARROW_HEADER,
    lagX: cellX(NARROW_CELLS, NARROW_GRID) + 2,
  };
}

/**
 * Lays out `partitions` rows, `members` consumer boxes and optionally group B's box; `narrow`
 * for a narrow box (see NARROW_WIDTH).
 */
export function layoutKafka(
  partitions: number,
  members: number,
  hasGroupB: boolean,
  narrow = false,
): KafkaLayout {
  if (narrow) return layoutNarrow(partitions, members, hasGroupB);
  const pitch = rowPitch(partitions);
  const rows = rowsOf(partitions, HEADER_HEIGHT);
  const rowsBottom = HEADER_HEIGHT + partitions * pitch;
  const bBox = hasGroupB ? MEMBER_H + 16 : 0;
  // Members spread over the rows' height (lines stay short), at least MEMBER_H + 6 apart.
  const span = Math.max(rowsBottom - HEADER_HEIGHT - bBox, members * (MEMBER_H + 6));
  const memberPitch = members > 0 ? span / members : 0;
  const memberTops = Array.from({ length: members }, (_, i) =>
    Math.round(HEADER_HEIGHT + i * memberPitch + (memberPitch - MEMBER_H) / 2),
  );
  const groupB = hasGroupB ? HEADER_HEIGHT + span + 12 : null;
  // The picture ends below whatever is lowest: the last row, the last member box or group B.
  const membersBottom = memberTops.length > 0 ? Math.max(...memberTops) + MEMBER_H : 0;
  const height = Math.max(rowsBottom, membersBottom, groupB === null ? 0 : groupB + MEMBER_H) + 8;
  return {
    width: VIEW_WIDTH,
    height,
    rowPitch: pitch,
    rows,
    members: memberTops,
    groupB,
    narrow: false,
    cells: VISIBLE_CELLS,
    memberLeft: memberTops.map(() => MEMBERS_X),
    groupBLeft: MEMBERS_X,
    memberWidth: MEMBER_W,
    memberHeight: MEMBER_H,
    note: { x: MEMBERS_X, midY: rows[0]?.midY ?? 80 },
    grid: WIDE_GRID,
    top: HEADER_HEIGHT,
    lagX: LAG_X,
  };
}

/** Left edge of the cell at index `i` of the shown window (on the stage's grid by default). */
export function cellX(i: number, grid: CellGrid = WIDE_GRID): number {
  return grid.x + i * (grid.width + grid.gap);
}

/**
 * X of the boundary before `offset` in a window starting at `windowStart` (markers for positions
 * and committed offsets); clamped to the window's edges, with `clipped` when outside it.
 */
export function boundaryX(
  offset: number,
  windowStart: number,
  windowLength: number,
  cells: number = VISIBLE_CELLS,
  grid: CellGrid = WIDE_GRID,
): { x: number; clipped: boolean } {
  const i = offset - windowStart;
  if (i < 0) return { x: grid.x - grid.gap / 2, clipped: true };
  const capped = Math.min(i, Math.max(windowLength, cells));
  return { x: cellX(capped, grid) - grid.gap / 2, clipped: i > capped };
}

/** A key shortened to fit a cell (the full key is in the cell's title); `narrow`: one char less. */
export function fitKey(key: string | null, narrow: boolean): string {
  if (key === null) return '∅';
  const max = narrow ? 6 : 7;
  const chars = [...key];
  return chars.length <= max ? key : `${chars.slice(0, max - 1).join('')}…`;
}
