import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidStatePath,
  type CeleryCommand,
  type CeleryOptions,
  type RetryPolicy,
} from '../../../../src/broker/celery/index.ts';
import { ofType, run, seconds } from './helpers.ts';

const outcome = fc.constantFrom('ok', 'error') as fc.Arbitrary<'ok' | 'error'>;
const plan = fc.oneof(
  fc.record({
    kind: fc.constant('script' as const),
    attempts: fc.array(outcome, { minLength: 1, maxLength: 6 }),
  }),
  fc.record({
    kind: fc.constant('random' as const),
    failureRate: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
);
const retryPolicy: fc.Arbitrary<RetryPolicy> = fc.oneof(
  fc.constant({ kind: 'none' } as const),
  fc.record({
    kind: fc.constant('countdown' as const),
    countdown: fc.integer({ min: 0, max: 30 }),
    passExc: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('autoretry' as const),
    retryBackoff: fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 5 }), fc.constantFrom(0.5, 2.9)),
    retryBackoffMax: fc.integer({ min: 0, max: 600 }),
    retryJitter: fc.boolean(),
  }),
);
const options = fc.record({
  transport: fc.constantFrom('redis', 'rabbitmq') as fc.Arbitrary<'redis' | 'rabbitmq'>,
  acksLate: fc.boolean(),
  retry: retryPolicy,
  maxRetries: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
  durationMs: fc.integer({ min: 0, max: 10_000 }),
  concurrency: fc.integer({ min: 1, max: 3 }),
  prefetchMultiplier: fc.integer({ min: 0, max: 4 }),
});
type Opts = typeof options extends fc.Arbitrary<infer T> ? T : never;

function celeryOptions(o: Opts, visibilityTimeoutMs = 3_600_000): CeleryOptions {
  const worker = (id: string) => ({
    id,
    concurrency: o.concurrency,
    prefetchMultiplier: o.prefetchMultiplier,
  });
  return {
    transport: o.transport,
    visibilityTimeoutMs,
    tasks: {
      job: {
        durationMs: o.durationMs,
        acksLate: o.acksLate,
        retry: o.retry,
        maxRetries: o.maxRetries,
      },
    },
    workers: [worker('w1'), worker('w2')],
  };
}

/** Unbounded retries: the only settings under which a run may make events without end. */
const unbounded = (o: Opts): boolean => o.maxRetries === null && o.retry.kind !== 'none';

/**
 * Runs, or returns undefined when the model refuses a step with more than maxEventsPerStep events,
 * which only unbounded retries may cause (a task failing at once with countdown 0 would otherwise
 * loop forever at one instant; a short task retried every second for an hour makes too many).
 */
function runUnlessRefused(
  o: Opts,
  opts: CeleryOptions,
  commands: readonly CeleryCommand[],
  seed: number,
): ReturnType<typeof run> | undefined {
  try {
    return run(opts, commands, seed);
  } catch (error) {
    if (!(error instanceof RangeError) || !/events in one step/.test(error.message)) throw error;
    expect(unbounded(o), error.message).toBe(true);
    return undefined;
  }
}

const command: fc.Arbitrary<CeleryCommand> = fc.oneof(
  { weight: 3, arbitrary: plan.map((p) => ({ type: 'send', name: 'job', plan: p }) as const) },
  {
    weight: 4,
    arbitrary: fc.integer({ min: 0, max: 20_000 }).map((ms) => ({ type: 'advance', ms }) as const),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('w1', 'w2')
      .map((worker) => ({ type: 'crashWorker', worker }) as const),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('w1', 'w2')
      .map((worker) => ({ type: 'startWorker', worker }) as const),
  },
);
/** A startWorker of a running worker is a programmer error; only restart dead ones. */
function sane(commands: readonly CeleryCommand[]): CeleryCommand[] {
  const alive = { w1: true, w2: true } as Record<string, boolean>;
  return commands.filter((c) => {
    if (c.type === 'crashWorker') return ((alive[c.worker] = false), true);
    if (c.type === 'startWorker') return alive[c.worker] ? false : (alive[c.worker] = true);
    return true;
  });
}
const finishAll: CeleryCommand[] = [
  { type: 'startWorker', worker: 'w1' },
  { type: 'startWorker', worker: 'w2' },
];
function restartDead(commands: readonly CeleryCommand[]): CeleryCommand[] {
  const alive = { w1: true, w2: true } as Record<string, boolean>;
  for (const c of commands)
    if (c.type === 'crashWorker' || c.type === 'startWorker')
      alive[c.worker] = c.type === 'startWorker';
  return finishAll.filter((c) => c.type === 'startWorker' && !alive[c.worker]);
}

