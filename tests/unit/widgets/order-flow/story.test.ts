import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUT, orderFlow, resolveInput } from '../../../../src/broker/orderflow/index.ts';
import { WIDGETS } from '../../../../src/lecture/names.ts';
import {
  ORDER_FLOW_STEPS,
  frameAt,
  niceAxisMax,
  tickStep,
  viewsAt,
  withEmailFailure,
} from '../../../../src/widgets/order-flow/story.ts';

describe('order-flow story: what each clicker step shows, from the core', () => {
  it('has as many steps as the catalogue says', () => {
    expect(WIDGETS['order-flow'].steps).toBe(ORDER_FLOW_STEPS);
  });

  it('has the two stories the slides name (sync on 6, async on 7), sync first', () => {
    expect(WIDGETS['order-flow'].stories).toEqual(['sync', 'async']);
  });

  it('slide 6 walks save 100, e-mail 2100, inventory 2600, response 2900 ms; async untouched', () => {
    const times = [0, 1, 2, 3, 4].map((n) => frameAt('sync', DEFAULT_INPUT, n).syncNow);
    expect(times).toEqual([0, 100, 2100, 2600, 2900]);
    for (let n = 0; n <= ORDER_FLOW_STEPS; n++) {
      expect(frameAt('sync', DEFAULT_INPUT, n).asyncNow).toBe(0);
    }
    const last = viewsAt(frameAt('sync', DEFAULT_INPUT, 4));
    expect(last.sync.responseMs).toBe(2900);
    expect(last.sync.status).toBe(201);
    expect(viewsAt(frameAt('sync', DEFAULT_INPUT, 3)).sync.responseMs).toBeNull();
  });

  it('slide 7 walks save 100, response 115, two workers done at 610, all done at 2105 ms', () => {
    const times = [0, 1, 2, 3, 4].map((n) => frameAt('async', DEFAULT_INPUT, n).asyncNow);
    expect(times).toEqual([0, 100, 115, 610, 2105]);
    const atResponse = viewsAt(frameAt('async', DEFAULT_INPUT, 2));
    expect(atResponse.async.responseMs).toBe(115);
    expect(atResponse.sync.responseMs).toBe(2900); // the yardstick above stays complete
    expect(viewsAt(frameAt('async', DEFAULT_INPUT, 1)).async.responseMs).toBeNull();
  });

  it('step 5 makes the mail server fail once: sync 500 after 2100 ms, async still 115 ms', () => {
    const sync = frameAt('sync', DEFAULT_INPUT, 5);
    expect(sync.failureDemo).toBe(true);
    expect(sync.input.failures.email).toBe(1);
    const sv = viewsAt(sync).sync;
    expect([sv.responseMs, sv.status]).toEqual([2100, 500]);
    const async = frameAt('async', DEFAULT_INPUT, 5);
    const av = viewsAt(async).async;
    expect([av.responseMs, av.status]).toEqual([115, 201]);
    expect(async.asyncNow).toBe(orderFlow(withEmailFailure(DEFAULT_INPUT)).async.doneMs);
    // One attempt only: BRPOP took the task, the worker fails at 105 + 2000 ms and nothing retries.
    expect(async.asyncNow).toBe(105 + 2000);
  });

  it("follows the student's input: a failing inventory ends the sync request at step 3", () => {
    const input = resolveInput({ failures: { inventory: 1 }, durations: { sendEmail: 1000 } });
    expect(frameAt('sync', input, 2).syncNow).toBe(1100);
    expect(frameAt('sync', input, 3).syncNow).toBe(1600);
    expect(frameAt('sync', input, 4).syncNow).toBe(1600); // the warehouse never runs
    expect(viewsAt(frameAt('sync', input, 4)).sync.status).toBe(500);
    expect(viewsAt(frameAt('async', input, 2)).async.responseMs).toBe(115);
  });

  it('the axis fits what is shown and never shrinks on the failure step', () => {
    expect(frameAt('sync', DEFAULT_INPUT, 4).axisMax).toBe(3000);
    expect(frameAt('sync', DEFAULT_INPUT, 5).axisMax).toBe(3000);
    expect(frameAt('async', DEFAULT_INPUT, 5).axisMax).toBe(3000);
    const slow = resolveInput({ durations: { sendEmail: 60_000 } });
    expect(frameAt('async', slow, 4).axisMax).toBeGreaterThanOrEqual(60_400);
  });

  it('clamps steps outside 0…5', () => {
    expect(frameAt('sync', DEFAULT_INPUT, -3)).toEqual(frameAt('sync', DEFAULT_INPUT, 0));
    expect(frameAt('async', DEFAULT_INPUT, 99)).toEqual(frameAt('async', DEFAULT_INPUT, 5));
  });

  it('axis helpers give round numbers and at most 8 intervals', () => {
    expect(niceAxisMax(2900)).toBe(3000);
    expect(niceAxisMax(0)).toBe(100);
    expect(niceAxisMax(4105)).toBe(5000);
    for (const max of [100, 250, 3000, 5000, 25_000, 200_000]) {
      expect(max / tickStep(max)).toBeLessThanOrEqual(8);
      expect(max / tickStep(max)).toBeGreaterThanOrEqual(2);
    }
  });
});
