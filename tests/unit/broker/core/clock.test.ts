import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cancel,
  createClock,
  popDue,
  schedule,
  setNow,
  type ClockState,
} from '../../../../src/broker/core/clock.ts';

function drain<P>(clock: ClockState<P>, until: number): { clock: ClockState<P>; fired: P[] } {
  const fired: P[] = [];
  let c = clock;
  for (let due = popDue(c, until); due; due = popDue(c, until)) {
    fired.push(due.timer.payload);
    c = due.clock;
  }
  return { clock: setNow(c, Math.max(c.now, until)), fired };
}

describe('virtual clock', () => {
  it('fires due timers by time, then in the order they were scheduled', () => {
    let c = createClock<string>();
    c = schedule(c, 30, 'c').clock;
    c = schedule(c, 10, 'a1').clock;
    c = schedule(c, 10, 'a2').clock;
    c = schedule(c, 20, 'b').clock;
    const { fired, clock } = drain(c, 25);
    expect(fired).toEqual(['a1', 'a2', 'b']);
    expect(clock.now).toBe(25);
    expect(drain(clock, 100).fired).toEqual(['c']);
  });

  it('does not fire a cancelled timer', () => {
    let c = createClock<string>();
    const first = schedule(c, 5, 'x');
    c = schedule(first.clock, 5, 'y').clock;
    c = cancel(c, first.id);
    expect(drain(c, 10).fired).toEqual(['y']);
  });

  it('never moves backwards and refuses bad delays', () => {
    const c = setNow(createClock<string>(), 50);
    expect(() => setNow(c, 49)).toThrow(RangeError);
    expect(() => schedule(c, -1, 'x')).toThrow(RangeError);
    expect(() => schedule(c, Number.NaN, 'x')).toThrow(RangeError);
  });

  it('fires every timer exactly once, in non-decreasing time, whatever the schedule', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { maxLength: 60 }), fc.nat(1200), (delays, until) => {
        let c = createClock<number>();
        delays.forEach((d, i) => {
          c = schedule(c, d, i).clock;
        });
        const frozen = JSON.stringify(c);
        const { fired } = drain(c, until);
        expect(JSON.stringify(c)).toBe(frozen);
        const expected = delays
          .map((d, i) => ({ d, i }))
          .filter(({ d }) => d <= until)
          .sort((x, y) => x.d - y.d || x.i - y.i)
          .map(({ i }) => i);
        expect(fired).toEqual(expected);
      }),
    );
  });
});
