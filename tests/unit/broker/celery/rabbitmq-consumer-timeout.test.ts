/**
 * RabbitMQ's consumer_timeout (30 min by default since 3.8.17) against Celery's held deliveries:
 * a worker holds an ETA/countdown task unacked until it runs, so past the timeout the node closes
 * the worker's channel with 406 PRECONDITION_FAILED and requeues what it held (rabbit_channel's
 * evaluate_consumer_timeout). PreconditionFailed is a channel error, not one of the connection
 * errors Celery's Consumer.start restarts on, so WorkController.start logs «Unrecoverable error»
 * and stops the worker (celery/worker/worker.py, 5.2; Celery's docs warn of exactly this under
 * "ETA and Countdown"). The broker side is the RabbitMQ model, whose consumer_timeout is replayed
 * from a real RabbitMQ 3.10.8 (tests/fixtures/broker/rabbitmq/scenarios.json).
 */
import { describe, expect, it } from 'vitest';
import type { CeleryCommand } from '../../../../src/broker/celery/index.ts';
import { ofType, run, seconds, twoWorkers } from './helpers.ts';

const send = (countdown: number): CeleryCommand => ({
  type: 'send',
  name: 'job',
  taskId: 'a',
  countdown,
});

describe('consumer_timeout on RabbitMQ ends a worker that holds a countdown task', () => {
  it('a 50-minute countdown: the worker stops at 30 min, another takes the task and runs it', () => {
    const { state, events } = run(
      { transport: 'rabbitmq', tasks: { job: { durationMs: 1000 } }, workers: twoWorkers },
      [send(3000), seconds(3600)],
    );
    const close = ofType(events, 'channel.close');
    expect(close.map((e) => [e.consumerTag, e.at, e.replyCode, e.taskIds])).toEqual([
      ['w1', 1_800_000, 406, ['a']],
    ]);
    expect(close[0]?.replyText).toMatch(
      /^PRECONDITION_FAILED - delivery acknowledgement on channel .* timed out\. Timeout value used: 1800000 ms/,
    );
    const offline = ofType(events, 'worker-offline');
    expect(offline.map((e) => [e.worker, e.at])).toEqual([['w1', 1_800_000]]);
    expect(offline[0]?.error).toMatch(
      /^Unrecoverable error: PreconditionFailed\(406, 'PRECONDITION_FAILED/,
    );
    expect(ofType(events, 'task-received').map((e) => [e.worker, e.at, e.redelivered])).toEqual([
      ['w1', 0, false],
      ['w2', 1_800_000, true],
    ]);
    expect(ofType(events, 'task-started').map((e) => [e.worker, e.at])).toEqual([
      ['w2', 3_000_000],
    ]);
    expect(state.tasks.a).toMatchObject({ state: 'SUCCESS', runs: 1 });
    expect(state.workers.map((w) => [w.id, w.alive])).toEqual([
      ['w1', false],
      ['w2', true],
    ]);
  });

  it('a 2-hour countdown takes the workers down one after another', () => {
    const { state, events } = run(
      { transport: 'rabbitmq', tasks: { job: { durationMs: 1000 } }, workers: twoWorkers },
      [send(7200), seconds(7200)],
    );
    expect(ofType(events, 'worker-offline').map((e) => [e.worker, e.at])).toEqual([
      ['w1', 1_800_000],
      ['w2', 3_600_000],
    ]);
    expect(ofType(events, 'task-started')).toEqual([]);
    expect(state.tasks.a?.state).toBe('RECEIVED');
  });

  it('with consumer_timeout off the task simply runs at its ETA', () => {
    const { events } = run(
      {
        transport: 'rabbitmq',
        consumerTimeoutMs: null,
        tasks: { job: { durationMs: 1000 } },
        workers: twoWorkers,
      },
      [send(7200), seconds(7300)],
    );
    expect(ofType(events, 'channel.close')).toEqual([]);
    expect(ofType(events, 'task-started').map((e) => [e.worker, e.at])).toEqual([
      ['w1', 7_200_000],
    ]);
  });

  it('acks_late and a 40-minute task: it runs twice — on the stopping worker and on the next', () => {
    const { state, events } = run(
      {
        transport: 'rabbitmq',
        tasks: { job: { durationMs: 2_400_000, acksLate: true } },
        workers: twoWorkers,
      },
      [{ type: 'send', name: 'job', taskId: 'a' }, seconds(3000)],
    );
    expect(ofType(events, 'channel.close').map((e) => [e.consumerTag, e.at])).toEqual([
      ['w1', 1_800_000],
    ]);
    // Warm shutdown: w1's task finishes (no ack: the channel is gone), then w1 exits.
    expect(ofType(events, 'task-started').map((e) => [e.worker, e.at])).toEqual([
      ['w1', 0],
      ['w2', 1_800_000],
    ]);
    expect(ofType(events, 'task-succeeded').map((e) => [e.worker, e.at])).toEqual([
      ['w1', 2_400_000],
    ]);
    expect(ofType(events, 'worker-offline').map((e) => [e.worker, e.at])).toEqual([
      ['w1', 2_400_000],
    ]);
    expect(ofType(events, 'basic.ack')).toEqual([]);
    expect(state.tasks.a).toMatchObject({ state: 'SUCCESS', runs: 2 });
  });

  for (const rejectOnWorkerLost of [false, true]) {
    it(`a pool process killed while its worker stops (reject_on_worker_lost=${rejectOnWorkerLost}): nothing is sent on the closed channel, the worker exits`, () => {
      const { events } = run(
        {
          transport: 'rabbitmq',
          tasks: { job: { durationMs: 2_400_000, acksLate: true, rejectOnWorkerLost } },
          workers: [{ id: 'w1', concurrency: 1, prefetchMultiplier: 1 }],
        },
        [
          { type: 'send', name: 'job', taskId: 'a' },
          seconds(2000),
          { type: 'killPoolProcess', worker: 'w1', taskId: 'a' },
        ],
      );
      expect(ofType(events, 'basic.reject')).toEqual([]);
      expect(ofType(events, 'basic.ack')).toEqual([]);
      const tail = events
        .filter((e) => e.type === 'task-failed' || e.type === 'worker-offline')
        .map((e) => [e.type, e.at]);
      expect(tail).toEqual(
        rejectOnWorkerLost
          ? [['worker-offline', 2_000_000]]
          : [
              ['task-failed', 2_000_000],
              ['worker-offline', 2_000_000],
            ],
      );
    });
  }

  it('Redis has no consumer_timeout: the same countdown runs once at its ETA', () => {
    const { events } = run(
      { transport: 'redis', tasks: { job: { durationMs: 1000 } }, workers: twoWorkers },
      [send(3000), seconds(3600)],
    );
    expect(ofType(events, 'worker-offline')).toEqual([]);
    expect(ofType(events, 'task-started').map((e) => [e.worker, e.at])).toEqual([
      ['w1', 3_000_000],
    ]);
  });
});
