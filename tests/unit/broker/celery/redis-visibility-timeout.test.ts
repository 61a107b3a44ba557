import { describe, expect, it } from 'vitest';
import { ofType, run, seconds } from './helpers.ts';

describe('Redis visibility_timeout', () => {
  it('defaults to kombu’s one hour', () => {
    const { state } = run({ transport: 'redis' }, []);
    expect(state.transport.kind === 'redis' && state.transport.visibilityTimeoutMs).toBe(3_600_000);
  });

  it('an ETA longer than the visibility timeout runs twice, even with no crash (a known Celery caveat)', () => {
    const { state, events } = run(
      {
        transport: 'redis',
        visibilityTimeoutMs: 10_000,
        tasks: { remind: { durationMs: 100 } },
        workers: [
          { id: 'w1', concurrency: 1, prefetchMultiplier: 1 },
          { id: 'w2', concurrency: 1, prefetchMultiplier: 1 },
        ],
      },
      [{ type: 'send', name: 'remind', taskId: 'r', countdown: 30 }, seconds(40)],
    );
    expect(ofType(events, 'RPUSH').length).toBeGreaterThanOrEqual(1);
    expect(ofType(events, 'task-started').length).toBeGreaterThanOrEqual(2);
    expect(state.tasks.r?.runs).toBeGreaterThanOrEqual(2);
  });

  it('restores several lost messages so that the oldest delivery is taken first', () => {
    const { events } = run(
      {
        transport: 'redis',
        visibilityTimeoutMs: 5000,
        tasks: { job: { durationMs: 4000, acksLate: true } },
        workers: [{ id: 'w1', concurrency: 2, prefetchMultiplier: 1 }],
      },
      [
        { type: 'send', name: 'job', taskId: 'first' },
        { type: 'advance', ms: 10 },
        { type: 'send', name: 'job', taskId: 'second' },
        { type: 'crashWorker', worker: 'w1' },
        { type: 'startWorker', worker: 'w2', concurrency: 1, prefetchMultiplier: 1 },
        seconds(6),
      ],
    );
    expect(ofType(events, 'RPUSH').map((e) => e.taskId)).toEqual(['first', 'second']);
    expect(
      ofType(events, 'BRPOP')
        .filter((e) => e.redelivered)
        .map((e) => e.taskId)[0],
    ).toBe('first');
  });

  it('an ack after the message was restored removes nothing (HDEL of a missing field)', () => {
    const { events } = run(
      {
        transport: 'redis',
        visibilityTimeoutMs: 1000,
        tasks: { slow: { durationMs: 3000, acksLate: true } },
        workers: [{ id: 'w1', concurrency: 1, prefetchMultiplier: 1 }],
      },
      [{ type: 'send', name: 'slow', taskId: 's' }, seconds(2.5)],
    );
    // Restored at 1 s while still running; the first run's late ack at 3 s finds nothing.
    expect(ofType(events, 'RPUSH')).toHaveLength(1);
    expect(ofType(events, 'HDEL')).toHaveLength(0);
  });
});