describe('Celery model properties', () => {
  it('every task’s state sequence is a path of the state graph; retries never exceed max_retries', () => {
    fc.assert(
      fc.property(
        options,
        fc.array(command, { minLength: 10, maxLength: 30 }),
        fc.nat(),
        (o, cmds, seed) => {
          const result = runUnlessRefused(o, celeryOptions(o), sane(cmds), seed);
          if (!result) return;
          const { state, events } = result;
          for (const task of Object.values(state.tasks)) {
            const fromStart = task.historyDropped === 0;
            expect(isValidStatePath(task.history, fromStart), task.history.join('>')).toBe(true);
            if (o.maxRetries !== null) expect(task.retries).toBeLessThanOrEqual(o.maxRetries);
          }
          const retried = ofType(events, 'task-retried');
          if (o.maxRetries !== null)
            for (const e of retried) expect(e.retries).toBeLessThan(o.maxRetries);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('autoretry countdowns stay within [0, min(retry_backoff_max, factor·2^retries)]', () => {
    fc.assert(
      fc.property(
        options,
        fc.array(command, { minLength: 10, maxLength: 30 }),
        fc.nat(),
        (o, cmds, seed) => {
          fc.pre(o.retry.kind === 'autoretry');
          const events = runUnlessRefused(o, celeryOptions(o), sane(cmds), seed)?.events ?? [];
          for (const e of ofType(events, 'task-retried')) {
            if (o.retry.kind !== 'autoretry') continue;
            // celery/app/autoretry.py (≥ 5.3): factor = int(max(1.0, float(retry_backoff))) unless 0.
            const x = Number(o.retry.retryBackoff);
            const factor = x === 0 ? 0 : Math.floor(Math.max(1, x));
            const cap =
              factor === 0 ? 180 : Math.min(o.retry.retryBackoffMax, factor * 2 ** e.retries);
            expect(Number.isInteger(e.countdown)).toBe(true);
            expect(e.countdown).toBeGreaterThanOrEqual(0);
            expect(e.countdown).toBeLessThanOrEqual(cap);
            if (!o.retry.retryJitter) expect(e.countdown).toBe(cap);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('acks_late: a single worker crash never loses a task (it may run twice)', () => {
    fc.assert(
      fc.property(
        options,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 30_000 }),
        fc.constantFrom('w1', 'w2'),
        (o, n, crashAt, victim) => {
          const opts = celeryOptions({ ...o, acksLate: true, retry: { kind: 'none' } }, 120_000);
          const commands: CeleryCommand[] = [
            ...Array.from({ length: n }, () => ({ type: 'send', name: 'job' }) as const),
            { type: 'advance', ms: crashAt },
            { type: 'crashWorker', worker: victim },
            seconds(200),
            { type: 'startWorker', worker: victim },
            seconds(200),
          ];
          const { state } = run(opts, commands);
          const tasks = Object.values(state.tasks);
          expect(tasks).toHaveLength(n);
          for (const t of tasks) {
            expect(t.lost).toBe(false);
            expect(t.state).toBe('SUCCESS');
            expect(t.runs).toBeGreaterThanOrEqual(1);
            expect(t.runs).toBeLessThanOrEqual(2);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('early ack: a crash while the task runs loses it for good', () => {
    fc.assert(
      fc.property(options, fc.integer({ min: 2, max: 10_000 }), fc.nat(), (o, duration, frac) => {
        const crashAt = frac % duration; // strictly inside the execution
        const opts = celeryOptions({ ...o, durationMs: duration, acksLate: false });
        const { state, events } = run(opts, [
          { type: 'send', name: 'job', taskId: 'j' },
          { type: 'advance', ms: crashAt },
          { type: 'crashWorker', worker: 'w1' },
          { type: 'crashWorker', worker: 'w2' },
          ...finishAll,
          seconds(3600),
        ]);
        expect(state.tasks.j).toMatchObject({ state: 'STARTED', lost: true, runs: 1 });
        expect(ofType(events, 'task-succeeded')).toHaveLength(0);
      }),
      { numRuns: 100 },
    );
  });

  it('nothing is lost or duplicated without crashes: every task ends in SUCCESS or FAILURE, runs = retries + 1', () => {
    fc.assert(
      fc.property(
        options,
        fc.array(command, { minLength: 10, maxLength: 30 }),
        fc.nat(),
        (o, cmds, seed) => {
          const commands = cmds.filter((c) => c.type === 'send' || c.type === 'advance');
          const withTail = [...commands, ...restartDead(commands), seconds(4000)];
          const opts = { ...celeryOptions(o), maxFinishedTasks: 1000 };
          const result = runUnlessRefused(o, opts, withTail, seed);
          if (!result) return;
          for (const t of Object.values(result.state.tasks)) {
            if (!unbounded(o)) expect(['SUCCESS', 'FAILURE']).toContain(t.state);
            if (t.state === 'SUCCESS' || t.state === 'FAILURE') expect(t.runs).toBe(t.retries + 1);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
