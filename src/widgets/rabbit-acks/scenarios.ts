/**
 * The clicker stories of the rabbit-acks widget as data: scenes (queue, workers, prefetch, faulty
 * tasks) and per step the actions sent to the simulation. Slide 19 shows ack, a crash with
 * redelivery, then prefetch=0 vs prefetch=1 with one slow worker; slide 24 follows the consumer code
 * on the slide: ack, basic_nack with a retry once, then requeue=False — and as consumer.py declares
 * the queue without a dead-letter exchange, the broker deletes the message — a crash, basic_reject.
 */
import type { AcksAction, SceneSpec } from './sim.ts';
import { WIDGETS } from '../../lecture/names.ts';

/** Clicker steps of every story (the catalogue entry must say the same). */
export const RABBIT_ACKS_STEPS = WIDGETS['rabbit-acks'].steps;

/** One clicker step: the scene it plays in, what happens, and a short lead for the caption. */
export interface AcksStep {
  readonly scene: SceneSpec;
  readonly actions: readonly AcksAction[];
  /** Names the point of the step; what happened is told from the simulation's events. */
  readonly lead: string;
}

/** A slide's story. */
export interface AcksStory {
  readonly section: string;
  /** The scene before the first step (step 0). */
  readonly start: SceneSpec;
  readonly steps: readonly AcksStep[];
}

const QUEUE = 'tasks';
const DLQ = 'tasks.dlq';

const ACK_SCENE: SceneSpec = {
  seed: 19,
  queue: QUEUE,
  deadLetterQueue: DLQ,
  workers: [
    { id: 'w1', name: 'Воркер 1', msPerTask: 1000 },
    { id: 'w2', name: 'Воркер 2', msPerTask: 2000 },
  ],
  prefetch: 1,
  faults: {},
};

/** The prefetch comparison: one fast and one slow worker, the same eight tasks. */
function prefetchScene(prefetch: number): SceneSpec {
  return {
    seed: 190 + prefetch,
    queue: QUEUE,
    deadLetterQueue: DLQ,
    workers: [
      { id: 'w1', name: 'Воркер 1 (быстрый)', msPerTask: 1000 },
      { id: 'w2', name: 'Воркер 2 (медленный)', msPerTask: 3000 },
    ],
    prefetch,
    faults: {},
  };
}

const run = (ms: number): AcksAction => ({ type: 'run', ms });

/** Slide 19: ack, a worker crash and redelivery, then unlimited prefetch vs prefetch=1. */
export const SLIDE_19_STORY: AcksStory = {
  section: '19',
  start: ACK_SCENE,
  steps: [
    {
      scene: ACK_SCENE,
      actions: [{ type: 'publish', count: 4 }],
      lead: 'prefetch=1, ручной ack:',
    },
    { scene: ACK_SCENE, actions: [run(1000)], lead: 'Прошла 1 с:' },
    {
      scene: ACK_SCENE,
      actions: [{ type: 'crash', worker: 'w1' }],
      lead: 'Сбой воркера:',
    },
    { scene: ACK_SCENE, actions: [run(1000)], lead: 'Ещё 1 с:' },
    {
      scene: prefetchScene(0),
      actions: [{ type: 'publish', count: 8 }, run(4000)],
      lead: 'prefetch=0 (без лимита), 4 с спустя:',
    },
    {
      scene: prefetchScene(1),
      actions: [{ type: 'publish', count: 8 }, run(4000)],
      lead: 'prefetch=1, те же 8 задач, 4 с спустя:',
    },
  ],
};

const CONSUMER_SCENE: SceneSpec = {
  seed: 24,
  queue: QUEUE,
  // examples/rabbitmq/consumer.py: queue_declare(queue=QUEUE, durable=True), no x-dead-letter-exchange.
  deadLetterQueue: null,
  workers: [
    { id: 'w1', name: 'Воркер 1', msPerTask: 1000 },
    { id: 'w2', name: 'Воркер 2', msPerTask: 1000 },
  ],
  prefetch: 1,
  // Task 2 makes the callback raise; task 5 is not JSON at all.
  faults: { 2: 'error', 5: 'invalid' },
};

/** Slide 24: the consumer on the slide — ack, nack with one retry, DLQ, a crash, reject. */
export const SLIDE_24_STORY: AcksStory = {
  section: '24',
  start: CONSUMER_SCENE,
  steps: [
    {
      scene: CONSUMER_SCENE,
      actions: [{ type: 'publish', count: 4 }],
      lead: 'basic_qos(prefetch_count=1):',
    },
    { scene: CONSUMER_SCENE, actions: [run(1000)], lead: 'Задача 2 падает в callback:' },
    { scene: CONSUMER_SCENE, actions: [run(1000)], lead: 'Второй сбой той же задачи:' },
    {
      scene: CONSUMER_SCENE,
      actions: [{ type: 'crash', worker: 'w1' }],
      lead: 'Сбой процесса:',
    },
    {
      scene: CONSUMER_SCENE,
      actions: [{ type: 'revive', worker: 'w1' }, run(1000)],
      lead: 'Задача 4 пришла повторно — callback проверяет task_id:',
    },
    {
      scene: CONSUMER_SCENE,
      actions: [{ type: 'publish', count: 1 }, run(1000)],
      lead: 'Другой вариант (не из consumer.py) — basic_reject без повтора, задача 5 не JSON:',
    },
  ],
};

/** The story for a slide's `data-section` (slide 19's when unknown). */
export function storyForSection(section: string | undefined): AcksStory {
  return section === '24' ? SLIDE_24_STORY : SLIDE_19_STORY;
}

/** The actions that lead to step n: the steps so far that share step n's scene, in order. */
export function scriptFor(
  story: AcksStory,
  step: number,
): { scene: SceneSpec; actions: AcksAction[] } {
  const n = Math.max(0, Math.min(story.steps.length, Math.floor(step)));
  if (n === 0) return { scene: story.start, actions: [] };
  const scene = (story.steps[n - 1] as AcksStep).scene;
  const actions: AcksAction[] = [];
  for (const s of story.steps.slice(0, n)) {
    if (s.scene !== scene) actions.length = 0;
    else actions.push(...s.actions);
  }
  return { scene, actions };
}
