/**
 * Ready-made Celery stories for the slides (37–39, 41): each is a model and a scenario, so a
 * widget seeks with `stateAt(s.model, s.scenario, n)`. Titles are what the audience reads.
 */
import type { Model, Scenario } from '../core/replay.ts';
import { AUTORETRY_BACKOFF } from './config.ts';
import { celeryModelWith } from './model.ts';
import type { CeleryCommand, CeleryEvent, CeleryState } from './types.ts';

/** A model, a scenario to replay through it, and a caption. */
export interface CeleryStory {
  readonly title: string;
  readonly model: Model<CeleryState, CeleryCommand, CeleryEvent>;
  readonly scenario: Scenario<CeleryCommand>;
}

const second = (n: number): CeleryCommand => ({ type: 'advance', ms: n * 1000 });

/** autoretry_for + retry_backoff: fails three times, succeeds on the 4th run; waits 1, 2, 4 s with jitter off. */
export const retryBackoffStory: CeleryStory = {
  title: 'Повтор с экспоненциальной задержкой: 1 с, 2 с, 4 с, затем успех',
  model: celeryModelWith({
    transport: 'redis',
    tasks: { send_email: { durationMs: 500, retry: { ...AUTORETRY_BACKOFF, retryJitter: false } } },
  }),
  scenario: {
    seed: 7,
    commands: [
      {
        type: 'send',
        name: 'send_email',
        plan: { kind: 'script', attempts: ['error', 'error', 'error', 'ok'] },
      },
      ...Array.from({ length: 12 }, () => second(1)),
    ],
  },
};

/** max_retries=3 with `self.retry(countdown=2)`: the 4th failure ends in MaxRetriesExceededError. */
export const maxRetriesStory: CeleryStory = {
  title: 'max_retries=3: после четвёртой неудачи — FAILURE (MaxRetriesExceededError)',
  model: celeryModelWith({
    transport: 'rabbitmq',
    tasks: {
      charge_card: { durationMs: 300, retry: { kind: 'countdown', countdown: 2, passExc: false } },
    },
  }),
  scenario: {
    seed: 7,
    commands: [
      { type: 'send', name: 'charge_card', plan: { kind: 'script', attempts: ['error'] } },
      ...Array.from({ length: 10 }, () => second(1)),
    ],
  },
};

function crashStory(acksLate: boolean, title: string): CeleryStory {
  return {
    title,
    model: celeryModelWith({
      transport: 'rabbitmq',
      tasks: { resize_image: { durationMs: 3000, acksLate } },
      workers: [
        { id: 'worker1', concurrency: 1, prefetchMultiplier: 1 },
        { id: 'worker2', concurrency: 1, prefetchMultiplier: 1 },
      ],
    }),
    scenario: {
      seed: 1,
      commands: [
        { type: 'send', name: 'resize_image' },
        second(1),
        { type: 'crashWorker', worker: 'worker1' },
        second(1),
        second(1),
        second(1),
        second(1),
      ],
    },
  };
}

/** Early ack (the default): the worker dies mid-task and the task is lost for good. */
export const earlyAckCrashStory = crashStory(
  false,
  'acks_late=False: воркер упал во время задачи — задача потеряна',
);

/** acks_late=True: the worker dies mid-task; RabbitMQ redelivers and another worker runs it again. */
export const lateAckCrashStory = crashStory(
  true,
  'acks_late=True: воркер упал — RabbitMQ вернул задачу, её выполнил другой',
);

/** acks_late on Redis: the lost task returns only after visibility_timeout (shortened to 30 s here). */
export const redisVisibilityTimeoutStory: CeleryStory = {
  title: 'Redis и acks_late: задача вернётся только через visibility_timeout',
  model: celeryModelWith({
    transport: 'redis',
    visibilityTimeoutMs: 30_000,
    tasks: { build_report: { durationMs: 5000, acksLate: true } },
    workers: [
      { id: 'worker1', concurrency: 1, prefetchMultiplier: 1 },
      { id: 'worker2', concurrency: 1, prefetchMultiplier: 1 },
    ],
  }),
  scenario: {
    seed: 1,
    commands: [
      { type: 'send', name: 'build_report' },
      second(2),
      { type: 'crashWorker', worker: 'worker1' },
      second(10),
      second(10),
      second(10),
      second(10),
    ],
  },
};

/** celery beat every 10 s; a second beat process by mistake sends every task twice. */
export const beatStory: CeleryStory = {
  title: 'Celery Beat: задача каждые 10 с; два экземпляра beat — дубли',
  model: celeryModelWith({
    transport: 'redis',
    tasks: { cleanup: { durationMs: 200 } },
    beatInstances: 2,
    beatSchedule: [{ name: 'cleanup-every-10s', task: 'cleanup', everyS: 10 }],
  }),
  scenario: { seed: 3, commands: Array.from({ length: 6 }, () => second(5)) },
};

/** Every story, by a stable key. */
export const celeryStories = {
  retryBackoff: retryBackoffStory,
  maxRetries: maxRetriesStory,
  earlyAckCrash: earlyAckCrashStory,
  lateAckCrash: lateAckCrashStory,
  redisVisibilityTimeout: redisVisibilityTimeoutStory,
  beat: beatStory,
} as const;
