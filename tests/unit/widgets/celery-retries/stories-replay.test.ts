import { describe, expect, it } from 'vitest';
import { celeryModelWith, type CeleryEvent } from '../../../../src/broker/celery/index.ts';
import { storyOf } from '../../../../src/lecture/names.ts';
import {
  modelOptions,
  planFor,
  replayStory,
  taskStateAfter,
  TASK_ID,
} from '../../../../src/widgets/celery-retries/logic.ts';
import {
  CELERY_STEPS,
  CELERY_STORIES,
  type CelerySettings,
  type CeleryStoryName,
} from '../../../../src/widgets/celery-retries/story.ts';

const states = (name: CeleryStoryName, patch: Partial<CelerySettings> = {}) => {
  const story = CELERY_STORIES[name];
  return replayStory(story, { ...story.settings, ...patch }).map((f) => f.taskState);
};
const countdowns = (events: readonly CeleryEvent[]) =>
  events.flatMap((e) => (e.type === 'task-retried' ? [e.countdown] : []));
/** Slide 38's story with retry_jitter=False: pauses 1, 2, 4 (Celery's factor·2^retries). */
const states38NoJitter = () => {
  const story = CELERY_STORIES['backoff'];
  return replayStory(story, { ...story.settings, jitter: false })[CELERY_STEPS]!.events;
};

