/**
 * Regression: the property run `celery.property.test.ts` ×20 ran out of memory (4 GB) on a task
 * with durationMs 0, `self.retry(countdown=0)` and max_retries=None that always fails: each retry
 * is due at the same instant, so virtual time never moved and one `advance` never returned.
 * The model now refuses such a step with a message instead of freezing the page.
 */
import { describe, expect, it } from 'vitest';
import { celeryModelWith, type CeleryOptions } from '../../../../src/broker/celery/index.ts';
import { ofType, run, seconds } from './helpers.ts';

const foreverAtOnce = (durationMs: number, maxEventsPerStep?: number): CeleryOptions => ({
  transport: 'redis',
  tasks: {
    job: {
      durationMs,
      retry: { kind: 'countdown', countdown: 0, passExc: false },
      maxRetries: null,
    },
  },
  workers: [{ id: 'w1', concurrency: 1, prefetchMultiplier: 1 }],
  ...(maxEventsPerStep === undefined ? {} : { maxEventsPerStep }),
});
const failing = { type: 'send', name: 'job', plan: { kind: 'random', failureRate: 1 } } as const;

describe('a retry loop that never lets time move', () => {
  it('is refused with a message naming the cause, not run until memory runs out', () => {
    expect(() => run(foreverAtOnce(0), [failing, seconds(1)])).toThrow(
      /more than 100000 events in one step, 100\d+ of them at t=0 ms.*countdown 0 and no max_retries/,
    );
  });

  it('leaves the state before the refused step usable: a smaller step still runs', () => {
    const model = celeryModelWith(foreverAtOnce(1, 5000));
    let state = model.step(model.init(1), failing).state;
    expect(() => model.step(state, seconds(1))).toThrow(RangeError);
    const r = model.step(state, { type: 'advance', ms: 100 });
    state = r.state;
    expect(ofType(r.events, 'task-retried').length).toBeGreaterThan(10);
    expect(state.clock.now).toBe(100);
  });

  it('bounded retries never hit the limit, however short the task', () => {
    const options = foreverAtOnce(0, 1000);
    const bounded: CeleryOptions = {
      ...options,
      tasks: { job: { ...options.tasks!.job, maxRetries: 3 } },
    };
    const { state } = run(bounded, [failing, failing, seconds(3600)]);
    for (const t of Object.values(state.tasks))
      expect(t).toMatchObject({ state: 'FAILURE', runs: 4 });
  });

  it('refuses a maxEventsPerStep that is not a positive integer', () => {
    expect(() => celeryModelWith({ maxEventsPerStep: 0 })).toThrow(/maxEventsPerStep/);
    expect(() => celeryModelWith({ maxEventsPerStep: 1.5 })).toThrow(/maxEventsPerStep/);
  });
});
