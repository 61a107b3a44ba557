/** Appends to a history and keeps only the last `cap` items, so memory stays bounded. */
export function appendCapped<T>(list: readonly T[], items: readonly T[], cap: number): T[] {
  const drop = list.length + items.length - cap;
  if (drop <= 0) return list.concat(items);
  // One copy, not concat-then-slice: this runs on every step of every model.
  if (drop >= list.length) return items.slice(items.length - cap);
  return list.slice(drop).concat(items);
}
