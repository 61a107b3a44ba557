import { describe, expect, it } from 'vitest';
import { kafkaPartitionForKey, topicMatches } from '../../../src/broker/index.ts';
import { PARTS, type PartName } from '../../../src/lecture/names.ts';
import { checkAnswer, quizQuestions } from '../../../src/reading/quiz-data.ts';

const questions = quizQuestions();

describe('self-check questions', () => {
  it('every part of the lecture ends with at least two questions', () => {
    for (const part of Object.keys(PARTS) as PartName[]) {
      expect(questions.filter((q) => q.part === part).length, part).toBeGreaterThanOrEqual(2);
    }
  });

  it('ids are unique, every right answer is an option, single questions have exactly one', () => {
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    for (const q of questions) {
      const ids = q.options.map((o) => o.id);
      expect(new Set(ids).size, q.id).toBe(ids.length);
      expect(q.correct.length, q.id).toBeGreaterThan(0);
      for (const id of q.correct) expect(ids, q.id).toContain(id);
      if (q.kind === 'single') expect(q.correct, q.id).toHaveLength(1);
      expect(q.section, q.id).toBeGreaterThanOrEqual(1);
      expect(q.section, q.id).toBeLessThanOrEqual(42);
      expect(q.explanation.length, q.id).toBeGreaterThan(20);
    }
  });

  it('the topic-exchange question is answered by the core’s topicMatches', () => {
    const q = questions.find((x) => x.id === 'rabbit-topic');
    expect(q?.correct).toEqual(['billing', 'audit', 'eu']);
    expect(topicMatches('order.*.paid', 'order.eu.paid')).toBe(true);
    expect(questions.find((x) => x.id === 'rabbit-star')?.correct).toEqual(['no']);
  });

  it('the partition question is answered by murmur2 as Kafka’s client computes it', () => {
    const q = questions.find((x) => x.id === 'kafka-partition');
    expect(q?.correct).toEqual([String(kafkaPartitionForKey('user-42', 6))]);
    expect(q?.options).toHaveLength(6);
  });

  it('order flow, Redis glob, range assignor and Celery backoff come from the core', () => {
    const byId = (id: string) => questions.find((x) => x.id === id)?.correct;
    expect(byId('intro-sync')).toEqual(['2900']);
    expect(byId('intro-async')).toEqual(['115']);
    expect(byId('redis-glob')).toEqual(['yes']);
    expect(byId('kafka-idle')).toEqual(['1']);
    expect(byId('celery-backoff')).toEqual(['4']);
  });

  it('a check is right only for exactly the right set', () => {
    const q = questions.find((x) => x.id === 'rabbit-topic');
    if (!q) throw new Error('no question');
    expect(checkAnswer(q, ['billing', 'audit', 'eu']).right).toBe(true);
    const partial = checkAnswer(q, ['billing']);
    expect(partial).toEqual({ right: false, missing: ['audit', 'eu'], wrong: [] });
    const extra = checkAnswer(q, ['billing', 'audit', 'eu', 'legacy']);
    expect(extra.right).toBe(false);
    expect(extra.wrong).toEqual(['legacy']);
  });
});
