/**
 * The widget's logic on the kit: the model is the simulated Redis and database after the story's
 * steps and the student's actions (./story.ts's service actions, run through the slide's handler
 * in ./app.ts), with the handler settings in force. A changed TTL or database latency replays the
 * story and the actions so far with it (the slide's code would have behaved so from the start).
 * Values out of range are refused with the reason, never thrown; hits and expiry are the core's.
 */
import { initRedis, stepRedis } from '../../broker/redis/index.ts';
import type { RedisState } from '../../broker/redis/index.ts';
import { refuse, type FrameAt, type WidgetLogic } from '../runtime/timeline.ts';
import { validateIntInRange, type Validation } from '../runtime/validate.ts';
import {
  PRODUCTS,
  getProduct,
  updatePrice,
  type Catalog,
  type HandlerSettings,
  type RequestRecord,
  type UpdateRecord,
} from './app.ts';
import { captionFor } from './caption.ts';
import { CACHE_STORY, DEFAULT_SETTINGS, type CacheAction } from './story.ts';

/** Largest TTL and pause a student may type: one day. */
export const MAX_SECONDS = 86_400;

/** Largest database latency: five seconds. */
export const MAX_DB_MS = 5000;

/** Highest price a student may set, in roubles. */
export const MAX_PRICE = 10_000_000;

/** `product_id: int` in the path; FastAPI answers 422 to anything else. */
export function validateProductId(raw: string): Validation<number> {
  const r = validateIntInRange(raw, 0, 999_999, 'Номер товара');
  if (r.ok || /^\s*-?\d+\s*$/.test(raw)) return r;
  return { ok: false, message: `${r.message} На такой путь FastAPI ответил бы 422.` };
}

/** SETEX seconds: Redis rejects 0 and negatives («invalid expire time»). */
export function validateTtl(raw: string): Validation<number> {
  const r = validateIntInRange(raw, 1, MAX_SECONDS, 'TTL');
  if (!r.ok && /^\s*(-\d+|0+)\s*$/.test(raw)) {
    return {
      ok: false,
      message: `${r.message} SETEX с таким TTL Redis отвергает: invalid expire time.`,
    };
  }
  return r;
}

/** Database read time in ms. */
export function validateDbMs(raw: string): Validation<number> {
  return validateIntInRange(raw, 0, MAX_DB_MS, 'Задержка БД');
}

/** A pause on the virtual clock, in seconds. */
export function validateWait(raw: string): Validation<number> {
  return validateIntInRange(raw, 1, MAX_SECONDS, 'Пауза');
}

/** A new price for PUT /products/{id}: `price: int` of the slide's PriceUpdate model. */
export function validatePrice(raw: string): Validation<number> {
  const text = raw.trim();
  if (!/^\d{1,8}$/.test(text) || Number(text) < 1 || Number(text) > MAX_PRICE) {
    return { ok: false, message: `Цена: целое число от 1 до ${MAX_PRICE} ₽.` };
  }
  return { ok: true, value: Number(text) };
}

/** A student's action: one of the service's, or new handler settings. */
export type CacheLabAction =
  CacheAction | { readonly kind: 'settings'; readonly ttlSeconds: number; readonly dbMs: number };

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
  const r = stepRedis(redis, { type: 'advance', ms: action.seconds * 1000 });
  const expired = r.events.flatMap((e) => (e.type === 'expired' ? [e.key] : []));
  return { redis: r.state, db, last: { kind: 'wait', seconds: action.seconds, expired } };
}

/** The run before anything happened: an empty Redis and the slide's products. */
export const EMPTY_RUN: CacheRun = {
  redis: initRedis(),
  db: PRODUCTS,
  requests: [],
  last: undefined,
  expired: [],
  lead: '',
};

/** Plays one batch (a scripted step or one action) on `run`; never mutates it. */
export function playBatch(
  run: CacheRun,
  batch: readonly CacheAction[],
  settings: HandlerSettings,
  lead: string,
): CacheRun {
  let { redis, db, last } = run;
  const requests = [...run.requests];
  const expired: string[] = [];
  for (const action of batch) {
    const r = applyAction(redis, db, action, settings, requests.length + 1);
    redis = r.redis;
    db = r.db;
    last = r.last;
    if (r.last.kind === 'request') requests.push(r.last.record);
    else if (r.last.kind === 'wait') expired.push(...r.last.expired);
  }
  return { redis, db, requests, last, expired, lead };
}

