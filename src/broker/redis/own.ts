/**
 * Record helpers that treat every string as data: a key named `__proto__` or `constructor` is an
 * ordinary Redis key here, never a prototype lookup or a prototype change.
 */

/** The value stored under `key`, ignoring anything inherited from Object.prototype. */
export function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Stores `value` under `key` in a record the caller owns (defineProperty: no __proto__ setter). */
export function put<V>(record: Record<string, V>, key: string, value: V): void {
  Object.defineProperty(record, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/** Removes `key` from a record the caller owns. */
export function drop<V>(record: Record<string, V>, key: string): void {
  if (Object.prototype.hasOwnProperty.call(record, key)) delete record[key];
}

/** A shallow, mutable copy that keeps own `__proto__` keys as data. */
export function copyRecord<V>(record: Readonly<Record<string, V>>): Record<string, V> {
  return { ...record };
}
