/**
 * The SVG of the two timelines: a static skeleton built once (titles, lanes, axis line) and a
 * `draw(scene)` that redraws the moving parts (bars, markers, numbers, queues) for one moment.
 */
import { s, uniqueId } from '../runtime/dom.ts';
import type { Lane, OrderFlowMode } from '../../broker/orderflow/index.ts';
import { ERROR_COLOR, SPAN_STYLE, TASK_LABEL } from './labels.ts';
import {
  AXIS_Y,
  BAR_H,
  LANE_TITLE,
  LANE_Y,
  PLOT_W,
  PLOT_X,
  ROW_H,
  SECTION_Y,
  VIEW_H,
  VIEW_W,
  type Scene,
  type SceneBar,
} from './layout.ts';
import { shapeElement } from './shapes.ts';

const SECTION_TITLE: Readonly<Record<OrderFlowMode, string>> = {
  sync: 'Синхронно',
  async: 'Через брокер',
};

/** The SVG and the function that draws a scene into it. */
export interface TimelineView {
  readonly svg: SVGSVGElement;
  draw(scene: Scene): void;
}

interface SectionParts {
  readonly group: SVGGElement;
  readonly headline: SVGTextElement;
  readonly response: SVGLineElement;
  readonly cursor: SVGLineElement;
}

function laneRows(mode: OrderFlowMode): [Lane, number][] {
  return Object.entries(LANE_Y[mode]) as [Lane, number][];
}

function barElement(bar: SceneBar, hatchId: string): SVGGElement {
  const style = SPAN_STYLE[bar.label];
  const error = bar.status === 'error';
  const waiting = bar.label === 'waitResponse' && !error;
  const g = s('g', { 'data-bar': bar.label, 'data-status': bar.status });
  g.append(
    s('rect', {
      x: bar.x,
      y: bar.y,
      width: bar.width,
      height: BAR_H,
      rx: 3,
      fill: error ? `url(#${hatchId})` : waiting ? '#eceef1' : style.color,
      stroke: error ? ERROR_COLOR : waiting ? style.color : 'none',
      'stroke-width': 2,
      'stroke-dasharray': waiting ? '6 4' : undefined,
      opacity: bar.running && !waiting ? 0.82 : 1,
    }),
  );
  const cy = bar.y + BAR_H / 2;
  const ink = error ? '#7f1d1d' : waiting ? '#1b1f24' : '#fff';
  if (bar.marker) g.append(shapeElement(style.shape, bar.x + 12, cy, 7, ink));
  if (bar.text) {
    const x = bar.marker ? bar.x + 26 : bar.x + 4;
    g.append(s('text', { x, y: cy + 6, fill: ink, class: 'w-of-bar-text' }, bar.text));
  }
  return g;
}

