/**
 * The working copy a step mutates: `step` deep-copies the (plain-data) state once, handlers edit
 * the copy in place and collect events, so the caller's state is never touched.
 */
import type { ClockState } from '../core/clock.ts';
import { nextUint32 } from '../core/prng.ts';
import type { RabbitEvent } from './events.ts';
import type { RabbitState } from './types.ts';

/** A deeply mutable view of plain data (tuples such as the PRNG state and the clock are replaced whole). */
export type Draft<T> = T extends readonly [unknown, ...unknown[]] | ClockState<unknown>
  ? T
  : T extends readonly (infer U)[]
    ? Draft<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: Draft<T[K]> }
      : T;

/** A step in progress: the mutable copy and the events produced so far. */
export interface Ctx {
  readonly s: Draft<RabbitState>;
  readonly events: RabbitEvent[];
  /**
   * Copies with TTL 0 that entered a queue during this step: RabbitMQ hands such a copy to a
   * consumer that has credit at that moment and expires it only otherwise.
   */
  readonly fresh: Set<number>;
}

export { own, put, drop, clonePlain } from '../core/record.ts';

const NAME_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A server-generated name like RabbitMQ's `amq.gen-…` / `amq.ctag-…`, drawn from the seeded PRNG. */
export function generateName(ctx: Ctx, prefix: string): string {
  let name = prefix;
  let prng = ctx.s.prng;
  for (let i = 0; i < 22; i++) {
    const [n, next] = nextUint32(prng);
    prng = next;
    name += NAME_ALPHABET[n & 63];
  }
  ctx.s.prng = prng;
  return name;
}
