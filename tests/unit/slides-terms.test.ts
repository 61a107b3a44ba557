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
import { glossaryRules, termViolations } from './glossary-terms.ts';

const TERM_RULES = glossaryRules('prose');

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
  return texts.flatMap(({ where, text }) => termViolations(where, ownProse(text), TERM_RULES));
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
