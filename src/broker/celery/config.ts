/**
 * Celery's defaults and the checks on a configuration. Bad configuration is a programmer error
 * and throws RangeError with the option's Celery name.
 */
import { put } from '../core/record.ts';
import type {
  BeatEntry,
  CeleryConfig,
  RetryPolicy,
  TaskDefinition,
  WorkerConfig,
} from './types.ts';

/** kombu's Redis transport default `visibility_timeout`: one hour. */
export const DEFAULT_VISIBILITY_TIMEOUT_MS = 3_600_000;

/** RabbitMQ's default `consumer_timeout` since 3.8.17 (15 min in 3.8.15–3.8.16): 30 minutes. */
export const DEFAULT_CONSUMER_TIMEOUT_MS = 1_800_000;

/** A task as `@app.task` declares it with no options: max_retries 3, early ack, no retry. */
export const DEFAULT_TASK: TaskDefinition = {
  durationMs: 1000,
  maxRetries: 3,
  acksLate: false,
  rejectOnWorkerLost: false,
  retry: { kind: 'none' },
  exception: 'Exception',
};

/** `autoretry_for=(Exception,), retry_backoff=True` with Celery's defaults for the rest. */
export const AUTORETRY_BACKOFF: Extract<RetryPolicy, { kind: 'autoretry' }> = {
  kind: 'autoretry',
  retryBackoff: true,
  retryBackoffMax: 600,
  retryJitter: true,
};

/** One worker, concurrency 1, Celery's default prefetch multiplier 4. */
export const DEFAULT_WORKER: WorkerConfig = {
  id: 'worker1',
  concurrency: 1,
  prefetchMultiplier: 4,
};

/** A configuration input: every field optional, tasks given partially. */
export interface CeleryOptions {
  readonly transport?: CeleryConfig['transport'];
  readonly queue?: string;
  readonly visibilityTimeoutMs?: number;
  readonly consumerTimeoutMs?: number | null;
  readonly tasks?: Readonly<Record<string, Partial<TaskDefinition>>>;
  readonly workers?: readonly WorkerConfig[];
  readonly beatInstances?: number;
  readonly beatSchedule?: readonly BeatEntry[];
  readonly maxFinishedTasks?: number;
  readonly logCap?: number;
  readonly maxEventsPerStep?: number;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(`celery config: ${message}`);
}

const isCount = (n: number, min: number): boolean => Number.isInteger(n) && n >= min;

function checkTask(name: string, t: TaskDefinition): void {
  check(
    Number.isFinite(t.durationMs) && t.durationMs >= 0,
    `${name}: durationMs must be finite and >= 0`,
  );
  check(
    t.maxRetries === null || isCount(t.maxRetries, 0),
    `${name}: max_retries must be an integer >= 0 or null`,
  );
  if (t.retry.kind === 'countdown') {
    check(
      Number.isFinite(t.retry.countdown) && t.retry.countdown >= 0,
      `${name}: countdown must be >= 0`,
    );
  }
  if (t.retry.kind === 'autoretry') {
    const b = t.retry.retryBackoff;
    check(
      typeof b === 'boolean' || (Number.isFinite(b) && b >= 0),
      `${name}: retry_backoff must be a bool or >= 0`,
    );
    check(
      Number.isFinite(t.retry.retryBackoffMax) && t.retry.retryBackoffMax >= 0,
      `${name}: retry_backoff_max must be >= 0`,
    );
  }
}

/** The full configuration: options over Celery's defaults, validated. */
export function resolveConfig(options: CeleryOptions = {}): CeleryConfig {
  const tasks: Record<string, TaskDefinition> = {};
  for (const [name, partial] of Object.entries(options.tasks ?? { task: {} })) {
    const def = { ...DEFAULT_TASK, ...partial };
    checkTask(name, def);
    put(tasks, name, def);
  }
  const config: CeleryConfig = {
    transport: options.transport ?? 'redis',
    queue: options.queue ?? 'celery',
    visibilityTimeoutMs: options.visibilityTimeoutMs ?? DEFAULT_VISIBILITY_TIMEOUT_MS,
    consumerTimeoutMs:
      options.consumerTimeoutMs === undefined
        ? DEFAULT_CONSUMER_TIMEOUT_MS
        : options.consumerTimeoutMs,
    tasks,
    workers: options.workers ?? [DEFAULT_WORKER],
    beatInstances: options.beatInstances ?? 1,
    beatSchedule: options.beatSchedule ?? [],
    maxFinishedTasks: options.maxFinishedTasks ?? 200,
    logCap: options.logCap ?? 200,
    maxEventsPerStep: options.maxEventsPerStep ?? 100_000,
  };
  const ids = new Set<string>();
  for (const w of config.workers) {
    check(!ids.has(w.id), `worker id ${w.id} used twice`);
    ids.add(w.id);
    checkWorker(w);
  }
  check(
    config.consumerTimeoutMs === null || isCount(config.consumerTimeoutMs, 1),
    'consumer_timeout must be an integer >= 1 ms or null',
  );
  check(isCount(config.beatInstances, 0), 'beatInstances must be an integer >= 0');
  for (const e of config.beatSchedule) {
    check(Number.isFinite(e.everyS) && e.everyS > 0, `beat entry ${e.name}: every must be > 0 s`);
    check(e.task in tasks, `beat entry ${e.name}: unknown task ${e.task}`);
  }
  check(isCount(config.maxFinishedTasks, 1), 'maxFinishedTasks must be an integer >= 1');
  check(isCount(config.logCap, 0), 'logCap must be an integer >= 0');
  check(isCount(config.maxEventsPerStep, 1), 'maxEventsPerStep must be an integer >= 1');
  return config;
}

/** Checks a worker's `--concurrency` (>= 1) and `worker_prefetch_multiplier` (>= 0, 0 = no limit). */
export function checkWorker(w: WorkerConfig): void {
  check(isCount(w.concurrency, 1), `${w.id}: concurrency must be an integer >= 1`);
  check(
    isCount(w.prefetchMultiplier, 0),
    `${w.id}: worker_prefetch_multiplier must be an integer >= 0`,
  );
}