describe('celery-retries stories', () => {
  it('every story has CELERY_STEPS stops; a slot naming none gets the states story', () => {
    for (const [name, story] of Object.entries(CELERY_STORIES)) {
      expect(story.name).toBe(name);
      expect(replayStory(story, story.settings)).toHaveLength(CELERY_STEPS + 1);
    }
    expect(storyOf('celery-retries', undefined)).toBe('states');
  });

  // AsyncResult.state never says RECEIVED: celery/states.py «RECEIVED … (only used in events)»;
  // STARTED is stored because tasks.py sets task_track_started=True (celery/app/trace.py).
  it('slide 37: AsyncResult.state stays PENDING when the worker receives it, then STARTED → RETRY → STARTED → SUCCESS', () => {
    expect(states('states')).toEqual([
      null,
      'PENDING',
      'PENDING',
      'STARTED',
      'RETRY',
      'STARTED',
      'SUCCESS',
    ]);
  });

  it('slide 41: charge_card waits 1, 2, 4 s and fails after max_retries=3', () => {
    const story = CELERY_STORIES['max-retries'];
    const frames = replayStory(story, story.settings);
    expect(frames.map((f) => f.taskState)).toEqual([
      null,
      'PENDING',
      'STARTED',
      'RETRY',
      'RETRY',
      'RETRY',
      'FAILURE',
    ]);
    expect(countdowns(frames[6]!.events)).toEqual([1, 2, 4]);
    const failed = frames[6]!.events.find((e) => e.type === 'task-failed');
    expect(failed?.type === 'task-failed' && failed.exception).toBe('GatewayUnavailable');
  });

  // celery/utils/time.py get_exponential_backoff_interval: countdown = min(maximum, factor·2^retries),
  // then with full_jitter random.randrange(countdown + 1) — any whole second in 0…2^retries.
  it('slide 38: jittered pauses are drawn from [0, 2^retries], three retries, then SUCCESS', () => {
    const story = CELERY_STORIES['backoff'];
    const last = replayStory(story, story.settings)[CELERY_STEPS]!;
    const drawn = countdowns(last.events);
    expect(drawn).toHaveLength(3);
    // The story must show jitter: not the 1, 2, 4 that retry_jitter=False would give.
    expect(drawn).toEqual([0, 1, 3]);
    expect(drawn).not.toEqual(countdowns(states38NoJitter()));
    drawn.forEach((c, r) => {
      expect(Number.isInteger(c)).toBe(true);
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(2 ** r);
    });
    expect(last.taskState).toBe('SUCCESS');
  });

  it('slide 38 runs in the lecture app’s config: acks_late=True as tasks.py sets task_acks_late', () => {
    for (const story of Object.values(CELERY_STORIES)) expect(story.settings.acksLate).toBe(true);
  });

  it('the cap: retry_backoff=10, retry_backoff_max=15 gives 10, 15, 15 without jitter', () => {
    const story = CELERY_STORIES['backoff'];
    const last = replayStory(story, {
      ...story.settings,
      backoff: 10,
      backoffMax: 15,
      jitter: false,
    })[CELERY_STEPS]!;
    expect(countdowns(last.events)).toEqual([10, 15, 15]);
  });

  it('slide 39: with acks_late RabbitMQ redelivers to worker2 at once; early ack loses the task', () => {
    const story = CELERY_STORIES['acks'];
    const late = replayStory(story, story.settings);
    expect(late.map((f) => f.taskState)).toEqual([
      null,
      'PENDING',
      'STARTED',
      'STARTED',
      // Redelivered and received by worker2: a worker event; the backend still says STARTED.
      'STARTED',
      'STARTED',
      'SUCCESS',
    ]);
    const again = late[4]!.stepEvents.find((e) => e.type === 'task-received');
    expect(again?.type === 'task-received' && [again.worker, again.redelivered]).toEqual([
      'worker2',
      true,
    ]);
    const early = replayStory(story, { ...story.settings, acksLate: false });
    expect(early[3]!.lost).toBe(true);
    expect(early[CELERY_STEPS]!.taskState).toBe('STARTED');
    expect(early[CELERY_STEPS]!.idle).toBe(true);
  });

  it('on Redis an acks_late task comes back only after visibility_timeout (30 s here)', () => {
    const story = CELERY_STORIES['acks'];
    const frames = replayStory(story, { ...story.settings, transport: 'redis' });
    const back = frames[4]!.stepEvents.find((e) => e.type === 'task-received');
    expect(back?.at).toBe(30_000);
    expect(frames[CELERY_STEPS]!.taskState).toBe('SUCCESS');
  });

  it('max_retries decides: SUCCESS iff failures ≤ max_retries, retries = min(failures, max)', () => {
    const story = CELERY_STORIES['max-retries'];
    for (let failures = 0; failures <= 4; failures++) {
      for (let maxRetries = 0; maxRetries <= 4; maxRetries++) {
        const last = replayStory(story, { ...story.settings, failures, maxRetries })[CELERY_STEPS]!;
        expect(last.taskState).toBe(failures <= maxRetries ? 'SUCCESS' : 'FAILURE');
        expect(countdowns(last.events)).toHaveLength(Math.min(failures, maxRetries));
      }
    }
  });

  it('the last frame agrees with the core’s own task record and is deterministic', () => {
    for (const story of Object.values(CELERY_STORIES)) {
      const frames = replayStory(story, story.settings);
      expect(replayStory(story, story.settings)).toEqual(frames);
      // The same commands straight through the model end in the same state.
      const model = celeryModelWith(modelOptions(story.task, story.settings));
      let state = model.init(story.seed);
      state = model.step(state, {
        type: 'send',
        name: story.task.name,
        taskId: TASK_ID,
        plan: planFor(story.settings),
      }).state;
      const last = frames[CELERY_STEPS]!;
      expect(taskStateAfter(last.events)).toBe(last.taskState);
      if (!story.settings.crash) {
        state = model.step(state, { type: 'advance', ms: last.now }).state;
        expect(state.tasks[TASK_ID]?.state).toBe(last.taskState);
      }
    }
  });
});

describe('a crash on top of retries', () => {
  it('the killed run is not one of the «failures before success»', () => {
    const story = CELERY_STORIES['max-retries'];
    const last = replayStory(story, { ...story.settings, crash: true, failures: 2, maxRetries: 3 })[
      CELERY_STEPS
    ]!;
    expect(last.taskState).toBe('SUCCESS');
    expect(countdowns(last.events)).toHaveLength(2);
    expect(last.events.filter((e) => e.type === 'task-started')).toHaveLength(4);
  });
});
