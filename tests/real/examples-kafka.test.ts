/**
 * Runs the Kafka examples of slides 31–34 (examples/kafka/) as a student would — the scripts with
 * Debian's Python, the FastAPI apps with `python3 -m uvicorn` and real HTTP requests — against a
 * file-backed stand-in for the broker (tests/real/fake-kafka/sitecustomize.py): no Kafka server
 * can run here. The stand-in replaces only kafka-python's KafkaProducer and KafkaConsumer, checks
 * their config keys against kafka-python's own DEFAULT_CONFIG and logs every client call, so the
 * tests see that the apps' startup created the client and their shutdown closed it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killAllPython, pythonPackageVersions, runPython } from './helpers/python.ts';
import { serve, type ServedApp } from './helpers/uvicorn.ts';

const EXAMPLES = fileURLToPath(new URL('../../examples/kafka', import.meta.url));
const FAKE_KAFKA = fileURLToPath(new URL('./fake-kafka', import.meta.url));
const VERSIONS = pythonPackageVersions(['kafka', 'fastapi', 'uvicorn']);

/** One line of the stand-in's client-calls.log. */
interface ClientEvent {
  pid: number;
  client: 'producer' | 'consumer';
  event: string;
  [detail: string]: unknown;
}

/** One record of a topic file: key and value are base64 of the serialized bytes. */
interface StoredRecord {
  offset: number;
  key: string | null;
  value: string;
}

