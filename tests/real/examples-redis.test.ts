/**
 * Runs the Redis examples of slides 10–14 (examples/redis/) with Debian's Python against the real
 * Redis the global setup started, and checks what they print, store and answer; the FastAPI apps
 * run under `python3 -m uvicorn` and are called over real HTTP.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from '../setup/servers.ts';
import { pythonPackageVersions, runPython, startPython } from './helpers/python.ts';
import { useRedisDb } from './helpers/redis-db.ts';
import { serve, type HttpAnswer } from './helpers/uvicorn.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/redis', import.meta.url));
/** A database of its own, so that fixed key names in the examples meet no other test's keys. */
const DB = 11;
const VERSIONS = pythonPackageVersions(['redis', 'fastapi', 'pydantic']);

describe(`Redis examples (Debian: ${VERSIONS})`, () => {
  const db = useRedisDb(DB);
  const env = (): Record<string, string> => ({ REDIS_URL: db.url });
  const run = (args: string[], extraEnv: Record<string, string> = {}) =>
    runPython(args, { cwd: EXAMPLES, env: { ...env(), ...extraEnv } });

  it('every example compiles and the shell script parses', async () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.py'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    const compile = await run([
      '-c',
      'import sys\nfor f in sys.argv[1:]:\n    compile(open(f, encoding="utf-8").read(), f, "exec")',
      ...files,
    ]);
    expect(compile.stderr).toBe('');
    expect(compile.code).toBe(0);
    expect(spawnSync('sh', ['-n', 'docker-run.sh'], { cwd: EXAMPLES }).status).toBe(0);
  });

  it('connect.py (slide 10): PING answers True and strings come back decoded', async () => {
    const result = await run(['connect.py']);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toEqual(['True', 'Привет, Redis!', '']);
  });

  it('basics.py (slide 11): strings, INCR, a FIFO list and a hash', async () => {
    // Run twice: the script must give the same answers on a repeated run.
    for (let i = 0; i < 2; i++) {
      const result = await run(['basics.py']);
      expect(result.stderr).toBe('');
      expect(result.stdout.split('\n')).toEqual([
        'Анна',
        '1',
        '2',
        'task1',
        "('tasks', 'task2')",
        "{'name': 'Анна', 'age': '21'}",
        '',
      ]);
    }
    expect(await db.client.hGetAll('user:1')).toEqual({ name: 'Анна', age: '21' });
    expect(await db.client.get('page:views')).toBe('2');
    expect(await db.client.lLen('tasks')).toBe(0);
  });

  it('pub/sub (slide 12): a message with no subscriber is lost, a subscriber gets later ones', async () => {
    const channel = `notifications-${randomUUID()}`;
    const early = await run(['publisher.py', '--channel', channel, 'до подписки']);
    expect(early.stdout.trim()).toBe('Доставлено подписчикам: 0');

    const subscriber = startPython(['subscriber.py', '--channel', channel, '--max-messages', '1'], {
      cwd: EXAMPLES,
      env: env(),
      timeoutMs: 30_000,
    });
    await subscriber.waitForOutput(/Слушаю канал/);
    await waitForSubscribers(channel, 1);

    const late = await run(['publisher.py', '--channel', channel, 'Заказ 42 оплачен']);
    expect(late.stdout.trim()).toBe('Доставлено подписчикам: 1');

    const done = await subscriber.finished;
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Получено: Заказ 42 оплачен');
    expect(done.stdout).not.toContain('до подписки');
  });

  it('subscriber.py stops cleanly on Ctrl+C', async () => {
    const channel = `notifications-${randomUUID()}`;
    const subscriber = startPython(['subscriber.py', '--channel', channel], {
      cwd: EXAMPLES,
      env: env(),
      timeoutMs: 30_000,
    });
    await waitForSubscribers(channel, 1);
    const result = await subscriber.stop(15_000);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Подписчик остановлен');
    expect(result.stderr).not.toContain('Traceback');
  });

  it('cache_aside.py (slide 13) over HTTP: miss → DB → SETEX 3600 → hit; PUT invalidates', async () => {
    await db.client.del(['product:1', 'product:2']);
    const { calls, stderr } = await cacheCalls(env());
    expect(stderr).not.toContain('Traceback');
    const [miss, hit, missing, update, afterUpdate] = calls;
    expect(miss).toMatchObject({ status: 200, source: 'db', price: 89990 });
    expect(hit).toMatchObject({ status: 200, source: 'cache', price: 89990 });
    // The example's DB sleeps 200 ms; a hit goes to Redis only.
    expect(miss?.seconds).toBeGreaterThanOrEqual(0.2);
    expect(hit?.seconds).toBeLessThan(0.15);
    expect(missing?.status).toBe(404);
    expect(update?.status).toBe(200);
    expect(afterUpdate).toMatchObject({ status: 200, source: 'db', price: 79990 });

    const ttl = await db.client.ttl('product:1');
    expect(ttl).toBeGreaterThan(3590);
    expect(ttl).toBeLessThanOrEqual(3600);
    expect(JSON.parse((await db.client.get('product:1')) ?? 'null')).toEqual({
      id: 1,
      name: 'Ноутбук',
      price: 79990,
    });
    expect(await db.client.exists('product:9')).toBe(0);
  });

  it('cache_aside.py keeps answering from the DB when Redis is down', async () => {
    const closedPort = await freePort();
    const { calls, stderr } = await cacheCalls({
      REDIS_URL: `redis://127.0.0.1:${closedPort}/0`,
    });
    const [first, second, , update, afterUpdate] = calls;
    expect(first).toMatchObject({ status: 200, source: 'db', price: 89990 });
    expect(second).toMatchObject({ status: 200, source: 'db', price: 89990 });
    expect(update?.status).toBe(200);
    expect(afterUpdate).toMatchObject({ status: 200, source: 'db', price: 79990 });
    // Only the invalidation complains, as a warning, not a traceback.
    expect(stderr).toContain('Не удалось сбросить кэш товара 1');
    expect(stderr).not.toContain('Traceback');
  });

  it('email queue (slide 14): the API answers 202 at once, a waiting worker takes the tasks', async () => {
    await db.client.del('email_queue');
    // The worker starts on an empty queue: BRPOP must wait for the tasks, not give up.
    const worker = startPython(['email_worker.py', '--max-tasks', '2'], {
      cwd: EXAMPLES,
      env: env(),
      timeoutMs: 60_000,
    });
    await worker.waitForOutput(/Воркер ждёт задачи/);

    // The API served by uvicorn, called over HTTP as with curl.
    const api = await serve({ cwd: EXAMPLES, module: 'email_queue_api', env: env() });
    const answers: HttpAnswer[] = [];
    for (const payload of [
      { to: 'anna@example.com', subject: 'Заказ принят', body: 'Спасибо за заказ!' },
      { to: 'нет-адреса', subject: 'Битая задача', body: '—' },
    ]) {
      answers.push(await api.request('POST', '/emails', payload));
    }
    const invalid = await api.request('POST', '/emails', { to: 'anna@example.com' });
    const stopped = await api.stop();
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).not.toContain('Traceback');
    expect(answers.map((a) => a.status)).toEqual([202, 202]);
    expect(invalid.status).toBe(422);
    const [good, bad] = answers.map((a) => (a.body as { task_id: string; status: string }).task_id);
    expect(answers.map((a) => (a.body as { status: string }).status)).toEqual(['queued', 'queued']);

    const done = await worker.finished;
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Письмо «Заказ принят» отправлено на anna@example.com');
    expect(done.stdout).toContain('Воркер обработал задач: 2');
    // The broken task is logged and does not stop the worker.
    expect(done.stderr).toContain(`Задача ${bad} не выполнена`);
    expect(done.stderr).not.toContain(`Задача ${good} не выполнена`);
    expect(await db.client.lLen('email_queue')).toBe(0);
  });

  it('email_worker.py stops cleanly on Ctrl+C while waiting', async () => {
    await db.client.del('email_queue');
    const worker = startPython(['email_worker.py'], { cwd: EXAMPLES, env: env() });
    await worker.waitForOutput(/Воркер ждёт задачи/);
    // 15 s before SIGKILL, not the default 5: on two cores shared with a browser test run, CI
    // once saw the interpreter take longer than 5 s to reach its KeyboardInterrupt handler.
    const result = await worker.stop(15_000);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Воркер остановлен');
    expect(result.stderr).not.toContain('Traceback');
  });

  /** Waits until Redis reports `count` subscribers of `channel` (PUBSUB NUMSUB). */
  async function waitForSubscribers(channel: string, count: number): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const numsub = await db.client.pubSubNumSub(channel);
      if (numsub[channel] === count) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`channel ${channel} never had ${count} subscriber(s)`);
  }
});

interface CacheCall {
  status: number;
  source?: string;
  price?: number;
  seconds: number;
}

/** Serves cache_aside.py with uvicorn and makes the five calls of the slide's story over HTTP. */
async function cacheCalls(
  env: Record<string, string>,
): Promise<{ calls: CacheCall[]; stderr: string }> {
  const app = await serve({ cwd: EXAMPLES, module: 'cache_aside', env });
  const calls: CacheCall[] = [];
  const call = async (method: string, path: string, body?: unknown): Promise<void> => {
    const answer = await app.request(method, path, body);
    const json = answer.body as { source?: string; product?: { price?: number } };
    calls.push({
      status: answer.status,
      source: json.source,
      price: json.product?.price,
      seconds: answer.seconds,
    });
  };
  await call('GET', '/products/1');
  await call('GET', '/products/1');
  await call('GET', '/products/9');
  await call('PUT', '/products/1', { price: 79990 });
  await call('GET', '/products/1');
  const stopped = await app.stop();
  expect(stopped.code).toBe(0);
  return { calls, stderr: stopped.stderr };
}
