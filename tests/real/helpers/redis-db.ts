/**
 * A database of the real Redis the global setup starts, for one test file: its URL, and a client
 * that finds it empty before the file's tests and leaves it empty after them. Each file picks its
 * own database number, because the lecture's examples use fixed key names.
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, inject } from 'vitest';
import { killAllPython } from './python.ts';

/** The test server's URL pointing at database `db`. */
export function redisDbUrl(db: number): string {
  const url = new URL(inject('redisUrl'));
  url.pathname = `/${db}`;
  return url.toString();
}

/** A file's database; read `client` inside tests and hooks. */
export interface RedisDb {
  readonly url: string;
  readonly client: ReturnType<typeof createClient>;
}

/**
 * Connects to database `db` and empties it before the file's (or describe block's) tests; after
 * them kills the Python programs the file started (they may still use it), empties it and quits.
 */
export function useRedisDb(db: number): RedisDb {
  const url = redisDbUrl(db);
  let client: ReturnType<typeof createClient> | undefined;
  beforeAll(async () => {
    client = createClient({ url });
    await client.connect();
    await client.flushDb();
  });
  afterAll(async () => {
    await killAllPython();
    await client?.flushDb();
    await client?.quit();
  });
  return {
    url,
    get client() {
      if (!client) throw new Error('the Redis client connects in beforeAll');
      return client;
    },
  };
}
