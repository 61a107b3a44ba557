/**
 * Command scenarios replayed on a real Redis and on the model: strings, TTLs, INCR, WRONGTYPE,
 * hashes, lists, blocking pops with several clients (FCFS fairness), pub/sub counts. The unit
 * test checks the model against the committed answers; the real test regenerates them.
 */
import { nextInt, seedPrng, type PrngState } from '../../../../src/broker/core/prng.ts';
import {
  DEFAULT_CLIENT,
  initRedis,
  stepRedis,
  type RedisCommand,
  type RedisReply,
} from '../../../../src/broker/redis/index.ts';

/** One scenario: commands from named clients, and what each client saw. */
export interface Scenario {
  readonly name: string;
  readonly commands: readonly RedisCommand[];
}

/** Per client: its command replies in order, and the pub/sub messages it received (sorted). */
export interface Observed {
  readonly replies: Record<string, RedisReply[]>;
  readonly inboxes: Record<string, string[]>;
}

/** A scenario with the real server's observations, as committed in the fixture. */
export interface ScenarioFixture extends Scenario {
  readonly observed: Observed;
}

const PUBSUB = new Set(['SUBSCRIBE', 'UNSUBSCRIBE', 'PSUBSCRIBE', 'PUNSUBSCRIBE']);

/** Whether the real runner records this command's reply (node-redis hides subscribe replies). */
export function hasComparableReply(command: RedisCommand): boolean {
  return !PUBSUB.has(command.type) && !['advance', 'crash', 'finishTask'].includes(command.type);
}

/** Formats a pushed message the same way for the model and the real runner. */
export function inboxLine(pattern: string | undefined, channel: string, message: string): string {
  return pattern === undefined
    ? `message ${channel} ${message}`
    : `pmessage ${pattern} ${channel} ${message}`;
}

/** Runs a scenario through the model and collects what each client saw. */
export function observeModel(scenario: Scenario): Observed {
  let state = initRedis();
  const replies: Record<string, RedisReply[]> = {};
  const inboxes: Record<string, string[]> = {};
  for (const command of scenario.commands) {
    const result = stepRedis(state, command);
    state = result.state;
    for (const event of result.events) {
      if ('reply' in event && !PUBSUB.has(event.type)) {
        (replies[event.client] ??= []).push(event.reply);
      } else if (event.type === 'message' || event.type === 'pmessage') {
        const pattern = event.type === 'pmessage' ? event.pattern : undefined;
        (inboxes[event.client] ??= []).push(inboxLine(pattern, event.channel, event.message));
      }
    }
  }
  for (const lines of Object.values(inboxes)) lines.sort();
  return { replies, inboxes };
}

const c = (client: string, command: RedisCommand): RedisCommand => ({ ...command, client });

const STRINGS: Scenario = {
  name: 'strings, INCR and WRONGTYPE',
  commands: [
    { type: 'SET', key: 'k', value: 'v' },
    { type: 'GET', key: 'k' },
    { type: 'GET', key: 'missing' },
    { type: 'INCR', key: 'k' },
    { type: 'SET', key: 'n', value: '10' },
    { type: 'INCR', key: 'n' },
    { type: 'INCR', key: 'n' },
    { type: 'GET', key: 'n' },
    { type: 'INCR', key: 'fresh' },
    { type: 'SET', key: 'big', value: '9223372036854775806' },
    { type: 'INCR', key: 'big' },
    { type: 'INCR', key: 'big' },
    { type: 'SET', key: 's', value: ' 1' },
    { type: 'INCR', key: 's' },
    { type: 'SET', key: 's', value: '007' },
    { type: 'INCR', key: 's' },
    { type: 'SET', key: 's', value: '-0' },
    { type: 'INCR', key: 's' },
    { type: 'SET', key: 's', value: '-5' },
    { type: 'INCR', key: 's' },
    { type: 'SET', key: 's', value: '1.5' },
    { type: 'INCR', key: 's' },
    { type: 'LPUSH', key: 'list', values: ['a'] },
    { type: 'GET', key: 'list' },
    { type: 'INCR', key: 'list' },
    { type: 'HSET', key: 'list', fields: [['f', 'v']] },
    { type: 'HGETALL', key: 'k' },
    { type: 'HGET', key: 'k', field: 'f' },
    { type: 'LPUSH', key: 'k', values: ['x'] },
    { type: 'RPOP', key: 'k' },
    { type: 'LRANGE', key: 'k', start: 0, stop: -1 },
    { type: 'SET', key: 'list', value: 'x', get: true },
    { type: 'TYPE', key: 'k' },
    { type: 'TYPE', key: 'list' },
    { type: 'TYPE', key: 'nothing' },
    { type: 'SET', key: 'nx', value: '1', nx: true },
    { type: 'SET', key: 'nx', value: '2', nx: true },
    { type: 'GET', key: 'nx' },
    { type: 'SET', key: 'xx', value: '1', xx: true },
    { type: 'SET', key: 'nx', value: '3', xx: true, get: true },
    { type: 'SET', key: 'nx', value: '4', nx: true, xx: true },
    { type: 'EXISTS', keys: ['k', 'k', 'nope', 'n'] },
    { type: 'DEL', keys: ['k', 'k', 'nope'] },
    { type: 'DEL', keys: [] },
    { type: 'EXISTS', keys: ['k'] },
  ],
};

