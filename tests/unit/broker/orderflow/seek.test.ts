import { describe, expect, it } from 'vitest';
import { replayAll, stateAt } from '../../../../src/broker/core/replay.ts';
import {
  orderFlowModel,
  mergedTrace,
  stepThroughScenario,
  viewAt,
} from '../../../../src/broker/orderflow/index.ts';

describe('order flow as a seekable model', () => {
  const scenario = stepThroughScenario();

  it('`next` steps from one moment to the next until the last worker is done', () => {
    const snaps = replayAll(orderFlowModel, scenario);
    const times = snaps.map((s) => s.state.now);
    expect(times.slice(0, 6)).toEqual([0, 0, 100, 105, 110, 115]);
    expect(times[times.length - 1]).toBe(2900);
    // Every event of the merged trace is revealed exactly once, in order.
    expect(snaps.flatMap((s) => [...s.events])).toEqual(mergedTrace(snaps[0]!.state.input));
  });

  it('viewAt shows the client answered at 115 ms with a broker while the sync client still waits', () => {
    const at115 = replayAll(orderFlowModel, scenario).find((s) => s.state.now === 115)!;
    const view = viewAt(at115.state);
    expect(view.async.responseMs).toBe(115);
    expect(view.sync.responseMs).toBeNull();
    const email = view.async.spans.find((s) => s.lane === 'worker:email');
    expect(email).toMatchObject({ shownEnd: 115, running: true });
  });

  it('seeking to step n equals replaying to n', () => {
    const all = replayAll(orderFlowModel, scenario);
    for (const n of [0, 3, 7, all.length - 1])
      expect(stateAt(orderFlowModel, scenario, n)).toEqual(all[n]);
  });

  it('configure changes a duration and starts the story again', () => {
    const s = orderFlowModel.step(
      orderFlowModel.step(orderFlowModel.init(0), { type: 'advance', ms: 500 }).state,
      {
        type: 'configure',
        durations: { sendEmail: 100 },
      },
    ).state;
    expect(s.now).toBe(0);
    expect(
      orderFlowModel
        .step(s, { type: 'advance', ms: 10_000 })
        .events.filter((e) => e.type === 'response')
        .map((e) => e.at),
    ).toEqual([115, 1000]);
    expect(() =>
      orderFlowModel.step(s, { type: 'configure', durations: { sendEmail: -5 } }),
    ).toThrow(RangeError);
  });
});
