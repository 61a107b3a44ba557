/**
 * String commands and TTLs as Redis 7 does them: SET (EX/PX/NX/XX/KEEPTTL/GET), GET, SETEX, INCR,
 * EXPIRE, TTL, PTTL, DEL, EXISTS, TYPE.
 */
import { WRONGTYPE, type Draft } from './draft.ts';
import { fitsInt64, NOT_AN_INTEGER, parseInt64 } from './integers.ts';
import { own } from '../core/record.ts';
import type { CommandOf, RedisCommand, RedisReply } from './types.ts';

type Cmd<T extends RedisCommand['type']> = CommandOf<T>;

const SYNTAX_ERROR = { error: 'ERR syntax error' } as const;

/** SET key value [NX|XX] [GET] [EX s|PX ms|KEEPTTL]. */
export function set(d: Draft, cmd: Cmd<'SET'>): RedisReply {
  const expiryOptions = [cmd.ex, cmd.px].filter((x) => x !== undefined).length;
  if ((cmd.nx && cmd.xx) || expiryOptions > 1 || (expiryOptions > 0 && cmd.keepTtl)) {
    return SYNTAX_ERROR;
  }
  let ttlMs: number | undefined;
  const raw = cmd.ex ?? cmd.px;
  if (raw !== undefined) {
    const n = parseInt64(raw);
    if (n === undefined) return { error: NOT_AN_INTEGER };
    const ms = cmd.ex !== undefined ? n * 1000n : n;
    if (n <= 0n || !fitsInt64(ms)) return { error: "ERR invalid expire time in 'set' command" };
    ttlMs = Number(ms);
  }
  const old = d.lookup(cmd.key);
  if (cmd.get && old && old.type !== 'string') return WRONGTYPE;
  const previous = cmd.get ? (old?.type === 'string' ? old.value : null) : 'OK';
  if ((cmd.nx && old) || (cmd.xx && !old)) return cmd.get ? previous : null;
  d.store(cmd.key, { type: 'string', value: cmd.value }, cmd.keepTtl === true);
  if (ttlMs !== undefined) d.setExpire(cmd.key, d.now + ttlMs);
  return previous;
}

/** GET key: nil when missing or expired. */
export function get(d: Draft, cmd: Cmd<'GET'>): RedisReply {
  const value = d.lookup(cmd.key);
  if (!value) return null;
  return value.type === 'string' ? value.value : WRONGTYPE;
}

/** SETEX key seconds value. */
export function setex(d: Draft, cmd: Cmd<'SETEX'>): RedisReply {
  const n = parseInt64(cmd.seconds);
  if (n === undefined) return { error: NOT_AN_INTEGER };
  if (n <= 0n || !fitsInt64(n * 1000n)) {
    return { error: "ERR invalid expire time in 'setex' command" };
  }
  d.store(cmd.key, { type: 'string', value: cmd.value });
  d.setExpire(cmd.key, d.now + Number(n) * 1000);
  return 'OK';
}

/** INCR key: a missing key counts as 0; the TTL is kept. */
export function incr(d: Draft, cmd: Cmd<'INCR'>): RedisReply {
  const old = d.lookup(cmd.key);
  if (old && old.type !== 'string') return WRONGTYPE;
  const current = old ? parseInt64(old.value) : 0n;
  if (current === undefined) return { error: NOT_AN_INTEGER };
  const next = current + 1n;
  if (!fitsInt64(next)) return { error: 'ERR increment or decrement would overflow' };
  d.store(cmd.key, { type: 'string', value: String(next) }, true);
  // Integer replies beyond 2^53 lose precision as JS numbers, as they do in node-redis.
  return Number(next);
}

/** EXPIRE key seconds: 1 when set; a time already past deletes the key (a `del` event). */
export function expire(d: Draft, cmd: Cmd<'EXPIRE'>): RedisReply {
  const n = parseInt64(cmd.seconds);
  if (n === undefined) return { error: NOT_AN_INTEGER };
  const ms = n * 1000n;
  if (!fitsInt64(ms) || !fitsInt64(ms + BigInt(Math.floor(d.now)))) {
    return { error: "ERR invalid expire time in 'expire' command" };
  }
  if (!d.lookup(cmd.key)) return 0;
  if (n <= 0n) {
    d.remove(cmd.key);
    d.events.push({ type: 'del', at: d.now, key: cmd.key });
    return 1;
  }
  d.setExpire(cmd.key, d.now + Number(ms));
  return 1;
}

/** TTL/PTTL key: -2 missing, -1 no expiry, else time left (TTL rounds ms to the nearest second). */
export function ttl(d: Draft, cmd: Cmd<'TTL' | 'PTTL'>): RedisReply {
  if (!d.lookup(cmd.key)) return -2;
  const when = own(d.expires, cmd.key);
  if (when === undefined) return -1;
  const left = Math.max(0, Math.floor(when - d.now));
  return cmd.type === 'PTTL' ? left : Math.floor((left + 500) / 1000);
}

/** DEL key...: how many existed. */
export function del(d: Draft, cmd: Cmd<'DEL'>): RedisReply {
  let removed = 0;
  for (const key of cmd.keys) if (d.remove(key)) removed++;
  return removed;
}

/** EXISTS key...: a key named twice counts twice, as in Redis. */
export function exists(d: Draft, cmd: Cmd<'EXISTS'>): RedisReply {
  return cmd.keys.filter((key) => d.lookup(key) !== undefined).length;
}

/** TYPE key. */
export function type(d: Draft, cmd: Cmd<'TYPE'>): RedisReply {
  return d.lookup(cmd.key)?.type ?? 'none';
}
