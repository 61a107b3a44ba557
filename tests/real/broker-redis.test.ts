/**
 * Differential tests: the simulated Redis against a real Redis 7 started by the test setup. The
 * PSUBSCRIBE glob table and the command scenarios are replayed on both and must agree; the real
 * answers must also equal the committed fixtures (run with REDIS_FIXTURES=write to refresh them).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClient } from 'redis';
import { argvOf, redisGlobMatches, type RedisReply } from '../../src/broker/redis/index.ts';
import { generateGlobTable, type GlobFixture } from '../unit/broker/redis/glob-cases.ts';
import {
  DEFAULT_CLIENT,
  generateScenarios,
  inboxLine,
  observeModel,
  type Observed,
  type Scenario,
  type ScenarioFixture,
} from '../unit/broker/redis/differential-scenarios.ts';

type Client = ReturnType<typeof createClient>;

const FIXTURES = new URL('../fixtures/broker/redis/', import.meta.url);
const WRITE = process.env.REDIS_FIXTURES === 'write';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let control: Client;
let redisVersion = '';

beforeAll(async () => {
  control = createClient({ url: inject('redisUrl') });
  await control.connect();
  const info = await control.info('server');
  redisVersion = /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
});

afterAll(async () => {
  await control.quit();
});

function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as T;
}

function writeFixture(name: string, data: unknown): void {
  writeFileSync(new URL(name, FIXTURES), `${JSON.stringify(data, null, 1)}\n`);
}

/** Asks the real server: PSUBSCRIBE each pattern alone, PUBLISH every channel, read the counts. */
async function realGlobTable(
  patterns: readonly string[],
  channels: readonly string[],
): Promise<string[]> {
  const url = inject('redisUrl');
  const sub = createClient({ url });
  const pub = createClient({ url });
  await Promise.all([sub.connect(), pub.connect()]);
  const rows: string[] = [];
  for (const pattern of patterns) {
    await sub.pSubscribe(pattern, () => undefined);
    // Publishes issued together are pipelined by node-redis: one round trip per pattern.
    const counts = await Promise.all(channels.map((channel) => pub.publish(channel, '')));
    await sub.pUnsubscribe(pattern);
    rows.push(counts.map((n) => (n === 1 ? '1' : n === 0 ? '0' : `?${n}`)).join(''));
  }
  await Promise.all([sub.quit(), pub.quit()]);
  return rows;
}

function normalize(reply: unknown): RedisReply {
  if (reply === null || typeof reply === 'number' || typeof reply === 'string') return reply;
  if (Array.isArray(reply)) return reply.map(normalize);
  // Shows up in the comparison instead of escaping as an unhandled rejection.
  return { error: `unexpected reply shape: ${JSON.stringify(reply)}` };
}

async function clientBlocked(name: string): Promise<boolean> {
  const list = String(await control.sendCommand(['CLIENT', 'LIST']));
  return list
    .split('\n')
    .some((line) => line.includes(` name=sim-${name} `) && /flags=\S*b/.test(line));
}