const TTLS: Scenario = {
  name: 'TTL, EXPIRE, SETEX and expiry',
  commands: [
    // 10.4 s: TTL rounds to whole seconds, and the last TTL of `t` (after 2.4 s of advances)
    // then sits mid-second (8.0 s left), so a slow machine's extra wall-clock time cannot flip it.
    { type: 'SET', key: 't', value: 'v', px: 10_400 },
    { type: 'TTL', key: 't' },
    { type: 'TTL', key: 'missing' },
    { type: 'SET', key: 'p', value: 'v' },
    { type: 'TTL', key: 'p' },
    { type: 'EXPIRE', key: 'p', seconds: 100 },
    { type: 'TTL', key: 'p' },
    { type: 'SET', key: 'p', value: 'v2' },
    { type: 'TTL', key: 'p' },
    { type: 'EXPIRE', key: 'p', seconds: 50 },
    { type: 'SET', key: 'p', value: 'v3', keepTtl: true },
    { type: 'TTL', key: 'p' },
    { type: 'INCR', key: 'counter' },
    { type: 'EXPIRE', key: 'counter', seconds: 30 },
    { type: 'INCR', key: 'counter' },
    { type: 'TTL', key: 'counter' },
    { type: 'SETEX', key: 'cache', seconds: 3600, value: '{"id":1}' },
    { type: 'TTL', key: 'cache' },
    { type: 'SETEX', key: 'cache', seconds: 0, value: 'x' },
    { type: 'SETEX', key: 'cache', seconds: 'abc', value: 'x' },
    { type: 'SET', key: 'x', value: 'v', ex: 0 },
    { type: 'SET', key: 'x', value: 'v', ex: 'abc' },
    { type: 'SET', key: 'x', value: 'v', px: -5 },
    { type: 'EXPIRE', key: 'missing', seconds: 10 },
    { type: 'EXPIRE', key: 'p', seconds: '1.5' },
    { type: 'EXPIRE', key: 'p', seconds: 0 },
    { type: 'GET', key: 'p' },
    { type: 'TTL', key: 'p' },
    { type: 'SET', key: 'short', value: 'v', px: 300 },
    { type: 'SET', key: 'two', value: 'v', ex: 2 },
    { type: 'RPUSH', key: 'jobs', values: ['a', 'b'] },
    { type: 'EXPIRE', key: 'jobs', seconds: 2 },
    { type: 'advance', ms: 600 },
    { type: 'GET', key: 'short' },
    { type: 'EXISTS', keys: ['short'] },
    { type: 'TTL', key: 'short' },
    { type: 'TTL', key: 'two' },
    // At 1.0 s `two` has 1.0 s left: mid-second for TTL's rounding, half a second from expiry.
    { type: 'advance', ms: 400 },
    { type: 'TTL', key: 'two' },
    { type: 'LLEN', key: 'jobs' },
    { type: 'advance', ms: 1400 },
    { type: 'GET', key: 'two' },
    { type: 'LLEN', key: 'jobs' },
    { type: 'TTL', key: 't' },
  ],
};

