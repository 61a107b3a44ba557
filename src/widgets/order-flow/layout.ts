/**
 * Pure geometry of the two timelines: where each lane sits, where a millisecond falls on the
 * shared axis, and the bars, markers and numbers of one moment (no DOM here).
 */
import {
  orderFlow,
  type Lane,
  type OrderFlowMode,
  type OrderFlowView,
  type SpanLabel,
} from '../../broker/orderflow/index.ts';
import { SPAN_STYLE, WORKER_TITLE, formatMs, formatNumber } from './labels.ts';
import { taskStatesAt, type TaskState } from './tasks.ts';
import { tickStep, viewsAt, type Frame } from './story.ts';

export const ROW_H = 40;
export const BAR_H = 32;
/** Width of one bold label character at 26 px, used to decide whether a label fits in a bar. */
const CHAR_W = 14.5;
/** Room a bar's shape marker takes before its text. */
export const MARKER_W = 34;

/**
 * Where everything sits in one drawing. The wide one (the stage, a laptop's lab) has the lane
 * titles left of the plot; the narrow one (a phone's lab) keeps the type sizes on a drawing less
 * than half as wide: each lane's title above its row, each design's number under its title.
 */
export interface TimelineGeometry {
  readonly narrow: boolean;
  readonly width: number;
  readonly height: number;
  readonly plotX: number;
  readonly plotW: number;
  /** Top y of each section header and of each lane row. */
  readonly sectionY: Readonly<Record<OrderFlowMode, number>>;
  readonly laneY: Readonly<Record<OrderFlowMode, Partial<Record<Lane, number>>>>;
  /** Baseline of each design's number, below its section's top; where its lines start. */
  readonly headlineDy: number;
  readonly linesDy: number;
  readonly axisY: number;
}

/**
 * The stage's drawing: about 1:1 on the stage at 1280×720 (0.96–1 screen px per unit), so every
 * text is at least 26 units: ≥ 24 px on screen. Lane titles (and the workers' list boxes) live
 * left of `plotX`.
 */
export const WIDE: TimelineGeometry = {
  narrow: false,
  width: 1200,
  height: 406,
  plotX: 272,
  plotW: 890,
  sectionY: { sync: 0, async: 128 },
  laneY: {
    sync: { client: 38, api: 78 },
    async: {
      client: 166,
      api: 206,
      'worker:email': 246,
      'worker:inventory': 286,
      'worker:warehouse': 326,
    },
  },
  headlineDy: 32,
  linesDy: 38,
  axisY: 370,
};

/** Pitch of a narrow lane: its title's line, then its row. */
const NARROW_LANE = 72;
const narrowLanes = (first: number, lanes: readonly Lane[]): Partial<Record<Lane, number>> =>
  Object.fromEntries(lanes.map((lane, i) => [lane, first + i * NARROW_LANE]));

/** The phone's drawing: 26-unit text stays ≥ 15 px on a 340 px column. */
export const NARROW: TimelineGeometry = {
  narrow: true,
  width: 560,
  height: 768,
  plotX: 8,
  plotW: 540,
  sectionY: { sync: 0, async: 240 },
  laneY: {
    sync: narrowLanes(110, ['client', 'api']),
    async: narrowLanes(350, [
      'client',
      'api',
      'worker:email',
      'worker:inventory',
      'worker:warehouse',
    ]),
  },
  headlineDy: 70,
  linesDy: 78,
  axisY: 696,
};

/** Below this width of the picture's box (CSS px) the narrow drawing reads better. */
export const NARROW_BELOW = 680;

/** Lane titles in the left column. */
export const LANE_TITLE: Readonly<Record<Lane, string>> = {
  client: 'Клиент',
  api: 'Обработчик',
  'worker:email': WORKER_TITLE.email,
  'worker:inventory': WORKER_TITLE.inventory,
  'worker:warehouse': WORKER_TITLE.warehouse,
};

/** x of `ms` on an axis ending at `axisMax`. */
export function xOf(ms: number, axisMax: number, g: TimelineGeometry = WIDE): number {
  return g.plotX + (g.plotW * Math.max(0, ms)) / Math.max(1, axisMax);
}

/** One bar as drawn. */
export interface SceneBar {
  readonly mode: OrderFlowMode;
  readonly lane: Lane;
  readonly label: SpanLabel;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly status: 'ok' | 'error';
  readonly running: boolean;
  readonly attempt: number;
  /** Text inside the bar ('' when nothing fits). */
  readonly text: string;
  /** Whether the shape marker is drawn at the bar's start. */
  readonly marker: boolean;
}

