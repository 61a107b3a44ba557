/**
 * Plain-data types of the Celery model: configuration, state, commands and events. Time is in
 * virtual milliseconds; Celery's own options that are in seconds (countdown, retry_backoff_max)
 * keep Celery's units and names so a slide can quote them unchanged.
 */
import type { ClockState } from '../core/clock.ts';
import type { PrngState } from '../core/prng.ts';
import type { TransportEvent, TransportState } from './transport.ts';

/** Celery's task states (celery/states.py), as the events monitor (Flower) shows them. */
export type TaskState = 'PENDING' | 'RECEIVED' | 'STARTED' | 'RETRY' | 'SUCCESS' | 'FAILURE';

/** What one execution of a task does: returns, or raises (then retry rules apply). */
export type AttemptOutcome = 'ok' | 'error';

/** How a task's executions turn out, as data: a script per attempt, or a failure rate drawn from the PRNG. */
export type TaskPlan =
  | { readonly kind: 'script'; readonly attempts: readonly AttemptOutcome[] }
  | { readonly kind: 'random'; readonly failureRate: number };

/**
 * What the task does when it raises: nothing (FAILURE at once), `raise self.retry(countdown=…)`
 * in its body, or `autoretry_for=(Exception,)` with Celery's `retry_backoff` options.
 */
export type RetryPolicy =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'countdown';
      /** `countdown` in seconds; Celery's `default_retry_delay` is 180. */
      readonly countdown: number;
      /**
       * `countdown=countdown * 2 ** self.request.retries` (slide 41's `2 ** self.request.retries`
       * with countdown 1): the body computes a doubling pause itself; absent means a fixed pause.
       */
      readonly doubling?: boolean;
      /** `self.retry(exc=exc)`: past max_retries Celery re-raises exc instead of MaxRetriesExceededError. */
      readonly passExc: boolean;
    }
  | {
      readonly kind: 'autoretry';
      /** `retry_backoff`: 0/False means no backoff; else factor int(max(1.0, x)) (Celery ≥ 5.3), True is 1. */
      readonly retryBackoff: number | boolean;
      /** `retry_backoff_max` in seconds (Celery's default 600). */
      readonly retryBackoffMax: number;
      /** `retry_jitter` (Celery's default True): full jitter, randrange(countdown + 1). */
      readonly retryJitter: boolean;
    };

/** One task type, as declared with `@app.task(...)`. */
export interface TaskDefinition {
  /** How long one execution takes on the virtual clock, ms. */
  readonly durationMs: number;
  /** `max_retries` (Celery's default 3); null means retry forever. */
  readonly maxRetries: number | null;
  /** `acks_late` (Celery's default False: the message is acked just before the task runs). */
  readonly acksLate: boolean;
  /**
   * `reject_on_worker_lost` (task_reject_on_worker_lost, default False): with acks_late, a task
   * whose pool process dies is requeued instead of acked and marked FAILURE (WorkerLostError).
   */
  readonly rejectOnWorkerLost: boolean;
  readonly retry: RetryPolicy;
  /** Name of the exception the task raises when an attempt fails. */
  readonly exception: string;
}

/** A worker node: `celery worker --concurrency=N --prefetch-multiplier=M`. */
export interface WorkerConfig {
  readonly id: string;
  readonly concurrency: number;
  /** `worker_prefetch_multiplier` (Celery's default 4; 0 means no limit). */
  readonly prefetchMultiplier: number;
}

/** A periodic task in `beat_schedule`, run every `everyS` seconds. */
export interface BeatEntry {
  readonly name: string;
  readonly task: string;
  readonly everyS: number;
}

/** Everything fixed for a run of the model. */
export interface CeleryConfig {
  readonly transport: 'redis' | 'rabbitmq';
  /** Queue name (Celery's default queue is `celery`). */
  readonly queue: string;
  /** Redis transport's `visibility_timeout` (kombu's default 3600 s), ms. */
  readonly visibilityTimeoutMs: number;
  /**
   * RabbitMQ's `consumer_timeout` (default 30 min since 3.8.17), ms; null turns it off as
   * advanced.config `{rabbit, [{consumer_timeout, undefined}]}` does. A worker holding a delivery
   * unacked this long (an ETA/countdown task, a long acks_late task) has its channel closed with
   * 406 PRECONDITION_FAILED and stops. RabbitMQ only.
   */
  readonly consumerTimeoutMs: number | null;
  readonly tasks: Readonly<Record<string, TaskDefinition>>;
  /** Workers started at time 0. */
  readonly workers: readonly WorkerConfig[];
  /** How many `celery beat` processes run (two duplicate every send). */
  readonly beatInstances: number;
  readonly beatSchedule: readonly BeatEntry[];
  /** Finished task records kept, oldest dropped first (a result backend's expiry, as a count). */
  readonly maxFinishedTasks: number;
  /** Length of the event log kept in the state. */
  readonly logCap: number;
  /**
   * Not Celery: a step that makes more events than this throws instead of running on, so a task
   * that fails at once and retries with countdown 0 forever (which never lets virtual time move)
   * cannot freeze the page or fill memory. Advance in smaller steps for a busier simulation.
   */
  readonly maxEventsPerStep: number;
}

/** A task message in the queue (the body Celery publishes). */
export interface TaskMessage {
  readonly taskId: string;
  readonly name: string;
  /** `request.retries`: 0 for the first send, +1 per retry. */
  readonly retries: number;
  /** ETA on the virtual clock (countdown), or null to run as soon as possible. */
  readonly eta: number | null;
}

