import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countOf, listRu, pluralWord, type PluralForms } from '../../../src/lecture/russian.ts';

const TASKS: PluralForms = ['задача', 'задачи', 'задач'];

/** The rule the widgets wrote by hand (n % 10, n % 100), kept here only as the reference. */
function byHand(n: number, [one, few, many]: PluralForms): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

describe('Russian plurals and lists (Intl)', () => {
  it('picks the form after a number as the hand-written rule did, for 0…2000', () => {
    for (let n = 0; n <= 2000; n++) expect(pluralWord(n, TASKS), String(n)).toBe(byHand(n, TASKS));
  });

  it('says the number with its word', () => {
    const points: PluralForms = ['балл', 'балла', 'баллов'];
    expect(
      [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map((n) => countOf(n, points)),
    ).toEqual([
      '0 баллов',
      '1 балл',
      '2 балла',
      '4 балла',
      '5 баллов',
      '11 баллов',
      '12 баллов',
      '14 баллов',
      '21 балл',
      '22 балла',
      '25 баллов',
      '101 балл',
      '111 баллов',
    ]);
    // A fraction takes the genitive singular: «1.5 минуты».
    expect(countOf(1.5, ['минута', 'минуты', 'минут'])).toBe('1.5 минуты');
  });

  it('joins lists the Russian way', () => {
    expect(listRu([])).toBe('');
    expect(listRu([2])).toBe('2');
    expect(listRu([1, 4])).toBe('1 и 4');
    expect(listRu(['0', '2', '5'])).toBe('0, 2 и 5');
    expect(listRu(['Redis', 'Kafka'], 'or')).toBe('Redis или Kafka');
  });

  it('is the only place in src that works out a Russian plural (no `% 10` / `% 100` by hand)', () => {
    const src = join(import.meta.dirname, '../../../src');
    const byHandSites = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('lecture/russian.ts'))
      .filter((f) => /%\s*100?\b/.test(readFileSync(join(src, f), 'utf8')));
    expect(byHandSites).toEqual([]);
  });
});
