import { describe, expect, it } from 'vitest';
import { ofType, run, seconds } from './helpers.ts';

describe('celery beat', () => {
  it('sends the task every N seconds of the virtual clock, first one period after start', () => {
    const { events } = run(
      {
        tasks: { tick: { durationMs: 10 } },
        beatSchedule: [{ name: 'every-5s', task: 'tick', everyS: 5 }],
      },
      [seconds(22)],
    );
    expect(ofType(events, 'beat-sent').map((e) => e.at)).toEqual([5000, 10_000, 15_000, 20_000]);
    expect(ofType(events, 'task-succeeded')).toHaveLength(4);
  });

  it('two beat instances duplicate every send', () => {
    const { events } = run(
      {
        tasks: { tick: { durationMs: 10 } },
        beatInstances: 2,
        beatSchedule: [{ name: 'every-5s', task: 'tick', everyS: 5 }],
      },
      [seconds(10)],
    );
    const sent = ofType(events, 'beat-sent');
    expect(sent.map((e) => [e.at, e.instance])).toEqual([
      [5000, 1],
      [5000, 2],
      [10_000, 1],
      [10_000, 2],
    ]);
    expect(new Set(sent.map((e) => e.taskId)).size).toBe(4);
  });

  // At 6 s both are due; b's timer was set first (at 3 s), so the stable clock fires it first.
  it('several entries tick independently', () => {
    const { events } = run(
      {
        tasks: { a: { durationMs: 0 }, b: { durationMs: 0 } },
        beatSchedule: [
          { name: 'a', task: 'a', everyS: 2 },
          { name: 'b', task: 'b', everyS: 3 },
        ],
      },
      [seconds(6)],
    );
    expect(ofType(events, 'beat-sent').map((e) => `${e.entry}@${e.at}`)).toEqual([
      'a@2000',
      'b@3000',
      'a@4000',
      'b@6000',
      'a@6000',
    ]);
  });

  it('rejects a schedule with a zero period or an unknown task', () => {
    expect(() => run({ beatSchedule: [{ name: 'x', task: 'task', everyS: 0 }] }, [])).toThrow(
      RangeError,
    );
    expect(() => run({ beatSchedule: [{ name: 'x', task: 'missing', everyS: 1 }] }, [])).toThrow(
      /unknown task/,
    );
  });
});
