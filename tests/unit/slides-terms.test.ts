/**
 * One term per concept (docs/GLOSSARY.md): the audience-visible text of the slides, the quiz and
 * the charts uses none of the forms the glossary avoids, and captions start with a capital.
 */
import { describe, expect, it } from 'vitest';
import {
  chartTexts,
  quizTexts,
  readSlides,
  slideTexts,
  type AudienceText,
} from './audience-text.ts';

interface TermRule {
  /** The glossary's term, shown in the failure. */
  readonly use: string;
  readonly avoid: RegExp;
  /** Phrases where the avoided word is right (a type name, a pattern name), removed first. */
  readonly except?: RegExp;
}

// \p{L} lookarounds: JavaScript's \b does not know Cyrillic letters.
const word = (body: string, flags = 'u'): RegExp =>
  new RegExp(`(?<![\\p{L}_.])(?:${body})(?![\\p{L}_])`, flags);

/** The "forms to avoid" column of docs/GLOSSARY.md. */
const TERM_RULES: readonly TermRule[] = [
  { use: 'воркер', avoid: word('[Ww]orkers?') },
  { use: 'consumer', avoid: /потребител|консьюмер/iu },
  { use: "consumer'ы / consumer'ов", avoid: word('consumers', 'iu') },
  { use: "группы consumer'ов", avoid: /consumer groups/iu },
  { use: "apostrophe ' (consumer'а)", avoid: /(?:consumer|producer|exchange|offset)’/iu },
  { use: 'producer', avoid: /продюсер|производител(?!ьн)/iu },
  { use: "producer'ы", avoid: word('producers', 'iu') },
  {
    use: 'издатель / подписчик',
    avoid: /publisher|subscriber|паблишер/iu,
    except: /publisher confirms?/giu,
  },
  { use: 'Pub/Sub', avoid: word('pub/sub|pubsub') },
  { use: 'exchange', avoid: /обменник|точк\p{L}* обмена|(?<!\p{L})exchanges(?!\p{L})/iu },
  { use: 'очередь', avoid: word('[Qq]ueues?'), except: /Task Queue|Message Queue/g },
  { use: 'привязка / ключ привязки', avoid: word('[Bb]indings?') },
  { use: 'routing key', avoid: /ключ\p{L}* маршрутизации|роутинг/iu },
  {
    use: 'топик',
    avoid: word('[Tt]opics?'),
    except: /topic[ -]exchange|exchange типа topic|тип\p{L}* topic/giu,
  },
  { use: 'партиция', avoid: /(?<!\p{L})partitions?(?![\p{L}_])|партишн/iu },
  { use: 'offset', avoid: /смещени/iu },
  // Celery's state name RETRY is an identifier, not prose.
  { use: 'повтор', avoid: /(?<![\p{L}_.])[Rr]etr(?:y|ies)(?![\p{L}_(])|ретра/u },
  { use: 'задача', avoid: /(?<!\p{L})таск/iu },
  { use: 'Redis Streams', avoid: /потоки Redis|потоков Redis/iu },
  { use: 'at least once (без дефисов)', avoid: /at-(?:most|least)-once|exactly-once/iu },
  { use: 'endpoint', avoid: /эндпо[ий]нт/iu },
  { use: 'кэш / хэш', avoid: /(?<!\p{L})(?:кеш|хеш)/iu },
  { use: 'подтверждение (ack)', avoid: /ак+нолидж/iu },
];

/**
 * Document titles keep their own language: the «Источники:» line and a «…» quote with no
 * Cyrillic in it («Publisher Confirms», «Queues») are names, not our prose.
 */
const ownProse = (text: string): string =>
  text
    .replace(/(^|\n)Источники?:[^\n]*/g, ' ')
    .replace(/«[^«»\p{Script=Cyrillic}]*»/gu, ' ')
    .replace(/\([^()\p{Script=Cyrillic}]*\)/gu, ' ');

function violations(texts: readonly AudienceText[]): string[] {
  const found: string[] = [];
  for (const { where, text: raw } of texts) {
    const text = ownProse(raw);
    for (const rule of TERM_RULES) {
      const checked = rule.except ? text.replace(rule.except, ' ') : text;
      const hit = rule.avoid.exec(checked);
      if (hit) found.push(`${where}: «${hit[0]}» → ${rule.use}`);
    }
  }
  return found;
}

describe('one term per concept in what the audience sees (docs/GLOSSARY.md)', () => {
  it('the rules catch the forms they name and pass the glossary’s own terms', () => {
    const sample = (text: string) => violations([{ where: 'sample', text }]);
    expect(sample('Worker 1 упал, потребитель ждёт, продюсер шлёт')).toHaveLength(3);
    expect(sample('в Queue и через binding в Partition 0, retry через 5 с')).toHaveLength(4);
    expect(sample('consumer’а и at-least-once')).toHaveLength(2);
    expect(
      sample(
        "Воркер 1 упал; consumer'а ждёт producer; topic exchange и exchange типа topic; " +
          'Task Queue; производительность; self.retry() и retry_backoff; партиция, offset',
      ),
    ).toEqual([]);
  });

  it('slide bodies and fact-checks use the glossary’s terms', () => {
    expect(violations(slideTexts())).toEqual([]);
  });

  it('the self-check quiz uses the glossary’s terms', () => {
    // A question's source is a citation (document titles keep their language).
    const texts = quizTexts().filter((t) => !t.where.endsWith('(source)'));
    expect(violations(texts)).toEqual([]);
  });

  it('chart data, labels and footnotes use the glossary’s terms', () => {
    const texts = chartTexts();
    expect(texts.length).toBeGreaterThan(10);
    expect(violations(texts)).toEqual([]);
  });

  it('every caption on a slide starts with a capital letter', () => {
    const lower: string[] = [];
    for (const slide of readSlides()) {
      for (const m of slide.body.matchAll(/<(p|div) class="caption">\s*([^<\s])/g)) {
        const first = m[2] ?? '';
        if (first !== first.toUpperCase()) lower.push(`${slide.file}: «${first}…»`);
      }
    }
    expect(lower).toEqual([]);
  });
});
