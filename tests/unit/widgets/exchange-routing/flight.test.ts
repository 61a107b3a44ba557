import { describe, expect, it } from 'vitest';
import { arrivalDelay, flightsBetween } from '../../../../src/widgets/exchange-routing/animate.ts';
import { layoutDiagram } from '../../../../src/widgets/exchange-routing/layout.ts';
import {
  ARCHITECTURE_SCENARIO,
  GUIDED_SCENARIO,
  TOPIC_SCENARIO,
} from '../../../../src/widgets/exchange-routing/story.ts';
import { routingView } from '../../../../src/widgets/exchange-routing/logic.ts';

const frames = (s: typeof GUIDED_SCENARIO, n: number) => {
  const prev = routingView(s, n - 1, []);
  const next = routingView(s, n, []);
  const layout = layoutDiagram(next.queues.map((q) => q.bindings.length));
  return { prev, next, layout, flights: flightsBetween(prev, next, layout) };
};

describe('what travels between two frames', () => {
  it('a publish flies to the exchange, then one copy per queue — not one per matching binding', () => {
    const { flights, next, layout } = frames(ARCHITECTURE_SCENARIO, 3);
    expect(flights).toHaveLength(1 + 2);
    const last = flights.map((f) => f.points[f.points.length - 1]);
    const audit = layout.queues[next.queues.findIndex((q) => q.name === 'audit')];
    const inAudit = last.filter(
      (p) => p !== undefined && audit !== undefined && Math.abs(p.y - audit.y) < audit.h / 2,
    );
    expect(inAudit).toHaveLength(1);
    expect(arrivalDelay(frames(ARCHITECTURE_SCENARIO, 3).prev, next)).toBeGreaterThan(0);
  });

  it('a returned message flies back to the producer', () => {
    const { flights, layout } = frames(ARCHITECTURE_SCENARIO, 5);
    expect(flights).toHaveLength(2);
    // Along the drawn curve (not its control point, which lies under the «312» label).
    const points = flights[1]?.points ?? [];
    expect(points[0]).toEqual(layout.returnPath[0]);
    expect(points.at(-1)).toEqual(layout.returnPath[2]);
    expect(Math.max(...points.map((p) => p.y))).toBeLessThan(layout.returnPath[1]?.y ?? 0);
  });

  it('the guided story moves one leg per step', () => {
    expect(frames(GUIDED_SCENARIO, 1).flights).toHaveLength(1);
    expect(frames(GUIDED_SCENARIO, 2).flights).toHaveLength(0);
    expect(frames(GUIDED_SCENARIO, 3).flights).toHaveLength(1);
    const deliver = frames(GUIDED_SCENARIO, 4);
    expect(deliver.flights).toHaveLength(1);
    // It ends where the unacked copy is drawn: before the consumer, not over its name.
    const queue = deliver.layout.queues[0];
    const consumer = deliver.layout.consumers[0];
    expect(deliver.flights[0]?.points.at(-1)).toEqual({
      x: ((queue?.x ?? 0) + (queue?.w ?? 0) / 2 + (consumer?.x ?? 0) - (consumer?.w ?? 0) / 2) / 2,
      y: consumer?.y,
    });
    expect(frames(GUIDED_SCENARIO, 5).flights).toHaveLength(0);
  });

  it('nothing travels when the frame is the same', () => {
    const view = routingView(TOPIC_SCENARIO, 2, []);
    expect(flightsBetween(view, view, layoutDiagram([1, 1]))).toEqual([]);
  });
});
