/**
 * Hash commands. Fields keep insertion order and an update keeps its place, as a small hash's
 * listpack does (Redis converts a hash past 128 fields or 64-byte values to a hash table, whose
 * order is arbitrary; the model keeps insertion order throughout).
 */
import { WRONGTYPE, type Draft } from './draft.ts';
import type { CommandOf, RedisCommand, RedisReply } from './types.ts';

type Cmd<T extends RedisCommand['type']> = CommandOf<T>;

/** HSET key field value [field value ...]: the number of fields that were new. */
export function hset(d: Draft, cmd: Cmd<'HSET'>): RedisReply {
  const old = d.lookup(cmd.key);
  if (old && old.type !== 'hash') return WRONGTYPE;
  const entries = old ? old.entries.slice() : [];
  let added = 0;
  for (const [field, value] of cmd.fields) {
    const i = entries.findIndex(([f]) => f === field);
    if (i >= 0) entries[i] = [field, value];
    else {
      entries.push([field, value]);
      added++;
    }
  }
  d.store(cmd.key, { type: 'hash', entries }, true);
  return added;
}

/** HGET key field. */
export function hget(d: Draft, cmd: Cmd<'HGET'>): RedisReply {
  const value = d.lookup(cmd.key);
  if (!value) return null;
  if (value.type !== 'hash') return WRONGTYPE;
  return value.entries.find(([f]) => f === cmd.field)?.[1] ?? null;
}

/** HGETALL key: field, value, field, value… in the hash's order; [] when missing. */
export function hgetall(d: Draft, cmd: Cmd<'HGETALL'>): RedisReply {
  const value = d.lookup(cmd.key);
  if (!value) return [];
  if (value.type !== 'hash') return WRONGTYPE;
  return value.entries.flat();
}

/** HDEL key field...: how many fields were removed; an emptied hash is deleted. */
export function hdel(d: Draft, cmd: Cmd<'HDEL'>): RedisReply {
  const value = d.lookup(cmd.key);
  if (!value) return 0;
  if (value.type !== 'hash') return WRONGTYPE;
  const entries = value.entries.filter(([f]) => !cmd.fields.includes(f));
  const removed = value.entries.length - entries.length;
  if (entries.length === 0) d.remove(cmd.key);
  else if (removed > 0) d.store(cmd.key, { type: 'hash', entries }, true);
  return removed;
}
