/**
 * Plain-data types of the simulated Redis: state, commands, replies and events. Everything is
 * JSON-serialisable (records and arrays only), so `structuredClone` and replay work on it.
 */
import type { ClockState } from '../core/clock.ts';

/** A reply as a RESP2 client sees it: nil, integer, string, error or an array of replies. */
export type RedisReply = null | number | string | RedisError | readonly RedisReply[];

/** An error reply, worded exactly as Redis words it. */
export interface RedisError {
  readonly error: string;
}

/** A value in the keyspace. Hash fields keep insertion order, as a small hash's listpack does. */
export type RedisValue =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'hash'; readonly entries: readonly (readonly [string, string])[] }
  | { readonly type: 'list'; readonly items: readonly string[] };

/** Which end of a list: LEFT is the head (LPUSH/LPOP), RIGHT the tail. */
export type ListEnd = 'LEFT' | 'RIGHT';

/** A connection parked in BRPOP/BLPOP/BLMOVE, waiting for data or its timeout. */
export interface BlockedState {
  readonly command: 'BRPOP' | 'BLPOP' | 'BLMOVE';
  readonly keys: readonly string[];
  /** The argv as sent, for the reply event. */
  readonly args: readonly string[];
  readonly since: number;
  /** Clock timer id of the timeout; absent when blocking forever (timeout 0). */
  readonly timerId?: number;
  readonly destination?: string;
  readonly whereFrom?: ListEnd;
  readonly whereTo?: ListEnd;
}

/** What a worker connection is processing: taken by a pop (unsafe) or an LMOVE (safe). */
export interface WorkerTask {
  readonly value: string;
  readonly queue: string;
  /** The processing list the task was moved to by LMOVE/BLMOVE; absent when simply popped. */
  readonly processingList?: string;
}

/** A message in a subscriber's inbox, as Redis pushes it. */
export type PubSubMessage =
  | { readonly kind: 'message'; readonly channel: string; readonly message: string }
  | {
      readonly kind: 'pmessage';
      readonly pattern: string;
      readonly channel: string;
      readonly message: string;
    };

/** One named connection. */
export interface RedisClientState {
  readonly name: string;
  readonly blocked?: BlockedState;
  readonly channels: readonly string[];
  readonly patterns: readonly string[];
  /** Pushed pub/sub messages, capped (oldest dropped first). */
  readonly inbox: readonly PubSubMessage[];
  readonly task?: WorkerTask;
  readonly lastReply?: RedisReply;
}

/** What a clock timer does when it fires. */
export type RedisTimer =
  | { readonly kind: 'expire'; readonly key: string; readonly when: number }
  | { readonly kind: 'blockTimeout'; readonly client: string };

/** The whole simulated server. */
export interface RedisState {
  readonly clock: ClockState<RedisTimer>;
  readonly keys: Readonly<Record<string, RedisValue>>;
  /** Absolute expiry time (virtual ms) of keys that have a TTL. */
  readonly expires: Readonly<Record<string, number>>;
  readonly clients: Readonly<Record<string, RedisClientState>>;
  /** key → names of the clients blocked on it, longest-waiting first. */
  readonly blockedOn: Readonly<Record<string, readonly string[]>>;
  /** channel → subscribed clients, in subscription order. */
  readonly channels: Readonly<Record<string, readonly string[]>>;
  /** Pattern subscriptions in first-subscription order. */
  readonly patterns: readonly { readonly pattern: string; readonly clients: readonly string[] }[];
  readonly stats: {
    readonly expiredKeys: number;
    readonly lostTasks: number;
    readonly droppedMessages: number;
  };
}

/** An integer argument: a number, or the text a client typed (parsed with Redis's rules). */
export type IntArg = number | string;

/** One union member per name (so `switch (type)` narrows), all sharing the same fields. */
type Each<T extends string, Fields> = T extends string ? { readonly type: T } & Fields : never;

interface On {
  /** The connection that sends the command; DEFAULT_CLIENT when omitted. */
  readonly client?: string;
}

