/**
 * Runs the RabbitMQ examples of slides 22–26 (examples/rabbitmq/) with Debian's Python against the
 * real RabbitMQ the global setup started, and checks what they print and what reaches the broker.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../setup/servers.ts';
import { serve } from './helpers/uvicorn.ts';

const PYTHON = '/usr/bin/python3';
const EXAMPLES = fileURLToPath(new URL('../../examples/rabbitmq', import.meta.url));

interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Every child started here, so that afterAll can stop whatever a failed test left running. */
const children = new Set<ChildProcess>();

/** Runs a Python program from examples/rabbitmq to completion. */
function runPython(args: string[], env: Record<string, string>, timeoutMs = 60_000) {
  return new Promise<RunResult>((resolve) => {
    const child = execFile(
      PYTHON,
      args,
      { cwd: EXAMPLES, env: { ...process.env, ...env, PYTHONUNBUFFERED: '1' }, timeout: timeoutMs },
      (error, stdout, stderr) => {
        children.delete(child);
        resolve({ code: error ? (child.exitCode ?? -1) : 0, stdout, stderr });
      },
    );
    children.add(child);
  });
}

/** A long-running Python program whose output can be awaited line by line. */
class PythonProcess {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  private readonly exited: Promise<number | null>;

  constructor(args: string[], env: Record<string, string>) {
    this.child = spawn(PYTHON, args, {
      cwd: EXAMPLES,
      env: { ...process.env, ...env, PYTHONUNBUFFERED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(this.child);
    this.child.stdout?.on('data', (chunk: Buffer) => (this.stdout += chunk.toString('utf8')));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code) => {
        children.delete(this.child);
        resolve(code);
      }),
    );
  }

