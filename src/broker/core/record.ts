/**
 * The one way the models read and copy plain records without mutating their input: every string
 * is data (a Redis key, a queue, a task id or a header named `__proto__` or `constructor` is an
 * ordinary key, never a prototype lookup or change), and a step copies what it changes
 * (`copyRecord`, `clonePlain`) and writes only into its own copy (`put`, `drop`).
 */

/** The value stored under `key`, ignoring anything inherited from Object.prototype. */
export function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * Stores `value` under `key` in a record the caller owns. Only `__proto__` is an accessor on
 * Object.prototype, so only that key needs defineProperty; plain assignment keeps the record in
 * V8's fast mode for every other key.
 */
export function put<V>(record: Record<string, V>, key: string, value: NoInfer<V>): void {
  if (key === '__proto__') {
    Object.defineProperty(record, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else record[key] = value;
}

/** Removes `key` from a record the caller owns. */
export function drop<V>(record: Record<string, V>, key: string): void {
  if (Object.prototype.hasOwnProperty.call(record, key)) delete record[key];
}

/**
 * A shallow, mutable copy that keeps own `__proto__` keys as data (an explicitly undefined value
 * is left out). A for-in loop, not `{ ...record }`: spreading a large record runs about twice as
 * slow here (the Celery bench: 5.2 k against 12.8 k steps per CPU-second).
 */
export function copyRecord<V>(record: Readonly<Record<string, V>>): Record<string, V> {
  const copy: Record<string, V> = {};
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
    const value = record[key];
    if (value !== undefined) put(copy, key, value);
  }
  return copy;
}

/** Deep copy of JSON-like data (records, arrays, primitives); own `__proto__` keys stay data. */
export function clonePlain<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clonePlain) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    put(out, key, clonePlain((value as Record<string, unknown>)[key]));
  }
  return out as T;
}