/** A command sent to the simulated server (or a simulation action: advance, finishTask, crash). */
export type RedisCommand = On &
  (
    | {
        readonly type: 'SET';
        readonly key: string;
        readonly value: string;
        readonly ex?: IntArg;
        readonly px?: IntArg;
        readonly nx?: boolean;
        readonly xx?: boolean;
        readonly keepTtl?: boolean;
        readonly get?: boolean;
      }
    | Each<'GET' | 'INCR' | 'TTL' | 'PTTL' | 'TYPE', { readonly key: string }>
    | {
        readonly type: 'SETEX';
        readonly key: string;
        readonly seconds: IntArg;
        readonly value: string;
      }
    | { readonly type: 'EXPIRE'; readonly key: string; readonly seconds: IntArg }
    | Each<'DEL' | 'EXISTS', { readonly keys: readonly string[] }>
    | {
        readonly type: 'HSET';
        readonly key: string;
        readonly fields: readonly (readonly [string, string])[];
      }
    | { readonly type: 'HGET'; readonly key: string; readonly field: string }
    | Each<'HGETALL' | 'LLEN', { readonly key: string }>
    | { readonly type: 'HDEL'; readonly key: string; readonly fields: readonly string[] }
    | Each<'LPUSH' | 'RPUSH', { readonly key: string; readonly values: readonly string[] }>
    | Each<'LPOP' | 'RPOP', { readonly key: string; readonly count?: IntArg }>
    | {
        readonly type: 'LRANGE';
        readonly key: string;
        readonly start: IntArg;
        readonly stop: IntArg;
      }
    | {
        readonly type: 'LREM';
        readonly key: string;
        readonly count: IntArg;
        readonly value: string;
      }
    | {
        readonly type: 'LMOVE';
        readonly source: string;
        readonly destination: string;
        readonly from: ListEnd;
        readonly to: ListEnd;
      }
    | Each<'BRPOP' | 'BLPOP', { readonly keys: readonly string[]; readonly timeout: IntArg }>
    | {
        readonly type: 'BLMOVE';
        readonly source: string;
        readonly destination: string;
        readonly from: ListEnd;
        readonly to: ListEnd;
        readonly timeout: IntArg;
      }
    | Each<'SUBSCRIBE' | 'UNSUBSCRIBE', { readonly channels: readonly string[] }>
    | Each<'PSUBSCRIBE' | 'PUNSUBSCRIBE', { readonly patterns: readonly string[] }>
    | { readonly type: 'PUBLISH'; readonly channel: string; readonly message: string }
    /** Moves virtual time forward, firing TTL expiries and blocking timeouts on the way. */
    | { readonly type: 'advance'; readonly ms: number }
    /** The worker finishes its task (and, if it was LMOVEd, LREMs it from the processing list). */
    | { readonly type: 'finishTask' }
    /** The worker process dies: its connection closes and an unsafely popped task is lost. */
    | { readonly type: 'crash' }
  );

/** The command variant(s) with the given type; works where one variant covers several names. */
export type CommandOf<T extends RedisCommand['type']> = RedisCommand & { readonly type: T };

/** Names of real Redis commands the model understands. */
export type RedisCommandName = Exclude<RedisCommand['type'], 'advance' | 'finishTask' | 'crash'>;

/** Something that happened, in Redis's words. Every event carries the virtual time `at`. */
export type RedisEvent =
  /** A command and the reply its client got (for blocking commands: when it was served). */
  | {
      readonly type: RedisCommandName;
      readonly at: number;
      readonly client: string;
      readonly args: readonly string[];
      readonly reply: RedisReply;
    }
  | {
      readonly type: 'blocked';
      readonly at: number;
      readonly client: string;
      readonly command: BlockedState['command'];
      readonly keys: readonly string[];
    }
  | {
      readonly type: 'unblocked';
      readonly at: number;
      readonly client: string;
      readonly reason: 'served' | 'timeout' | 'disconnected';
    }
  | { readonly type: 'expired' | 'del'; readonly at: number; readonly key: string }
  | {
      readonly type: 'message';
      readonly at: number;
      readonly client: string;
      readonly channel: string;
      readonly message: string;
    }
  | {
      readonly type: 'pmessage';
      readonly at: number;
      readonly client: string;
      readonly pattern: string;
      readonly channel: string;
      readonly message: string;
    }
  /** PUBLISH reached nobody: Redis keeps nothing, the message is gone. */
  | {
      readonly type: 'messageDropped';
      readonly at: number;
      readonly channel: string;
      readonly message: string;
    }
  | {
      readonly type: 'taskDone' | 'taskLost' | 'taskSurvived';
      readonly at: number;
      readonly client: string;
      readonly task: WorkerTask;
    }
  | { readonly type: 'crash'; readonly at: number; readonly client: string }
  | { readonly type: 'advance'; readonly at: number; readonly from: number };