const HASHES: Scenario = {
  name: 'hashes keep insertion order',
  commands: [
    {
      type: 'HSET',
      key: 'h',
      fields: [
        ['a', '1'],
        ['b', '2'],
      ],
    },
    {
      type: 'HSET',
      key: 'h',
      fields: [
        ['b', '3'],
        ['c', '4'],
      ],
    },
    { type: 'HGETALL', key: 'h' },
    { type: 'HGET', key: 'h', field: 'b' },
    { type: 'HGET', key: 'h', field: 'zz' },
    { type: 'HGET', key: 'nohash', field: 'zz' },
    { type: 'HGETALL', key: 'nohash' },
    {
      type: 'HSET',
      key: 'h',
      fields: [
        ['a', '1'],
        ['a', '2'],
      ],
    },
    { type: 'HSET', key: 'h', fields: [] },
    { type: 'HDEL', key: 'h', fields: ['a', 'c', 'nope'] },
    { type: 'HGETALL', key: 'h' },
    {
      type: 'HSET',
      key: 'h2',
      fields: [
        ['2', 'x'],
        ['1', 'y'],
        ['10', 'z'],
        ['__proto__', 'p'],
      ],
    },
    { type: 'HGETALL', key: 'h2' },
    { type: 'HDEL', key: 'h', fields: ['b'] },
    { type: 'EXISTS', keys: ['h'] },
    { type: 'SET', key: '__proto__', value: 'plain key' },
    { type: 'GET', key: '__proto__' },
    { type: 'GET', key: 'constructor' },
  ],
};

const LISTS: Scenario = {
  name: 'list commands',
  commands: [
    { type: 'RPUSH', key: 'q', values: ['a', 'b', 'c'] },
    { type: 'LPUSH', key: 'q', values: ['x', 'y'] },
    { type: 'LRANGE', key: 'q', start: 0, stop: -1 },
    { type: 'LRANGE', key: 'q', start: -2, stop: 100 },
    { type: 'LRANGE', key: 'q', start: 3, stop: 1 },
    { type: 'LRANGE', key: 'q', start: -100, stop: 1 },
    { type: 'LRANGE', key: 'q', start: 'a', stop: 1 },
    { type: 'LLEN', key: 'q' },
    { type: 'LPOP', key: 'q' },
    { type: 'RPOP', key: 'q' },
    { type: 'LPOP', key: 'q', count: 2 },
    { type: 'LPOP', key: 'q', count: 0 },
    { type: 'LPOP', key: 'q', count: -1 },
    { type: 'RPOP', key: 'q', count: 10 },
    { type: 'LPOP', key: 'q' },
    { type: 'LPOP', key: 'q', count: 2 },
    { type: 'LLEN', key: 'q' },
    { type: 'LPUSH', key: 'q', values: [] },
    { type: 'RPUSH', key: 'tasks', values: ['t1', 't2', 't3'] },
    { type: 'LMOVE', source: 'tasks', destination: 'processing', from: 'RIGHT', to: 'LEFT' },
    { type: 'LMOVE', source: 'tasks', destination: 'processing', from: 'LEFT', to: 'RIGHT' },
    { type: 'LRANGE', key: 'processing', start: 0, stop: -1 },
    { type: 'LMOVE', source: 'tasks', destination: 'tasks', from: 'RIGHT', to: 'LEFT' },
    { type: 'LMOVE', source: 'nothing', destination: 'processing', from: 'RIGHT', to: 'LEFT' },
    { type: 'SET', key: 'str', value: 'v' },
    { type: 'LMOVE', source: 'tasks', destination: 'str', from: 'RIGHT', to: 'LEFT' },
    { type: 'LMOVE', source: 'nothing', destination: 'str', from: 'RIGHT', to: 'LEFT' },
    { type: 'LREM', key: 'processing', count: 1, value: 't3' },
    { type: 'RPUSH', key: 'r', values: ['a', 'b', 'a', 'c', 'a'] },
    { type: 'LREM', key: 'r', count: -2, value: 'a' },
    { type: 'LRANGE', key: 'r', start: 0, stop: -1 },
    { type: 'LREM', key: 'r', count: 0, value: 'a' },
    { type: 'LREM', key: 'r', count: 0, value: 'b' },
    { type: 'LREM', key: 'r', count: 0, value: 'c' },
    { type: 'EXISTS', keys: ['r'] },
  ],
};