async function clientGone(name: string): Promise<boolean> {
  const list = String(await control.sendCommand(['CLIENT', 'LIST']));
  return !list.includes(` name=sim-${name} `);
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await sleep(5);
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface Pending {
  settled: boolean;
  readonly reply: Promise<RedisReply>;
}

/** Replays a scenario on the real server, one connection per client name. */
async function observeReal(scenario: Scenario): Promise<Observed> {
  await control.flushAll();
  const url = inject('redisUrl');
  const connections = new Map<string, Client>();
  const pending: Record<string, Pending[]> = {};
  const inboxes: Record<string, string[]> = {};
  let published = 0;
  const received = () => Object.values(inboxes).reduce((n, lines) => n + lines.length, 0);
  const connection = async (name: string): Promise<Client> => {
    let client = connections.get(name);
    if (!client) {
      client = createClient({ url, name: `sim-${name}`, RESP: 2 });
      client.on('error', () => undefined);
      await client.connect();
      connections.set(name, client);
    }
    return client;
  };
  const listener = (name: string, pattern?: string) => (message: string, channel: string) => {
    (inboxes[name] ??= []).push(inboxLine(pattern, channel, message));
  };
  for (const command of scenario.commands) {
    const name = command.client ?? DEFAULT_CLIENT;
    if (command.type === 'advance') {
      await sleep(command.ms);
      continue;
    }
    if (command.type === 'crash') {
      // Let the doomed connection read what was already pushed to it before it dies.
      await until(async () => received() >= published, 'pub/sub messages before a crash');
      connections.get(name)?.destroy();
      connections.delete(name);
      // A dead connection never gets its reply; the model sends none either.
      const kept = (pending[name] ?? []).filter((p) => p.settled);
      if (kept.length > 0) pending[name] = kept;
      else delete pending[name];
      await until(() => clientGone(name), `${name} to disconnect`);
      continue;
    }
    if (command.type === 'finishTask') throw new Error('finishTask is a model-only action');
    const client = await connection(name);
    if (command.type === 'SUBSCRIBE') await client.subscribe([...command.channels], listener(name));
    else if (command.type === 'PSUBSCRIBE') {
      for (const p of command.patterns) await client.pSubscribe(p, listener(name, p));
    } else if (command.type === 'UNSUBSCRIBE') {
      await client.unsubscribe(command.channels.length ? [...command.channels] : undefined);
    } else if (command.type === 'PUNSUBSCRIBE') {
      await client.pUnsubscribe(command.patterns.length ? [...command.patterns] : undefined);
    } else {
      const entry: Pending = {
        settled: false,
        reply: client.sendCommand(argvOf(command)).then(normalize, (error: Error) => ({
          error: error.message,
        })),
      };
      void entry.reply.then(() => (entry.settled = true));
      (pending[name] ??= []).push(entry);
      if (['BRPOP', 'BLPOP', 'BLMOVE'].includes(command.type)) {
        await until(async () => entry.settled || (await clientBlocked(name)), `${name} to block`);
      } else {
        const reply = await entry.reply;
        if (command.type === 'PUBLISH' && typeof reply === 'number') published += reply;
      }
    }
  }
  const replies: Record<string, RedisReply[]> = {};
  for (const [name, entries] of Object.entries(pending)) {
    replies[name] = await Promise.all(entries.map((p) => p.reply));
  }
  await until(
    async () => received() >= published,
    `pub/sub messages (${received()} of ${published}: ${JSON.stringify(inboxes)})`,
  );
  for (const lines of Object.values(inboxes)) lines.sort();
  await Promise.all([...connections.values()].map((c) => c.quit()));
  return { replies, inboxes };
}

describe('simulated Redis vs a real Redis 7', () => {
  it('PSUBSCRIBE glob table: the model agrees with the real server on every pair', async () => {
    const { patterns, channels } = generateGlobTable();
    const started = performance.now();
    const matches = await realGlobTable(patterns, channels);
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `glob table: ${patterns.length * channels.length} pairs in ${seconds.toFixed(2)} s`,
    );
    const disagreements: string[] = [];
    patterns.forEach((pattern, i) => {
      channels.forEach((channel, j) => {
        const real = matches[i]?.[j] === '1';
        if (real !== redisGlobMatches(pattern, channel)) {
          disagreements.push(
            `${JSON.stringify(pattern)} ~ ${JSON.stringify(channel)}: real ${real}`,
          );
        }
      });
    });
    expect(disagreements).toEqual([]);
    const fixture: GlobFixture = { redisVersion, patterns, channels, matches };
    if (WRITE) writeFixture('glob-table.json', fixture);
    const committed = readFixture<GlobFixture>('glob-table.json');
    expect({ ...fixture, redisVersion: committed.redisVersion }).toEqual(committed);
  });

  const scenarios = generateScenarios();
  const observedReal: ScenarioFixture[] = [];

  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const real = await observeReal(scenario);
    expect(observeModel(scenario)).toEqual(real);
    observedReal.push({ ...scenario, observed: real });
  });

  it('the committed scenario fixture matches what the real server answered', () => {
    expect(observedReal).toHaveLength(scenarios.length);
    if (WRITE) writeFixture('scenarios.json', { redisVersion, scenarios: observedReal });
    const committed = readFixture<{ scenarios: ScenarioFixture[] }>('scenarios.json');
    expect(observedReal).toEqual(committed.scenarios);
  });
});
