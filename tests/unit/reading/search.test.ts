import { describe, expect, it } from 'vitest';
import {
  MAX_MARKS_PER_TEXT,
  checkQuery,
  findMatches,
  foldForSearch,
  normalizeQuery,
} from '../../../src/reading/search.ts';

describe('reading view search', () => {
  it('folds case and ё without moving indices', () => {
    expect(foldForSearch('Ёлка и ЁЖ')).toBe('елка и еж');
    expect(foldForSearch('İx').length).toBe('İx'.length);
  });

  it('finds every match case-insensitively, ranges in the original text', () => {
    const text = 'Prefetch и prefetch_count: PREFETCH';
    const ranges = findMatches(text, normalizeQuery('prefetch'));
    expect(ranges).toEqual([
      [0, 8],
      [11, 19],
      [27, 35],
    ]);
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(['Prefetch', 'prefetch', 'PREFETCH']);
  });

  it('matches «ё» typed as «е» and the other way round', () => {
    expect(findMatches('Подтверждённые сообщения', normalizeQuery('подтвержденные'))).toHaveLength(
      1,
    );
    expect(findMatches('подтвержденные', normalizeQuery('подтверждённые'))).toHaveLength(1);
  });

  it('caps the marks per text so a frequent query cannot flood the page', () => {
    expect(findMatches('ab'.repeat(10_000), 'ab')).toHaveLength(MAX_MARKS_PER_TEXT);
  });

  it('validates the query with Russian messages; empty means no search', () => {
    expect(checkQuery('   ')).toEqual({ ok: true, query: '' });
    expect(checkQuery('a')).toEqual({ ok: false, message: 'Введите хотя бы 2 символа' });
    expect(checkQuery('x'.repeat(101))).toEqual({ ok: false, message: 'Не длиннее 100 символов' });
    expect(checkQuery('  Topic   Exchange ')).toEqual({ ok: true, query: 'topic exchange' });
  });
});
