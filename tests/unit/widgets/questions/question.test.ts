import { describe, expect, it } from 'vitest';
import {
  MAX_CHOICES,
  MAX_QUESTION_CHARS,
  MIN_CHOICES,
  makeQuestion,
  windowAround,
} from '../../../../src/widgets/runtime/question.ts';
import { glossaryRules, termViolations } from '../../glossary-terms.ts';
import { everyQuestion } from './all-questions.ts';

describe('makeQuestion', () => {
  it('keeps the right choice, drops repeats and the right one among the wrong, at most four', () => {
    const q = makeQuestion({
      id: 't',
      text: 'Сколько?',
      right: '2',
      wrong: ['2', '1', '1', '3', '0', '4'],
      explain: 'Так.',
    });
    expect(q?.choices).toEqual(['0', '1', '2', '3']);
    expect(q?.answer).toBe(2);
  });

  it('orders choices naturally (P2 before P10), so the order never hints the answer', () => {
    const q = makeQuestion({ id: 't', text: '?', right: 'P10', wrong: ['P2', 'P9'], explain: '.' });
    expect(q?.choices).toEqual(['P2', 'P9', 'P10']);
    expect(q?.answer).toBe(2);
  });

  it('is undefined with one distinct choice: nothing to predict', () => {
    expect(makeQuestion({ id: 't', text: '?', right: 'P0', wrong: ['P0'], explain: '.' })).toBe(
      undefined,
    );
  });
});

describe('windowAround', () => {
  it('holds the answer, stays in range, and the answer is not always at one place', () => {
    const places = new Set<number>();
    for (let i = 0; i < 40; i++) {
      const w = windowAround(5, 0, 11, `q${i}`);
      expect(w).toHaveLength(4);
      expect(w).toContain(5);
      expect(Math.min(...w)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...w)).toBeLessThanOrEqual(11);
      places.add(w.indexOf(5));
    }
    expect(places.size).toBeGreaterThan(1);
    expect(windowAround(0, 0, 1, 'x')).toEqual([0, 1]);
  });
});

describe('every scripted question', () => {
  const all = everyQuestion();

  it('has a question at the chosen steps of the six central widgets and nowhere else', () => {
    expect(all.map(({ q }) => q.id)).toEqual([
      'exchange-routing/architecture/0',
      'exchange-routing/architecture/4',
      'exchange-routing/guided/0',
      'exchange-routing/topic/0',
      'exchange-routing/topic/3',
      'kafka-partitions/architecture/3',
      'kafka-partitions/producer/0',
      'kafka-partitions/producer/5',
      'redis-list-queue/list-queue/0',
      'redis-list-queue/list-queue/4',
      'redis-list-queue/list-queue/6',
      'rabbit-acks/acks/2',
      'rabbit-acks/acks/3',
      'rabbit-acks/consumer/2',
      'rabbit-acks/consumer/3',
      'celery-retries/backoff/5',
      'celery-retries/acks/2',
      'celery-retries/max-retries/5',
      'order-flow/sync/3',
      'order-flow/sync/4',
      'order-flow/async/1',
      'order-flow/async/4',
    ]);
    for (const { widget, story, step, q } of all) expect(q.id).toBe(`${widget}/${story}/${step}`);
  });

  it.each(all.map((x) => [x.q.id, x.q] as const))(
    '%s: 2–4 distinct choices, answer among them, short Russian',
    (_id, q) => {
      expect(q.choices.length).toBeGreaterThanOrEqual(MIN_CHOICES);
      expect(q.choices.length).toBeLessThanOrEqual(MAX_CHOICES);
      expect(new Set(q.choices).size).toBe(q.choices.length);
      expect(q.answer).toBeGreaterThanOrEqual(0);
      expect(q.answer).toBeLessThan(q.choices.length);
      expect([...q.text].length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
      expect(q.text).toMatch(/[а-яё]/i);
      expect(q.text.endsWith('?')).toBe(true);
      // One sentence: it ends with a full stop, and no sentence ends before it.
      expect(q.explain.endsWith('.')).toBe(true);
      expect(q.explain).not.toMatch(/[.!?]\s+[А-ЯЁA-Z]/u);
      for (const c of q.choices) expect(c.trim()).toBe(c);
      // The glossary's terms, as in every widget text (the explain too: it shows after the pick).
      const rules = glossaryRules('widget');
      const text = [q.text, ...q.choices, q.explain].join('\n');
      expect(termViolations(q.id, text, rules)).toEqual([]);
    },
  );
});