const FAIRNESS: Scenario = {
  name: 'BRPOP fairness: one LPUSH of three elements serves three blocked clients in order',
  commands: [
    c('w1', { type: 'BRPOP', keys: ['queue'], timeout: 0 }),
    c('w2', { type: 'BRPOP', keys: ['queue'], timeout: 0 }),
    c('w3', { type: 'BLPOP', keys: ['queue'], timeout: 0 }),
    c('producer', { type: 'LPUSH', key: 'queue', values: ['t1', 't2', 't3', 't4'] }),
    c('producer', { type: 'LRANGE', key: 'queue', start: 0, stop: -1 }),
    c('w1', { type: 'BLPOP', keys: ['queue'], timeout: 0 }),
    c('w2', { type: 'BLPOP', keys: ['queue'], timeout: 0 }),
    c('w1', { type: 'BLPOP', keys: ['queue'], timeout: 0 }),
    c('producer', { type: 'RPUSH', key: 'queue', values: ['u1'] }),
    c('producer', { type: 'RPUSH', key: 'queue', values: ['u2', 'u3'] }),
    c('producer', { type: 'LLEN', key: 'queue' }),
  ],
};

const MULTI_KEY: Scenario = {
  name: 'BRPOP over several keys: first non-empty key, FCFS per key, timeouts, disconnects',
  commands: [
    c('producer', { type: 'RPUSH', key: 'low', values: ['l1', 'l2'] }),
    c('a', { type: 'BRPOP', keys: ['high', 'low'], timeout: 0 }),
    c('a', { type: 'BRPOP', keys: ['high', 'low'], timeout: 0 }),
    c('a', { type: 'BRPOP', keys: ['high', 'low'], timeout: 0 }),
    c('b', { type: 'BRPOP', keys: ['low'], timeout: 0 }),
    c('c', { type: 'BLPOP', keys: ['low', 'high'], timeout: 0 }),
    c('producer', { type: 'LPUSH', key: 'high', values: ['h1'] }),
    c('producer', { type: 'LPUSH', key: 'low', values: ['l3'] }),
    c('producer', { type: 'LPUSH', key: 'low', values: ['l4'] }),
    c('d', { type: 'BRPOP', keys: ['empty'], timeout: 1 }),
    c('e', { type: 'BRPOP', keys: ['empty'], timeout: 0 }),
    { type: 'advance', ms: 1500 },
    c('producer', { type: 'RPUSH', key: 'empty', values: ['x'] }),
    c('f', { type: 'BRPOP', keys: ['gone'], timeout: 0 }),
    c('g', { type: 'BRPOP', keys: ['gone'], timeout: 0 }),
    c('f', { type: 'crash' }),
    c('producer', { type: 'LPUSH', key: 'gone', values: ['y'] }),
    c('producer', { type: 'SET', key: 'str', value: 'v' }),
    c('h', { type: 'BRPOP', keys: ['str'], timeout: 0 }),
    c('h', { type: 'BRPOP', keys: ['nothing', 'str'], timeout: 0 }),
    c('h', { type: 'BRPOP', keys: ['low2'], timeout: -1 }),
    c('h', { type: 'BRPOP', keys: ['low2'], timeout: 'abc' }),
    c('h', { type: 'BRPOP', keys: [], timeout: 0 }),
    c('i', {
      type: 'BLMOVE',
      source: 'jobs',
      destination: 'proc',
      from: 'RIGHT',
      to: 'LEFT',
      timeout: 0,
    }),
    c('j', { type: 'BRPOP', keys: ['proc'], timeout: 0 }),
    c('producer', { type: 'LPUSH', key: 'jobs', values: ['job1'] }),
    c('producer', { type: 'LLEN', key: 'proc' }),
  ],
};

