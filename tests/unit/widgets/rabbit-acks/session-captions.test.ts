import { describe, expect, it } from 'vitest';
import { captionFor, seconds, tasksWord } from '../../../../src/widgets/rabbit-acks/captions.ts';
import {
  RABBIT_ACKS_STEPS,
  SLIDE_19_STORY,
  SLIDE_24_STORY,
  scriptFor,
  storyForSection,
} from '../../../../src/widgets/rabbit-acks/scenarios.ts';
import { acksView } from '../../../../src/widgets/rabbit-acks/session.ts';
import { WIDGETS } from '../../../../src/lecture/names.ts';

const lead = (story: typeof SLIDE_19_STORY, n: number) => story.steps[n - 1]?.lead;

describe('rabbit-acks stories', () => {
  it('both slides have the catalogue’s step count; slide 24 gets its own story', () => {
    expect(SLIDE_19_STORY.steps).toHaveLength(RABBIT_ACKS_STEPS);
    expect(SLIDE_24_STORY.steps).toHaveLength(RABBIT_ACKS_STEPS);
    expect(WIDGETS['rabbit-acks'].steps).toBe(RABBIT_ACKS_STEPS);
    expect(storyForSection('24')).toBe(SLIDE_24_STORY);
    expect(storyForSection('19')).toBe(SLIDE_19_STORY);
    expect(storyForSection(undefined)).toBe(SLIDE_19_STORY);
  });

  it('a step replays only the steps of its own scene', () => {
    expect(scriptFor(SLIDE_19_STORY, 6).actions).toEqual(SLIDE_19_STORY.steps[5]?.actions);
    expect(scriptFor(SLIDE_19_STORY, 4).actions).toHaveLength(4);
  });

  it('slide 19: the crashed worker’s task reaches the other worker with redelivered=true', () => {
    const crash = acksView(SLIDE_19_STORY, 3);
    expect(crash.workers[0]?.up).toBe(false);
    expect(crash.ready[0]).toMatchObject({ task: 3, redelivered: true });
    const after = acksView(SLIDE_19_STORY, 4);
    expect(after.workers[1]?.held[0]).toMatchObject({ task: 3, redelivered: true, working: true });
    expect(captionFor(after, lead(SLIDE_19_STORY, 4))).toContain('redelivered=true у задачи 3');
  });

  it('slide 19: unlimited prefetch leaves the fast worker idle and finishes at 12 s, prefetch=1 at 6 s', () => {
    const unlimited = acksView(SLIDE_19_STORY, 5);
    expect(unlimited.doneAt).toBe(12_000);
    const text = captionFor(unlimited, lead(SLIDE_19_STORY, 5));
    expect(text).toContain(
      'Воркер 1 (быстрый) простаивает, а Воркер 2 (медленный) держит в буфере ещё 2.',
    );
    expect(text).toContain('готово к 12 с');
    const fair = acksView(SLIDE_19_STORY, 6);
    expect(fair.doneAt).toBe(6000);
    expect(captionFor(fair, lead(SLIDE_19_STORY, 6))).toContain('готово к 6 с');
  });

  // consumer.py declares `tasks` without x-dead-letter-exchange; RabbitMQ «Dead Letter
  // Exchanges»: with no DLX a message nacked/rejected without requeue is discarded. Recorded on
  // RabbitMQ 3.10 in tests/real/widgets-rabbitmq.test.ts.
  it('slide 24: nack with requeue once, then requeue=False deletes task 2 (the queue has no DLX); reject deletes task 5', () => {
    expect(SLIDE_24_STORY.start.deadLetterQueue).toBeNull();
    expect(captionFor(acksView(SLIDE_24_STORY, 2), undefined)).toContain(
      'basic_nack(задача 2, requeue=True)',
    );
    const third = acksView(SLIDE_24_STORY, 3);
    expect(third.dead.map((c) => c.task)).toEqual([2]);
    expect(captionFor(third, undefined)).toContain('Задача 2 удалена: у очереди нет DLX');
    expect(captionFor(third, undefined)).not.toContain('dead letter');
    const last = acksView(SLIDE_24_STORY, 6);
    expect(last.dead.map((c) => c.task)).toEqual([2, 5]);
    expect(captionFor(last, undefined)).toContain('basic_reject(задача 5, requeue=False)');
  });

  it('slide 19 keeps its dead-letter queue: its scene declares one', () => {
    expect(SLIDE_19_STORY.start.deadLetterQueue).toBe('tasks.dlq');
  });

  it('every step of both stories is deterministic and has a caption', () => {
    for (const story of [SLIDE_19_STORY, SLIDE_24_STORY]) {
      for (let n = 0; n <= RABBIT_ACKS_STEPS; n++) {
        expect(acksView(story, n)).toEqual(acksView(story, n));
        expect(captionFor(acksView(story, n), lead(story, n)).length).toBeGreaterThan(20);
      }
    }
  });

  it('says when nobody is left to work', () => {
    const view = acksView(SLIDE_19_STORY, 1, [
      { type: 'crash', worker: 'w1' },
      { type: 'crash', worker: 'w2' },
    ]);
    expect(view.doneAt).toBeNull();
    expect(captionFor(view, undefined)).toContain('ни один воркер не работает');
  });

  it('formats seconds and plurals in Russian', () => {
    expect(seconds(1500)).toBe('1,5 с');
    expect(seconds(12_000)).toBe('12 с');
    expect([1, 2, 5, 11, 21].map(tasksWord)).toEqual([
      'задача',
      'задачи',
      'задач',
      'задач',
      'задача',
    ]);
  });
});