/** One delivery a worker holds (prefetched, waiting for its ETA, or running). */
export interface HeldDelivery {
  readonly deliveryTag: number;
  readonly message: TaskMessage;
  readonly acked: boolean;
  readonly redelivered: boolean;
}

/** A running execution and when it ends. */
export interface Running extends HeldDelivery {
  readonly startedAt: number;
  readonly finishesAt: number;
}

/** A worker's live state. `incarnation` grows on restart so timers of a dead process are ignored. */
export interface WorkerState extends WorkerConfig {
  readonly alive: boolean;
  /**
   * While it stops after an unrecoverable error (Celery's WorkController.start → stop(), a warm
   * shutdown), the error; null otherwise. A stopping worker takes no new work and acks nothing
   * (its channel is closed); the tasks it runs finish, then it goes offline.
   */
  readonly stopping: string | null;
  readonly incarnation: number;
  /** Received, not yet started, in the order received. */
  readonly reserved: readonly HeldDelivery[];
  readonly running: readonly Running[];
}

/** What the model knows about one task id (the result backend plus the events monitor). */
export interface TaskRecord {
  readonly id: string;
  readonly name: string;
  readonly state: TaskState;
  /** `request.retries` of the latest message. */
  readonly retries: number;
  /** How many times an execution started (may exceed retries+1 after a redelivery). */
  readonly runs: number;
  /** States in order, the last 64 kept; repeated states are not recorded twice. */
  readonly history: readonly TaskState[];
  /** How many of the oldest states the cap dropped from history (0: it starts at PENDING). */
  readonly historyDropped: number;
  readonly plan: TaskPlan;
  readonly exception: string | null;
  /** An early-acked execution died with its worker: no one will ever finish it. */
  readonly lost: boolean;
}

/** Timers on the virtual clock. */
export type CeleryTimer =
  | {
      readonly kind: 'finish';
      readonly worker: string;
      readonly incarnation: number;
      readonly deliveryTag: number;
    }
  | { readonly kind: 'eta'; readonly worker: string; readonly incarnation: number }
  | { readonly kind: 'beat'; readonly instance: number; readonly entry: number };

/** The whole model state: plain data, JSON round-trips. */
export interface CeleryState {
  readonly config: CeleryConfig;
  readonly clock: ClockState<CeleryTimer>;
  readonly prng: PrngState;
  readonly transport: TransportState;
  readonly workers: readonly WorkerState[];
  /** Worker ids in the order the broker offers them the next message (round-robin / BRPOP FCFS). */
  readonly consumerOrder: readonly string[];
  readonly tasks: Readonly<Record<string, TaskRecord>>;
  /** Ids of finished (or lost) tasks, oldest first, for eviction. */
  readonly finished: readonly string[];
  readonly nextTaskNumber: number;
  readonly log: readonly CeleryEvent[];
}

/** Commands: what the app, the operator or time does. */
export type CeleryCommand =
  | {
      readonly type: 'send';
      readonly name: string;
      readonly taskId?: string;
      readonly plan?: TaskPlan;
      /** `apply_async(countdown=…)`, seconds. */
      readonly countdown?: number;
    }
  | { readonly type: 'advance'; readonly ms: number }
  | { readonly type: 'crashWorker'; readonly worker: string }
  /**
   * kill -9 (or the OOM killer) of the prefork pool process running `taskId`: the worker's main
   * process survives, keeps its broker connection and replaces the child.
   */
  | { readonly type: 'killPoolProcess'; readonly worker: string; readonly taskId: string }
  | {
      readonly type: 'startWorker';
      readonly worker: string;
      readonly concurrency?: number;
      readonly prefetchMultiplier?: number;
    };

interface TaskEventBase {
  readonly at: number;
  readonly taskId: string;
  readonly name: string;
  readonly retries: number;
}

/** Celery's task events (the names `celery events` and Flower use) plus worker and beat events. */
export type CeleryTaskEvent =
  | (TaskEventBase & { readonly type: 'task-sent'; readonly eta: number | null })
  | (TaskEventBase & {
      readonly type: 'task-received';
      readonly worker: string;
      readonly redelivered: boolean;
    })
  | (TaskEventBase & {
      readonly type: 'task-started';
      readonly worker: string;
      readonly run: number;
    })
  | (TaskEventBase & {
      readonly type: 'task-succeeded';
      readonly worker: string;
      readonly runtimeMs: number;
    })
  | (TaskEventBase & {
      readonly type: 'task-retried';
      readonly worker: string;
      readonly exception: string;
      /** The countdown Celery chose, seconds. */
      readonly countdown: number;
    })
  | (TaskEventBase & {
      readonly type: 'task-failed';
      readonly worker: string;
      readonly exception: string;
    })
  | { readonly type: 'worker-online'; readonly at: number; readonly worker: string }
  | {
      readonly type: 'worker-offline';
      readonly at: number;
      readonly worker: string;
      /** Early-acked tasks that were running: nobody will run them again. */
      readonly lostTaskIds: readonly string[];
      /** Why it stopped, when it was not killed: Celery's «Unrecoverable error: …» log line. */
      readonly error?: string;
    }
  | {
      readonly type: 'beat-sent';
      readonly at: number;
      readonly instance: number;
      readonly entry: string;
      readonly taskId: string;
    };

/** Every event the Celery model emits: Celery's own and the transport's (Redis or AMQP words). */
export type CeleryEvent = CeleryTaskEvent | TransportEvent;
