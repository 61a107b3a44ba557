/**
 * A prefork pool process killed mid-task (kill -9, the OOM killer): the worker's main process
 * survives and handles it as Celery 5.2's Request.on_failure does with WorkerLostError
 * (celery/worker/request.py): with acks_late and reject_on_worker_lost the message is rejected
 * with requeue; otherwise it is acked and the task is marked FAILURE — never retried, since the
 * error is raised outside the task body. kombu's Redis QoS.reject(requeue=True) puts the message
 * back with restore_by_tag(leftmost=True), an LPUSH: behind the messages already waiting.
 */
import { describe, expect, it } from 'vitest';
import { AUTORETRY_BACKOFF, type CeleryCommand } from '../../../../src/broker/celery/index.ts';
import { ofType, run, seconds } from './helpers.ts';

const kill: CeleryCommand = { type: 'killPoolProcess', worker: 'worker1', taskId: 'a' };
const sendA: CeleryCommand = { type: 'send', name: 'job', taskId: 'a' };

describe('a killed pool process (Request.on_failure, WorkerLostError)', () => {
  for (const transport of ['redis', 'rabbitmq'] as const) {
    it(`early ack on ${transport}: FAILURE with WorkerLostError, no retry despite autoretry_for`, () => {
      const { state, events } = run(
        { transport, tasks: { job: { durationMs: 5000, retry: AUTORETRY_BACKOFF } } },
        [sendA, seconds(1), kill, seconds(3600)],
      );
      expect(ofType(events, 'task-failed').map((e) => [e.taskId, e.exception, e.at])).toEqual([
        ['a', 'WorkerLostError', 1000],
      ]);
      expect(ofType(events, 'task-retried')).toEqual([]);
      expect(ofType(events, 'task-started')).toHaveLength(1);
      expect(state.tasks.a).toMatchObject({ state: 'FAILURE', exception: 'WorkerLostError' });
    });

    it(`acks_late without reject_on_worker_lost on ${transport}: acked anyway, FAILURE, never run again`, () => {
      const { state, events } = run(
        { transport, tasks: { job: { durationMs: 5000, acksLate: true } } },
        [sendA, seconds(1), kill, seconds(7200)],
      );
      const acks = transport === 'redis' ? ofType(events, 'HDEL') : ofType(events, 'basic.ack');
      expect(acks.map((e) => e.at)).toEqual([1000]);
      expect(ofType(events, 'task-started')).toHaveLength(1);
      expect(state.tasks.a).toMatchObject({ state: 'FAILURE', exception: 'WorkerLostError' });
    });

    it(`acks_late + reject_on_worker_lost on ${transport}: requeued at once and run again`, () => {
      const { state, events } = run(
        {
          transport,
          tasks: { job: { durationMs: 5000, acksLate: true, rejectOnWorkerLost: true } },
        },
        [sendA, seconds(1), kill, seconds(10)],
      );
      expect(ofType(events, 'task-failed')).toEqual([]);
      expect(ofType(events, 'task-started').map((e) => [e.at, e.run])).toEqual([
        [0, 1],
        [1000, 2],
      ]);
      expect(ofType(events, 'task-received').map((e) => e.redelivered)).toEqual([false, true]);
      if (transport === 'rabbitmq') {
        expect(ofType(events, 'basic.reject').map((e) => [e.at, e.requeue])).toEqual([
          [1000, true],
        ]);
      } else {
        expect(ofType(events, 'LPUSH').map((e) => [e.at, e.redelivered ?? false])).toEqual([
          [0, false],
          [1000, true],
        ]);
      }
      expect(state.tasks.a).toMatchObject({ state: 'SUCCESS', runs: 2 });
    });
  }

  it('Redis: the rejected message goes behind those already waiting (LPUSH, leftmost=True)', () => {
    const { events } = run(
      {
        transport: 'redis',
        tasks: { job: { durationMs: 5000, acksLate: true, rejectOnWorkerLost: true } },
        workers: [{ id: 'worker1', concurrency: 1, prefetchMultiplier: 1 }],
      },
      [sendA, { type: 'send', name: 'job', taskId: 'b' }, seconds(1), kill, seconds(20)],
    );
    expect(ofType(events, 'task-started').map((e) => [e.taskId, e.at])).toEqual([
      ['a', 0],
      ['b', 1000],
      ['a', 6000],
    ]);
  });

  it('refuses to kill a process that runs no such task', () => {
    const tasks = { job: { durationMs: 5000 } };
    expect(() => run({ tasks }, [sendA, kill])).not.toThrow();
    expect(() => run({ tasks }, [sendA, seconds(6), kill])).toThrow(RangeError);
  });
});
