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

/** A scene on the queue `tasks`: workers w1, w2, … with their names and seconds per task. */
function scene(
  seed: number,
  workers: readonly (readonly [name: string, seconds: number])[],
  { deadLetterQueue = DLQ, prefetch = 1, faults = {} }: Partial<SceneSpec> = {},
): SceneSpec {
  return {
    seed,
    queue: QUEUE,
    deadLetterQueue,
    workers: workers.map(([name, seconds], i) => ({
      id: `w${i + 1}`,
      name,
      msPerTask: seconds * 1000,
    })),
    prefetch,
    faults,
  };
}

/** Steps played in one scene: each its actions and its lead. */
function inScene(
  where: SceneSpec,
  ...steps: readonly (readonly [actions: readonly AcksAction[], lead: string])[]
): AcksStep[] {
  return steps.map(([actions, lead]) => ({ scene: where, actions, lead }));
}

const ACK_SCENE = scene(19, [
  ['Воркер 1', 1],
  ['Воркер 2', 2],
]);

/** The prefetch comparison: one fast and one slow worker, the same eight tasks. */
function prefetchScene(prefetch: number): SceneSpec {
  const workers = [
    ['Воркер 1 (быстрый)', 1],
    ['Воркер 2 (медленный)', 3],
  ] as const;
  return scene(190 + prefetch, workers, { prefetch });
}

const run = (ms: number): AcksAction => ({ type: 'run', ms });
const publish = (count: number): AcksAction => ({ type: 'publish', count });

/** `acks` (slide 19): ack, a worker crash and redelivery, then unlimited prefetch vs prefetch=1. */
export const ACKS_STORY: AcksStory = {
  start: ACK_SCENE,
  steps: [
    ...inScene(
      ACK_SCENE,
      [[publish(4)], 'prefetch=1, ручной ack:'],
      [[run(1000)], 'Прошла 1 с:'],
      [[{ type: 'crash', worker: 'w1' }], 'Сбой воркера:'],
      [[run(1000)], 'Ещё 1 с:'],
    ),
    ...inScene(prefetchScene(0), [[publish(8), run(4000)], 'prefetch=0 (без лимита), 4 с спустя:']),
    ...inScene(prefetchScene(1), [
      [publish(8), run(4000)],
      'prefetch=1, те же 8 задач, 4 с спустя:',
    ]),
  ],
};

const CONSUMER_SCENE = scene(
  24,
  [
    ['Воркер 1', 1],
    ['Воркер 2', 1],
  ],
  {
    // examples/rabbitmq/consumer.py: queue_declare(queue=QUEUE, durable=True), no x-dead-letter-exchange.
    deadLetterQueue: null,
    // Task 2 makes the callback raise; task 5 is not JSON at all.
    faults: { 2: 'error', 5: 'invalid' },
  },
);

/** `consumer` (slide 24): the consumer on the slide — ack, nack with one retry, a crash, reject. */
export const CONSUMER_STORY: AcksStory = {
  start: CONSUMER_SCENE,
  steps: inScene(
    CONSUMER_SCENE,
    [[publish(4)], 'basic_qos(prefetch_count=1):'],
    [[run(1000)], 'Первый сбой задачи 2:'],
    [[run(1000)], 'Второй сбой той же задачи:'],
    [[{ type: 'crash', worker: 'w1' }], 'Сбой процесса:'],
    [
      [{ type: 'revive', worker: 'w1' }, run(1000)],
      'Задача 4 пришла повторно — callback проверяет task_id:',
    ],
    [[publish(1), run(1000)], 'Вариант не из consumer.py:'],
  ),
};

/** Every story by the name the slide gives it. */
export const ACKS_STORIES: Readonly<Record<AcksStoryName, AcksStory>> = {
  acks: ACKS_STORY,
  consumer: CONSUMER_STORY,
};
