/**
 * The picture: the SVG of the two timelines, a static skeleton built once (titles, lanes, axis
 * line) and a `draw(scene)` that redraws the moving parts (bars, markers, numbers, the workers'
 * lists) for one moment. A step forward plays the clocks from the last frame to the new one. A
 * narrow box (a phone's lab) gets the narrow drawing (./layout.ts NARROW), rebuilt when the kit
 * says the box crossed NARROW_BELOW.
 */
import { s, uniqueId } from '../runtime/dom.ts';
import type { KitHost, Painter } from '../runtime/kit.ts';
import type { Lane, OrderFlowMode } from '../../broker/orderflow/index.ts';
import { durationFor, momentBetween, startOf, type Moment } from './animate.ts';
import { OF_CLASS } from './classes.ts';
import type { OrderFlowAction, OrderFlowFrameView } from './logic.ts';
import { ERROR_COLOR, SPAN_STYLE, TASK_LABEL } from './labels.ts';
import {
  BAR_H,
  LANE_TITLE,
  MARKER_W,
  NARROW,
  NARROW_BELOW,
  ROW_H,
  WIDE,
  sceneAt,
  type Scene,
  type SceneBar,
  type TimelineGeometry,
} from './layout.ts';
import { shapeElement } from './shapes.ts';

const SECTION_TITLE: Readonly<Record<OrderFlowMode, string>> = {
  sync: 'Синхронно',
  async: 'Через брокер',
};

/** The SVG and the function that draws a scene (laid out on `geometry`) into it. */
interface TimelineView {
  readonly svg: SVGSVGElement;
  readonly geometry: TimelineGeometry;
  draw(scene: Scene): void;
}

interface SectionParts {
  readonly group: SVGGElement;
  readonly headline: SVGTextElement;
  readonly response: SVGLineElement;
  readonly cursor: SVGLineElement;
  readonly bars: SVGGElement;
}

function laneRows(g: TimelineGeometry, mode: OrderFlowMode): [Lane, number][] {
  return Object.entries(g.laneY[mode]) as [Lane, number][];
}

/** Centre y of the workers' list box of the lane whose row starts at `y`: beside its title. */
function listBoxY(g: TimelineGeometry, y: number): number {
  return g.narrow ? y - 20 : y + ROW_H / 2;
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
  if (bar.marker) g.append(shapeElement(style.shape, bar.x + 15, cy, 9, ink));
  if (bar.text) {
    // A short label without a marker is centred (it may fill the bar).
    const attrs = bar.marker
      ? { x: bar.x + MARKER_W, y: cy + 9 }
      : { x: bar.x + bar.width / 2, y: cy + 9, 'text-anchor': 'middle' };
    g.append(s('text', { ...attrs, fill: ink, class: OF_CLASS.barText }, bar.text));
  }
  return g;
}

