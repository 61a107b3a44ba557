/**
 * The clicker stories of the rabbit-acks widget as data: scenes (queue, workers, prefetch, faulty
 * tasks) and per step the actions sent to the simulation. `acks` (slide 19) shows ack, a crash
 * with redelivery, then prefetch=0 vs prefetch=1 with one slow worker; `consumer` (slide 24)
 * follows the consumer code on the slide: ack, basic_nack with a retry once, then requeue=False —
 * and as consumer.py declares the queue without a dead-letter exchange, the broker deletes the
 * message — a crash, basic_reject.
 */
import type { AcksAction, SceneSpec } from './sim.ts';
import { WIDGETS, type StoryOf } from '../../lecture/names.ts';

/** Clicker steps of every story (the catalogue entry must say the same). */
export const RABBIT_ACKS_STEPS = WIDGETS['rabbit-acks'].steps;

/** A story's name, as the slide writes it (`story=acks`). */
export type AcksStoryName = StoryOf<'rabbit-acks'>;

/** One clicker step: the scene it plays in, what happens, and a short lead for the caption. */
export interface AcksStep {
  readonly scene: SceneSpec;
  readonly actions: readonly AcksAction[];
  /** Names the point of the step; what happened is told from the simulation's events. */
  readonly lead: string;
}

/** A slide's story. */
export interface AcksStory {
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

/** `acks` (slide 19): ack, a worker crash and redelivery, then unlimited prefetch vs prefetch=1. */
export const ACKS_STORY: AcksStory = {
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

/** `consumer` (slide 24): the consumer on the slide — ack, nack with one retry, a crash, reject. */
export const CONSUMER_STORY: AcksStory = {
  start: CONSUMER_SCENE,
  steps: [
    {
      scene: CONSUMER_SCENE,
      actions: [{ type: 'publish', count: 4 }],
      lead: 'basic_qos(prefetch_count=1):',
    },
    { scene: CONSUMER_SCENE, actions: [run(1000)], lead: 'Первый сбой задачи 2:' },
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
      lead: 'Вариант не из consumer.py:',
    },
  ],
};

/** Every story by the name the slide gives it. */
export const ACKS_STORIES: Readonly<Record<AcksStoryName, AcksStory>> = {
  acks: ACKS_STORY,
  consumer: CONSUMER_STORY,
};
