import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  captionFor,
  countdownFormula,
  declaration,
} from '../../../../src/widgets/celery-retries/caption.ts';
import {
  axisMaxFor,
  tickStepS,
  timelineOf,
} from '../../../../src/widgets/celery-retries/layout.ts';
import { replayStory, validateSetting } from '../../../../src/widgets/celery-retries/logic.ts';
import { CELERY_STEPS, CELERY_STORIES } from '../../../../src/widgets/celery-retries/story.ts';

describe('celery-retries timeline layout', () => {
  // celery/worker/strategy.py: a message with an ETA is received at once and waits on the
  // worker's timer, unacked — so the countdown is drawn on the worker that holds it.
  it('slide 41: four failed runs and three countdown waits of 1, 2 and 4 s, each on the worker holding the message', () => {
    const story = CELERY_STORIES['max-retries'];
    const frames = replayStory(story, story.settings);
    const last = frames[CELERY_STEPS]!;
    const t = timelineOf(last, axisMaxFor(last.now));
    expect(t.runs.map((r) => r.outcome)).toEqual(['error', 'error', 'error', 'error']);
    expect(t.waits.map((w) => [w.countdown, w.end - w.start])).toEqual([
      [1, 1000],
      [2, 2000],
      [4, 4000],
    ]);
    expect(t.waits.some((w) => w.lane === 'broker')).toBe(false);
    // Each wait sits on the lane of the worker that then runs the task.
    for (const w of t.waits) expect(t.runs.find((r) => r.start === w.end)?.lane).toBe(w.lane);
    // Right after a RETRY the whole countdown is drawn already, on the worker that received it.
    const retry = timelineOf(frames[3]!, 10_000);
    expect(retry.waits.at(-1)).toEqual({ lane: 'worker2', start: 500, end: 1500, countdown: 1 });
    expect(frames[3]!.stepEvents.map((e) => e.type)).toContain('task-received');
  });

  it('a killed run is marked and the redelivered one runs on worker2', () => {
    const story = CELERY_STORIES['acks'];
    const last = replayStory(story, story.settings)[CELERY_STEPS]!;
    const t = timelineOf(last, axisMaxFor(last.now));
    expect(t.runs.map((r) => [r.lane, r.outcome, r.redelivered])).toEqual([
      ['worker1', 'killed', false],
      ['worker2', 'ok', true],
    ]);
    expect(t.marks.map((m) => m.kind)).toEqual(['sent', 'crash', 'redelivered']);
  });

  it('the axis is a round number past the end and has at most 10 ticks', () => {
    expect(axisMaxFor(0)).toBe(2000);
    expect(axisMaxFor(9000)).toBe(10_000);
    expect(axisMaxFor(33_000)).toBe(45_000);
    for (const ms of [2000, 10_000, 45_000, 3_600_000, 40_000_000]) {
      expect(ms / 1000 / tickStepS(ms)).toBeLessThanOrEqual(10);
    }
  });
});

