/**
 * Claims the audience reads name their source, and the false ones issue 11 found stay out:
 * every fact-check ends with «Источник:»/«Источники:» and a document or a source file, every
 * self-check question has a source, and each corrected claim reads as corrected.
 */
import { describe, expect, it } from 'vitest';
import { quizQuestions } from '../../src/reading/quiz-data.ts';
import { proseOf, readSlides } from './audience-text.ts';

const slides = readSlides();
const shown = slides.filter((s) => !s.hidden);

/** The documented marker (docs/GLOSSARY.md): a last paragraph «Источник(и): …». */
const SOURCE_LINE = /(?:^|\n\n)Источники?: (\S[^\n]{15,})$/;

const factCheck = (section: number): string => {
  const slide = slides.find((s) => s.section === section);
  if (!slide?.factCheck) throw new Error(`slide ${section} has no fact-check`);
  return slide.factCheck;
};
const body = (section: number): string =>
  proseOf(slides.find((s) => s.section === section)?.body ?? '');

describe('every claim names its source', () => {
  it('every fact-check ends with a «Источники:» paragraph that names documents or files', () => {
    const missing = shown
      .filter((s) => s.factCheck !== null)
      .filter((s) => !SOURCE_LINE.test(s.factCheck ?? ''))
      .map((s) => s.file);
    expect(missing).toEqual([]);
  });

  it('the marker is checked, not assumed: text without it or with an empty one fails', () => {
    expect(SOURCE_LINE.test('Уточнение без источника.')).toBe(false);
    expect(SOURCE_LINE.test('Текст.\n\nИсточники: ')).toBe(false);
    expect(SOURCE_LINE.test('Текст.\n\nИсточник: документация RabbitMQ «Queues»')).toBe(true);
  });

  it('every shown slide with a factual claim on it has a fact-check', () => {
    // 42 is the summary (no new claim); 20 and 21 are hidden.
    const without = shown.filter((s) => s.factCheck === null).map((s) => s.section);
    expect(without).toEqual([42]);
  });

  it('every self-check question names where to check its answer', () => {
    for (const q of quizQuestions()) expect(q.source.length, q.id).toBeGreaterThan(15);
  });
});

describe('the claims issue 11 found false stay corrected', () => {
  it('23: pika — a connection per thread, and queue_declare is an «Уточнение», not an error', () => {
    const text = factCheck(23);
    expect(text).not.toMatch(/канал на поток/);
    expect(text).toMatch(/не потокобезопасна/);
    expect(text).toMatch(/каждому потоку открывать своё соединение/);
    expect(text).toMatch(/^Уточнение: очередь создаёт queue_declare/);
    expect(text).not.toMatch(/Неточность в лекции/);
  });

  it('25: the lock is named as a departure from pika’s FAQ', () => {
    expect(factCheck(25)).toMatch(/отступление от FAQ pika/);
  });

  it('31: acks defaults are given per version (kafka-python 2.0.2 vs current, Java 3.0 / 3.2)', () => {
    const text = factCheck(31);
    expect(text).toMatch(/kafka-python 2\.0\.2[^.]*`acks=1`/);
    expect(text).toMatch(/`acks='all'` и `enable_idempotence=True`/);
    expect(text).toMatch(/3\.2\.0/);
  });

  it('32: auto-commit with in-loop processing is at least once; skips need hand-off; earliest is the oldest retained offset', () => {
    const text = factCheck(32);
    expect(text).not.toMatch(/и повторы, и пропуски/);
    expect(text).toMatch(/Это at least once/);
    expect(text).toMatch(/другим потокам/);
    expect(text).toMatch(/самой старой записи, которая ещё хранится/);
  });

  it('35 and 12: Redis Pub/Sub keeps publish order; the slide does not say otherwise', () => {
    expect(factCheck(35)).toMatch(/подписчик получает сообщения в порядке публикации/);
    expect(factCheck(12)).toMatch(/в том порядке, в каком их опубликовали/);
    expect(body(35)).toMatch(/Порядок сообщений[\s\S]*Redis[^\n]*в списке и в Pub\/Sub/);
  });

  it('35: RabbitMQ order needs one consumer and no requeue; Kafka’s needs idempotence or one request in flight', () => {
    const text = factCheck(35);
    expect(text).toMatch(/один consumer[^.]*requeue/);
    expect(text).toMatch(/max\.in\.flight\.requests\.per\.connection=1/);
  });

  it('16: an unacked message goes to another worker only when the channel closes or consumer_timeout fires', () => {
    expect(body(16)).not.toMatch(/нет ack — сообщение уйдёт другому воркеру/);
    expect(body(16)).toMatch(/закрылся канал/);
    expect(factCheck(16)).toMatch(/consumer_timeout/);
  });

  it('29: adding partitions remaps keys; partitions cannot be removed', () => {
    expect(factCheck(29)).toMatch(/порядок по ключу на этой границе нарушается/);
    expect(factCheck(29)).toMatch(/Уменьшить число партиций нельзя/);
  });

  it('27: incubator 2011, top level 2012; 7 days is the default retention, in a sentence that parses', () => {
    expect(factCheck(27)).toMatch(/2011 года проект вошёл в инкубатор Apache, 23 октября 2012/);
    expect(factCheck(27)).toMatch(/log\.retention\.hours=168/);
    expect(body(27)).not.toMatch(/хранится retention/);
    expect(body(27)).toMatch(/по умолчанию 7 дней/);
  });

  it('37, 38, 41: the Redis transport returns an unacked task only after visibility_timeout', () => {
    for (const n of [37, 38, 41]) expect(factCheck(n), `slide ${n}`).toMatch(/visibility_timeout/);
    expect(factCheck(37)).toMatch(/выполнится повторно/);
  });

  it('39 and the quiz: a killed pool process is FAILURE (WorkerLostError) unless task_reject_on_worker_lost', () => {
    expect(factCheck(39)).toMatch(/FAILURE с WorkerLostError/);
    const early = quizQuestions().find((q) => q.id === 'celery-early-ack');
    expect(early?.explanation).toMatch(/visibility_timeout/);
    expect(early?.explanation).toMatch(/task_reject_on_worker_lost/);
    expect(early?.explanation).not.toMatch(/С acks_late=True она вернётся/);
  });

  it('41: with retry_jitter (on by default) a pause is random in 0…2ⁿ', () => {
    expect(factCheck(41)).toMatch(/случайное целое от 0 до 2ⁿ/);
    expect(factCheck(41)).toMatch(/`retry_jitter` \(по умолчанию True\)/);
  });

  it('5: Redis «at most once» is qualified as Kafka’s «exactly once» is', () => {
    expect(factCheck(5)).toMatch(/LMOVE\/BLMOVE/);
    expect(factCheck(5)).toMatch(/звёздочка/);
  });
});
