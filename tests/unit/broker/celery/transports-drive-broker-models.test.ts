import { describe, expect, it } from 'vitest';
import { ofType, run, seconds } from './helpers.ts';

describe('the transports run through the simulated Redis and RabbitMQ', () => {
  it('Redis: the task waits in the list, the delivery sits in kombu’s unacked hash until the ack', () => {
    const opts = {
      transport: 'redis',
      tasks: { job: { durationMs: 1000, acksLate: true } },
      workers: [],
    } as const;
    const queued = run(opts, [{ type: 'send', name: 'job', taskId: 'a' }]).state;
    if (queued.transport.kind !== 'redis') throw new Error('expected the Redis transport');
    const list = queued.transport.server.keys.celery;
    expect(list?.type === 'list' && list.items.length).toBe(1);

    const running = run(opts, [
      { type: 'send', name: 'job', taskId: 'a' },
      { type: 'startWorker', worker: 'w', concurrency: 1, prefetchMultiplier: 1 },
    ]).state;
    if (running.transport.kind !== 'redis') throw new Error('expected the Redis transport');
    expect(running.transport.server.keys.celery).toBeUndefined(); // Redis deletes an emptied list
    const unacked = running.transport.server.keys.unacked;
    expect(unacked?.type === 'hash' && unacked.entries.map(([tag]) => tag)).toEqual(['1']);

    const done = run(opts, [
      { type: 'send', name: 'job', taskId: 'a' },
      { type: 'startWorker', worker: 'w', concurrency: 1, prefetchMultiplier: 1 },
      seconds(2),
    ]).state;
    if (done.transport.kind !== 'redis') throw new Error('expected the Redis transport');
    expect(done.transport.server.keys.unacked).toBeUndefined();
  });

  it('RabbitMQ: the queue is declared durable, the delivery is unacked on the worker’s channel, a crash requeues it', () => {
    const opts = {
      transport: 'rabbitmq',
      tasks: { job: { durationMs: 1000, acksLate: true } },
    } as const;
    const { state } = run(opts, [{ type: 'send', name: 'job', taskId: 'a' }]);
    if (state.transport.kind !== 'rabbitmq') throw new Error('expected the RabbitMQ transport');
    const broker = state.transport.broker;
    expect(broker.queues.celery?.durable).toBe(true);
    const channel = Object.values(broker.channels).find((c) => c.connection.startsWith('worker1#'));
    expect(channel?.unacked.map((u) => u.deliveryTag)).toEqual([1]);

    const crashed = run(opts, [
      { type: 'send', name: 'job', taskId: 'a' },
      { type: 'crashWorker', worker: 'worker1' },
    ]);
    if (crashed.state.transport.kind !== 'rabbitmq')
      throw new Error('expected the RabbitMQ transport');
    const back = crashed.state.transport.broker.queues.celery?.messages ?? [];
    expect(back.map((m) => m.redelivered)).toEqual([true]);
    expect(ofType(crashed.events, 'requeue')[0]?.taskIds).toEqual(['a']);
  });

  it('RabbitMQ: a restarted worker gets a new connection, so its delivery tags start again at 1', () => {
    const { events } = run(
      { transport: 'rabbitmq', tasks: { job: { durationMs: 1000, acksLate: true } } },
      [
        { type: 'send', name: 'job', taskId: 'a' },
        { type: 'crashWorker', worker: 'worker1' },
        { type: 'startWorker', worker: 'worker1' },
        seconds(2),
      ],
    );
    expect(ofType(events, 'basic.deliver').map((e) => [e.deliveryTag, e.redelivered])).toEqual([
      [1, false],
      [1, true],
    ]);
  });
});
