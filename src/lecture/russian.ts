/**
 * Russian words after a number and Russian lists, from the platform's CLDR data
 * (`Intl.PluralRules('ru')`, `Intl.ListFormat('ru')`) instead of `% 10` / `% 100` by hand.
 * Pure: no DOM; used by the views, the speaker window and the widgets alike.
 */

/** A word's forms after 1, after 2–4 and after 5 (and 0, 11–14): «задача», «задачи», «задач». */
export type PluralForms = readonly [one: string, few: string, many: string];

/**
 * Made on first use, not when the module loads: the page imports this module before the first
 * slide, and Chromium spends some 10–18 ms of the main thread on the first `Intl.ListFormat('ru')`
 * (loading CLDR data), ~80 % of the entry's own top-level time in a CPU profile.
 */
let rules: Intl.PluralRules | undefined;
const lists: Partial<Record<ListKind, Intl.ListFormat>> = {};
const LIST_TYPES = { and: 'conjunction', or: 'disjunction' } as const;
type ListKind = keyof typeof LIST_TYPES;

/** The form of a word after `n`: pluralWord(21, …) is the «one» form, 1.5 takes the «few» one. */
export function pluralWord(n: number, [one, few, many]: PluralForms): string {
  rules ??= new Intl.PluralRules('ru');
  switch (rules.select(n)) {
    case 'one':
      return one;
    case 'many':
      return many;
    default:
      // 'few' (2–4, 22–24…) and 'other' (fractions: «1,5 минуты»).
      return few;
  }
}

/** The number and its word: «1 балл», «3 балла», «5 баллов». */
export function countOf(n: number, forms: PluralForms): string {
  return `${n} ${pluralWord(n, forms)}`;
}

/** «A», «A и B», «A, B и C» (`or`: «A или B»). */
export function listRu(items: Iterable<string | number>, kind: ListKind = 'and'): string {
  const list = (lists[kind] ??= new Intl.ListFormat('ru', { type: LIST_TYPES[kind] }));
  return list.format([...items].map(String));
}
