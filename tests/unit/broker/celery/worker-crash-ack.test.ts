import { describe, expect, it } from 'vitest';
import { ofType, run, seconds, twoWorkers } from './helpers.ts';

const crashMidTask = [
  { type: 'send', name: 'job', taskId: 'j' },
  seconds(1),
  { type: 'crashWorker', worker: 'w1' },
  seconds(10),
] as const;

describe('early ack vs acks_late when a worker dies', () => {
  for (const transport of ['redis', 'rabbitmq'] as const) {
    it(`early ack on ${transport}: the running task is lost for good`, () => {
      const { state, events } = run(
        { transport, tasks: { job: { durationMs: 3000 } }, workers: twoWorkers },
        crashMidTask,
      );
      expect(ofType(events, 'task-started')).toHaveLength(1);
      expect(ofType(events, 'worker-offline')[0]?.lostTaskIds).toEqual(['j']);
      expect(state.tasks.j).toMatchObject({ state: 'STARTED', lost: true, runs: 1 });
    });
  }

  it('acks_late on RabbitMQ: requeued at once when the connection dies, run again by another worker', () => {
    const { state, events } = run(
      {
        transport: 'rabbitmq',
        tasks: { job: { durationMs: 3000, acksLate: true } },
        workers: twoWorkers,
      },
      crashMidTask,
    );
    const started = ofType(events, 'task-started');
    expect(started.map((e) => [e.worker, e.at])).toEqual([
      ['w1', 0],
      ['w2', 1000],
    ]);
    expect(ofType(events, 'basic.deliver').map((e) => e.redelivered)).toEqual([false, true]);
    expect(ofType(events, 'requeue')[0]?.deliveryTags).toEqual([1]);
    expect(state.tasks.j).toMatchObject({ state: 'SUCCESS', runs: 2 });
  });

  it('acks_late on Redis: nothing happens until visibility_timeout, then RPUSH back and run again', () => {
    const { state, events } = run(
      {
        transport: 'redis',
        visibilityTimeoutMs: 60_000,
        tasks: { job: { durationMs: 3000, acksLate: true } },
        workers: twoWorkers,
      },
      [...crashMidTask, seconds(40), seconds(20)],
    );
    const restore = ofType(events, 'RPUSH');
    expect(restore).toHaveLength(1);
    expect(restore[0]?.at).toBe(60_000);
    expect(ofType(events, 'task-started').map((e) => [e.worker, e.at])).toEqual([
      ['w1', 0],
      ['w2', 60_000],
    ]);
    expect(state.tasks.j).toMatchObject({ state: 'SUCCESS', runs: 2 });
  });

  it('a prefetched message not yet started is unacked even with early ack, so it comes back', () => {
    const { state, events } = run(
      {
        transport: 'rabbitmq',
        tasks: { job: { durationMs: 3000 } },
        workers: [{ id: 'w1', concurrency: 1, prefetchMultiplier: 4 }],
      },
      [
        { type: 'send', name: 'job', taskId: 'a' },
        { type: 'send', name: 'job', taskId: 'b' },
        seconds(1),
        { type: 'crashWorker', worker: 'w1' },
        { type: 'startWorker', worker: 'w2', concurrency: 1, prefetchMultiplier: 4 },
        seconds(10),
      ],
    );
    expect(state.tasks.a).toMatchObject({ state: 'STARTED', lost: true });
    expect(state.tasks.b).toMatchObject({ state: 'SUCCESS', runs: 1 });
    expect(
      ofType(events, 'task-received')
        .filter((e) => e.taskId === 'b')
        .map((e) => e.redelivered),
    ).toEqual([false, true]);
  });

  it('a restarted worker does not finish the executions of its previous life', () => {
    const { state, events } = run({ transport: 'rabbitmq', tasks: { job: { durationMs: 3000 } } }, [
      { type: 'send', name: 'job', taskId: 'j' },
      seconds(1),
      { type: 'crashWorker', worker: 'worker1' },
      { type: 'startWorker', worker: 'worker1' },
      seconds(10),
    ]);
    expect(ofType(events, 'task-succeeded')).toHaveLength(0);
    expect(ofType(events, 'worker-online')).toHaveLength(1);
    expect(state.tasks.j?.lost).toBe(true);
  });
});