/** One design's header and markers. */
export interface SceneSection {
  readonly mode: OrderFlowMode;
  /** The design's response time and status for this input (the contract's data-response-ms). */
  readonly responseMs: number;
  readonly status: 201 | 500;
  /** True once the cursor passed the response. */
  readonly responded: boolean;
  readonly now: number;
  readonly cursorX: number;
  readonly responseX: number;
  /** The big number: «ответ: 2900 мс», «ошибка 500: 2100 мс» or «ждёт… 1200 мс». */
  readonly headline: string;
}

/** Everything one moment draws. */
export interface Scene {
  /** Tick marks; `label` is '' where a narrow axis has no room for every number. */
  readonly ticks: readonly { readonly x: number; readonly label: string }[];
  readonly sections: readonly SceneSection[];
  readonly bars: readonly SceneBar[];
  readonly tasks: readonly (TaskState & { readonly y: number })[];
}

/** The text inside a bar and whether the shape marker fits before it. */
export function barText(
  label: SpanLabel,
  width: number,
  attempt: number,
  status: 'ok' | 'error',
): { readonly text: string; readonly marker: boolean } {
  const style = SPAN_STYLE[label];
  const suffix = status === 'error' ? ' ✕ сбой' : attempt > 1 ? ` (${attempt}-я попытка)` : '';
  // MARKER_W leaves room for the shape marker at the bar's start.
  for (const text of [style.name + suffix, style.name]) {
    if (text.length * CHAR_W + MARKER_W <= width) return { text, marker: true };
  }
  // Without the marker, centred: the full name, else the short one, which may touch the bar's
  // ends («БД» fits the 100 ms bar).
  if (style.name.length * CHAR_W + 10 <= width) return { text: style.name, marker: false };
  if (style.short && style.short.length * CHAR_W <= width + 2)
    return { text: style.short, marker: false };
  return { text: '', marker: width >= 26 };
}

function headline(view: OrderFlowView, now: number, started: boolean): string {
  if (view.responseMs !== null) {
    return view.status === 500
      ? `ошибка 500: ${formatMs(view.responseMs)}`
      : `ответ: ${formatMs(view.responseMs)}`;
  }
  return started ? `ждёт… ${formatMs(now)}` : 'ответ: —';
}

/** The scene of `frame` (times may be between steps while animating). */
export function sceneAt(
  frame: Pick<Frame, 'input' | 'syncNow' | 'asyncNow' | 'axisMax'>,
  g: TimelineGeometry = WIDE,
): Scene {
  const { axisMax } = frame;
  const runs = orderFlow(frame.input);
  const views = viewsAt(frame);
  const bars: SceneBar[] = [];
  const sections: SceneSection[] = [];
  for (const mode of ['sync', 'async'] as const) {
    const view = views[mode];
    const now = mode === 'sync' ? frame.syncNow : frame.asyncNow;
    for (const span of view.spans) {
      const y = g.laneY[mode][span.lane];
      if (y === undefined) continue;
      const x = xOf(span.start, axisMax, g);
      const width = Math.max(0, xOf(span.shownEnd, axisMax, g) - x);
      bars.push({
        mode,
        lane: span.lane,
        label: span.label,
        x,
        y: y + (ROW_H - BAR_H) / 2,
        width,
        status: span.running ? 'ok' : span.status,
        running: span.running,
        attempt: span.attempt,
        ...barText(span.label, width, span.attempt, span.running ? 'ok' : span.status),
      });
    }
    sections.push({
      mode,
      responseMs: runs[mode].responseMs,
      status: runs[mode].status,
      responded: view.responseMs !== null,
      now,
      cursorX: xOf(now, axisMax, g),
      responseX: xOf(runs[mode].responseMs, axisMax, g),
      headline: headline(view, now, now > 0),
    });
  }
  const step = tickStep(axisMax);
  // Every k-th number when the widest one does not fit between two ticks (a narrow axis).
  const widest = formatNumber(axisMax).length * CHAR_W + 36;
  const every = Math.max(1, Math.ceil(widest / Math.max(1, xOf(step, axisMax, g) - g.plotX)));
  const ticks = [];
  for (let ms = 0, i = 0; ms <= axisMax + 1e-9; ms += step, i++) {
    ticks.push({ x: xOf(ms, axisMax, g), label: i % every === 0 ? formatNumber(ms) : '' });
  }
  const tasks = taskStatesAt(runs.async, frame.asyncNow).map((t) => ({
    ...t,
    y: g.laneY.async[`worker:${t.task}`] ?? 0,
  }));
  return { ticks, sections, bars, tasks };
}
