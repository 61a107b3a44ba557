/**
 * Property test of RabbitMQ's consumer_timeout in the Celery model, with timeouts short enough to
 * fire among random sends, crashes, restarts and time: the model never sends an AMQP method on a
 * closed channel (the simulated RabbitMQ would refuse it and the transport throw), a worker whose
 * channel closed takes and starts nothing more and goes offline once its running tasks end, and
 * no message is lost: every task the broker requeued is delivered again or still waits in the queue.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  celeryModelWith,
  type CeleryCommand,
  type CeleryEvent,
} from '../../../../src/broker/celery/index.ts';
import { ofType } from './helpers.ts';

const command: fc.Arbitrary<CeleryCommand> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<CeleryCommand>({ type: 'send', name: 'job' }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 0, max: 30 })
      .map((countdown): CeleryCommand => ({ type: 'send', name: 'job', countdown })),
  },
  {
    weight: 4,
    arbitrary: fc
      .integer({ min: 0, max: 20_000 })
      .map((ms): CeleryCommand => ({ type: 'advance', ms })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('w1', 'w2')
      .map((worker): CeleryCommand => ({ type: 'crashWorker', worker })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom('w1', 'w2')
      .map((worker): CeleryCommand => ({ type: 'startWorker', worker })),
  },
);

describe('consumer_timeout with the Celery worker model (RabbitMQ)', () => {
  it('no method on a closed channel; a stopping worker takes nothing and exits; nothing requeued is lost', () => {
    fc.assert(
      fc.property(
        fc.array(command, { minLength: 5, maxLength: 40 }),
        fc.integer({ min: 1_000, max: 15_000 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 12_000 }),
        (cmds, consumerTimeoutMs, acksLate, durationMs) => {
          const model = celeryModelWith({
            transport: 'rabbitmq',
            consumerTimeoutMs,
            tasks: { job: { durationMs, acksLate, maxRetries: 0 } },
            workers: [
              { id: 'w1', concurrency: 1, prefetchMultiplier: 1 },
              { id: 'w2', concurrency: 2, prefetchMultiplier: 2 },
            ],
          });
          let state = model.init(1);
          const events: CeleryEvent[] = [];
          for (const c of cmds) {
            // Starting a worker that runs is a caller error; consumer_timeout decides which do.
            const w = state.workers.find((x) => c.type === 'startWorker' && x.id === c.worker);
            if (w?.alive) continue;
            const r = model.step(state, c);
            state = r.state;
            events.push(...r.events);
          }
          const stoppedAt = new Map<string, number>();
          for (const e of events) {
            if (e.type === 'channel.close') stoppedAt.set(e.consumerTag, events.indexOf(e));
            if (e.type === 'worker-offline' || e.type === 'worker-online')
              stoppedAt.delete(e.worker);
            if (
              (e.type === 'task-received' || e.type === 'task-started') &&
              stoppedAt.has(e.worker)
            )
              expect.fail(`${e.type} on stopping ${e.worker}`);
          }
          for (const w of state.workers)
            if (w.stopping !== null) expect(w.running.length).toBeGreaterThan(0);
          const queued =
            state.transport.kind === 'rabbitmq'
              ? (state.transport.broker.queues.celery?.messages ?? []).map(
                  (m) => (JSON.parse(m.body) as { taskId: string }).taskId,
                )
              : [];
          for (const close of ofType(events, 'channel.close')) {
            for (const id of close.taskIds) {
              const later = events.slice(events.indexOf(close));
              const again = later.some((e) => e.type === 'basic.deliver' && e.taskId === id);
              expect(again || queued.includes(id), `task ${id}`).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
