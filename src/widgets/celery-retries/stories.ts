/**
 * The clicker stories of `celery-retries`, one per slide (37, 38, 39, 41), as data: the task,
 * the settings the slide's code implies, and for each step which Celery event ends it. The
 * model decides everything else, so a student's settings replay the same story truthfully.
 */
import type { CelerySettings, TaskSpec } from './settings.ts';
import { WIDGETS } from '../../lecture/names.ts';

/** Clicker steps of every story (one catalogue entry serves all four slides). */
export const CELERY_STEPS = WIDGETS['celery-retries'].steps;

/**
 * Where a step stops: `sent` right after `delay()`; an event type of the task (or a worker's
 * death); `end` once the task is SUCCESS or FAILURE, or nothing more can happen.
 */
export type StopAt =
  'sent' | 'task-received' | 'task-started' | 'task-retried' | 'worker-offline' | 'end';

/** A slide's story. */
export interface CeleryStory {
  readonly slide: number;
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
    throw new Error(`celery story ${s.slide}: ${CELERY_STEPS} stops ending with end`);
  return s;
}

/**
 * Slide 37: send_email as tasks.py declares it (autoretry_for=(ConnectionError,),
 * retry_backoff=True, so retry_jitter=True and max_retries=3 by Celery's defaults); SMTP fails
 * once and the retry waits a random 0…1 s.
 */
const states = story({
  slide: 37,
  seed: 37,
  task: { name: 'send_email', durationMs: 2000, exception: 'ConnectionError' },
  settings: { ...BASE, jitter: true, failures: 1 },
  stops: ['sent', 'task-received', 'task-started', 'task-retried', 'task-started', 'end'],
});

/**
 * Slide 38: refund_card as tasks.py declares it (retry_backoff, retry_jitter, max_retries=5) in
 * its app (task_acks_late=True). Seed 10 draws pauses 0, 1, 3 s under ceilings 1, 2, 4: full
 * jitter (celery/utils/time.py get_exponential_backoff_interval, randrange(countdown + 1)), where
 * seed 38 drew exactly 1, 2, 4 and looked like no jitter at all.
 */
const backoff = story({
  slide: 38,
  seed: 10,
  task: { name: 'refund_card', durationMs: 500, exception: 'GatewayUnavailable' },
  settings: { ...BASE, maxRetries: 5, jitter: true, failures: 3 },
  stops: ['sent', 'task-started', 'task-retried', 'task-retried', 'task-retried', 'end'],
});

/** Slide 39: tasks.py's app (acks_late=True, prefetch 1) over RabbitMQ; worker1 dies mid-task. */
const acks = story({
  slide: 39,
  seed: 39,
  task: { name: 'process_order', durationMs: 3000, exception: 'Exception' },
  settings: { ...BASE, transport: 'rabbitmq', retry: 'none', acksLate: true, crash: true },
  stops: ['sent', 'task-started', 'worker-offline', 'task-received', 'task-started', 'end'],
});

/** Slide 41: charge_card, self.retry(countdown=2 ** retries), max_retries=3, the gateway stays down. */
const maxRetries = story({
  slide: 41,
  seed: 41,
  task: { name: 'charge_card', durationMs: 500, exception: 'GatewayUnavailable' },
  settings: { ...BASE, retry: 'countdown', acksLate: true, failures: 4 },
  stops: ['sent', 'task-started', 'task-retried', 'task-retried', 'task-retried', 'end'],
});

/** Every story by slide number. */
export const CELERY_STORIES: Readonly<Record<number, CeleryStory>> = {
  37: states,
  38: backoff,
  39: acks,
  41: maxRetries,
};

/** The story for a slide's `data-section` (slide 37's when unknown: the plain state walk). */
export function storyForSection(section: string | undefined): CeleryStory {
  return CELERY_STORIES[Number(section)] ?? states;
}
