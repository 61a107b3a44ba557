import { describe, expect, it } from 'vitest';
import {
  CAPTION_BUDGET,
  caption,
  seconds,
  tasksWord,
} from '../../../../src/widgets/rabbit-acks/caption.ts';
import {
  ACKS_STORIES,
  ACKS_STORY,
  CONSUMER_STORY,
  RABBIT_ACKS_STEPS,
  type AcksStoryName,
} from '../../../../src/widgets/rabbit-acks/story.ts';
import { acksLogic, acksView } from '../../../../src/widgets/rabbit-acks/logic.ts';
import { Timeline } from '../../../../src/widgets/runtime/timeline.ts';
import { WIDGETS } from '../../../../src/lecture/names.ts';

describe('rabbit-acks stories', () => {
  it('both stories have the catalogue’s step count; the catalogue names both', () => {
    expect(ACKS_STORY.steps).toHaveLength(RABBIT_ACKS_STEPS);
    expect(CONSUMER_STORY.steps).toHaveLength(RABBIT_ACKS_STEPS);
    expect(WIDGETS['rabbit-acks'].steps).toBe(RABBIT_ACKS_STEPS);
    expect(Object.keys(ACKS_STORIES).sort()).toEqual([...WIDGETS['rabbit-acks'].stories].sort());
  });

  it('a step in a new scene starts it afresh: step 6 shows only its own 8 tasks', () => {
    expect(acksView('acks', 6).published).toBe(8);
    expect(acksView('acks', 4).published).toBe(4);
  });

  it('slide 19: the crashed worker’s task reaches the other worker with redelivered=true', () => {
    const crash = acksView('acks', 3);
    expect(crash.workers[0]?.up).toBe(false);
    expect(crash.ready[0]).toMatchObject({ task: 3, redelivered: true });
    const after = acksView('acks', 4);
    expect(after.workers[1]?.held[0]).toMatchObject({ task: 3, redelivered: true, working: true });
    expect(caption(after)).toContain('redelivered=true у задачи 3');
  });

  it('slide 19: unlimited prefetch leaves the fast worker idle and finishes at 12 s, prefetch=1 at 6 s', () => {
    const unlimited = acksView('acks', 5);
    expect(unlimited.doneAt).toBe(12_000);
    const text = caption(unlimited);
    expect(text).toContain(
      'Воркер 1 (быстрый) простаивает, а Воркер 2 (медленный) держит в буфере ещё 2.',
    );
    expect(text).toContain('готово к 12 с');
    const fair = acksView('acks', 6);
    expect(fair.doneAt).toBe(6000);
    expect(caption(fair)).toContain('готово к 6 с');
  });

  // consumer.py declares `tasks` without x-dead-letter-exchange; RabbitMQ «Dead Letter
  // Exchanges»: with no DLX a message nacked/rejected without requeue is discarded. Recorded on
  // RabbitMQ 3.10 in tests/real/widgets-rabbitmq.test.ts.
  it('slide 24: nack with requeue once, then requeue=False deletes task 2 (the queue has no DLX); reject deletes task 5', () => {
    expect(CONSUMER_STORY.start.deadLetterQueue).toBeNull();
    expect(caption(acksView('consumer', 2))).toContain('basic_nack(задача 2, requeue=True)');
    const third = acksView('consumer', 3);
    expect(third.dead.map((c) => c.task)).toEqual([2]);
    expect(caption(third)).toContain('Задача 2 удалена: у очереди нет DLX');
    expect(caption(third)).not.toContain('dead letter');
    const last = acksView('consumer', 6);
    expect(last.dead.map((c) => c.task)).toEqual([2, 5]);
    expect(caption(last)).toContain('basic_reject(задача 5, requeue=False)');
  });

  it('slide 19 keeps its dead-letter queue: its scene declares one', () => {
    expect(ACKS_STORY.start.deadLetterQueue).toBe('tasks.dlq');
  });

  it('every step of both stories is deterministic and has a caption', () => {
    for (const story of ['acks', 'consumer'] satisfies AcksStoryName[]) {
      for (let n = 0; n <= RABBIT_ACKS_STEPS; n++) {
        expect(acksView(story, n)).toEqual(acksView(story, n));
        expect(caption(acksView(story, n)).length).toBeGreaterThan(20);
      }
    }
  });

  it('every scripted caption fits two stage lines (the lead and the weightiest sentences)', () => {
    for (const story of ['acks', 'consumer'] satisfies AcksStoryName[]) {
      for (let n = 0; n <= RABBIT_ACKS_STEPS; n++) {
        expect(caption(acksView(story, n)).length).toBeLessThanOrEqual(CAPTION_BUDGET + 1);
      }
    }
  });

  it('refuses what does not fit with a Russian reason, never throws; a seek skips it with a note', () => {
    const timeline = new Timeline(acksLogic, 'acks', RABBIT_ACKS_STEPS);
    timeline.seek(1);
    const publishes = Array.from({ length: 13 }, () => timeline.act({ type: 'publish', count: 3 }));
    expect(publishes.filter(Boolean)).toEqual([expect.stringMatching(/Не больше 40 задач/)]);
    expect(timeline.act({ type: 'revive', worker: 'w1' })).toMatch(/уже работает/);
    expect(timeline.act({ type: 'crash', worker: 'w1' })).toBeUndefined();
    expect(timeline.act({ type: 'crash', worker: 'w1' })).toMatch(/уже упал/);
    expect(timeline.act({ type: 'settle', worker: 'w1', how: 'ack', requeue: false })).toMatch(
      /упал/,
    );
    expect(timeline.act({ type: 'qos', prefetch: 101 })).toMatch(/prefetch_count/);
    // At step 3 Воркер 1 has crashed already: the logged crash is skipped, not thrown.
    expect(timeline.seek(3).dropped).toEqual(['Воркер 1 уже упал.']);
  });

  it('says when nobody is left to work', () => {
    const view = acksView('acks', 1, [
      { type: 'crash', worker: 'w1' },
      { type: 'crash', worker: 'w2' },
    ]);
    expect(view.doneAt).toBeNull();
    expect(caption(view)).toContain('ни один воркер не работает');
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
