/**
 * Celery's retry delays. The formula is Celery 5's own (celery/utils/time.py):
 *
 *     def get_exponential_backoff_interval(factor, retries, maximum, full_jitter=False):
 *         """Calculate the exponential backoff wait time."""
 *         # Will be zero if factor equals 0
 *         countdown = min(maximum, factor * (2 ** retries))
 *         # Full jitter according to
 *         # https://www.awsarchitectureblog.com/2015/03/backoff.html
 *         if full_jitter:
 *             countdown = random.randrange(countdown + 1)
 *         # Adjust according to maximum wait time and account for negative values.
 *         return max(0, countdown)
 *
 * and celery/app/autoretry.py (Celery ≥ 5.3) reads `retry_backoff = float(...)` and, when it is
 * not zero, calls it with `factor=int(max(1.0, retry_backoff))`, `retries=task.request.retries`
 * (0 on the first failure), `maximum=int(retry_backoff_max)`, `full_jitter=retry_jitter`; with
 * retry_backoff zero/False it sets no countdown and Task.retry uses default_retry_delay.
 * (Celery 5.2 took `int(retry_backoff)`, so 0.5 meant no backoff there; 5.3 makes it factor 1.)
 */
import { nextInt, type PrngState } from '../core/prng.ts';
import type { RetryPolicy } from './types.ts';

/** Celery's `default_retry_delay` (seconds) used when a retry gives no countdown. */
export const DEFAULT_RETRY_DELAY_S = 180;

/**
 * Celery's get_exponential_backoff_interval: min(maximum, factor·2^retries), then with full
 * jitter an integer drawn uniformly from [0, that], never below 0. Seconds; the PRNG stands in
 * for Python's `random` and is returned advanced only when jitter draws.
 */
export function getExponentialBackoffInterval(
  factor: number,
  retries: number,
  maximum: number,
  fullJitter: boolean,
  prng: PrngState,
): [number, PrngState] {
  if (!Number.isInteger(retries) || retries < 0) {
    throw new RangeError(
      `getExponentialBackoffInterval: retries must be an integer >= 0, got ${retries}`,
    );
  }
  if (!Number.isFinite(factor) || !Number.isFinite(maximum)) {
    throw new RangeError('getExponentialBackoffInterval: factor and maximum must be finite');
  }
  let countdown = Math.min(maximum, factor * 2 ** retries);
  if (fullJitter) {
    // random.randrange(countdown + 1): an integer in [0, countdown]; a negative cap has nothing to draw.
    if (countdown < 0) return [0, prng];
    const [drawn, next] = nextInt(prng, 0, Math.floor(countdown));
    countdown = drawn;
    return [Math.max(0, countdown), next];
  }
  return [Math.max(0, countdown), prng];
}

/** Python's int() on a number or bool, as autoretry applies it to retry_backoff_max. */
function pyInt(value: number | boolean): number {
  return typeof value === 'boolean' ? (value ? 1 : 0) : Math.trunc(value);
}

/**
 * The backoff factor autoretry (Celery ≥ 5.3, celery/app/autoretry.py) derives from
 * `retry_backoff`: `float(x)`, and if that is not zero, `int(max(1.0, x))`; 0 means no backoff.
 * So True and 0.5 are factor 1, 2.9 is 2.
 */
export function backoffFactor(retryBackoff: number | boolean): number {
  const x = Number(retryBackoff);
  return x === 0 ? 0 : Math.trunc(Math.max(1, x));
}

/**
 * The countdown (seconds) of the next retry under a policy, given `request.retries` of the
 * failed execution: a fixed or doubling `self.retry(countdown=…)`, or autoretry's backoff.
 * Autoretry without backoff uses default_retry_delay, as Celery does.
 */
export function retryCountdown(
  policy: Exclude<RetryPolicy, { kind: 'none' }>,
  retries: number,
  prng: PrngState,
): [number, PrngState] {
  if (policy.kind === 'countdown') {
    return [policy.doubling ? policy.countdown * 2 ** retries : policy.countdown, prng];
  }
  const factor = backoffFactor(policy.retryBackoff);
  if (factor === 0) return [DEFAULT_RETRY_DELAY_S, prng];
  return getExponentialBackoffInterval(
    factor,
    retries,
    pyInt(policy.retryBackoffMax),
    policy.retryJitter,
    prng,
  );
}
