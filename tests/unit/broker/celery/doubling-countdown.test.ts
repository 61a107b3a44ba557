import { describe, expect, it } from 'vitest';
import { seedPrng } from '../../../../src/broker/index.ts';
import { retryCountdown } from '../../../../src/broker/celery/index.ts';
import { ofType, run } from './helpers.ts';

const alwaysFails = { kind: 'script', attempts: ['error'] } as const;

describe('self.retry(countdown=2 ** self.request.retries)', () => {
  it('doubles the pause per retry from the base countdown, without jitter or cap', () => {
    const prng = seedPrng(1);
    const policy = { kind: 'countdown', countdown: 1, passExc: true, doubling: true } as const;
    expect([0, 1, 2, 3, 10].map((r) => retryCountdown(policy, r, prng)[0])).toEqual([
      1, 2, 4, 8, 1024,
    ]);
    expect(retryCountdown({ ...policy, countdown: 3 }, 2, prng)[0]).toBe(12);
    expect(retryCountdown({ ...policy, doubling: false }, 5, prng)[0]).toBe(1);
  });

  it('slide 41: charge_card waits 1, 2, 4 s and then fails with the gateway’s exception', () => {
    const { state, events } = run(
      {
        tasks: {
          charge_card: {
            durationMs: 0,
            maxRetries: 3,
            exception: 'GatewayUnavailable',
            retry: { kind: 'countdown', countdown: 1, passExc: true, doubling: true },
          },
        },
      },
      [
        { type: 'send', name: 'charge_card', taskId: 'x', plan: alwaysFails },
        { type: 'advance', ms: 60_000 },
      ],
    );
    expect(ofType(events, 'task-retried').map((e) => e.countdown)).toEqual([1, 2, 4]);
    expect(ofType(events, 'task-started').map((e) => e.at)).toEqual([0, 1000, 3000, 7000]);
    expect(state.tasks.x?.state).toBe('FAILURE');
    expect(state.tasks.x?.exception).toBe('GatewayUnavailable');
  });
});