/** Builds the skeleton of the `g` drawing into a new SVG element. */
function createTimeline(g: TimelineGeometry = WIDE): TimelineView {
  const titleId = uniqueId('w-of-title');
  const hatchId = uniqueId('w-of-hatch');
  const title = s('title', { id: titleId });
  const svg = s('svg', {
    class: OF_CLASS.svg,
    viewBox: `0 0 ${g.width} ${g.height}`,
    role: 'img',
    'aria-labelledby': titleId,
    preserveAspectRatio: 'xMinYMin meet',
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

  const section = (mode: OrderFlowMode): SectionParts => {
    const top = g.sectionY[mode];
    const rows = laneRows(g, mode);
    const bottom = Math.max(...rows.map(([, y]) => y)) + ROW_H;
    const group = s('g', { 'data-mode': mode });
    group.append(s('text', { x: 0, y: top + 30, class: OF_CLASS.section }, SECTION_TITLE[mode]));
    for (const [lane, y] of rows) {
      group.append(
        s('rect', { x: g.plotX, y, width: g.plotW, height: ROW_H, class: OF_CLASS.lane }),
        s(
          'text',
          {
            x: lane.startsWith('worker:') ? 62 : 0,
            y: g.narrow ? y - 8 : y + 29,
            class: OF_CLASS.laneTitle,
          },
          LANE_TITLE[lane],
        ),
      );
    }
    // Narrow: the number goes on its own line under the design's title, from the left.
    const headline = s('text', {
      x: g.narrow ? 0 : g.plotX + g.plotW,
      y: top + g.headlineDy,
      class: OF_CLASS.headline,
      'text-anchor': g.narrow ? 'start' : 'end',
    });
    const lineTop = top + g.linesDy;
    const response = s('line', { y1: lineTop, y2: bottom + 2, class: OF_CLASS.response });
    const cursor = s('line', { y1: lineTop, y2: bottom + 2, class: OF_CLASS.cursor });
    const bars = s('g', { 'data-bars': mode });
    group.append(bars, response, cursor, headline);
    svg.append(group);
    return { group, headline, response, cursor, bars };
  };
  const sections: Readonly<Record<OrderFlowMode, SectionParts>> = {
    sync: section('sync'),
    async: section('async'),
  };
  // The axis's unit sits once under the lane titles (narrow: under the numbers); the ticks
  // carry bare numbers.
  const axisY = g.axisY;
  svg.append(
    s('line', { x1: g.plotX, x2: g.plotX + g.plotW, y1: axisY, y2: axisY, class: OF_CLASS.axis }),
    s('text', { x: 0, y: axisY + (g.narrow ? 62 : 31), class: OF_CLASS.tick }, 'время, мс'),
  );
  const ticks = s('g', { class: OF_CLASS.ticks });
  const queues = s('g', { class: OF_CLASS.queues });
  svg.append(ticks, queues);

  return {
    svg,
    geometry: g,
    draw(scene) {
      const summary: string[] = [];
      for (const sec of scene.sections) {
        const parts = sections[sec.mode];
        parts.group.dataset['responseMs'] = String(sec.responseMs);
        parts.group.dataset['status'] = String(sec.status);
        parts.group.dataset['responded'] = String(sec.responded);
        parts.headline.textContent = sec.headline;
        const tone = sec.responded ? (sec.status === 500 ? 'bad' : 'ok') : 'wait';
        parts.headline.setAttribute('class', `${OF_CLASS.headline} ${OF_CLASS.headline}--${tone}`);
        parts.response.setAttribute('x1', String(sec.responseX));
        parts.response.setAttribute('x2', String(sec.responseX));
        parts.response.setAttribute('stroke', sec.status === 500 ? ERROR_COLOR : '#1e7a3c');
        parts.response.style.visibility = sec.responded ? 'visible' : 'hidden';
        parts.cursor.setAttribute('x1', String(sec.cursorX));
        parts.cursor.setAttribute('x2', String(sec.cursorX));
        parts.cursor.style.visibility = sec.now > 0 ? 'visible' : 'hidden';
        parts.bars.replaceChildren(
          ...scene.bars.filter((b) => b.mode === sec.mode).map((b) => barElement(b, hatchId)),
        );
        summary.push(`${SECTION_TITLE[sec.mode]}: ${sec.headline}`);
      }
      title.textContent = summary.join('; ');
      ticks.replaceChildren(
        ...scene.ticks.flatMap((t) => [
          s('line', { x1: t.x, x2: t.x, y1: axisY, y2: axisY + 7, class: OF_CLASS.axis }),
          ...(t.label
            ? [
                s(
                  'text',
                  // The last number ends at the axis's end, the first starts at its start.
                  {
                    x: t.x,
                    y: axisY + 31,
                    'text-anchor': tickAnchor(g, t.x),
                    class: OF_CLASS.tick,
                  },
                  t.label,
                ),
              ]
            : []),
        ]),
      );
      queues.replaceChildren(
        ...scene.tasks.map((t) => {
          const style = SPAN_STYLE[TASK_LABEL[t.task]];
          // The box is the task's Redis list: empty once BRPOP has popped it.
          const state = t.place;
          const cy = listBoxY(g, t.y);
          const box = s('g', { 'data-task': t.task, 'data-queue-state': state });
          box.append(
            s('rect', { x: 2, y: cy - 15, width: 50, height: 30, rx: 4, class: OF_CLASS.queue }),
          );
          const mark = (cls: string, text: string) =>
            s('text', { x: 27, y: cy + 9, 'text-anchor': 'middle', class: cls }, text);
          if (state === 'done') box.append(mark(OF_CLASS.ack, '✓'));
          else if (state === 'lost') box.append(mark(OF_CLASS.lost, '✕'));
          else if (state === 'list') box.append(shapeElement(style.shape, 20, cy, 9, style.color));
          return box;
        }),
      );
    },
  };
}

/** A tick number's anchor: centred on its tick, but never past either end of the drawing. */
function tickAnchor(g: TimelineGeometry, x: number): 'start' | 'middle' | 'end' {
  if (!g.narrow) return 'middle';
  if (x < g.plotX + 30) return 'start';
  return x > g.plotX + g.plotW - 30 ? 'end' : 'middle';
}

/**
 * Builds the picture into the kit's element. A step forward (same input) plays the clocks from
 * the frame shown to the new one on animation frames; ←, jumps and the student's changes snap.
 */
export function orderFlowPicture(
  host: KitHost<OrderFlowFrameView, OrderFlowAction>,
): Painter<OrderFlowFrameView> {
  let timeline = createTimeline();
  host.root.classList.add(OF_CLASS.root);
  host.element.append(timeline.svg);
  let shown: Moment | undefined;
  let frameId: number | undefined;
  const stop = (): void => {
    if (frameId !== undefined) host.disposer.cancelFrame(frameId);
    frameId = undefined;
  };
  host.disposer.add(stop);
  const draw = (moment: Moment): void => {
    shown = moment;
    timeline.draw(sceneAt(moment, timeline.geometry));
  };
  const play = (from: Moment, to: Moment): void => {
    const duration = durationFor(from, to) / host.speed();
    let start: number | undefined;
    const tick = (now: number): void => {
      start ??= now;
      const t = Math.min(1, (now - start) / duration);
      draw(t < 1 ? momentBetween(from, to, t) : to);
      frameId = t < 1 ? host.disposer.frame(tick) : undefined;
    };
    draw(from);
    frameId = host.disposer.frame(tick);
  };
  return (view, previous, animate, { width }) => {
    stop();
    const g = width > 0 && width < NARROW_BELOW ? NARROW : WIDE;
    if (g !== timeline.geometry) {
      const next = createTimeline(g);
      timeline.svg.replaceWith(next.svg);
      timeline = next;
    }
    host.root.dataset['story'] = view.story;
    const forward =
      previous !== undefined &&
      view.step === previous.step + 1 &&
      view.actions === previous.actions &&
      view.story === previous.story;
    if (animate && forward && shown) play(startOf(shown, view.frame), view.frame);
    else draw(view.frame);
    return [];
  };
}
