import { describe, expect, it } from 'vitest';
import { isValidStatePath, TRANSITIONS } from '../../../../src/broker/celery/index.ts';
import { ofType, run, seconds } from './helpers.ts';

describe('task states and task events', () => {
  it('a task that succeeds goes PENDING → RECEIVED → STARTED → SUCCESS with Celery event names', () => {
    const { state, events } = run({ tasks: { add: { durationMs: 500 } } }, [
      { type: 'send', name: 'add', taskId: 't1' },
      seconds(1),
    ]);
    expect(state.tasks.t1?.history).toEqual(['PENDING', 'RECEIVED', 'STARTED', 'SUCCESS']);
    const taskEvents = events.filter((e) => e.type.startsWith('task-')).map((e) => e.type);
    expect(taskEvents).toEqual(['task-sent', 'task-received', 'task-started', 'task-succeeded']);
    expect(ofType(events, 'task-succeeded')[0]?.runtimeMs).toBe(500);
  });

  it('a sent task is PENDING until a worker receives it', () => {
    const { state } = run({ workers: [] }, [
      { type: 'send', name: 'task', taskId: 'x' },
      seconds(5),
    ]);
    expect(state.tasks.x?.state).toBe('PENDING');
  });

  it('a retried task passes through RETRY and keeps its id; request.retries grows by one', () => {
    const { state, events } = run(
      {
        tasks: {
          t: { durationMs: 100, retry: { kind: 'countdown', countdown: 1, passExc: false } },
        },
      },
      [
        {
          type: 'send',
          name: 't',
          taskId: 'r',
          plan: { kind: 'script', attempts: ['error', 'ok'] },
        },
        seconds(5),
      ],
    );
    expect(state.tasks.r?.history).toEqual([
      'PENDING',
      'RECEIVED',
      'STARTED',
      'RETRY',
      'RECEIVED',
      'STARTED',
      'SUCCESS',
    ]);
    expect(ofType(events, 'task-received').map((e) => e.retries)).toEqual([0, 1]);
    expect(isValidStatePath(state.tasks.r?.history ?? [])).toBe(true);
  });

  it('a task without retry that raises goes to FAILURE with its exception', () => {
    const { state, events } = run({ tasks: { t: { exception: 'ValueError' } } }, [
      { type: 'send', name: 't', taskId: 'f', plan: { kind: 'script', attempts: ['error'] } },
      seconds(2),
    ]);
    expect(state.tasks.f?.state).toBe('FAILURE');
    expect(state.tasks.f?.exception).toBe('ValueError');
    expect(ofType(events, 'task-failed')[0]?.exception).toBe('ValueError');
  });

  it('the state graph: SUCCESS and FAILURE are final; RETRY only leads back to RECEIVED', () => {
    expect(TRANSITIONS.SUCCESS).toEqual([]);
    expect(TRANSITIONS.FAILURE).toEqual([]);
    expect(TRANSITIONS.RETRY).toEqual(['RECEIVED']);
    expect(isValidStatePath(['PENDING', 'STARTED'])).toBe(false);
    expect(isValidStatePath(['RECEIVED'])).toBe(false);
    expect(
      isValidStatePath(['PENDING', 'RECEIVED', 'STARTED', 'RECEIVED', 'STARTED', 'SUCCESS']),
    ).toBe(true);
  });

  // Pinned from celery.property.test.ts (fast-check seed -565647005, run ×20): a 1 ms task that
  // always fails, retried with countdown 0 forever, passes the 64-state history cap in 21 ms. The
  // kept tail was judged as if it started at PENDING; the record now says how much was dropped.
  it('a history past its cap keeps its last 64 states and counts the ones it dropped', () => {
    const { state } = run(
      {
        transport: 'redis',
        tasks: {
          job: {
            durationMs: 1,
            acksLate: false,
            retry: { kind: 'countdown', countdown: 0, passExc: false },
            maxRetries: null,
          },
        },
        workers: [
          { id: 'w1', concurrency: 1, prefetchMultiplier: 0 },
          { id: 'w2', concurrency: 1, prefetchMultiplier: 0 },
        ],
      },
      [
        { type: 'send', name: 'job', taskId: 'j', plan: { kind: 'script', attempts: ['error'] } },
        { type: 'advance', ms: 21 },
      ],
      0,
    );
    const task = state.tasks.j!;
    expect(task.history).toHaveLength(64);
    expect(task.historyDropped).toBeGreaterThan(0);
    // PENDING, RECEIVED, STARTED, then RETRY, RECEIVED, STARTED per retry: dropped + kept = all.
    expect(task.historyDropped + task.history.length).toBe(3 + 3 * task.retries);
    expect(isValidStatePath(task.history)).toBe(false);
    expect(isValidStatePath(task.history, false)).toBe(true);
    expect(isValidStatePath([], false)).toBe(false);
  });

  it('the transport events come in the broker words: LPUSH/BRPOP/HDEL on Redis, basic.* on RabbitMQ', () => {
    const cmds = [{ type: 'send', name: 'task' } as const, seconds(2)];
    expect(
      run({ transport: 'redis' }, cmds)
        .events.filter((e) => !e.type.startsWith('task-'))
        .map((e) => e.type),
    ).toEqual(['LPUSH', 'BRPOP', 'HDEL']);
    expect(
      run({ transport: 'rabbitmq' }, cmds)
        .events.filter((e) => !e.type.startsWith('task-'))
        .map((e) => e.type),
    ).toEqual(['basic.publish', 'basic.deliver', 'basic.ack']);
  });

  it('rejects unknown tasks, reused ids and bad arguments as programmer errors', () => {
    expect(() => run({}, [{ type: 'send', name: 'nope' }])).toThrow(RangeError);
    expect(() =>
      run({}, [
        { type: 'send', name: 'task', taskId: 'a' },
        { type: 'send', name: 'task', taskId: 'a' },
      ]),
    ).toThrow(/already in use/);
    expect(() => run({}, [{ type: 'advance', ms: -1 }])).toThrow(RangeError);
    expect(() => run({}, [{ type: 'send', name: 'task', countdown: Number.NaN }])).toThrow(
      RangeError,
    );
    expect(() => run({ tasks: { t: { durationMs: Number.POSITIVE_INFINITY } } }, [])).toThrow(
      /durationMs/,
    );
  });
});