describe(`Kafka examples with a stand-in broker (Debian: ${VERSIONS})`, () => {
  let dir = '';
  const apps: ServedApp[] = [];
  const env = (): Record<string, string> => ({
    PYTHONPATH: FAKE_KAFKA,
    FAKE_KAFKA_DIR: dir,
    KAFKA_BOOTSTRAP: '127.0.0.1:9',
  });
  const events = (): ClientEvent[] =>
    readLines(join(dir, 'client-calls.log')).map((line) => JSON.parse(line) as ClientEvent);
  const topic = (name: string): StoredRecord[] =>
    readLines(join(dir, `${name}.jsonl`)).map((line) => JSON.parse(line) as StoredRecord);
  const valueOf = (record: StoredRecord | undefined): unknown =>
    JSON.parse(Buffer.from(record?.value ?? '', 'base64').toString('utf8'));
  /** Runs an example script to the end, expects nothing on stderr, and returns its stdout lines. */
  const printedLines = async (args: string[]): Promise<string[]> => {
    const result = await runPython(args, { cwd: EXAMPLES, env: env() });
    expect(result.stderr).toBe('');
    return result.stdout.trim().split('\n');
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fake-kafka-'));
  });

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  afterAll(killAllPython);

  it('fastapi_producer.py (slide 33): startup creates the producer, POST /events answers partition and offset, shutdown closes it', async () => {
    const app = await serve({ cwd: EXAMPLES, module: 'fastapi_producer', env: env() });
    apps.push(app);
    const pid = app.process.child.pid;
    // Startup ran on FastAPI 0.92 too: the producer exists before the first request.
    expect(events()).toEqual([{ pid, client: 'producer', event: 'init', acks: 'all' }]);

    const first = await app.request('POST', '/events', {
      type: 'order_created',
      data: { order_id: 1 },
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ partition: 0, offset: 0 });
    const second = await app.request('POST', '/events', { type: 'user_registered' });
    expect(second).toMatchObject({ status: 200, body: { partition: 0, offset: 1 } });
    expect((await app.request('POST', '/events', { data: {} })).status).toBe(422);

    const stored = topic('events');
    expect(stored).toHaveLength(2);
    const value = valueOf(stored[0]) as { type: string; data: unknown; timestamp: string };
    expect(value.type).toBe('order_created');
    expect(value.data).toEqual({ order_id: 1 });
    expect(Date.parse(value.timestamp)).not.toBeNaN();
    expect(valueOf(stored[1])).toMatchObject({ type: 'user_registered', data: {} });

    const stopped = await apps.splice(0)[0]?.stop();
    expect(stopped?.code).toBe(0);
    expect(stopped?.stderr).toContain('Application shutdown complete.');
    expect(stopped?.stderr).not.toContain('Traceback');
    expect(events().map((e) => `${e.client} ${e.event}`)).toEqual([
      'producer init',
      'producer send',
      'producer send',
      'producer close',
    ]);
  });

  it('fastapi_consumer.py (slide 34): startup starts the consumer thread, GET /stats counts what the producer app sent, shutdown closes the consumer', async () => {
    const consumer = await serve({ cwd: EXAMPLES, module: 'fastapi_consumer', env: env() });
    apps.push(consumer);
    await waitFor(() => events().some((e) => e.client === 'consumer' && e.event === 'init'));
    expect(events().find((e) => e.event === 'init')).toMatchObject({
      pid: consumer.process.child.pid,
      topics: ['events'],
      group_id: 'event-processors',
      auto_offset_reset: 'earliest',
    });
    expect(await consumer.request('GET', '/stats')).toMatchObject({ status: 200, body: {} });

    const producer = await serve({ cwd: EXAMPLES, module: 'fastapi_producer', env: env() });
    apps.push(producer);
    for (const event of [
      { type: 'order_created', data: { order_id: 1 } },
      { type: 'order_created', data: { order_id: 2 } },
      { type: 'user_registered', data: { user_id: 7 } },
      { type: 'page_viewed', data: {} }, // no handler: logged and skipped
    ]) {
      expect((await producer.request('POST', '/events', event)).status).toBe(200);
    }
    let stats: unknown = null;
    await waitFor(async () => {
      stats = (await consumer.request('GET', '/stats')).body;
      return JSON.stringify(stats) === JSON.stringify({ order_created: 2, user_registered: 1 });
    });
    expect(stats).toEqual({ order_created: 2, user_registered: 1 });

    const started = Date.now();
    const stopped = await apps.splice(0, 1)[0]?.stop();
    // The thread's poll waits ≤ 1 s before it sees the stop flag; join() waits ≤ 10 s.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(stopped?.code).toBe(0);
    expect(stopped?.stderr).toContain('Application shutdown complete.');
    expect(stopped?.stderr).toContain('неизвестный тип события: page_viewed');
    expect(stopped?.stderr).not.toContain('Traceback');
    const consumerEvents = events().filter((e) => e.client === 'consumer');
    expect(consumerEvents.at(-1)?.event).toBe('close');
  });

  it('producer.py and consumer.py (slides 31–32): keyed JSON orders, one commit per message, close at the end', async () => {
    expect(await printedLines(['producer.py', '--count', '3', '--topic', 'orders'])).toEqual([
      'партиция 0, offset 0',
      'партиция 0, offset 1',
      'партиция 0, offset 2',
    ]);
    const stored = topic('orders');
    expect(stored.map((r) => Buffer.from(r.key ?? '', 'base64').toString('utf8'))).toEqual([
      '1',
      '0',
      '1',
    ]);
    expect(valueOf(stored[2])).toEqual({ order_id: 3, user_id: 1, total: 2970 });

    expect(await printedLines(['consumer.py', '--max-messages', '3'])).toEqual([
      "orders 0 0 {'order_id': 1, 'user_id': 1, 'total': 990}",
      "orders 0 1 {'order_id': 2, 'user_id': 0, 'total': 1980}",
      "orders 0 2 {'order_id': 3, 'user_id': 1, 'total': 2970}",
    ]);
    const consumerEvents = events().filter((e) => e.client === 'consumer');
    expect(consumerEvents[0]).toMatchObject({
      group_id: 'order-processors',
      auto_offset_reset: 'earliest',
      enable_auto_commit: false,
    });
    // commit() after each message stores the position after it.
    expect(consumerEvents.filter((e) => e.event === 'commit').map((e) => e['positions'])).toEqual([
      { orders: 1 },
      { orders: 2 },
      { orders: 3 },
    ]);
    expect(consumerEvents.at(-1)?.event).toBe('close');
    expect(
      events()
        .filter((e) => e.client === 'producer')
        .at(-1)?.event,
    ).toBe('close');
  });
});

function readLines(path: string): string[] {
  try {
    return readFileSync(path, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
