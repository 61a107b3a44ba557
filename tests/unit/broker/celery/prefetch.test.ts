import { describe, expect, it } from 'vitest';
import { transportFor } from '../../../../src/broker/celery/index.ts';
import { ofType, run, seconds } from './helpers.ts';

const sendN = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => ({ type: 'send', name: 'job', taskId: `t${i + 1}` }) as const,
  );

describe('worker_prefetch_multiplier and dispatch', () => {
  it('concurrency × multiplier unacked messages at most (late ack): the rest wait in the queue', () => {
    const { state } = run(
      {
        transport: 'rabbitmq',
        tasks: { job: { durationMs: 10_000, acksLate: true } },
        workers: [{ id: 'w1', concurrency: 2, prefetchMultiplier: 2 }],
      },
      sendN(10),
    );
    const w = state.workers[0];
    expect(w?.running).toHaveLength(2);
    expect(w?.reserved).toHaveLength(2);
    expect(transportFor(state.transport).readyCount(state.transport)).toBe(6);
  });

  it('with early ack running tasks are acked, so the worker prefetches a full window besides them', () => {
    const { state } = run(
      {
        transport: 'rabbitmq',
        tasks: { job: { durationMs: 10_000 } },
        workers: [{ id: 'w1', concurrency: 2, prefetchMultiplier: 2 }],
      },
      sendN(10),
    );
    expect(state.workers[0]?.running).toHaveLength(2);
    expect(state.workers[0]?.reserved).toHaveLength(4);
  });

  it('multiplier 0 means no limit: the first worker online takes the whole queue', () => {
    const unlimited = { concurrency: 1, prefetchMultiplier: 0 };
    const { state } = run(
      { transport: 'redis', tasks: { job: { durationMs: 10_000 } }, workers: [] },
      [
        ...sendN(6),
        { type: 'startWorker', worker: 'w1', ...unlimited },
        { type: 'startWorker', worker: 'w2', ...unlimited },
      ],
    );
    expect(state.workers[0]?.running.length).toBe(1);
    expect(state.workers[0]?.reserved.length).toBe(5);
    expect(state.workers[1]?.reserved.length).toBe(0);
  });

  it('idle workers take messages in turn (round-robin / BRPOP first come, first served)', () => {
    const { events } = run(
      {
        transport: 'rabbitmq',
        tasks: { job: { durationMs: 1000 } },
        workers: ['a', 'b', 'c'].map((id) => ({ id, concurrency: 1, prefetchMultiplier: 1 })),
      },
      [...sendN(6), seconds(5)],
    );
    expect(ofType(events, 'task-received').map((e) => e.worker)).toEqual([
      'a',
      'b',
      'c',
      'a',
      'b',
      'c',
    ]);
  });

  it('Redis list order is FIFO: LPUSH in, BRPOP from the other end', () => {
    const { events } = run(
      { transport: 'redis', tasks: { job: { durationMs: 100 } }, workers: [] },
      [
        ...sendN(3),
        { type: 'startWorker', worker: 'w', concurrency: 1, prefetchMultiplier: 1 },
        seconds(1),
      ],
    );
    expect(ofType(events, 'BRPOP').map((e) => e.taskId)).toEqual(['t1', 't2', 't3']);
  });

  it('an ETA task is held by the worker and does not block the prefetch window', () => {
    const { events } = run(
      {
        transport: 'rabbitmq',
        tasks: { job: { durationMs: 100 } },
        workers: [{ id: 'w1', concurrency: 1, prefetchMultiplier: 1 }],
      },
      [
        { type: 'send', name: 'job', taskId: 'later', countdown: 10 },
        { type: 'send', name: 'job', taskId: 'now' },
        seconds(11),
      ],
    );
    const started = ofType(events, 'task-started').map((e) => [e.taskId, e.at]);
    expect(started).toEqual([
      ['now', 0],
      ['later', 10_000],
    ]);
  });
});