  /** Resolves once stdout contains `text`; rejects on exit or after `timeoutMs`. */
  async waitFor(text: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.stdout.includes(text)) {
      if (this.child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`"${text}" not printed; stdout:\n${this.stdout}\nstderr:\n${this.stderr}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** The exit code, once the process has ended by itself. */
  exit(): Promise<number | null> {
    return this.exited;
  }
}

const unique = (name: string): string => `ex-${name}-${randomUUID().slice(0, 8)}`;

let amqpUrl = '';
let connection: amqp.ChannelModel;

beforeAll(async () => {
  amqpUrl = inject('amqpUrl');
  connection = await amqp.connect(amqpUrl);
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await connection.close();
});

/** Publishes like the lecture's producer does: persistent, to a durable queue. */
async function sendTasks(queue: string, bodies: string[]): Promise<void> {
  const channel = await connection.createConfirmChannel();
  await channel.assertQueue(queue, { durable: true });
  for (const body of bodies) channel.sendToQueue(queue, Buffer.from(body), { persistent: true });
  await channel.waitForConfirms();
  await channel.close();
}

/** Takes every message off `queue`, expecting each persistent, and returns their JSON bodies. */
async function takePersistentJson(queue: string): Promise<unknown[]> {
  const channel = await connection.createChannel();
  const bodies: unknown[] = [];
  for (let message = await channel.get(queue); message; message = await channel.get(queue)) {
    expect(message.properties.deliveryMode).toBe(2);
    bodies.push(JSON.parse(message.content.toString('utf8')));
    channel.ack(message);
  }
  await channel.close();
  return bodies;
}

/** True when `queue` exists and is durable: re-declaring it as transient must fail with 406. */
async function isDurable(queue: string): Promise<boolean> {
  const channel = await connection.createChannel();
  channel.on('error', () => undefined); // the 406 closes this channel; that is the point
  try {
    await channel.assertQueue(queue, { durable: false });
    await channel.close();
    return false;
  } catch (error) {
    return String(error).includes('PRECONDITION_FAILED');
  }
}

async function messageCount(queue: string): Promise<number> {
  const channel = await connection.createChannel();
  const { messageCount: count } = await channel.checkQueue(queue);
  await channel.close();
  return count;
}

describe('examples/rabbitmq: files', () => {
  it('every Python example compiles with Debian Python 3.11', async () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.py'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    const result = await runPython(['-m', 'py_compile', ...files], {});
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('the docker command is valid shell and publishes the ports the examples use', async () => {
    const script = readFileSync(join(EXAMPLES, 'run-rabbitmq.sh'), 'utf8');
    const syntax = await new Promise<number | null>((resolve) =>
      spawn('sh', ['-n', join(EXAMPLES, 'run-rabbitmq.sh')]).on('exit', resolve),
    );
    expect(syntax).toBe(0);
    expect(script).toMatch(/-p 5672:5672/);
    expect(script).toMatch(/-p 15672:15672/);
    expect(script).toMatch(/rabbitmq:[\w.-]*management/);
    const producer = readFileSync(join(EXAMPLES, 'producer.py'), 'utf8');
    expect(producer).toContain('amqp://guest:guest@localhost:5672/%2F');
  });
});

describe('slide 22: connect.py', () => {
  it('connects with pika and declares a durable queue', async () => {
    const queue = unique('connect');
    const result = await runPython(['connect.py'], { AMQP_URL: amqpUrl, QUEUE: queue });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(`Очередь '${queue}' готова: сообщений 0, получателей 0`);
    expect(await isDurable(queue)).toBe(true);
  });
});

describe('slide 23: producer.py', () => {
  it('publishes a persistent JSON message through the default exchange', async () => {
    const queue = unique('producer');
    const task = { task_id: 7, type: 'send_email', to: 'student@example.com' };
    const result = await runPython(['producer.py', JSON.stringify(task)], {
      AMQP_URL: amqpUrl,
      QUEUE: queue,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`Отправлено в '${queue}'`);

    expect(await isDurable(queue)).toBe(true);
    const channel = await connection.createChannel();
    const message = await channel.get(queue, { noAck: true });
    await channel.close();
    expect(message).not.toBe(false);
    if (message === false) return;
    expect(JSON.parse(message.content.toString('utf8'))).toEqual(task);
    expect(message.properties.deliveryMode).toBe(2);
    expect(message.fields.exchange).toBe('');
    expect(message.fields.routingKey).toBe(queue);
  });
});

describe('slide 24: consumer.py', () => {
  it('acks once per task, skips a duplicate, retries a bad message once and then drops it', async () => {
    const queue = unique('consumer');
    await sendTasks(queue, [
      JSON.stringify({ task_id: 1, type: 'send_email' }),
      JSON.stringify({ task_id: 1, type: 'send_email' }), // a redelivered duplicate
      'это не JSON',
      JSON.stringify({ task_id: 2, type: 'update_inventory' }),
    ]);
    // 4 messages, the bad one delivered twice: 5 deliveries.
    const result = await runPython(['consumer.py', '--max-messages', '5', '--timeout', '60'], {
      AMQP_URL: amqpUrl,
      QUEUE: queue,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('Обработано'))).toEqual([
      'Обработано: задача 1 (send_email)',
      'Обработано: задача 2 (update_inventory)',
    ]);
    const errors = lines.filter((l) => l.startsWith('Ошибка'));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/requeue=True$/);
    expect(errors[1]).toMatch(/requeue=False$/);
    expect(lines.at(-1)).toBe('Остановлено, доставок: 5');
    expect(await messageCount(queue)).toBe(0);
  });

  it('stops cleanly on SIGTERM and leaves an unprocessed task in the queue', async () => {
    const queue = unique('consumer-stop');
    const consumer = new PythonProcess(['consumer.py'], { AMQP_URL: amqpUrl, QUEUE: queue });
    await consumer.waitFor('Жду задачи');
    await sendTasks(queue, [JSON.stringify({ task_id: 10, type: 'send_email' })]);
    await consumer.waitFor('Обработано: задача 10');
    consumer.child.kill('SIGTERM');
    expect(await consumer.exit()).toBe(0);
    expect(consumer.stdout).toContain('Остановлено, доставок: 1');
    expect(consumer.stderr).toBe('');
    // Acknowledged work is gone; nothing is stuck unacked after the shutdown.
    expect(await messageCount(queue)).toBe(0);
  });

  it('prefetch_count=1 lets a worker that joins late take part of a backlog', async () => {
    const queue = unique('consumer-fair');
    const tasks = Array.from({ length: 40 }, (_, i) => JSON.stringify({ task_id: i, type: 't' }));
    await sendTasks(queue, tasks);
    const env = { AMQP_URL: amqpUrl, QUEUE: queue };
    const count = (worker: PythonProcess): number =>
      worker.stdout.match(/^Обработано/gm)?.length ?? 0;
    const first = new PythonProcess(['consumer.py'], env);
    await first.waitFor('Обработано');
    // Without a prefetch limit the first worker would now hold the whole backlog unacked.
    const second = new PythonProcess(['consumer.py'], env);
    const deadline = Date.now() + 60_000;
    while (count(first) + count(second) < tasks.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    first.child.kill('SIGTERM');
    second.child.kill('SIGTERM');
    await Promise.all([first.exit(), second.exit()]);
    expect(count(first) + count(second)).toBe(tasks.length);
    expect(count(second)).toBeGreaterThan(0);
    expect(await messageCount(queue)).toBe(0);
  });
});

describe('slide 26: topic exchange', () => {
  it('routes error.payment to both "error.*" and "*.payment"; "#" matches any number of words', async () => {
    const env = { AMQP_URL: amqpUrl, EXCHANGE: unique('logs') };
    const errors = new PythonProcess(['topic_consume.py', 'error.*', '--max-messages', '2'], env);
    const payments = new PythonProcess(
      ['topic_consume.py', '*.payment', '--max-messages', '2'],
      env,
    );
    const everything = new PythonProcess(['topic_consume.py', '#', '--max-messages', '4'], env);
    const consumers = [errors, payments, everything];
    for (const consumer of consumers) await consumer.waitFor('Подписка на');

    for (const key of ['error.payment', 'error.database', 'info.payment', 'error.payment.eu']) {
      const sent = await runPython(['topic_publish.py', key, `событие ${key}`], env);
      expect(sent.stderr).toBe('');
      expect(sent.stdout.trim()).toBe(`Отправлено [${key}]: событие ${key}`);
    }
    expect(await Promise.all(consumers.map((c) => c.exit()))).toEqual([0, 0, 0]);
    const received = (c: PythonProcess): string[] =>
      c.stdout.split('\n').filter((l) => l.startsWith('['));
    expect(received(errors)).toEqual([
      '[error.payment] событие error.payment',
      '[error.database] событие error.database',
    ]);
    expect(received(payments)).toEqual([
      '[error.payment] событие error.payment',
      '[info.payment] событие info.payment',
    ]);
    expect(received(everything).map((l) => l.slice(1, l.indexOf(']')))).toEqual([
      'error.payment',
      'error.database',
      'info.payment',
      'error.payment.eu',
    ]);
  });

  it('the default run publishes error.payment', async () => {
    const env = { AMQP_URL: amqpUrl, EXCHANGE: unique('logs') };
    const consumer = new PythonProcess(['topic_consume.py', '--max-messages', '1'], env);
    await consumer.waitFor('Подписка на error.*');
    const sent = await runPython(['topic_publish.py'], env);
    expect(sent.stdout.trim()).toBe('Отправлено [error.payment]: Платёж 42 отклонён');
    expect(await consumer.exit()).toBe(0);
    expect(consumer.stdout).toContain('[error.payment] Платёж 42 отклонён');
  });
});

/** Drives fastapi_app.py through FastAPI's TestClient and prints one JSON report. */
const FASTAPI_DRIVER = String.raw`
import json, socket, threading
import fastapi
from fastapi.testclient import TestClient
import fastapi_app as m

task = {"email": "student@example.com", "subject": "Заказ принят"}
report = {"fastapi": fastapi.__version__, "lifespan_wired_by_hand": "lifespan" in m.app.extra}
with TestClient(m.app) as client:
    report["connected_on_startup"] = m.publisher._connection is not None
    response = client.post("/tasks", json=task)
    report["first"] = [response.status_code, response.json()]
    m.publisher._connection.close()  # as if the broker dropped an idle connection
    response = client.post("/tasks", json=task)
    report["after_drop"] = response.status_code
    # A dead socket the client has not noticed yet (broker restart, missed heartbeats).
    m.publisher._connection._impl._transport._sock.shutdown(socket.SHUT_RDWR)
    response = client.post("/tasks", json=task)
    report["after_broken_socket"] = response.status_code
    codes = []
    threads = [threading.Thread(target=lambda: codes.append(client.post("/tasks", json=task).status_code)) for _ in range(20)]
    for thread in threads: thread.start()
    for thread in threads: thread.join()
    report["concurrent"] = codes
    report["invalid"] = client.post("/tasks", json={"email": "x"}).status_code
report["closed_on_shutdown"] = m.publisher._connection is None
print(json.dumps(report, ensure_ascii=False))
`;

/** Without the lifespan (no broker at startup) a request must fail with 503, not hang or 500. */
const FASTAPI_DOWN_DRIVER = String.raw`
import json
from fastapi.testclient import TestClient
import fastapi_app as m

response = TestClient(m.app).post("/tasks", json={"email": "a@example.com", "subject": "s"})
print(json.dumps([response.status_code, response.json()], ensure_ascii=False))
`;

describe('slide 25: fastapi_app.py', () => {
  it('queues persistent tasks over one reused connection, reconnects, validates input', async () => {
    const queue = unique('fastapi');
    const result = await runPython(['-c', FASTAPI_DRIVER], { AMQP_URL: amqpUrl, QUEUE: queue });
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as {
      fastapi: string;
      lifespan_wired_by_hand: boolean;
      connected_on_startup: boolean;
      first: [number, { task_id: string; status: string }];
      after_drop: number;
      after_broken_socket: number;
      concurrent: number[];
      invalid: number;
      closed_on_shutdown: boolean;
    };
    // Which FastAPI ran: Debian 12 ships 0.92, where lifespan= is wired by hand (see the file).
    console.info(
      `FastAPI ${report.fastapi}: lifespan ${report.lifespan_wired_by_hand ? 'wired by hand' : 'native'}`,
    );
    expect(report.connected_on_startup).toBe(true);
    expect(report.first[0]).toBe(202);
    expect(report.first[1].status).toBe('queued');
    expect(report.after_drop).toBe(202);
    expect(report.after_broken_socket).toBe(202);
    expect(report.concurrent).toEqual(Array.from({ length: 20 }, () => 202));
    expect(report.invalid).toBe(422);
    expect(report.closed_on_shutdown).toBe(true);

    const bodies = await takePersistentJson(queue);
    expect(bodies).toHaveLength(23);
    expect(bodies[0]).toEqual({
      task_id: report.first[1].task_id,
      type: 'send_email',
      email: 'student@example.com',
      subject: 'Заказ принят',
    });
  });

  it('over HTTP (uvicorn): startup declares the queue, POST /tasks answers 202 and queues a persistent task, 422 for a bad one, shutdown is clean', async () => {
    const queue = unique('fastapi-http');
    const app = await serve({
      cwd: EXAMPLES,
      module: 'fastapi_app',
      env: { AMQP_URL: amqpUrl, QUEUE: queue },
    });
    // The lifespan ran before any request: Publisher.connect() declared the durable queue.
    expect(await isDurable(queue)).toBe(true);
    const task = { email: 'student@example.com', subject: 'Заказ принят' };
    const first = await app.request('POST', '/tasks', task);
    const second = await app.request('POST', '/tasks', { ...task, type: 'send_sms' });
    const invalid = await app.request('POST', '/tasks', { email: 'x' });
    const stopped = await app.stop();
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toContain('Application shutdown complete.');
    expect(stopped.stderr).not.toContain('Traceback');
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ status: 'queued' });
    expect(second.status).toBe(202);
    expect(invalid.status).toBe(422);

    const bodies = await takePersistentJson(queue);
    expect(bodies).toEqual([
      { task_id: (first.body as { task_id: string }).task_id, type: 'send_email', ...task },
      { task_id: (second.body as { task_id: string }).task_id, type: 'send_sms', ...task },
    ]);
  });

  it('answers 503 when RabbitMQ is unreachable', async () => {
    const port = await freePort(); // nothing listens there
    const result = await runPython(['-c', FASTAPI_DOWN_DRIVER], {
      AMQP_URL: `amqp://guest:guest@127.0.0.1:${port}/%2F?connection_attempts=1`,
      QUEUE: unique('fastapi-down'),
    });
    expect(JSON.parse(result.stdout)).toEqual([
      503,
      { detail: 'Очередь недоступна, повторите позже' },
    ]);
  });
});
