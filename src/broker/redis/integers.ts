/**
 * Number parsing as Redis does it, so a typed "abc" or " 10" gets Redis's own error reply.
 */
import type { IntArg } from './types.ts';

/** Redis's reply for an argument that is not a 64-bit integer. */
export const NOT_AN_INTEGER = 'ERR value is not an integer or out of range';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** An argument as it travels on the wire. */
export function argText(arg: IntArg): string {
  return typeof arg === 'number' ? String(arg) : arg;
}

/**
 * Redis's string2ll: optional '-', no '+', no leading zeros, no spaces, no "-0", within int64.
 * Returns undefined when Redis would reply NOT_AN_INTEGER.
 */
export function parseInt64(arg: IntArg): bigint | undefined {
  const text = argText(arg);
  if (text.length === 0 || text.length > 20) return undefined;
  if (!/^(0|-?[1-9][0-9]*)$/.test(text)) return undefined;
  const value = BigInt(text);
  return value < INT64_MIN || value > INT64_MAX ? undefined : value;
}

/** Whether a bigint fits Redis's signed 64-bit integers. */
export function fitsInt64(value: bigint): boolean {
  return value >= INT64_MIN && value <= INT64_MAX;
}

/** A blocking timeout in ms, or Redis's error text (getTimeoutFromObjectOrReply, unit seconds). */
export function parseTimeoutMs(arg: IntArg): number | string {
  const text = argText(arg);
  // strtold accepts decimal floats with an exponent; Redis rejects leading spaces and trailing junk.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    return 'ERR timeout is not a float or out of range';
  }
  const seconds = Number(text);
  if (seconds < 0) return 'ERR timeout is negative';
  if (!Number.isFinite(seconds) || seconds * 1000 > Number.MAX_SAFE_INTEGER) {
    return 'ERR timeout is out of range';
  }
  // Redis truncates the product to whole milliseconds.
  return Math.trunc(seconds * 1000);
}
