import { describe, expect, it } from 'vitest';
import type { RedisCommand } from '../../../../src/broker/redis/index.ts';
import { run } from './helpers.ts';

const on = (client: string, command: RedisCommand): RedisCommand => ({ ...command, client });
const enqueue: RedisCommand = { type: 'LPUSH', key: 'emails', values: ['send-42'] };

describe('a worker that crashes after taking a task', () => {
  it('BRPOP then crash: the task existed only in the dead worker, it is lost', () => {
    const { events, state } = run([
      enqueue,
      on('worker', { type: 'BRPOP', keys: ['emails'], timeout: 0 }),
      on('worker', { type: 'crash' }),
    ]);
    expect(events.at(-1)).toEqual({
      type: 'taskLost',
      at: 0,
      client: 'worker',
      task: { value: 'send-42', queue: 'emails' },
    });
    expect(state.keys).toEqual({});
    expect(state.clients.worker).toBeUndefined();
    expect(state.stats.lostTasks).toBe(1);
  });

  it('LMOVE to a processing list then crash: the task survives in the processing list', () => {
    const { events, state } = run([
      enqueue,
      on('worker', {
        type: 'LMOVE',
        source: 'emails',
        destination: 'emails:processing',
        from: 'RIGHT',
        to: 'LEFT',
      }),
      on('worker', { type: 'crash' }),
    ]);
    expect(events.at(-1)?.type).toBe('taskSurvived');
    expect(state.keys['emails:processing']).toEqual({ type: 'list', items: ['send-42'] });
    expect(state.stats.lostTasks).toBe(0);
  });

  it('finishing an LMOVEd task LREMs it from the processing list', () => {
    const { events, state } = run([
      enqueue,
      on('worker', {
        type: 'BLMOVE',
        source: 'emails',
        destination: 'proc',
        from: 'RIGHT',
        to: 'LEFT',
        timeout: 0,
      }),
      on('worker', { type: 'finishTask' }),
    ]);
    expect(events.slice(-2).map((e) => e.type)).toEqual(['LREM', 'taskDone']);
    expect(state.keys).toEqual({});
    expect(state.clients.worker?.task).toBeUndefined();
  });

  it('a crashed blocked worker leaves the queue; the next push goes to the next worker', () => {
    const { events } = run([
      on('w1', { type: 'BRPOP', keys: ['emails'], timeout: 0 }),
      on('w2', { type: 'BRPOP', keys: ['emails'], timeout: 0 }),
      on('w1', { type: 'crash' }),
      enqueue,
    ]);
    expect(events.filter((e) => e.type === 'unblocked').map((e) => [e.client, e.reason])).toEqual([
      ['w1', 'disconnected'],
      ['w2', 'served'],
    ]);
  });

  it('finishTask without a task is a programmer error', () => {
    expect(() => run([on('idle', { type: 'finishTask' })])).toThrow(RangeError);
  });
});