/** Builds the skeleton into a new SVG element. */
export function createTimeline(): TimelineView {
  const titleId = uniqueId('w-of-title');
  const hatchId = uniqueId('w-of-hatch');
  const title = s('title', { id: titleId });
  const svg = s('svg', {
    class: 'w-of-svg',
    viewBox: `0 0 ${VIEW_W} ${VIEW_H}`,
    role: 'img',
    'aria-labelledby': titleId,
    preserveAspectRatio: 'xMidYMin meet',
  });
  const hatch = s(
    'pattern',
    {
      id: hatchId,
      width: 10,
      height: 10,
      patternUnits: 'userSpaceOnUse',
      patternTransform: 'rotate(45)',
    },
    s('rect', { width: 10, height: 10, fill: '#fde2e0' }),
    s('rect', { width: 4, height: 10, fill: ERROR_COLOR, opacity: 0.55 }),
  );
  svg.append(title, s('defs', {}, hatch));

  const sections = {} as Record<OrderFlowMode, SectionParts>;
  for (const mode of ['sync', 'async'] as const) {
    const top = SECTION_Y[mode];
    const rows = laneRows(mode);
    const bottom = Math.max(...rows.map(([, y]) => y)) + ROW_H;
    const group = s('g', { 'data-mode': mode });
    group.append(s('text', { x: 0, y: top + 28, class: 'w-of-section' }, SECTION_TITLE[mode]));
    for (const [lane, y] of rows) {
      group.append(
        s('rect', { x: PLOT_X, y, width: PLOT_W, height: ROW_H, class: 'w-of-lane' }),
        s(
          'text',
          { x: lane.startsWith('worker:') ? 58 : 0, y: y + 23, class: 'w-of-lane-title' },
          LANE_TITLE[lane],
        ),
      );
    }
    const headline = s('text', {
      x: VIEW_W - 4,
      y: top + 29,
      class: 'w-of-headline',
      'text-anchor': 'end',
    });
    const response = s('line', { y1: top + 36, y2: bottom + 2, class: 'w-of-response' });
    const cursor = s('line', { y1: top + 36, y2: bottom + 2, class: 'w-of-cursor' });
    const bars = s('g', { 'data-bars': mode });
    group.append(bars, response, cursor, headline);
    svg.append(group);
    sections[mode] = { group, headline, response, cursor };
  }
  svg.append(
    s('line', { x1: PLOT_X, x2: PLOT_X + PLOT_W, y1: AXIS_Y, y2: AXIS_Y, class: 'w-of-axis' }),
  );
  const ticks = s('g', { class: 'w-of-ticks' });
  const queues = s('g', { class: 'w-of-queues' });
  svg.append(ticks, queues);

  return {
    svg,
    draw(scene) {
      const summary: string[] = [];
      for (const sec of scene.sections) {
        const parts = sections[sec.mode];
        parts.group.dataset['responseMs'] = String(sec.responseMs);
        parts.group.dataset['status'] = String(sec.status);
        parts.group.dataset['responded'] = String(sec.responded);
        parts.headline.textContent = sec.headline;
        parts.headline.setAttribute(
          'class',
          `w-of-headline w-of-headline--${sec.responded ? (sec.status === 500 ? 'bad' : 'ok') : 'wait'}`,
        );
        parts.response.setAttribute('x1', String(sec.responseX));
        parts.response.setAttribute('x2', String(sec.responseX));
        parts.response.setAttribute('stroke', sec.status === 500 ? ERROR_COLOR : '#1e7a3c');
        parts.response.style.visibility = sec.responded ? 'visible' : 'hidden';
        parts.cursor.setAttribute('x1', String(sec.cursorX));
        parts.cursor.setAttribute('x2', String(sec.cursorX));
        parts.cursor.style.visibility = sec.now > 0 ? 'visible' : 'hidden';
        const barsGroup = parts.group.querySelector(`[data-bars="${sec.mode}"]`) as SVGGElement;
        barsGroup.replaceChildren(
          ...scene.bars.filter((b) => b.mode === sec.mode).map((b) => barElement(b, hatchId)),
        );
        summary.push(`${SECTION_TITLE[sec.mode]}: ${sec.headline}`);
      }
      title.textContent = summary.join('; ');
      ticks.replaceChildren(
        ...scene.ticks.flatMap((t) => [
          s('line', { x1: t.x, x2: t.x, y1: AXIS_Y, y2: AXIS_Y + 7, class: 'w-of-axis' }),
          s(
            'text',
            { x: t.x, y: AXIS_Y + 28, 'text-anchor': 'middle', class: 'w-of-tick' },
            t.label,
          ),
        ]),
      );
      queues.replaceChildren(
        ...scene.tasks.map((t) => {
          const style = SPAN_STYLE[TASK_LABEL[t.task]];
          // The box is the task's Redis list: empty once BRPOP has popped it.
          const state = t.place;
          const g = s('g', { 'data-task': t.task, 'data-queue-state': state });
          const cy = t.y + ROW_H / 2;
          g.append(
            s('rect', { x: 2, y: cy - 13, width: 46, height: 26, rx: 4, class: 'w-of-queue' }),
          );
          if (state === 'done')
            g.append(
              s('text', { x: 25, y: cy + 7, 'text-anchor': 'middle', class: 'w-of-ack' }, '✓'),
            );
          else if (state === 'lost')
            g.append(
              s('text', { x: 25, y: cy + 7, 'text-anchor': 'middle', class: 'w-of-lost' }, '✕'),
            );
          else if (state === 'list') g.append(shapeElement(style.shape, 18, cy, 8, style.color));
          return g;
        }),
      );
    },
  };
}
