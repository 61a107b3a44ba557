import { describe, expect, it } from 'vitest';
import { AUTORETRY_BACKOFF } from '../../../../src/broker/celery/index.ts';
import { ofType, run, seconds } from './helpers.ts';

const alwaysFails = { kind: 'script', attempts: ['error'] } as const;

describe('max_retries', () => {
  it('default 3: four runs, three task-retried, then FAILURE with MaxRetriesExceededError', () => {
    const { state, events } = run(
      {
        tasks: { t: { durationMs: 0, retry: { kind: 'countdown', countdown: 1, passExc: false } } },
      },
      [{ type: 'send', name: 't', taskId: 'x', plan: alwaysFails }, seconds(60)],
    );
    expect(ofType(events, 'task-started')).toHaveLength(4);
    expect(ofType(events, 'task-retried').map((e) => e.retries)).toEqual([0, 1, 2]);
    expect(state.tasks.x?.state).toBe('FAILURE');
    expect(state.tasks.x?.exception).toBe('MaxRetriesExceededError');
    expect(state.tasks.x?.retries).toBe(3);
  });

  it('self.retry(exc=exc): past the limit Celery re-raises the original exception', () => {
    const { state } = run(
      {
        tasks: {
          t: {
            durationMs: 0,
            exception: 'SMTPException',
            retry: { kind: 'countdown', countdown: 1, passExc: true },
          },
        },
      },
      [{ type: 'send', name: 't', taskId: 'x', plan: alwaysFails }, seconds(60)],
    );
    expect(state.tasks.x?.exception).toBe('SMTPException');
  });

  it('autoretry_for passes exc to retry, so the final failure is the task’s own exception', () => {
    const { state, events } = run(
      {
        tasks: {
          t: {
            durationMs: 0,
            maxRetries: 2,
            exception: 'ConnectionError',
            retry: AUTORETRY_BACKOFF,
          },
        },
      },
      [{ type: 'send', name: 't', taskId: 'x', plan: alwaysFails }, seconds(60)],
    );
    expect(ofType(events, 'task-retried')).toHaveLength(2);
    expect(state.tasks.x?.exception).toBe('ConnectionError');
  });

  it('max_retries=0 never retries; succeeding on the last allowed run is SUCCESS', () => {
    const none = run(
      {
        tasks: {
          t: {
            durationMs: 0,
            maxRetries: 0,
            retry: { kind: 'countdown', countdown: 1, passExc: false },
          },
        },
      },
      [{ type: 'send', name: 't', taskId: 'x', plan: alwaysFails }, seconds(10)],
    );
    expect(ofType(none.events, 'task-retried')).toHaveLength(0);
    expect(none.state.tasks.x?.state).toBe('FAILURE');
    const last = run(
      {
        tasks: { t: { durationMs: 0, retry: { kind: 'countdown', countdown: 1, passExc: false } } },
      },
      [
        {
          type: 'send',
          name: 't',
          taskId: 'x',
          plan: { kind: 'script', attempts: ['error', 'error', 'error', 'ok'] },
        },
        seconds(10),
      ],
    );
    expect(last.state.tasks.x?.state).toBe('SUCCESS');
  });

  it('max_retries=None retries for ever', () => {
    const { state, events } = run(
      {
        tasks: {
          t: {
            durationMs: 0,
            maxRetries: null,
            retry: { kind: 'countdown', countdown: 1, passExc: false },
          },
        },
      },
      [{ type: 'send', name: 't', taskId: 'x', plan: alwaysFails }, seconds(50)],
    );
    expect(ofType(events, 'task-retried').length).toBeGreaterThanOrEqual(50);
    expect(state.tasks.x?.state).not.toBe('FAILURE');
  });

  it('a failure probability draws from the seeded PRNG: the same seed fails the same runs', () => {
    const options = {
      tasks: {
        t: {
          durationMs: 0,
          maxRetries: null,
          retry: { kind: 'countdown', countdown: 1, passExc: false },
        },
      },
    } as const;
    const cmds = [
      ...Array.from(
        { length: 20 },
        (_, i) =>
          ({
            type: 'send',
            name: 't',
            taskId: `t${i}`,
            plan: { kind: 'random', failureRate: 0.5 },
          }) as const,
      ),
      seconds(100),
    ];
    const a = run(options, cmds, 11);
    const b = run(options, cmds, 11);
    expect(a.events).toEqual(b.events);
    const retried = ofType(a.events, 'task-retried').length;
    expect(retried).toBeGreaterThan(5);
    expect(Object.values(a.state.tasks).every((t) => t.state === 'SUCCESS')).toBe(true);
  });
});
