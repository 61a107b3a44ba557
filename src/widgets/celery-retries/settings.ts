/**
 * What a student may change in the `celery-retries` widget, with the limits the fields check,
 * and how those settings become the Celery model's configuration (two workers, prefetch 1).
 */
import type { CeleryOptions, RetryPolicy, TaskPlan } from '../../broker/celery/index.ts';

/** How the task retries: not at all, `self.retry(countdown=base * 2 ** retries)`, or autoretry. */
export type RetryKind = 'none' | 'countdown' | 'autoretry';

/** The settings a story starts from and a student edits. */
export interface CelerySettings {
  readonly transport: 'redis' | 'rabbitmq';
  readonly retry: RetryKind;
  /** `max_retries`. */
  readonly maxRetries: number;
  /** Seconds: the countdown base for `self.retry`, the `retry_backoff` factor for autoretry. */
  readonly backoff: number;
  /** `retry_backoff_max`, seconds (autoretry only). */
  readonly backoffMax: number;
  /** `retry_jitter` (autoretry only). */
  readonly jitter: boolean;
  /** Runs that raise before one returns. */
  readonly failures: number;
  readonly acksLate: boolean;
  /** worker1 is killed halfway through the task's first run. */
  readonly crash: boolean;
}

/** Limits of the numeric fields (inclusive). */
export const LIMITS = {
  maxRetries: { min: 0, max: 10 },
  backoff: { min: 0, max: 60 },
  backoffMax: { min: 0, max: 3600 },
  failures: { min: 0, max: 10 },
} as const;

/** The two worker processes every story runs (`--concurrency=1`, `worker_prefetch_multiplier=1`). */
export const WORKERS = ['worker1', 'worker2'] as const;

/** kombu's Redis visibility_timeout is 3600 s; the widget shortens it so the return fits the axis. */
export const VISIBILITY_TIMEOUT_S = 30;

/** The task's declaration as data: its name, how long a run takes and what it raises. */
export interface TaskSpec {
  readonly name: string;
  readonly durationMs: number;
  readonly exception: string;
}

/** The retry policy the settings describe, in the Celery model's terms. */
export function retryPolicy(s: CelerySettings): RetryPolicy {
  if (s.retry === 'none') return { kind: 'none' };
  if (s.retry === 'countdown')
    return { kind: 'countdown', countdown: s.backoff, passExc: true, doubling: true };
  return {
    kind: 'autoretry',
    retryBackoff: s.backoff,
    retryBackoffMax: s.backoffMax,
    retryJitter: s.jitter,
  };
}

/** The Celery model's options for a task under these settings. */
export function modelOptions(task: TaskSpec, s: CelerySettings): CeleryOptions {
  return {
    transport: s.transport,
    visibilityTimeoutMs: VISIBILITY_TIMEOUT_S * 1000,
    tasks: {
      [task.name]: {
        durationMs: task.durationMs,
        maxRetries: s.maxRetries,
        acksLate: s.acksLate,
        retry: retryPolicy(s),
        exception: task.exception,
      },
    },
    workers: WORKERS.map((id) => ({ id, concurrency: 1, prefetchMultiplier: 1 })),
  };
}

/**
 * `failures` raising runs, then one that returns. The model takes one entry per execution; a run
 * killed with its worker never returns, so its entry (first, when `crash`) is never read.
 */
export function planFor(s: CelerySettings): TaskPlan {
  const raising = Array.from({ length: s.failures }, () => 'error' as const);
  return { kind: 'script', attempts: [...(s.crash ? ['error' as const] : []), ...raising, 'ok'] };
}

/** The decorator and retry call as Python, so the audience reads what the picture runs. */
export function declaration(task: TaskSpec, s: CelerySettings): string {
  const opts: string[] = [];
  if (s.retry === 'countdown') opts.push('bind=True');
  if (s.retry === 'autoretry') {
    opts.push(
      `autoretry_for=(${task.exception},)`,
      `retry_backoff=${s.backoff === 1 ? 'True' : s.backoff}`,
    );
    opts.push(`retry_backoff_max=${s.backoffMax}`, `retry_jitter=${s.jitter ? 'True' : 'False'}`);
  }
  if (s.retry !== 'none') opts.push(`max_retries=${s.maxRetries}`);
  opts.push(`acks_late=${s.acksLate ? 'True' : 'False'}`);
  const head = `@app.task(${opts.join(', ')})`;
  return s.retry === 'countdown'
    ? `${head} … self.retry(exc=exc, countdown=${s.backoff === 1 ? '' : `${s.backoff} * `}2 ** self.request.retries)`
    : head;
}
