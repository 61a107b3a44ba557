/**
 * Starts real Redis and RabbitMQ servers from Debian's packages on 127.0.0.1, on free ports, in
 * temporary directories, and stops them by PID. Several test runs can share the machine: every
 * port (including Erlang's epmd) is picked fresh. See ../shared/docs/REAL-BROKERS.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForPort(port: number, child: ChildProcess, what: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited early with ${child.exitCode}`);
    if (await portOpen(port)) return;
    await sleep(50);
  }
  throw new Error(`${what} did not open port ${port} within ${timeoutMs} ms`);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopChild(child: ChildProcess, extraPid?: number): Promise<void> {
  if (child.exitCode === null && child.signalCode === null && child.pid) {
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000)]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  if (extraPid) {
    const deadline = Date.now() + 15_000;
    while (pidAlive(extraPid) && Date.now() < deadline) await sleep(100);
    if (pidAlive(extraPid)) process.kill(extraPid, 'SIGKILL');
  }
}

/** True when the Debian packages the real-broker tests need are installed. */
export function haveRealBrokers(): boolean {
  return existsSync('/usr/bin/redis-server') && existsSync('/usr/lib/rabbitmq/bin/rabbitmq-server');
}

/** Starts redis-server on a free loopback port with persistence off. */
export async function startRedis(): Promise<RunningServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'redis-test-'));
  const child = spawn(
    '/usr/bin/redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--daemonize',
      'no',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { stdio: 'ignore' },
  );
  await waitForPort(port, child, 'redis-server', 10_000);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Options for a RabbitMQ started by a test; none gives the defaults every other test expects. */
export interface RabbitOptions {
  /**
   * Application settings as `-rabbit key value` pairs, e.g. `{ consumer_timeout: 2000 }` (the
   * `-rabbit` form of rabbitmq.conf, as RabbitMQ's own test suites use with rabbit_ct_helpers).
   */
  readonly rabbitEnv?: Readonly<Record<string, number | string>>;
}

/** Starts RabbitMQ (and its own epmd) on free loopback ports in a temporary directory. */
export async function startRabbit(
  options: RabbitOptions = {},
): Promise<RunningServer & { ctl(args: string[]): string }> {
  const [port, distPort, epmdPort] = [await freePort(), await freePort(), await freePort()];
  const root = mkdtempSync(join(tmpdir(), 'rabbit-test-'));
  for (const d of ['home', 'log', 'mnesia']) mkdirSync(join(root, d));
  const node = `rabbit_t${port}@localhost`;
  const erlArgs = '-kernel inet_dist_use_interface {127,0,0,1}';
  const rabbitArgs = Object.entries(options.rabbitEnv ?? {})
    .map(([key, value]) => ` -rabbit ${key} ${value}`)
    .join('');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: join(root, 'home'),
    RABBITMQ_NODENAME: node,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_MNESIA_BASE: join(root, 'mnesia'),
    RABBITMQ_LOG_BASE: join(root, 'log'),
    RABBITMQ_PID_FILE: join(root, 'rabbit.pid'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(root, 'enabled_plugins'),
    ERL_EPMD_ADDRESS: '127.0.0.1',
    ERL_EPMD_PORT: String(epmdPort),
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: erlArgs + rabbitArgs,
    RABBITMQ_CTL_ERL_ARGS: erlArgs,
  };
  const epmd = spawn('epmd', ['-address', '127.0.0.1', '-port', String(epmdPort)], {
    env,
    stdio: 'ignore',
  });
  await waitForPort(epmdPort, epmd, 'epmd', 10_000);
  const server = spawn('/usr/lib/rabbitmq/bin/rabbitmq-server', [], { env, stdio: 'ignore' });
  const ctl = (args: string[]): string => {
    const r = spawnSync('/usr/lib/rabbitmq/bin/rabbitmqctl', ['-q', ...args], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (r.status !== 0) throw new Error(`rabbitmqctl ${args.join(' ')}: ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  try {
    await waitForPort(port, server, 'rabbitmq-server', 120_000);
    ctl(['await_startup', '--timeout', '60']);
  } catch (error) {
    await stopChild(server);
    await stopChild(epmd);
    throw error;
  }
  return {
    port,
    url: `amqp://guest:guest@127.0.0.1:${port}`,
    ctl,
    async stop() {
      const pidFile = join(root, 'rabbit.pid');
      const beam = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : undefined;
      await stopChild(server, beam);
      await stopChild(epmd);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
