import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WIDGETS } from '../../../../src/lecture/names.ts';
import {
  CACHE_TTL,
  DB_MS,
  PRODUCTS,
  REDIS_RTT_MS,
  getProduct,
  productKey,
  pythonJsonDumps,
} from '../../../../src/widgets/cache-aside/app.ts';
import { initRedis, stepRedis } from '../../../../src/broker/redis/index.ts';
import {
  CACHE_STEPS,
  CACHE_STORY,
  DEFAULT_SETTINGS,
} from '../../../../src/widgets/cache-aside/story.ts';
import { cachedKeys, replayCache, statsOf } from '../../../../src/widgets/cache-aside/logic.ts';
import {
  captionFor,
  formatClock,
  formatSeconds,
} from '../../../../src/widgets/cache-aside/caption.ts';
import {
  validateDbMs,
  validatePrice,
  validateProductId,
  validateTtl,
  validateWait,
} from '../../../../src/widgets/cache-aside/logic.ts';
import { flightMs, routeFor, tokenAt, centre } from '../../../../src/widgets/cache-aside/route.ts';
import { edgeStates } from '../../../../src/widgets/cache-aside/picture.ts';
import { productLabel } from '../../../../src/widgets/cache-aside/panel.ts';

const sources = (step: number, settings = DEFAULT_SETTINGS) =>
  replayCache(settings, step, []).requests.map((r) => r.source);

describe('cache-aside matches the code on slide 13', () => {
  const code = readFileSync('examples/redis/cache_aside.py', 'utf8');

  it('uses the example’s TTL, key format, database delay and products', () => {
    expect(code).toContain(`CACHE_TTL = ${CACHE_TTL}`);
    expect(code).toContain('key = f"product:{product_id}"');
    expect(code).toContain(`time.sleep(${DB_MS / 1000})`);
    expect(code).toContain('cache.setex(key, CACHE_TTL, json.dumps(product))');
    for (const p of Object.values(PRODUCTS)) {
      expect(code).toContain(`${p.id}: {"id": ${p.id}, "name": "${p.name}", "price": ${p.price}}`);
    }
    expect(productKey(7)).toBe('product:7');
  });

  it('stores the product as Python’s json.dumps does (ASCII escapes, ", " and ": ")', () => {
    expect(pythonJsonDumps({ id: 2, name: 'Наушники', price: 7490 })).toBe(
      '{"id": 2, "name": "\\u041d\\u0430\\u0443\\u0448\\u043d\\u0438\\u043a\\u0438", "price": 7490}',
    );
    expect(JSON.parse(pythonJsonDumps({ name: 'Ноутбук "Pro"' }))).toEqual({
      name: 'Ноутбук "Pro"',
    });
  });
});

describe('get_product against the simulated Redis', () => {
  it('misses, reads the database, SETEXes with the TTL, then hits', () => {
    const first = getProduct(initRedis(), 1, DEFAULT_SETTINGS, 1);
    expect(first.record.source).toBe('db');
    expect(first.record.commands.map((c) => [c.args[0], c.reply])).toEqual([
      ['GET', null],
      ['SETEX', 'OK'],
    ]);
    expect(first.record.commands[1]?.args.slice(1, 3)).toEqual(['product:1', String(CACHE_TTL)]);
    expect(first.record.ms).toBe(REDIS_RTT_MS + DB_MS + REDIS_RTT_MS);
    const ttl = stepRedis(first.redis, { type: 'TTL', key: 'product:1' });
    expect(ttl.events[0]).toMatchObject({ reply: CACHE_TTL });
    const second = getProduct(first.redis, 1, DEFAULT_SETTINGS, 2);
    expect(second.record.source).toBe('cache');
    expect(second.record.ms).toBe(REDIS_RTT_MS);
    expect(second.record.commands).toHaveLength(1);
  });

  it('answers 404 for an unknown product after the database read and caches nothing', () => {
    const r = getProduct(initRedis(), 42, { ttlSeconds: 60, dbMs: 350 }, 1);
    expect(r.record.source).toBe('not-found');
    expect(r.record.ms).toBe(REDIS_RTT_MS + 350);
    expect(r.record.commands.map((c) => c.args[0])).toEqual(['GET']);
    expect(Object.keys(r.redis.keys)).toEqual([]);
    expect(getProduct(r.redis, 42, DEFAULT_SETTINGS, 2).record.source).toBe('not-found');
  });
});

