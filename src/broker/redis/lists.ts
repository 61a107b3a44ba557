/**
 * List commands: LPUSH, RPUSH, LPOP, RPOP (with count), LRANGE, LLEN, LMOVE, LREM. A list that
 * becomes empty is deleted, as in Redis; a push signals clients blocked on the key.
 */
import { WRONGTYPE, type Draft } from './draft.ts';
import { NOT_AN_INTEGER, parseInt64 } from './integers.ts';
import type { CommandOf, ListEnd, RedisCommand, RedisReply } from './types.ts';

type Cmd<T extends RedisCommand['type']> = CommandOf<T>;

/** Marks a key that holds another type than a list. */
export const OTHER_TYPE = 'other type';

/** The live list at `key`, OTHER_TYPE for another type, undefined when missing. */
export function listAt(d: Draft, key: string): readonly string[] | typeof OTHER_TYPE | undefined {
  const value = d.lookup(key);
  if (!value) return undefined;
  return value.type === 'list' ? value.items : OTHER_TYPE;
}

/** Pushes values one by one at `end` (so LPUSH a b c leaves c at the head); returns the length. */
export function pushValues(d: Draft, key: string, values: readonly string[], end: ListEnd): number {
  const old = d.lookup(key);
  const items = old?.type === 'list' ? old.items : [];
  const next = end === 'LEFT' ? values.slice().reverse().concat(items) : items.concat(values);
  d.store(key, { type: 'list', items: next }, true);
  d.signalReady(key);
  return next.length;
}

/** Pops up to `count` elements from a list known to exist; deletes it when emptied. */
export function popValues(d: Draft, key: string, end: ListEnd, count = 1): string[] {
  const value = d.lookup(key);
  if (value?.type !== 'list') return [];
  const items = value.items;
  const n = Math.min(count, items.length);
  const taken = end === 'LEFT' ? items.slice(0, n) : items.slice(items.length - n).reverse();
  const rest = end === 'LEFT' ? items.slice(n) : items.slice(0, items.length - n);
  if (rest.length === 0) d.remove(key);
  else d.store(key, { type: 'list', items: rest }, true);
  return taken;
}

/** LPUSH/RPUSH key value...: the length after the push. */
export function push(d: Draft, cmd: Cmd<'LPUSH' | 'RPUSH'>): RedisReply {
  if (listAt(d, cmd.key) === OTHER_TYPE) return WRONGTYPE;
  return pushValues(d, cmd.key, cmd.values, cmd.type === 'LPUSH' ? 'LEFT' : 'RIGHT');
}

/** LPOP/RPOP key [count]: an element, or an array when a count is given; nil when missing. */
export function pop(d: Draft, client: string, cmd: Cmd<'LPOP' | 'RPOP'>): RedisReply {
  let count: number | undefined;
  if (cmd.count !== undefined) {
    const n = parseInt64(cmd.count);
    if (n === undefined || n < 0n) return { error: 'ERR value is out of range, must be positive' };
    count = Number(n);
  }
  const list = listAt(d, cmd.key);
  if (list === undefined) return null;
  if (list === OTHER_TYPE) return WRONGTYPE;
  const end = cmd.type === 'LPOP' ? 'LEFT' : 'RIGHT';
  if (count === undefined) {
    const [value] = popValues(d, cmd.key, end);
    if (value !== undefined) d.updateClient(client, { task: { value, queue: cmd.key } });
    return value ?? null;
  }
  return popValues(d, cmd.key, end, count);
}

/** LRANGE key start stop, with Redis's negative indexes and clamping. */
export function lrange(d: Draft, cmd: Cmd<'LRANGE'>): RedisReply {
  const start = parseInt64(cmd.start);
  const stop = parseInt64(cmd.stop);
  if (start === undefined || stop === undefined) return { error: NOT_AN_INTEGER };
  const list = listAt(d, cmd.key);
  if (list === undefined) return [];
  if (list === OTHER_TYPE) return WRONGTYPE;
  const len = BigInt(list.length);
  let from = start < 0n ? len + start : start;
  let to = stop < 0n ? len + stop : stop;
  if (from < 0n) from = 0n;
  if (from > to || from >= len) return [];
  if (to >= len) to = len - 1n;
  return list.slice(Number(from), Number(to) + 1);
}

/** LLEN key: 0 when missing. */
export function llen(d: Draft, cmd: Cmd<'LLEN'>): RedisReply {
  const list = listAt(d, cmd.key);
  if (list === undefined) return 0;
  return list === OTHER_TYPE ? WRONGTYPE : list.length;
}

/**
 * Moves one element from `source` to `destination` (the reliable-queue step). Returns the
 * element, nil when the source is empty, or WRONGTYPE (destination checked only when there is
 * something to move, as lmoveGenericCommand does).
 */
export function moveOne(
  d: Draft,
  source: string,
  destination: string,
  from: ListEnd,
  to: ListEnd,
): RedisReply {
  const list = listAt(d, source);
  if (list === undefined) return null;
  if (list === OTHER_TYPE || listAt(d, destination) === OTHER_TYPE) return WRONGTYPE;
  const [value] = popValues(d, source, from);
  if (value === undefined) return null;
  pushValues(d, destination, [value], to);
  return value;
}

/** LMOVE source destination LEFT|RIGHT LEFT|RIGHT. */
export function lmove(d: Draft, client: string, cmd: Cmd<'LMOVE'>): RedisReply {
  const reply = moveOne(d, cmd.source, cmd.destination, cmd.from, cmd.to);
  if (typeof reply === 'string') {
    d.updateClient(client, {
      task: { value: reply, queue: cmd.source, processingList: cmd.destination },
    });
  }
  return reply;
}

/** LREM key count value: count > 0 from the head, < 0 from the tail, 0 all; how many removed. */
export function lrem(d: Draft, cmd: Cmd<'LREM'>): RedisReply {
  const n = parseInt64(cmd.count);
  if (n === undefined) return { error: NOT_AN_INTEGER };
  const list = listAt(d, cmd.key);
  if (list === undefined) return 0;
  if (list === OTHER_TYPE) return WRONGTYPE;
  const limit = n === 0n ? Infinity : Number(n < 0n ? -n : n);
  const ordered = n < 0n ? list.slice().reverse() : list.slice();
  const kept: string[] = [];
  let removed = 0;
  for (const item of ordered) {
    if (item === cmd.value && removed < limit) removed++;
    else kept.push(item);
  }
  if (n < 0n) kept.reverse();
  if (kept.length === 0) d.remove(cmd.key);
  else if (removed > 0) d.store(cmd.key, { type: 'list', items: kept }, true);
  return removed;
}
