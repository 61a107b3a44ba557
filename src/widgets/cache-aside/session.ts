/**
 * "The state after step n": replays the story's first n steps and then the student's own actions
 * on a fresh simulated Redis, and sums up what the audience reads (hit ratio, response times).
 */
import { createRedisState, redisStep } from '../../broker/redis/index.ts';
import type { RedisState } from '../../broker/redis/index.ts';
import {
  PRODUCTS,
  getProduct,
  updatePrice,
  type Catalog,
  type HandlerSettings,
  type RequestRecord,
  type UpdateRecord,
} from './app.ts';
import { CACHE_STORY, type CacheAction } from './scenarios.ts';

/** Student actions kept on top of the story; past this the widget asks for «Сначала». */
export const MAX_ACTIONS = 300;

/** The last thing that happened: a request, or a pause with the keys that expired in it. */
export type LastAction =
  | { readonly kind: 'request'; readonly record: RequestRecord }
  | { readonly kind: 'update'; readonly record: UpdateRecord }
  | { readonly kind: 'wait'; readonly seconds: number; readonly expired: readonly string[] };

/** A cached key as the keyspace panel shows it. */
export interface CachedKey {
  readonly key: string;
  readonly value: string;
  /** Milliseconds left before Redis deletes it. */
  readonly ttlMs: number;
}

/** Everything one frame shows. */
export interface CacheRun {
  readonly redis: RedisState;
  /** The database table after the run (PUT changes prices). */
  readonly db: Catalog;
  readonly requests: readonly RequestRecord[];
  /** What the last step or action did (requests of one step are summarised by their last). */
  readonly last: LastAction | undefined;
  /** Keys that expired during the last step or action. */
  readonly expired: readonly string[];
  /** The scripted lead of the last step, or '' after a student's action. */
  readonly lead: string;
}

/** Applies one action; returns Redis after it and what it did. */
export function applyAction(
  redis: RedisState,
  db: Catalog,
  action: CacheAction,
  settings: HandlerSettings,
  n: number,
): { redis: RedisState; db: Catalog; last: LastAction } {
  if (action.kind === 'request') {
    const r = getProduct(redis, action.productId, settings, n, db);
    return { redis: r.redis, db, last: { kind: 'request', record: r.record } };
  }
  if (action.kind === 'update') {
    const r = updatePrice(redis, db, action.productId, action.price, settings);
    return { redis: r.redis, db: r.db, last: { kind: 'update', record: r.record } };
  }
  const r = redisStep(redis, { type: 'advance', ms: action.seconds * 1000 });
  const expired = r.events.flatMap((e) => (e.type === 'expired' ? [e.key] : []));
  return { redis: r.state, db, last: { kind: 'wait', seconds: action.seconds, expired } };
}

/** Replays the story to `step` (clamped) and the student's actions, from an empty Redis. */
export function replayCache(
  settings: HandlerSettings,
  step: number,
  actions: readonly CacheAction[],
): CacheRun {
  const n = Math.max(0, Math.min(CACHE_STORY.length, Math.floor(step)));
  let redis = createRedisState();
  let db: Catalog = PRODUCTS;
  const requests: RequestRecord[] = [];
  let last: LastAction | undefined;
  let expired: string[] = [];
  let lead = '';
  const run = (list: readonly CacheAction[]): void => {
    for (const action of list) {
      const r = applyAction(redis, db, action, settings, requests.length + 1);
      redis = r.redis;
      db = r.db;
      last = r.last;
      if (r.last.kind === 'request') requests.push(r.last.record);
      else if (r.last.kind === 'wait') expired.push(...r.last.expired);
    }
  };
  for (let i = 0; i < n; i++) {
    const scripted = CACHE_STORY[i];
    if (!scripted) break;
    expired = [];
    run(scripted.actions(settings));
    lead = scripted.lead(settings);
  }
  for (const action of actions) {
    expired = [];
    run([action]);
    lead = '';
  }
  return { redis, db, requests, last, expired, lead };
}

/** The keys in Redis now, with their time left, in key order. */
export function cachedKeys(redis: RedisState): CachedKey[] {
  const now = redis.clock.now;
  return Object.entries(redis.keys)
    .filter(([key]) => {
      const when = redis.expires[key];
      return when === undefined || now <= when;
    })
    .map(([key, v]) => ({
      key,
      value: v.type === 'string' ? v.value : '',
      ttlMs: Math.max(0, (redis.expires[key] ?? now) - now),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Hit ratio and response times over all requests so far. */
export interface CacheStats {
  readonly requests: number;
  readonly hits: number;
  readonly misses: number;
  /** Hits / requests in percent, rounded; undefined before the first request. */
  readonly hitPercent: number | undefined;
  readonly averageMs: number | undefined;
  readonly hitMs: number | undefined;
  readonly missMs: number | undefined;
}

function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

/** Sums up the requests. */
export function statsOf(requests: readonly RequestRecord[]): CacheStats {
  const hits = requests.filter((r) => r.source === 'cache');
  const misses = requests.filter((r) => r.source !== 'cache');
  return {
    requests: requests.length,
    hits: hits.length,
    misses: misses.length,
    hitPercent:
      requests.length === 0 ? undefined : Math.round((hits.length / requests.length) * 100),
    averageMs: mean(requests.map((r) => r.ms)),
    hitMs: mean(hits.map((r) => r.ms)),
    missMs: mean(misses.map((r) => r.ms)),
  };
}
