/**
 * The clicker stories of `celery-retries` as data (the slide names one with `story=`): the task,
 * the settings the slide's code implies, and for each step which Celery event ends it. The model
 * decides everything else, so a student's settings replay the same story truthfully. Also the
 * settings a student may change, with the limits the fields check.
 */
import { WIDGETS, type StoryOf } from '../../lecture/names.ts';

/** Clicker steps of every story (one catalogue entry serves all four slides). */
export const CELERY_STEPS = WIDGETS['celery-retries'].steps;

/** A story's name, as the slide's marker writes it. */
export type CeleryStoryName = StoryOf<'celery-retries'>;

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

/** A numeric setting. */
export type NumberKey = keyof typeof LIMITS;
/** A yes/no setting. */
export type FlagKey = 'jitter' | 'acksLate' | 'crash';

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

/**
 * Where a step stops: `sent` right after `delay()`; an event type of the task (or a worker's
 * death); `end` once the task is SUCCESS or FAILURE, or nothing more can happen.
 */
export type StopAt =
  'sent' | 'task-received' | 'task-started' | 'task-retried' | 'worker-offline' | 'end';

/** A slide's story. */
export interface CeleryStory {
  readonly name: CeleryStoryName;
  readonly seed: number;
  readonly task: TaskSpec;
  readonly settings: CelerySettings;
  /** One stop per clicker step; the last is always `end`. */
  readonly stops: readonly StopAt[];
}

/** The lecture's app (examples/celery/tasks.py): Redis broker, task_acks_late=True. */
const BASE: CelerySettings = {
  transport: 'redis',
  retry: 'autoretry',
  maxRetries: 3,
  backoff: 1,
  backoffMax: 600,
  jitter: false,
  failures: 0,
  acksLate: true,
  crash: false,
};

function story(s: CeleryStory): CeleryStory {
  if (s.stops.length !== CELERY_STEPS || s.stops[CELERY_STEPS - 1] !== 'end')
    throw new Error(`celery story ${s.name}: ${CELERY_STEPS} stops ending with end`);
  return s;
}

/** Every story by name (slides 37, 38, 39 and 41 in the lecture). */
export const CELERY_STORIES: Readonly<Record<CeleryStoryName, CeleryStory>> = {
  /**
   * Slide 37: send_email as tasks.py declares it (autoretry_for=(ConnectionError,),
   * retry_backoff=True, so retry_jitter=True and max_retries=3 by Celery's defaults); SMTP fails
   * once and the retry waits a random 0…1 s.
   */
  states: story({
    name: 'states',
    seed: 37,
    task: { name: 'send_email', durationMs: 2000, exception: 'ConnectionError' },
    settings: { ...BASE, jitter: true, failures: 1 },
    stops: ['sent', 'task-received', 'task-started', 'task-retried', 'task-started', 'end'],
  }),
  /**
   * Slide 38: refund_card as tasks.py declares it (retry_backoff, retry_jitter, max_retries=5) in
   * its app (task_acks_late=True). Seed 10 draws pauses 0, 1, 3 s under ceilings 1, 2, 4: full
   * jitter (celery/utils/time.py get_exponential_backoff_interval, randrange(countdown + 1)),
   * where seed 38 drew exactly 1, 2, 4 and looked like no jitter at all.
   */
  backoff: story({
    name: 'backoff',
    seed: 10,
    task: { name: 'refund_card', durationMs: 500, exception: 'GatewayUnavailable' },
    settings: { ...BASE, maxRetries: 5, jitter: true, failures: 3 },
    stops: ['sent', 'task-started', 'task-retried', 'task-retried', 'task-retried', 'end'],
  }),
  /** Slide 39: tasks.py's app (acks_late=True, prefetch 1) over RabbitMQ; worker1 dies mid-task. */
  acks: story({
    name: 'acks',
    seed: 39,
    task: { name: 'process_order', durationMs: 3000, exception: 'Exception' },
    settings: { ...BASE, transport: 'rabbitmq', retry: 'none', acksLate: true, crash: true },
    stops: ['sent', 'task-started', 'worker-offline', 'task-received', 'task-started', 'end'],
  }),
  /** Slide 41: charge_card, self.retry(countdown=2 ** retries), max_retries=3, the gateway stays down. */
  'max-retries': story({
    name: 'max-retries',
    seed: 41,
    task: { name: 'charge_card', durationMs: 500, exception: 'GatewayUnavailable' },
    settings: { ...BASE, retry: 'countdown', acksLate: true, failures: 4 },
    stops: ['sent', 'task-started', 'task-retried', 'task-retried', 'task-retried', 'end'],
  }),
};
