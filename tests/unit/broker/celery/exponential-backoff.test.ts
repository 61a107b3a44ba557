import { describe, expect, it } from 'vitest';
import { seedPrng } from '../../../../src/broker/core/prng.ts';
import {
  AUTORETRY_BACKOFF,
  backoffFactor,
  getExponentialBackoffInterval,
  retryCountdown,
} from '../../../../src/broker/celery/index.ts';
import { ofType, run, seconds } from './helpers.ts';

/**
 * Produced by Celery 5.2.6 itself (Debian's python3-celery on this machine):
 * [get_exponential_backoff_interval(f, r, m, False) for r in range(13)].
 */
const CELERY_TABLE: readonly [number, number, readonly number[]][] = [
  [1, 5, [1, 2, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]],
  [1, 600, [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600, 600]],
  [1, 3600, [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 3600]],
  [2, 600, [2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600, 600, 600]],
  [3, 600, [3, 6, 12, 24, 48, 96, 192, 384, 600, 600, 600, 600, 600]],
  [5, 3600, [5, 10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600, 3600]],
  [0, 600, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
  [1, 0, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
];

describe('exponential backoff (get_exponential_backoff_interval)', () => {
  it('matches Celery: factor 1 gives 1, 2, 4, 8 … capped at retry_backoff_max', () => {
    const prng = seedPrng(1);
    for (const [factor, maximum, expected] of CELERY_TABLE) {
      const got = expected.map(
        (_, retries) => getExponentialBackoffInterval(factor, retries, maximum, false, prng)[0],
      );
      expect(got, `factor ${factor}, maximum ${maximum}`).toEqual(expected);
    }
  });

  it('does not draw from the PRNG without jitter', () => {
    const prng = seedPrng(5);
    expect(getExponentialBackoffInterval(1, 3, 600, false, prng)[1]).toBe(prng);
  });

  it('with full jitter draws an integer in [0, min(maximum, factor·2^retries)]', () => {
    let prng = seedPrng(42);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const [c, next] = getExponentialBackoffInterval(1, 3, 600, true, prng);
      prng = next;
      expect(Number.isInteger(c)).toBe(true);
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(8);
      seen.add(c);
    }
    // randrange(9) reaches both ends: 0 and the cap itself.
    expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    for (let i = 0; i < 200; i++) {
      const [c, next] = getExponentialBackoffInterval(1, 20, 600, true, prng);
      prng = next;
      expect(c).toBeLessThanOrEqual(600);
    }
  });

  it('is deterministic for a seed', () => {
    const a = getExponentialBackoffInterval(2, 5, 600, true, seedPrng(9));
    const b = getExponentialBackoffInterval(2, 5, 600, true, seedPrng(9));
    expect(a).toEqual(b);
  });

  // celery/app/autoretry.py (Celery ≥ 5.3): retry_backoff = float(x); if retry_backoff:
  // factor=int(max(1.0, retry_backoff)). Celery 5.2 took int(x), so 0.5 meant no backoff there.
  it('takes the factor as int(max(1.0, float(retry_backoff))) as autoretry.py does (Celery ≥ 5.3)', () => {
    expect([true, false, 0, 0.5, 0.99, 1, 1.5, 2.9, 3].map(backoffFactor)).toEqual([
      1, 0, 0, 1, 1, 1, 1, 2, 3,
    ]);
    const policy = { ...AUTORETRY_BACKOFF, retryJitter: false };
    // retry_backoff=0.5: factor 1, so 1, 2, 4, 8 s, not default_retry_delay (180 s) as under 5.2.
    expect(
      [0, 1, 2, 3].map((r) => retryCountdown({ ...policy, retryBackoff: 0.5 }, r, seedPrng(1))[0]),
    ).toEqual([1, 2, 4, 8]);
  });

  it('applies int() to retry_backoff as autoretry does: True is factor 1, 2.9 is 2', () => {
    const prng = seedPrng(1);
    const policy = { ...AUTORETRY_BACKOFF, retryJitter: false };
    expect(retryCountdown({ ...policy, retryBackoff: true }, 3, prng)[0]).toBe(8);
    expect(retryCountdown({ ...policy, retryBackoff: 2.9 }, 3, prng)[0]).toBe(16);
    // retry_backoff=False: autoretry falls back to default_retry_delay (180 s).
    expect(retryCountdown({ ...policy, retryBackoff: false }, 3, prng)[0]).toBe(180);
    expect(retryCountdown({ kind: 'countdown', countdown: 60, passExc: false }, 3, prng)[0]).toBe(
      60,
    );
  });

  it('rejects a negative or fractional retries count', () => {
    expect(() => getExponentialBackoffInterval(1, -1, 600, false, seedPrng(1))).toThrow(RangeError);
    expect(() => getExponentialBackoffInterval(1, 1.5, 600, false, seedPrng(1))).toThrow(
      RangeError,
    );
  });

  // celery/app/amqp.py as_task_v2: `if countdown:  # convert countdown to ETA` — so a retry whose
  // countdown is 0 (full jitter can draw it) goes out with no ETA, like a plain apply_async.
  it('a retry with countdown 0 is sent with no ETA (as_task_v2 converts only a non-zero countdown)', () => {
    const { events } = run(
      {
        tasks: {
          flaky: {
            durationMs: 0,
            maxRetries: 2,
            retry: { kind: 'countdown', countdown: 0, passExc: false },
          },
        },
      },
      [
        { type: 'send', name: 'flaky', plan: { kind: 'script', attempts: ['error', 'ok'] } },
        seconds(1),
      ],
    );
    expect(ofType(events, 'task-retried').map((e) => e.countdown)).toEqual([0]);
    expect(ofType(events, 'task-sent').map((e) => [e.retries, e.eta])).toEqual([
      [0, null],
      [1, null],
    ]);
  });

  it('drives the model: a task failing four times is retried after 1, 2, 4 s (jitter off)', () => {
    const { events } = run(
      {
        tasks: {
          flaky: {
            durationMs: 0,
            maxRetries: 5,
            retry: { ...AUTORETRY_BACKOFF, retryJitter: false },
          },
        },
      },
      [
        {
          type: 'send',
          name: 'flaky',
          plan: { kind: 'script', attempts: ['error', 'error', 'error', 'ok'] },
        },
        seconds(30),
      ],
    );
    expect(ofType(events, 'task-retried').map((e) => e.countdown)).toEqual([1, 2, 4]);
    expect(ofType(events, 'task-started').map((e) => e.at)).toEqual([0, 1000, 3000, 7000]);
  });
});
