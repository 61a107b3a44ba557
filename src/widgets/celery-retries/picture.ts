/**
 * The picture: the task's declaration as Python, the row of AsyncResult.state values, and the
 * timeline as SVG — lane labels, second ticks, run bars with an outcome glyph, waits on the lane
 * where the message is (the broker's queue, or a worker holding a countdown message unacked until
 * its ETA), crash and redelivery marks and a "now" line. The facts line is the lab's. A narrow
 * box (a phone's lab) gets the narrow timeline (NARROW_GEOMETRY): each lane's name above its row,
 * fewer ticks, the type at the stage's minimum — it fits the column instead of scrolling sideways.
 */
import { h, replaceChildren, s } from '../runtime/dom.ts';
import { LAB_ONLY, type KitHost, type Painter } from '../runtime/kit.ts';
import { animateTo } from '../runtime/motion.ts';
import { declaration } from './caption.ts';
import { CR_CLASS } from './classes.ts';
import {
  CRASH_COLOUR,
  LANES,
  RUN_LOOK,
  STATE_LOOK,
  STATE_ORDER,
  WAIT_COLOUR,
  tickStepS,
  timelineOf,
  type Lane,
  type TimelineModel,
} from './layout.ts';
import { statesVisited, type CeleryAction, type CeleryView } from './logic.ts';

/** One drawing of the timeline (viewBox units): `pitch` between lanes, `lane` a lane's row. */
export interface TimelineGeometry {
  readonly narrow: boolean;
  readonly width: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly pitch: number;
  readonly lane: number;
  readonly bar: number;
  /** The most ticks on the axis (their numbers must not touch). */
  readonly ticks: number;
}

/** The stage's drawing (and a laptop's lab): lane names left of the rows. */
export const GEOMETRY: TimelineGeometry = {
  narrow: false,
  width: 1000,
  left: 150,
  right: 975,
  top: 6,
  pitch: 48,
  lane: 48,
  bar: 34,
  ticks: 8,
};

/**
 * The phone's drawing: 25-unit type (≥ 15 px on a 340 px column), each lane's name on a line
 * above its row, room right of the axis for a run's end glyph.
 */
export const NARROW_GEOMETRY: TimelineGeometry = {
  narrow: true,
  width: 560,
  left: 8,
  right: 528,
  top: 34,
  pitch: 80,
  lane: 48,
  bar: 34,
  ticks: 5,
};

/**
 * Below this width of the picture's box (CSS px) the narrow timeline reads better: the wide
 * drawing's 18-unit tick numbers in the lab are ≥ 14 px only from about 780 px.
 */
export const NARROW_BELOW = 780;

const LANE_TEXT: Readonly<Record<Lane, string>> = {
  broker: 'брокер',
  worker1: 'worker1',
  worker2: 'worker2',
};

/** x of a virtual time on the axis. */
export function xOf(ms: number, axisMaxMs: number, g: TimelineGeometry = GEOMETRY): number {
  const { left, right } = g;
  return left + (Math.min(ms, axisMaxMs) / axisMaxMs) * (right - left);
}

const laneY = (lane: Lane, g: TimelineGeometry): number => g.top + LANES.indexOf(lane) * g.pitch;

/** A tick number's anchor: centred on its tick, but never past either end of a narrow drawing. */
function tickAnchor(g: TimelineGeometry, x: number): 'start' | 'middle' | 'end' {
  if (!g.narrow) return 'middle';
  if (x < g.left + 24) return 'start';
  return x > g.width - 30 ? 'end' : 'middle';
}

const seconds = (ms: number): string => `${String(Math.round(ms / 100) / 10).replace('.', ',')} с`;

/**
 * Where a countdown's words go (their baseline), or undefined when they fit nowhere: in the wait's
 * box; in the narrow drawing (larger type for its width) only when the whole text fits, else on
 * the lane's name line above the box, clear of the name.
 */
function countdownY(
  g: TimelineGeometry,
  lane: Lane,
  x1: number,
  x2: number,
  y: number,
  text: string,
): number | undefined {
  const inBox = y + g.bar / 2 + 8;
  if (!g.narrow) return x2 - x1 > 40 ? inBox : undefined;
  const textW = [...text].length * 13 + 8;
  if (x2 - x1 > textW) return inBox;
  const centre = (x1 + x2) / 2;
  const nameEnd = 8 + LANE_TEXT[lane].length * 15 + 10;
  const clear = centre - textW / 2 > nameEnd && centre + textW / 2 < g.width;
  return clear ? laneY(lane, g) - 8 : undefined;
}

