/** Appends to a history and keeps only the last `cap` items, so memory stays bounded. */
export function appendCapped<T>(list: readonly T[], items: readonly T[], cap: number): T[] {
  const all = list.concat(items);
  return all.length > cap ? all.slice(all.length - cap) : all;
}