const PUBLISH_COUNTS: Scenario = {
  name: 'PUBLISH counts channel and pattern subscriptions separately',
  commands: [
    c('pub', { type: 'PUBLISH', channel: 'news.sport', message: 'nobody' }),
    c('s1', { type: 'SUBSCRIBE', channels: ['news.sport'] }),
    c('s2', { type: 'PSUBSCRIBE', patterns: ['news.*'] }),
    c('s3', { type: 'SUBSCRIBE', channels: ['news.sport', 'other'] }),
    c('s3', { type: 'PSUBSCRIBE', patterns: ['news.*', '*', 'news.[st]*', 'weather'] }),
    c('pub', { type: 'PUBLISH', channel: 'news.sport', message: 'm1' }),
    c('pub', { type: 'PUBLISH', channel: 'news.tech', message: 'm2' }),
    c('pub', { type: 'PUBLISH', channel: 'other', message: 'm3' }),
    c('pub', { type: 'PUBLISH', channel: 'weather', message: 'm4' }),
    c('s3', { type: 'PUNSUBSCRIBE', patterns: ['*'] }),
    c('s1', { type: 'UNSUBSCRIBE', channels: [] }),
    c('pub', { type: 'PUBLISH', channel: 'news.sport', message: 'm5' }),
    c('s2', { type: 'crash' }),
    c('pub', { type: 'PUBLISH', channel: 'news.xyz', message: 'm6' }),
    c('s3', { type: 'PUNSUBSCRIBE', patterns: [] }),
    c('pub', { type: 'PUBLISH', channel: 'news.tech', message: 'm7' }),
    c('pub', { type: 'PUBLISH', channel: 'other', message: 'm8' }),
  ],
};

function pick<T>(prng: PrngState, items: readonly T[]): [T, PrngState] {
  const [i, next] = nextInt(prng, 0, items.length - 1);
  return [items[i] as T, next];
}

/** A seeded random sequence of pushes and pops on two lists, checked reply by reply. */
export function randomListScenario(seed: number, length: number): Scenario {
  let prng = seedPrng(seed);
  const commands: RedisCommand[] = [];
  let serial = 0;
  for (let i = 0; i < length; i++) {
    let kind: string;
    let key: string;
    let n: number;
    [kind, prng] = pick(prng, ['LPUSH', 'RPUSH', 'LPOP', 'RPOP', 'LRANGE', 'LLEN', 'LMOVE']);
    [key, prng] = pick(prng, ['q1', 'q2']);
    [n, prng] = nextInt(prng, 1, 3);
    const values = Array.from({ length: n }, () => `v${serial++}`);
    if (kind === 'LPUSH' || kind === 'RPUSH') commands.push({ type: kind, key, values });
    else if (kind === 'LPOP' || kind === 'RPOP') {
      commands.push(n === 3 ? { type: kind, key, count: 2 } : { type: kind, key });
    } else if (kind === 'LRANGE') commands.push({ type: 'LRANGE', key, start: 0, stop: -1 });
    else if (kind === 'LLEN') commands.push({ type: 'LLEN', key });
    else {
      const other = key === 'q1' ? 'q2' : 'q1';
      commands.push({ type: 'LMOVE', source: key, destination: other, from: 'RIGHT', to: 'LEFT' });
    }
  }
  return { name: `random list sequence (seed ${seed})`, commands };
}

/** Every scenario of the differential table, in order. */
export function generateScenarios(): Scenario[] {
  return [
    STRINGS,
    TTLS,
    HASHES,
    LISTS,
    FAIRNESS,
    MULTI_KEY,
    PUBLISH_COUNTS,
    randomListScenario(1, 300),
    randomListScenario(2, 300),
  ];
}

export { DEFAULT_CLIENT };
