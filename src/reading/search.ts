/**
 * Search across the reading view's slides and notes: case-insensitive, «ё» equals «е», and
 * ranges map back to the original text so matches can be marked where they are.
 */

import { countOf } from '../lecture/russian.ts';

/** Shortest and longest query the search accepts. */
export const MIN_QUERY = 2;
export const MAX_QUERY = 100;

/** At most this many marks per text, so a one-letter-ish query cannot flood the page. */
export const MAX_MARKS_PER_TEXT = 50;

const foldChar = (c: string): string => {
  const lower = c.toLowerCase();
  // A few characters lower-case to two code units (İ); keep them as they are so indices hold.
  if (lower.length !== c.length) return c;
  return lower === 'ё' ? 'е' : lower;
};

/** Folds text for comparison without changing its length (index i stays index i). */
export function foldForSearch(text: string): string {
  let out = '';
  for (const c of text) out += foldChar(c);
  return out;
}

/** The query as searched: trimmed, inner whitespace collapsed, folded. */
export function normalizeQuery(raw: string): string {
  return foldForSearch(raw.trim().replace(/\s+/g, ' '));
}

/** «хотя бы 2 символа»; after «не длиннее» the genitive: «1 символа», «100 символов». */
const SYMBOLS = ['символ', 'символа', 'символов'] as const;
const SYMBOLS_AFTER_THAN = ['символа', 'символов', 'символов'] as const;

/** A checked query, or the Russian message to show next to the field. */
export type QueryCheck =
  { readonly ok: true; readonly query: string } | { readonly ok: false; readonly message: string };

/** Validates what the student typed; an empty field is a valid "no search". */
export function checkQuery(raw: string): QueryCheck {
  const query = normalizeQuery(raw);
  if (query.length === 0) return { ok: true, query };
  if (query.length < MIN_QUERY)
    return { ok: false, message: `Введите хотя бы ${countOf(MIN_QUERY, SYMBOLS)}` };
  if (query.length > MAX_QUERY)
    return { ok: false, message: `Не длиннее ${countOf(MAX_QUERY, SYMBOLS_AFTER_THAN)}` };
  return { ok: true, query };
}

/** Non-overlapping [start, end) ranges of `query` (already normalised) in `text`. */
export function findMatches(
  text: string,
  query: string,
  limit: number = MAX_MARKS_PER_TEXT,
): Array<[number, number]> {
  if (query.length === 0) return [];
  const folded = foldForSearch(text);
  const ranges: Array<[number, number]> = [];
  let from = 0;
  while (ranges.length < limit) {
    const at = folded.indexOf(query, from);
    if (at < 0) break;
    ranges.push([at, at + query.length]);
    from = at + query.length;
  }
  return ranges;
}