/** The widget's model: the settings in force, what was played with them, and the run. */
export interface CacheModel {
  readonly settings: HandlerSettings;
  /** Scripted steps played. */
  readonly played: number;
  /** The student's service actions so far (a settings change replays them). */
  readonly actions: readonly CacheAction[];
  readonly run: CacheRun;
  /** True when the last move was a settings change (nothing new happened: no flight). */
  readonly replayed: boolean;
}

function initModel(settings: HandlerSettings): CacheModel {
  return { settings, played: 0, actions: [], run: EMPTY_RUN, replayed: false };
}

function playStep(model: CacheModel, step: number): CacheModel {
  const scripted = CACHE_STORY[step - 1];
  if (!scripted) return model;
  const { settings } = model;
  const run = playBatch(model.run, scripted.actions(settings), settings, scripted.lead(settings));
  return { ...model, played: step, run, replayed: false };
}

function doAction(model: CacheModel, action: CacheAction): CacheModel {
  const run = playBatch(model.run, [action], model.settings, '');
  return { ...model, actions: [...model.actions, action], run, replayed: false };
}

/** The model after `step` steps (clamped) and `actions`, all with `settings`. */
export function modelAt(
  settings: HandlerSettings,
  step: number,
  actions: readonly CacheAction[],
): CacheModel {
  const n = Math.max(0, Math.min(CACHE_STORY.length, Math.floor(step)));
  let model = initModel(settings);
  for (let i = 1; i <= n; i++) model = playStep(model, i);
  for (const action of actions) model = doAction(model, action);
  return model;
}

/** Replays the story to `step` (clamped) and the student's actions, from an empty Redis. */
export function replayCache(
  settings: HandlerSettings,
  step: number,
  actions: readonly CacheAction[],
): CacheRun {
  return modelAt(settings, step, actions).run;
}

/** Why a student's action cannot be done, or undefined when it can. */
function unfit(model: CacheModel, action: CacheLabAction): string | undefined {
  const check = (r: Validation<number>): string | undefined => (r.ok ? undefined : r.message);
  switch (action.kind) {
    case 'request':
      return check(validateProductId(String(action.productId)));
    case 'wait':
      return check(validateWait(String(action.seconds)));
    case 'update':
      return (
        check(validateProductId(String(action.productId))) ??
        check(validatePrice(String(action.price)))
      );
    case 'settings': {
      const bad =
        check(validateTtl(String(action.ttlSeconds))) ?? check(validateDbMs(String(action.dbMs)));
      if (bad) return bad;
      const { ttlSeconds, dbMs } = model.settings;
      return action.ttlSeconds === ttlSeconds && action.dbMs === dbMs
        ? 'Эти настройки уже действуют.'
        : undefined;
    }
  }
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

/** Everything one frame shows. */
export interface CacheView {
  readonly run: CacheRun;
  readonly settings: HandlerSettings;
  readonly step: number;
  readonly actions: number;
  /** The last request, when the last thing that happened was one. */
  readonly record: RequestRecord | undefined;
  /** The last PUT, when the last thing that happened was one. */
  readonly update: UpdateRecord | undefined;
  readonly keys: readonly CachedKey[];
  readonly stats: CacheStats;
  /** True when the frame only replays the same story with new settings. */
  readonly replayed: boolean;
}

/** The frame a model shows. */
export function viewOf(model: CacheModel, at: FrameAt<string>): CacheView {
  const { run } = model;
  return {
    run,
    settings: model.settings,
    step: at.step,
    actions: at.actions,
    record: run.last?.kind === 'request' ? run.last.record : undefined,
    update: run.last?.kind === 'update' ? run.last.record : undefined,
    keys: cachedKeys(run.redis),
    stats: statsOf(run.requests),
    replayed: model.replayed,
  };
}

/** The cache-aside widget's logic (one story). */
export const cacheLogic: WidgetLogic<CacheModel, CacheView, CacheLabAction, 'cache-aside'> = {
  init: () => initModel(DEFAULT_SETTINGS),
  play: (model, _story, step) => playStep(model, step),
  act(model, action) {
    const reason = unfit(model, action);
    if (reason !== undefined) return refuse(reason);
    if (action.kind !== 'settings') return doAction(model, action);
    const settings = { ttlSeconds: action.ttlSeconds, dbMs: action.dbMs };
    return { ...modelAt(settings, model.played, model.actions), replayed: true };
  },
  view: viewOf,
  caption: (view) => captionFor(view.run, view.settings.ttlSeconds),
};