/** The whole picture for a timeline model on drawing `g`; `label` is its accessible summary. */
function drawTimeline(
  m: TimelineModel,
  label: string,
  g: TimelineGeometry = GEOMETRY,
): SVGSVGElement {
  const { width, left, right, lane, bar, narrow } = g;
  const drawing = g;
  const laneOf = (l: Lane): number => laneY(l, g);
  const xAt = (ms: number): number => xOf(ms, m.axisMaxMs, g);
  const axisY = laneOf('worker2') + lane + 4;
  const height = axisY + (g.narrow ? 34 : 30);
  const svg = s('svg', {
    class: CR_CLASS.svg,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': label,
  });
  svg.toggleAttribute('data-narrow', g.narrow);
  for (const l of LANES) {
    const y = laneOf(l);
    svg.append(
      s('rect', { x: left, y, width: right - left, height: lane - 6, fill: '#f6f8fa' }),
      s(
        'text',
        { class: CR_CLASS.laneLabel, x: 8, y: g.narrow ? y - 8 : y + lane / 2 + 5 },
        LANE_TEXT[l],
      ),
    );
  }
  const step = tickStepS(m.axisMaxMs, g.ticks) * 1000;
  for (let t = 0; t <= m.axisMaxMs + 1; t += step) {
    const x = xAt(t);
    svg.append(
      s('line', {
        x1: x,
        x2: x,
        y1: axisY - 4,
        y2: axisY + 4,
        stroke: '#5b6470',
        'stroke-width': 2,
      }),
      s(
        'text',
        { class: CR_CLASS.tick, x, y: axisY + 24, 'text-anchor': tickAnchor(g, x) },
        seconds(t),
      ),
    );
  }
  svg.append(
    s('line', { x1: left, x2: right, y1: axisY, y2: axisY, stroke: '#5b6470', 'stroke-width': 2 }),
  );

  for (const w of m.waits) {
    const x1 = xAt(w.start);
    const x2 = Math.max(x1 + 4, xAt(w.end));
    const y = laneOf(w.lane) + (lane - 6 - bar) / 2;
    const g = s('g', {
      class: CR_CLASS.wait,
      'data-countdown': w.countdown ?? '',
      'data-lane': w.lane,
    });
    g.append(
      s('rect', {
        x: x1,
        y,
        width: x2 - x1,
        height: bar,
        fill: '#fff',
        stroke: WAIT_COLOUR,
        'stroke-width': 3,
        'stroke-dasharray': '8 5',
      }),
    );
    const text = `↻ ${w.countdown ?? ''} с`;
    const centre = (x1 + x2) / 2;
    const place = w.countdown === null ? undefined : countdownY(drawing, w.lane, x1, x2, y, text);
    if (place !== undefined) {
      g.append(
        s(
          'text',
          {
            x: centre,
            y: place,
            'text-anchor': 'middle',
            fill: WAIT_COLOUR,
            class: CR_CLASS.waitText,
          },
          text,
        ),
      );
    }
    svg.append(g);
  }

  for (const r of m.runs) {
    const look = RUN_LOOK[r.outcome];
    const x1 = xAt(r.start);
    const x2 = Math.max(x1 + 6, xAt(r.end));
    const y = laneOf(r.lane) + (lane - 6 - bar) / 2;
    const g = s('g', {
      class: CR_CLASS.run,
      'data-run': r.run,
      'data-outcome': r.outcome,
      'data-lane': r.lane,
      'data-redelivered': String(r.redelivered),
    });
    g.append(s('rect', { x: x1, y, width: x2 - x1, height: bar, rx: 4, fill: look.fill }));
    // A killed run ends at the worker's crash mark, which already says so.
    if (r.outcome !== 'killed') {
      g.append(
        s(
          'text',
          { x: x2 + 4, y: y + bar / 2 + 9, fill: look.fill, class: CR_CLASS.runGlyph },
          look.glyph,
        ),
      );
    }
    if (x2 - x1 > (narrow ? 40 : 34)) {
      g.append(
        s(
          'text',
          { x: x1 + 6, y: y + bar / 2 + 8, fill: '#fff', class: CR_CLASS.runText },
          `#${r.run}`,
        ),
      );
    }
    svg.append(g);
  }

  for (const mark of m.marks) {
    const x = xAt(mark.at);
    const cy = laneOf(mark.lane) + (lane - 6) / 2;
    if (mark.kind === 'sent') svg.append(s('circle', { cx: x, cy, r: 8, fill: '#5b6470' }));
    if (mark.kind === 'redelivered')
      svg.append(
        s('path', {
          d: `M${x} ${cy - 10}L${x + 10} ${cy + 8}L${x - 10} ${cy + 8}Z`,
          fill: '#6a3fa0',
        }),
      );
    if (mark.kind === 'crash')
      svg.append(
        s(
          'text',
          { x, y: cy + 12, 'text-anchor': 'middle', class: CR_CLASS.crash, fill: CRASH_COLOUR },
          '✕',
        ),
      );
  }
  const nx = xAt(m.now);
  svg.append(
    s('line', {
      class: CR_CLASS.now,
      x1: nx,
      x2: nx,
      y1: g.narrow ? g.top - 4 : 4,
      y2: axisY,
      stroke: '#1b1f24',
      'stroke-width': 2,
      'stroke-dasharray': '4 4',
    }),
  );
  return svg;
}

