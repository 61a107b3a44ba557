/**
 * The FastAPI handler of slide 13 (examples/redis/cache_aside.py) run against the simulated
 * Redis: GET product:{id}; on a miss the slow database read, then SETEX with the TTL. Every Redis
 * command goes through the core's `stepRedis`, so hits, misses and expiry are the core's answers.
 */
import { stepRedis } from '../../broker/redis/index.ts';
import type { RedisCommand, RedisReply, RedisState } from '../../broker/redis/index.ts';

/** `CACHE_TTL` of the slide's code: one hour. */
export const CACHE_TTL = 3600;

/** `time.sleep(0.2)` in `load_product_from_db`: the slow database read. */
export const DB_MS = 200;

/** One round trip to Redis on the same host (GET or SETEX), in virtual milliseconds. */
export const REDIS_RTT_MS = 1;

/** The slide's `PRODUCTS` table. */
export const PRODUCTS: Readonly<Record<number, Product>> = {
  1: { id: 1, name: 'Ноутбук', price: 89990 },
  2: { id: 2, name: 'Наушники', price: 7490 },
};

/** The database table: product id → row (the slide's PRODUCTS dict, prices may change). */
export type Catalog = Readonly<Record<number, Product>>;

/** A product row. */
export interface Product {
  readonly id: number;
  readonly name: string;
  readonly price: number;
}

/** What the handler answered: from the cache, from the database, or 404. */
export type Source = 'cache' | 'db' | 'not-found';

/** One Redis command the handler sent and the reply it got, in Redis's words. */
export interface SentCommand {
  readonly args: readonly string[];
  readonly reply: RedisReply;
}

/** One request as the client saw it. */
export interface RequestRecord {
  readonly n: number;
  readonly productId: number;
  readonly key: string;
  /** Virtual time the request arrived (ms). */
  readonly at: number;
  readonly source: Source;
  /** Response time (ms of virtual time from arrival to reply). */
  readonly ms: number;
  /** Database time spent in this request (0 on a hit). */
  readonly dbMs: number;
  readonly commands: readonly SentCommand[];
}

/** `f"product:{product_id}"`. */
export function productKey(productId: number): string {
  return `product:${productId}`;
}

/** Python's `json.dumps(product)`: `", "`/`": "` separators and ASCII-only (`\uXXXX`) strings. */
export function pythonJsonDumps(value: Readonly<Record<string, string | number>>): string {
  const str = (s: string): string =>
    JSON.stringify(s).replace(
      /[\u007f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  const parts = Object.entries(value).map(
    ([k, v]) => `${str(k)}: ${typeof v === 'number' ? String(v) : str(v)}`,
  );
  return `{${parts.join(', ')}}`;
}

function send(
  state: RedisState,
  command: RedisCommand,
): { state: RedisState; sent: SentCommand | undefined } {
  const r = stepRedis(state, command);
  const reply = r.events.find((e) => e.type === command.type);
  const sent = reply && 'reply' in reply ? { args: reply.args, reply: reply.reply } : undefined;
  return { state: r.state, sent };
}

function advance(state: RedisState, ms: number): RedisState {
  return ms > 0 ? stepRedis(state, { type: 'advance', ms }).state : state;
}

/** Handler settings a student may change (the slide's values by default). */
export interface HandlerSettings {
  readonly ttlSeconds: number;
  readonly dbMs: number;
}

/** Runs `get_product(product_id)` at the current virtual time; returns Redis after it and the record. */
export function getProduct(
  redis: RedisState,
  productId: number,
  settings: HandlerSettings,
  n: number,
  db: Catalog = PRODUCTS,
): { redis: RedisState; record: RequestRecord } {
  const key = productKey(productId);
  const at = redis.clock.now;
  const commands: SentCommand[] = [];
  const got = send(redis, { type: 'GET', key });
  if (got.sent) commands.push(got.sent);
  let state = advance(got.state, REDIS_RTT_MS);
  const cached = got.sent?.reply;
  const done = (source: Source, dbMs: number) => ({
    redis: state,
    record: { n, productId, key, at, source, ms: state.clock.now - at, dbMs, commands },
  });
  if (typeof cached === 'string') return done('cache', 0);
  state = advance(state, settings.dbMs);
  const product = db[productId];
  // HTTPException(404) is raised before setex: a missing product is never cached.
  if (!product) return done('not-found', settings.dbMs);
  const set = send(state, {
    type: 'SETEX',
    key,
    seconds: settings.ttlSeconds,
    value: pythonJsonDumps({ ...product }),
  });
  if (set.sent) commands.push(set.sent);
  state = advance(set.state, REDIS_RTT_MS);
  return done('db', settings.dbMs);
}

/** One PUT /products/{id} as the client saw it. */
export interface UpdateRecord {
  readonly productId: number;
  readonly key: string;
  readonly price: number;
  /** False when the product is not in the database (404, nothing deleted). */
  readonly found: boolean;
  readonly ms: number;
  readonly dbMs: number;
  readonly commands: readonly SentCommand[];
}

/** Runs `update_price`: read the row (slow), change the price, DEL the cached copy. */
export function updatePrice(
  redis: RedisState,
  db: Catalog,
  productId: number,
  price: number,
  settings: HandlerSettings,
): { redis: RedisState; db: Catalog; record: UpdateRecord } {
  const key = productKey(productId);
  const at = redis.clock.now;
  let state = advance(redis, settings.dbMs);
  const product = db[productId];
  const base = { productId, key, price, dbMs: settings.dbMs };
  if (!product) {
    const ms = state.clock.now - at;
    return { redis: state, db, record: { ...base, found: false, ms, commands: [] } };
  }
  const next: Catalog = { ...db, [productId]: { ...product, price } };
  const del = send(state, { type: 'DEL', keys: [key] });
  state = advance(del.state, REDIS_RTT_MS);
  const commands = del.sent ? [del.sent] : [];
  const ms = state.clock.now - at;
  return { redis: state, db: next, record: { ...base, found: true, ms, commands } };
}
