import { describe, expect, it } from 'vitest';
import { appendCapped } from '../../../../src/broker/core/capped.ts';
import { replayAll, stateAt, type Model } from '../../../../src/broker/core/replay.ts';

interface CounterState {
  readonly total: number;
  readonly history: readonly number[];
}
type Add = { readonly type: 'add'; readonly n: number };

const counter: Model<CounterState, Add, string> = {
  init: (seed) => ({ total: seed, history: [] }),
  step: (state, command) => ({
    state: {
      total: state.total + command.n,
      history: appendCapped(state.history, [command.n], 3),
    },
    events: [`add ${command.n}`],
  }),
};

describe('replay', () => {
  const scenario = { seed: 10, commands: [1, 2, 3, 4].map((n) => ({ type: 'add', n }) as const) };

  it('gives the state after step n, clamped to the scenario', () => {
    expect(stateAt(counter, scenario, 0)).toEqual({
      step: 0,
      state: { total: 10, history: [] },
      events: [],
    });
    expect(stateAt(counter, scenario, 2).state.total).toBe(13);
    expect(stateAt(counter, scenario, 2).events).toEqual(['add 2']);
    expect(stateAt(counter, scenario, 99).step).toBe(4);
    expect(stateAt(counter, scenario, -3).step).toBe(0);
  });

  it('seeking agrees with replaying everything', () => {
    const all = replayAll(counter, scenario);
    all.forEach((snapshot) => {
      expect(stateAt(counter, scenario, snapshot.step)).toEqual(snapshot);
    });
  });

  it('keeps capped histories bounded', () => {
    expect(stateAt(counter, scenario, 4).state.history).toEqual([2, 3, 4]);
    expect(appendCapped([1, 2], [3, 4, 5, 6], 3)).toEqual([4, 5, 6]);
  });
});