const BROKER = { redis: 'Redis', rabbitmq: 'RabbitMQ' } as const;

function statesRow(view: CeleryView): HTMLElement {
  const { frame } = view;
  const visited = statesVisited(frame.events);
  const retries = frame.events.filter((e) => e.type === 'task-retried').length;
  return h(
    'ol',
    { class: CR_CLASS.states, 'aria-label': 'AsyncResult.state — состояние задачи' },
    ...STATE_ORDER.map((st) =>
      h(
        'li',
        {
          class: `${CR_CLASS.state}${visited.has(st) ? ` ${CR_CLASS.visited}` : ''}`,
          'data-task-state': st,
          'aria-current': (frame.taskState ?? 'PENDING') === st ? 'step' : undefined,
          style: `--w-cr-c:${STATE_LOOK[st].colour}`,
        },
        h('span', { class: CR_CLASS.glyph, 'aria-hidden': 'true' }, STATE_LOOK[st].glyph),
        ' ',
        st,
        st === 'RETRY' && retries > 0 ? ` ×${retries}` : '',
      ),
    ),
  );
}

/** The lab's read-out under the timeline: broker, time, runs and retries so far. */
export function factsLine(view: CeleryView): string {
  const { frame, settings } = view;
  const runs = frame.events.filter((e) => e.type === 'task-started').length;
  const retries = frame.events.filter((e) => e.type === 'task-retried').length;
  const now = String(Math.round(frame.now / 100) / 10).replace('.', ',');
  const parts = [
    `брокер ${BROKER[settings.transport]}`,
    `t = ${now} с`,
    `запусков: ${runs}`,
    settings.retry === 'none'
      ? 'повтор не настроен'
      : `повторов: ${retries} из ${settings.maxRetries}`,
  ];
  if (frame.lost) parts.push('задача потеряна');
  return parts.join(' · ');
}

/**
 * Builds the picture into the kit's element. Only a step forward grows the new run bars; a jump,
 * a step back or a changed setting draws the frame at once.
 */
export function celeryPicture(host: KitHost<CeleryView, CeleryAction>): Painter<CeleryView> {
  const decl = h('code', { class: CR_CLASS.decl });
  const states = h('div');
  // What the row shows: the result backend's state, not the worker's events.
  const stateBar = h(
    'div',
    { class: CR_CLASS.statesRow },
    h('code', { class: CR_CLASS.statesTitle }, 'AsyncResult.state'),
    states,
  );
  const timeline = h('div', { class: CR_CLASS.timeline });
  const facts = h('p', { class: `${CR_CLASS.facts} ${LAB_ONLY}` });
  host.root.classList.add(CR_CLASS.root);
  host.element.append(decl, stateBar, timeline, facts);
  let shown = new Set<string>();
  return (view, previous, animate, { width }) => {
    const { frame } = view;
    // Before delay() Celery answers PENDING too: for it an unknown id is a pending task.
    host.root.dataset['state'] = frame.taskState ?? 'PENDING';
    host.root.dataset['lost'] = String(frame.lost);
    decl.textContent = declaration(view.story.task, view.settings);
    replaceChildren(states, statesRow(view));
    facts.textContent = factsLine(view);
    const svg = drawTimeline(
      timelineOf(frame, view.axisMaxMs),
      `Шкала времени задачи: ${facts.textContent}`,
      width > 0 && width < NARROW_BELOW ? NARROW_GEOMETRY : GEOMETRY,
    );
    replaceChildren(timeline, svg);
    const forward =
      animate &&
      previous !== undefined &&
      view.step === previous.step + 1 &&
      view.actions === previous.actions;
    const running: Animation[] = [];
    const keys = new Set<string>();
    for (const g of svg.querySelectorAll<SVGGElement>(`.${CR_CLASS.run}`)) {
      const key = `${g.dataset['lane']}#${g.dataset['run']}`;
      keys.add(key);
      if (!forward || shown.has(key)) continue;
      const a = animateTo(
        g,
        [
          { transform: 'scaleX(0)', opacity: 0.3 },
          { transform: 'scaleX(1)', opacity: 1 },
        ],
        { duration: 500 / host.speed(), reduced: host.reducedMotion },
      );
      if (a) running.push(a);
    }
    shown = keys;
    return running;
  };
}
