/**
 * docs/GLOSSARY.md's «Forms to avoid» column as patterns, and the check that applies them; shared
 * by the terminology tests of the slides' prose and of the widgets' visible text.
 */

/** One avoided form and the glossary's term to use instead. */
export interface TermRule {
  /** The glossary's term, shown in the failure. */
  readonly use: string;
  readonly avoid: RegExp;
  /** Phrases where the avoided word is right (a type name, a pattern name), removed first. */
  readonly except?: RegExp;
}

/**
 * Which text is read: `prose` (slides, quiz, charts) or a `widget`'s picture, which shows
 * identifiers as the API spells them (worker1, consumer-2, retry=) and names fewer concepts.
 */
export type TermText = 'prose' | 'widget';

/** The rules for one kind of text; a widget's are the prose rules that apply to it, identifier-aware. */
export function glossaryRules(text: TermText): readonly TermRule[] {
  const prose = text === 'prose';
  // \p{L} lookarounds: JavaScript's \b does not know Cyrillic letters. In a widget, digits and
  // «-» after a word make it an identifier (worker1, consumer-2), shown as the API names it.
  const after = prose ? '\\p{L}_' : '\\p{L}\\d_-';
  const word = (body: string, flags = 'u'): RegExp =>
    new RegExp(`(?<![\\p{L}_.])(?:${body})(?![${after}])`, flags);
  const proseOnly = (rule: TermRule): TermRule[] => (prose ? [rule] : []);
  return [
    { use: 'воркер', avoid: word('[Ww]orkers?') },
    { use: 'consumer', avoid: /потребител|консьюмер/iu },
    { use: "consumer'ы / consumer'ов", avoid: word('consumers', 'iu') },
    ...proseOnly({ use: "группы consumer'ов", avoid: /consumer groups/iu }),
    { use: "apostrophe ' (consumer'а)", avoid: /(?:consumer|producer|exchange|offset)’/iu },
    { use: 'producer', avoid: /продюсер|производител(?!ьн)/iu },
    { use: "producer'ы", avoid: word('producers', 'iu') },
    {
      use: 'издатель / подписчик',
      avoid: /publisher|subscriber|паблишер/iu,
      except: /publisher confirms?/giu,
    },
    ...proseOnly({ use: 'Pub/Sub', avoid: word('pub/sub|pubsub') }),
    { use: 'exchange', avoid: /обменник|точк\p{L}* обмена|(?<!\p{L})exchanges(?!\p{L})/iu },
    { use: 'очередь', avoid: word('[Qq]ueues?'), except: /Task Queue|Message Queue/g },
    { use: 'привязка / ключ привязки', avoid: word('[Bb]indings?') },
    { use: 'routing key', avoid: /ключ\p{L}* маршрутизации|роутинг/iu },
    ...proseOnly({
      use: 'топик',
      avoid: word('[Tt]opics?'),
      except: /topic[ -]exchange|exchange типа topic|тип\p{L}* topic/giu,
    }),
    { use: 'партиция', avoid: /(?<!\p{L})partitions?(?![\p{L}_])|партишн/iu },
    { use: 'offset', avoid: /смещени/iu },
    // Celery's state name RETRY is an identifier, not prose; so is a widget's `retry=`.
    {
      use: 'повтор',
      avoid: prose
        ? /(?<![\p{L}_.])[Rr]etr(?:y|ies)(?![\p{L}_(])|ретра/u
        : /(?<![\p{L}_.])[Rr]etr(?:y|ies)(?![\p{L}_(=])|ретра/u,
    },
    { use: 'задача', avoid: /(?<!\p{L})таск/iu },
    ...proseOnly({ use: 'Redis Streams', avoid: /потоки Redis|потоков Redis/iu }),
    { use: 'at least once (без дефисов)', avoid: /at-(?:most|least)-once|exactly-once/iu },
    ...proseOnly({ use: 'endpoint', avoid: /эндпо[ий]нт/iu }),
    { use: 'кэш / хэш', avoid: /(?<!\p{L})(?:кеш|хеш)/iu },
    ...proseOnly({ use: 'подтверждение (ack)', avoid: /ак+нолидж/iu }),
  ];
}

/** Every rule `text` breaks, as «where: «found» → term», in the rules' order. */
export function termViolations(where: string, text: string, rules: readonly TermRule[]): string[] {
  return rules.flatMap((rule) => {
    const checked = rule.except ? text.replace(rule.except, ' ') : text;
    const hit = rule.avoid.exec(checked);
    return hit ? [`${where}: «${hit[0]}» → ${rule.use}`] : [];
  });
}
