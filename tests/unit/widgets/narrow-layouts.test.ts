// @vitest-environment happy-dom
/**
 * The phone's drawings of the four drawn widgets (exchange-routing, order-flow, cache-aside,
 * celery-retries): each fits its narrow viewBox with nothing overlapping, and the kit's width
 * picks it — the narrow one below 680 px, the wide one above, redrawn when the box crosses.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUT } from '../../../src/broker/orderflow/index.ts';
import type { WidgetName } from '../../../src/lecture/names.ts';
import cacheAsideWidget from '../../../src/widgets/cache-aside/index.ts';
import { NARROW as CACHE_NARROW, type Box } from '../../../src/widgets/cache-aside/route.ts';
import celeryRetriesWidget from '../../../src/widgets/celery-retries/index.ts';
import exchangeRoutingWidget from '../../../src/widgets/exchange-routing/index.ts';
import {
  DIAGRAM_WIDTH,
  NARROW_WIDTH,
  bezierPoint,
  layoutDiagram,
} from '../../../src/widgets/exchange-routing/layout.ts';
import orderFlowWidget from '../../../src/widgets/order-flow/index.ts';
import { NARROW, WIDE, sceneAt } from '../../../src/widgets/order-flow/layout.ts';
import { frameAt } from '../../../src/widgets/order-flow/story.ts';
import type { KitModule } from '../../../src/widgets/runtime/kit.ts';
import { mountSized, useFakeResizeObserver } from './sized-mount.ts';

/** Boxes given by their centre (exchange-routing) as left/top/right/bottom. */
const edges = (b: { x: number; y: number; w: number; h: number }, centred: boolean) =>
  centred
    ? { l: b.x - b.w / 2, t: b.y - b.h / 2, r: b.x + b.w / 2, b: b.y + b.h / 2 }
    : { l: b.x, t: b.y, r: b.x + b.w, b: b.y + b.h };
type Rect = ReturnType<typeof edges>;
const overlap = (a: Rect, b: Rect): boolean => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
const inside = (a: Rect, w: number, h: number): boolean =>
  a.l >= 0 && a.t >= 0 && a.r <= w && a.b <= h;

describe('exchange-routing: the narrow diagram', () => {
  it('stacks the queues, each with its consumer below, inside 560 units, nothing overlapping', () => {
    for (const counts of [
      [1, 1, 1],
      [3, 1, 2, 0],
      [1, 1, 1, 1, 1, 1],
    ]) {
      const layout = layoutDiagram(counts, false, true);
      expect(layout.width).toBe(NARROW_WIDTH);
      const boxes = [layout.producer, layout.exchange, ...layout.queues, ...layout.consumers].map(
        (b) => edges(b, true),
      );
      for (const [i, a] of boxes.entries()) {
        expect(inside(a, layout.width, layout.height), `box ${i} of ${counts}`).toBe(true);
        for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
      }
      // One under another, in order.
      const tops = layout.queues.map((q) => q.y);
      expect([...tops].sort((a, b) => a - b)).toEqual(tops);
      // Every edge starts on the exchange's trunk and ends at its queue's left side.
      layout.edges.forEach((row, i) => {
        for (const e of row) {
          expect(e.from.y).toBe(layout.exchange.y + layout.exchange.h / 2);
          expect(bezierPoint(e, 1).x).toBeCloseTo((layout.queues[i]?.x ?? 0) - 100);
        }
      });
    }
  });

  it('keeps the longest binding label left of the queues', () => {
    const layout = layoutDiagram([3], true, true);
    const widest = 20 + (layout.labelChars + 2) * 15.2;
    for (const e of layout.edges[0] ?? []) {
      expect(e.label.x + widest).toBeLessThan((layout.queues[0]?.x ?? 0) - 100);
    }
  });
});

describe('order-flow: the narrow timelines', () => {
  it('draws every bar inside the plot and the lanes inside the drawing', () => {
    for (const step of [1, 3, 5]) {
      const scene = sceneAt(frameAt('async', DEFAULT_INPUT, step), NARROW);
      for (const bar of scene.bars) {
        expect(bar.x).toBeGreaterThanOrEqual(NARROW.plotX);
        expect(bar.x + bar.width).toBeLessThanOrEqual(NARROW.plotX + NARROW.plotW + 1e-9);
        expect(bar.y + 32).toBeLessThan(NARROW.axisY);
      }
    }
    expect(NARROW.axisY + 72).toBeLessThanOrEqual(NARROW.height);
  });

  it('writes only the tick numbers that have room, the wide axis all of them', () => {
    const frame = frameAt('async', DEFAULT_INPUT, 5);
    const labelled = (ticks: readonly { x: number; label: string }[]) =>
      ticks.filter((t) => t.label !== '');
    const narrow = labelled(sceneAt(frame, NARROW).ticks);
    for (let i = 1; i < narrow.length; i++) {
      const gap = (narrow[i]?.x ?? 0) - (narrow[i - 1]?.x ?? 0);
      expect(gap).toBeGreaterThan((narrow[i]?.label.length ?? 0) * 14.5 + 12);
    }
    const wide = sceneAt(frame, WIDE).ticks;
    expect(labelled(wide)).toHaveLength(wide.length);
  });
});

describe('cache-aside: the narrow diagram', () => {
  it('keeps its four boxes inside 560 units and apart', () => {
    const boxes = Object.values(CACHE_NARROW.boxes).map((b: Box) => edges(b, false));
    for (const [i, a] of boxes.entries()) {
      expect(inside(a, CACHE_NARROW.view.w, CACHE_NARROW.view.h)).toBe(true);
      for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
    }
  });
});

useFakeResizeObserver();

const WIDGET_MODULES: readonly [WidgetName, KitModule, number][] = [
  ['exchange-routing', exchangeRoutingWidget, DIAGRAM_WIDTH],
  ['order-flow', orderFlowWidget, WIDE.width],
  ['cache-aside', cacheAsideWidget, 1200],
  ['celery-retries', celeryRetriesWidget, 1000],
];

describe('the kit picks the drawing by the picture’s width', () => {
  for (const [name, module, wideWidth] of WIDGET_MODULES) {
    it(`${name}: 560 units wide below 680 px, ${wideWidth} above, redrawn when the box crosses`, () => {
      const { handle, picture, resize } = mountSized(name, module, 337);
      const drawnWidth = () =>
        Number(picture.querySelector('svg[viewBox]')?.getAttribute('viewBox')?.split(' ')[2]);
      handle.setStep(2, false);
      expect(drawnWidth()).toBe(560);
      resize(1232);
      expect(drawnWidth()).toBe(wideWidth);
      resize(679);
      expect(drawnWidth()).toBe(560);
      handle.destroy();
    });
  }
});
