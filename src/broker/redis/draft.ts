/**
 * A mutable working copy of the state for the duration of one `step`: the top-level records are
 * copied once, nested values are only ever replaced (never edited), so the input stays untouched.
 */
import { cancel, schedule, type ClockState } from '../core/clock.ts';
import { appendCapped } from '../core/capped.ts';
import { copyRecord, drop, own, put } from '../core/record.ts';
import type {
  PubSubMessage,
  RedisClientState,
  RedisCommandName,
  RedisEvent,
  RedisReply,
  RedisState,
  RedisTimer,
  RedisValue,
} from './types.ts';

/** How many pushed messages a subscriber's inbox keeps. */
export const INBOX_CAP = 50;

/** Redis's reply for a command on a key of another type. */
export const WRONGTYPE = {
  error: 'WRONGTYPE Operation against a key holding the wrong kind of value',
} as const;

/** One step's working copy, turned back into plain state by `finish()`. */
export class Draft {
  clock: ClockState<RedisTimer>;
  readonly keys: Record<string, RedisValue>;
  readonly expires: Record<string, number>;
  readonly clients: Record<string, RedisClientState>;
  readonly blockedOn: Record<string, readonly string[]>;
  readonly channels: Record<string, readonly string[]>;
  patterns: RedisState['patterns'];
  stats: RedisState['stats'];
  readonly events: RedisEvent[] = [];
  /** Lists that received elements while clients were blocked on them, in signal order. */
  readyKeys: string[] = [];

  constructor(state: RedisState) {
    this.clock = state.clock;
    this.keys = copyRecord(state.keys);
    this.expires = copyRecord(state.expires);
    this.clients = copyRecord(state.clients);
    this.blockedOn = copyRecord(state.blockedOn);
    this.channels = copyRecord(state.channels);
    this.patterns = state.patterns;
    this.stats = state.stats;
  }

  get now(): number {
    return this.clock.now;
  }

  finish(): RedisState {
    return {
      clock: this.clock,
      keys: this.keys,
      expires: this.expires,
      clients: this.clients,
      blockedOn: this.blockedOn,
      channels: this.channels,
      patterns: this.patterns,
      stats: this.stats,
    };
  }

  // ---- keyspace -------------------------------------------------------------------------------

  /** The live value of `key`; a key past its TTL is removed first (lazy expiry, `now > when`). */
  lookup(key: string): RedisValue | undefined {
    const when = own(this.expires, key);
    if (when !== undefined && this.now > when) this.expireKey(key);
    return own(this.keys, key);
  }

  /** Removes a key whose TTL passed and says so, as Redis's `expired` keyspace event does. */
  expireKey(key: string): void {
    drop(this.keys, key);
    drop(this.expires, key);
    this.stats = { ...this.stats, expiredKeys: this.stats.expiredKeys + 1 };
    this.events.push({ type: 'expired', at: this.now, key });
  }

  /** Stores a value; like Redis's setKey, a plain write drops the old TTL unless `keepTtl`. */
  store(key: string, value: RedisValue, keepTtl = false): void {
    put(this.keys, key, value);
    if (!keepTtl) this.persist(key);
  }

  /** Deletes a key and its TTL; returns whether it existed. */
  remove(key: string): boolean {
    if (this.lookup(key) === undefined) return false;
    drop(this.keys, key);
    this.persist(key);
    return true;
  }

  /** Drops a key's TTL and its pending active-expiry timer. */
  persist(key: string): void {
    if (own(this.expires, key) === undefined) return;
    drop(this.expires, key);
    const stale = this.clock.timers.find(
      (t) => t.payload.kind === 'expire' && t.payload.key === key,
    );
    if (stale) this.clock = cancel(this.clock, stale.id);
  }

  /**
   * Gives a key an absolute expiry time. The active-expiry timer fires at the first whole
   * millisecond when Redis considers the key expired (`now > when`).
   */
  setExpire(key: string, when: number): void {
    this.persist(key);
    put(this.expires, key, when);
    const due = Math.floor(when) + 1;
    this.clock = schedule(this.clock, Math.max(0, due - this.now), {
      kind: 'expire',
      key,
      when,
    }).clock;
  }

  // ---- clients --------------------------------------------------------------------------------

  /** The connection named `name`, connecting it on first use. */
  client(name: string): RedisClientState {
    return own(this.clients, name) ?? { name, channels: [], patterns: [], inbox: [] };
  }

  /** Replaces fields of a connection's state; a field patched to undefined is removed. */
  updateClient(name: string, patch: Partial<RedisClientState>): void {
    const next: Record<string, unknown> = { ...this.client(name), ...patch };
    for (const field of Object.keys(next)) if (next[field] === undefined) delete next[field];
    put(this.clients, name, next as unknown as RedisClientState);
  }

  /** Records a command's reply for its client and as an event. */
  reply(client: string, type: RedisCommandName, args: readonly string[], reply: RedisReply): void {
    this.updateClient(client, { lastReply: reply });
    this.events.push({ type, at: this.now, client, args, reply });
  }

  /** Pushes a pub/sub message into a subscriber's capped inbox. */
  deliver(client: string, message: PubSubMessage): void {
    const state = this.client(client);
    this.updateClient(client, { inbox: appendCapped(state.inbox, [message], INBOX_CAP) });
  }

  /** Marks a list as having new elements; blocked clients on it are served after the command. */
  signalReady(key: string): void {
    const waiting = own(this.blockedOn, key);
    if (waiting && waiting.length > 0 && !this.readyKeys.includes(key)) this.readyKeys.push(key);
  }

  /** Forgets a key in the blocked-on index. */
  setBlockedOn(key: string, clients: readonly string[]): void {
    if (clients.length === 0) drop(this.blockedOn, key);
    else put(this.blockedOn, key, clients);
  }
}