describe('the clicker story', () => {
  it('has the catalogue step count', () => {
    expect(WIDGETS['cache-aside'].steps).toBe(CACHE_STEPS);
    expect(CACHE_STORY).toHaveLength(CACHE_STEPS);
  });

  it('goes miss → hit → hits and a second product → expiry → miss again', () => {
    expect(sources(0)).toEqual([]);
    expect(sources(1)).toEqual(['db']);
    expect(sources(2)).toEqual(['db', 'cache']);
    expect(sources(3)).toEqual(['db', 'cache', 'cache', 'db', 'cache']);
    const expired = replayCache(DEFAULT_SETTINGS, 4, []);
    expect(expired.last?.kind).toBe('wait');
    expect([...expired.expired].sort()).toEqual(['product:1', 'product:2']);
    expect(cachedKeys(expired.redis)).toEqual([]);
    expect(sources(5)).toEqual(['db', 'cache', 'cache', 'db', 'cache', 'db']);
  });

  it('seeks: the state after step n is the same however it is reached', () => {
    for (let n = 0; n <= CACHE_STEPS; n++) {
      expect(replayCache(DEFAULT_SETTINGS, n, [])).toEqual(replayCache(DEFAULT_SETTINGS, n, []));
    }
    expect(replayCache(DEFAULT_SETTINGS, 99, [])).toEqual(
      replayCache(DEFAULT_SETTINGS, CACHE_STEPS, []),
    );
  });

  it('lets the core decide hits with a student’s TTL: with 1 s the second request already misses', () => {
    expect(sources(2, { ttlSeconds: 1, dbMs: 200 })).toEqual(['db', 'db']);
    expect(sources(2, { ttlSeconds: 2, dbMs: 200 })).toEqual(['db', 'cache']);
  });

  it('counts hit ratio and response times', () => {
    const run = replayCache(DEFAULT_SETTINGS, 3, []);
    const st = statsOf(run.requests);
    expect(st).toMatchObject({ requests: 5, hits: 3, misses: 2, hitPercent: 60, hitMs: 1 });
    expect(st.missMs).toBe(202);
    expect(st.averageMs).toBe(Math.round((202 * 2 + 3) / 5));
    expect(statsOf([]).hitPercent).toBeUndefined();
  });

  it('applies student actions on top of the step: wait expires keys, requests follow', () => {
    const run = replayCache(DEFAULT_SETTINGS, 2, [
      { kind: 'wait', seconds: 3598 },
      { kind: 'request', productId: 1 },
      { kind: 'wait', seconds: 2 },
    ]);
    expect(run.requests.map((r) => r.source)).toEqual(['db', 'cache', 'cache']);
    expect(run.expired).toEqual(['product:1']);
    expect(run.lead).toBe('');
  });

  it('shows TTL left of each key as the core counts it', () => {
    const run = replayCache(DEFAULT_SETTINGS, 1, [{ kind: 'wait', seconds: 600 }]);
    const [key] = cachedKeys(run.redis);
    expect(key?.key).toBe('product:1');
    expect(Math.ceil((key?.ttlMs ?? 0) / 1000)).toBe(CACHE_TTL - 600);
  });
});

describe('captions and formats', () => {
  it('says what happened in words', () => {
    expect(captionFor(replayCache(DEFAULT_SETTINGS, 0, []), CACHE_TTL)).toMatch(/Кэш пуст/);
    expect(captionFor(replayCache(DEFAULT_SETTINGS, 1, []), CACHE_TTL)).toMatch(
      /промах \(ключа нет\).*SETEX product:1 3600.*202 мс/,
    );
    expect(captionFor(replayCache(DEFAULT_SETTINGS, 2, []), CACHE_TTL)).toMatch(/попадание.*1 мс/);
    expect(captionFor(replayCache(DEFAULT_SETTINGS, 4, []), CACHE_TTL)).toMatch(
      /TTL истёк — Redis сам удалил product:1, product:2/,
    );
    expect(captionFor(replayCache(DEFAULT_SETTINGS, 5, []), CACHE_TTL)).toMatch(
      /ключ истёк по TTL/,
    );
    const missing = replayCache(DEFAULT_SETTINGS, 0, [{ kind: 'request', productId: 9 }]);
    expect(captionFor(missing, CACHE_TTL)).toMatch(/404.*не кэшируется/);
  });

  it('formats durations and the virtual clock', () => {
    expect(formatSeconds(5)).toBe('5 с');
    expect(formatSeconds(3600)).toBe('3600 с (1 ч)');
    expect(formatSeconds(90)).toBe('90 с (1 мин 30 с)');
    expect(formatClock(3_604_407)).toBe('1:00:04,407');
  });
});

describe('validation', () => {
  it('accepts the slide’s values and rejects the rest with a Russian message', () => {
    expect(validateProductId('1')).toEqual({ ok: true, value: 1 });
    expect(validateTtl('3600')).toEqual({ ok: true, value: 3600 });
    expect(validateDbMs('200')).toEqual({ ok: true, value: 200 });
    expect(validateWait('60')).toEqual({ ok: true, value: 60 });
    const bad: [ReturnType<typeof validateTtl>, RegExp][] = [
      [validateProductId('abc'), /422/],
      [validateProductId('<img src=x onerror=alert(1)>'), /Номер товара/],
      [validateProductId('1234567'), /Номер товара/],
      [validateTtl('0'), /invalid expire time/],
      [validateTtl('-5'), /invalid expire time/],
      [validateTtl('86401'), /от 1 до 86400/],
      [validateDbMs('5001'), /от 0 до 5000/],
      [validateWait('0'), /Пауза/],
      [validateWait('9'.repeat(10_000)), /Пауза/],
    ];
    for (const [r, message] of bad) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(message);
    }
  });
});

