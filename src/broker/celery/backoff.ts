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
 * and celery/app/autoretry.py calls it with `factor=int(retry_backoff)`,
 * `retries=task.request.retries` (0 on the first failure), `maximum=int(retry_backoff_max)`,
 * `full_jitter=retry_jitter`.
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

/** Python's int() on a number or bool, as autoretry applies it to retry_backoff and retry_backoff_max. */
function pyInt(value: number | boolean): number {
  return typeof value === 'boolean' ? (value ? 1 : 0) : Math.trunc(value);
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
  const factor = pyInt(policy.retryBackoff);
  if (factor === 0) return [DEFAULT_RETRY_DELAY_S, prng];
  return getExponentialBackoffInterval(
    factor,
    retries,
    pyInt(policy.retryBackoffMax),
    policy.retryJitter,
    prng,
  );
}