describe('celery-retries words', () => {
  it('explains each countdown by Celery’s formula', () => {
    const base = CELERY_STORIES['backoff'].settings;
    expect(countdownFormula({ ...base, jitter: false }, 2, 4)).toBe('пауза: 1·2^2 = 4 → 4 с');
    expect(countdownFormula({ ...base, backoff: 10, backoffMax: 15 }, 1, 7)).toBe(
      'пауза: случайное из [0, min(15, 20) = 15] → 7 с (retry_jitter)',
    );
    expect(countdownFormula({ ...base, retry: 'countdown', backoff: 1 }, 2, 4)).toBe(
      'countdown = 2^2 = 4 с',
    );
  });

  it('captions name the state Celery reports after each step', () => {
    const story = CELERY_STORIES['max-retries'];
    const frames = replayStory(story, story.settings);
    expect(captionFor(frames[1]!, story.task, story.settings)).toMatch(
      /charge_card\.delay\(\).*PENDING/,
    );
    expect(captionFor(frames[3]!, story.task, story.settings)).toMatch(/повтор 1 из 3.*RETRY/);
    expect(captionFor(frames[CELERY_STEPS]!, story.task, story.settings)).toMatch(
      /max_retries=3\) — FAILURE/,
    );
  });

  it('no caption calls RECEIVED a state: the worker event is named as an event, AsyncResult.state stays PENDING', () => {
    const story = CELERY_STORIES['states'];
    const frames = replayStory(story, story.settings);
    const texts = frames.map((f) => captionFor(f, story.task, story.settings));
    expect(texts.join(' ')).not.toContain('RECEIVED');
    expect(texts[2]).toBe('worker1 получил сообщение (событие task-received) — всё ещё PENDING.');
    // tasks.py's send_email: retry_backoff=True leaves retry_jitter at its default, True.
    expect(texts[4]).toMatch(/пауза: случайное из \[0, 1\] → \d с \(retry_jitter\) — RETRY\.$/);
    // Slide 41's countdown retry: the message is already with a worker, unacked until its ETA.
    const countdown = CELERY_STORIES['max-retries'];
    const retried = replayStory(countdown, countdown.settings)[3]!;
    expect(captionFor(retried, countdown.task, countdown.settings)).toContain(
      'сразу получил повтор и держит его без ack до ETA.',
    );
  });

  // kombu/transport/redis.py: visibility_timeout defaults to 3600 s; the widget shortens it.
  it('a crash on Redis says the real visibility_timeout default next to the widget’s 30 s', () => {
    const story = CELERY_STORIES['acks'];
    const settings = { ...story.settings, transport: 'redis' as const };
    const crash = replayStory(story, settings)[3]!;
    expect(captionFor(crash, story.task, settings)).toContain(
      'visibility_timeout (по умолчанию 1 ч, здесь 30 с)',
    );
  });

  it('the declaration quotes the slide’s code', () => {
    const s41 = CELERY_STORIES['max-retries'];
    expect(declaration(s41.task, s41.settings)).toBe(
      '@app.task(bind=True, max_retries=3, acks_late=True) … self.retry(exc=exc, countdown=2 ** self.request.retries)',
    );
    const s38 = CELERY_STORIES['backoff'];
    expect(declaration(s38.task, s38.settings)).toContain(
      'autoretry_for=(GatewayUnavailable,), retry_backoff=True, retry_backoff_max=600, retry_jitter=True, max_retries=5',
    );
    // Slide 37 shows tasks.py's send_email; the widget plays Celery's defaults for what it omits
    // (celery/app/task.py: max_retries = 3; autoretry.py: retry_jitter True, retry_backoff_max 600).
    const tasks = readFileSync(
      new URL('../../../../examples/celery/tasks.py', import.meta.url),
      'utf8',
    );
    expect(tasks).toContain(
      '@app.task(autoretry_for=(ConnectionError,), retry_backoff=True)\ndef send_email(',
    );
    const s37 = CELERY_STORIES['states'];
    expect(declaration(s37.task, s37.settings)).toContain(
      'autoretry_for=(ConnectionError,), retry_backoff=True, retry_backoff_max=600, retry_jitter=True, max_retries=3',
    );
  });

  it('fields accept integers in range only, with a Russian message', () => {
    expect(validateSetting('maxRetries', '3', 'max_retries')).toEqual({ ok: true, value: 3 });
    for (const bad of [
      '-1',
      '11',
      '2.5',
      'abc',
      '',
      '<img src=x onerror=alert(1)>',
      '9'.repeat(400),
    ]) {
      const r = validateSetting('maxRetries', bad, 'max_retries');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/max_retries: .*от 0 до 10/);
    }
    expect(validateSetting('backoffMax', '3600', 'cap').ok).toBe(true);
    expect(validateSetting('backoffMax', '3601', 'cap').ok).toBe(false);
  });
});

describe('celery-retries waits', () => {
  it('a message taken at once draws no wait; one returned by Redis after 30 s does', () => {
    const story = CELERY_STORIES['acks'];
    const first = replayStory(story, story.settings)[1]!;
    expect(timelineOf(first, 5000).waits).toEqual([]);
    const redis = replayStory(story, { ...story.settings, transport: 'redis' })[4]!;
    expect(timelineOf(redis, 45_000).waits).toEqual([
      { lane: 'broker', start: 1500, end: 30_000, countdown: null },
    ]);
  });
});

describe('celery-retries on RabbitMQ past consumer_timeout', () => {
  // RabbitMQ ≥ 3.8.15 closes a channel whose delivery stays unacked past consumer_timeout
  // (30 min, rabbitmq.com/docs/consumers#acknowledgement-timeout); Celery's worker then stops with
  // «Unrecoverable error: PreconditionFailed» (celery/worker/worker.py WorkController.start).
  it('a countdown longer than 30 min says RabbitMQ closed the channel, not that the worker fell', () => {
    const story = CELERY_STORIES['max-retries'];
    const settings = { ...story.settings, transport: 'rabbitmq' as const, backoff: 1000 };
    const frames = replayStory(story, settings);
    const offline = frames.flatMap((f) => f.stepEvents).find((e) => e.type === 'worker-offline');
    expect(offline && 'error' in offline ? offline.error : undefined).toMatch(/PreconditionFailed/);
    const texts = frames.map((f) => captionFor(f, story.task, settings));
    expect(texts.join(' ')).toContain('нет ack дольше consumer_timeout (30 мин)');
    expect(texts.join(' ')).not.toContain('упал посреди задачи');
  });
});
