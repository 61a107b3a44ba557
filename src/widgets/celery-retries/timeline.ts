/**
 * Draws the timeline model as SVG: lane labels, second ticks, run bars with an outcome glyph,
 * waits on the lane where the message is (the broker's queue, or a worker holding a countdown
 * message unacked until its ETA), crash and redelivery marks and a "now" line.
 */
import { s } from '../runtime/dom.ts';
import { CR_CLASS } from './classes.ts';
import { LANES, tickStepS, type Lane, type TimelineModel } from './layout.ts';
import { RUN_LOOK, WAIT_COLOUR } from './look.ts';

/** SVG geometry (viewBox units). */
export const GEOMETRY = { width: 1000, left: 150, right: 975, top: 6, lane: 44, bar: 28 } as const;

const LANE_TEXT: Readonly<Record<Lane, string>> = {
  broker: 'брокер',
  worker1: 'worker1',
  worker2: 'worker2',
};

/** x of a virtual time on the axis. */
export function xOf(ms: number, axisMaxMs: number): number {
  const { left, right } = GEOMETRY;
  return left + (Math.min(ms, axisMaxMs) / axisMaxMs) * (right - left);
}

const laneY = (lane: Lane): number => GEOMETRY.top + LANES.indexOf(lane) * GEOMETRY.lane;

const seconds = (ms: number): string => `${String(Math.round(ms / 100) / 10).replace('.', ',')} с`;

/** The whole picture for a timeline model; `label` is its accessible summary. */
export function drawTimeline(m: TimelineModel, label: string): SVGSVGElement {
  const { width, left, right, lane, bar } = GEOMETRY;
  const axisY = laneY('worker2') + lane + 4;
  const height = axisY + 30;
  const svg = s('svg', {
    class: CR_CLASS.svg,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': label,
  });
  for (const l of LANES) {
    const y = laneY(l);
    svg.append(
      s('rect', { x: left, y, width: right - left, height: lane - 6, fill: '#f6f8fa' }),
      s('text', { class: CR_CLASS.laneLabel, x: 8, y: y + lane / 2 + 3 }, LANE_TEXT[l]),
    );
  }
  const step = tickStepS(m.axisMaxMs) * 1000;
  for (let t = 0; t <= m.axisMaxMs + 1; t += step) {
    const x = xOf(t, m.axisMaxMs);
    svg.append(
      s('line', {
        x1: x,
        x2: x,
        y1: axisY - 4,
        y2: axisY + 4,
        stroke: '#5b6470',
        'stroke-width': 2,
      }),
      s('text', { class: CR_CLASS.tick, x, y: axisY + 24, 'text-anchor': 'middle' }, seconds(t)),
    );
  }
  svg.append(
    s('line', { x1: left, x2: right, y1: axisY, y2: axisY, stroke: '#5b6470', 'stroke-width': 2 }),
  );

  for (const w of m.waits) {
    const x1 = xOf(w.start, m.axisMaxMs);
    const x2 = Math.max(x1 + 4, xOf(w.end, m.axisMaxMs));
    const y = laneY(w.lane) + (lane - 6 - bar) / 2;
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
    if (w.countdown !== null && x2 - x1 > 40) {
      g.append(
        s(
          'text',
          { x: (x1 + x2) / 2, y: y + bar / 2 + 7, 'text-anchor': 'middle', fill: WAIT_COLOUR },
          `↻ ${w.countdown} с`,
        ),
      );
    }
    svg.append(g);
  }

  for (const r of m.runs) {
    const look = RUN_LOOK[r.outcome];
    const x1 = xOf(r.start, m.axisMaxMs);
    const x2 = Math.max(x1 + 6, xOf(r.end, m.axisMaxMs));
    const y = laneY(r.lane) + (lane - 6 - bar) / 2;
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
          { x: x2 + 4, y: y + bar / 2 + 8, fill: look.fill, class: 'w-cr-run-glyph' },
          look.glyph,
        ),
      );
    }
    if (x2 - x1 > 34) {
      g.append(
        s(
          'text',
          { x: x1 + 6, y: y + bar / 2 + 7, fill: '#fff', class: 'w-cr-run-text' },
          `#${r.run}`,
        ),
      );
    }
    svg.append(g);
  }

  for (const mark of m.marks) {
    const x = xOf(mark.at, m.axisMaxMs);
    const cy = laneY(mark.lane) + (lane - 6) / 2;
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
          { x, y: cy + 12, 'text-anchor': 'middle', class: 'w-cr-crash', fill: '#b3261e' },
          '✕',
        ),
      );
  }
  const nx = xOf(m.now, m.axisMaxMs);
  svg.append(
    s('line', {
      class: CR_CLASS.now,
      x1: nx,
      x2: nx,
      y1: 4,
      y2: axisY,
      stroke: '#1b1f24',
      'stroke-width': 2,
      'stroke-dasharray': '4 4',
    }),
  );
  return svg;
}