describe('route geometry', () => {
  it('follows get_product: a hit skips the database, a miss also SETEXes, a 404 does not', () => {
    expect(routeFor('cache')).toEqual(['client', 'app', 'redis', 'app', 'client']);
    expect(routeFor('db').filter((n) => n === 'redis')).toHaveLength(2);
    expect(routeFor('not-found').filter((n) => n === 'redis')).toHaveLength(1);
    expect(routeFor('not-found')).toContain('db');
  });

  it('moves the token from the client and back; the slow DB makes the flight longer', () => {
    const route = routeFor('db');
    expect(tokenAt(route, 0, 200)).toMatchObject(centre('client'));
    expect(tokenAt(route, 1e9, 200)).toMatchObject(centre('client'));
    expect(flightMs(route, 1000)).toBeGreaterThan(flightMs(route, 0));
    expect(flightMs(route, 1e9)).toBeLessThan(10_000);
  });

  it('styles edges by outcome', () => {
    const run = replayCache(DEFAULT_SETTINGS, 2, []);
    const rec = run.last?.kind === 'request' ? run.last.record : undefined;
    expect(edgeStates(rec)['app-redis']).toBe('hit');
    expect(edgeStates(undefined)['app-db']).toBe('idle');
    const miss = replayCache(DEFAULT_SETTINGS, 1, []);
    expect(edgeStates(miss.last?.kind === 'request' ? miss.last.record : undefined)).toEqual({
      'client-app': 'miss',
      'app-redis': 'setex',
      'app-db': 'db',
    });
  });
});

describe('keyspace panel text', () => {
  it('reads name and price back from the JSON Redis holds', () => {
    expect(productLabel(pythonJsonDumps({ id: 1, name: 'Ноутбук', price: 89990 }))).toBe(
      `Ноутбук, ${(89990).toLocaleString('ru-RU')} ₽`,
    );
    expect(productLabel('not json')).toBe('');
  });
});

describe('update_price: PUT changes the row and DELetes the cached copy', () => {
  it('invalidates: the next GET misses and caches the new price', () => {
    const run = replayCache(DEFAULT_SETTINGS, 2, [
      { kind: 'update', productId: 1, price: 79990 },
      { kind: 'request', productId: 1 },
    ]);
    expect(run.db[1]?.price).toBe(79990);
    expect(PRODUCTS[1]?.price).toBe(89990);
    expect(run.requests.map((r) => r.source)).toEqual(['db', 'cache', 'db']);
    const [key] = cachedKeys(run.redis);
    expect(JSON.parse(key?.value ?? '{}')).toMatchObject({ id: 1, price: 79990 });
  });

  it('sends DEL through the core (1 when cached, 0 when not) after the slow read', () => {
    const cached = replayCache(DEFAULT_SETTINGS, 1, [{ kind: 'update', productId: 1, price: 5 }]);
    expect(cached.last?.kind).toBe('update');
    if (cached.last?.kind !== 'update') return;
    expect(cached.last.record.commands.map((c) => [...c.args, c.reply])).toEqual([
      ['DEL', 'product:1', 1],
    ]);
    expect(cached.last.record.ms).toBe(DB_MS + REDIS_RTT_MS);
    expect(captionFor(cached, CACHE_TTL)).toMatch(/DEL product:1 → 1: старая копия удалена/);
    const cold = replayCache(DEFAULT_SETTINGS, 0, [{ kind: 'update', productId: 2, price: 5 }]);
    expect(captionFor(cold, CACHE_TTL)).toMatch(/DEL product:2 → 0/);
  });

  it('answers 404 for an unknown product and touches neither the row nor Redis', () => {
    const run = replayCache(DEFAULT_SETTINGS, 1, [{ kind: 'update', productId: 9, price: 5 }]);
    expect(run.db).toEqual(PRODUCTS);
    expect(cachedKeys(run.redis).map((k) => k.key)).toEqual(['product:1']);
    expect(captionFor(run, CACHE_TTL)).toMatch(/404/);
    expect(routeFor('update-404')).not.toContain('redis');
    expect(routeFor('update')).toContain('redis');
  });

  it('validates the price as the PriceUpdate model’s int, within 1–10 000 000', () => {
    expect(validatePrice('79990')).toEqual({ ok: true, value: 79990 });
    for (const bad of ['0', '-1', '1.5', 'abc', '10000001', '<b>1</b>']) {
      const r = validatePrice(bad);
      expect(r.ok, bad).toBe(false);
    }
  });
});
