/**
 * Live server benchmark: prints figures, asserts nothing. `npm run bench:live` (tsx --expose-gc).
 * The load test's walk (tests/real/live-walk.ts): 300 `ws` phones and the lecturer on 127.0.0.1,
 * 90 states with 15 questions, walked twice (`-- --walks 5` for more, `--phones`, `--states`). Phones and server share this process and its CPU,
 * so the delays are an upper bound of the server's own; compare runs per CPU-second.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startLiveServer } from '../src/live-server/server.ts';
import {
  LiveClient,
  percentile,
  PHONE_RATE,
  Waiter,
  walkLecture,
} from '../tests/real/live-walk.ts';

const { values } = parseArgs({
  options: {
    phones: { type: 'string', default: '300' },
    states: { type: 'string', default: '90' },
    walks: { type: 'string', default: '2' },
  },
});
const PHONES = Number(values.phones);
const STATES = Number(values.states);
const WALKS = Math.max(1, Number(values.walks));
const gc = (globalThis as { gc?: () => void }).gc;
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const ms = (n: number): string => `${n.toFixed(1)} ms`;

function memory(): { rss: number; heap: number } {
  for (let i = 0; i < 3; i += 1) gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}

const root = mkdtempSync(join(tmpdir(), 'bench-live-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Лекция</title>');
const lecturerKey = 'c3'.repeat(16);
const server = await startLiveServer({
  root,
  port: 0,
  host: '127.0.0.1',
  lecturerKey,
  maxPerAddress: PHONES + 10,
  followerRate: PHONE_RATE,
});
const url = `ws://127.0.0.1:${server.port}/live`;
const waiter = new Waiter();
const lecturer = new LiveClient(url, 'lecturer', 'deck', lecturerKey);
const phones = Array.from({ length: PHONES }, (_, p) => new LiveClient(url, 'follower', `p${p}`));

console.log(
  `bench:live — ${PHONES} phones, ${STATES} states × ${WALKS} walks, loopback; ` +
    `${availableParallelism()} CPUs, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}${gc ? '' : ' (no --expose-gc: heap figures noisy)'}`,
);
const before = memory();
const joinStart = performance.now();
await lecturer.connect();
await Promise.all(phones.map((p) => p.connect()));
console.log(`connect + hello + welcome of ${PHONES} phones: ${ms(performance.now() - joinStart)}`);
const joined = memory();

const rows: string[][] = [];
const after: { rss: number; heap: number }[] = [];
for (let walk = 1; walk <= WALKS; walk += 1) {
  const cpu = process.cpuUsage();
  const votesBefore = phones.reduce((n, p) => n + p.votedCount, 0);
  const result = await walkLecture({
    url,
    lecturerKey,
    phones,
    lecturer,
    waiter,
    walk,
    states: STATES,
    drop: { at: 34, back: 35, phones: Array.from({ length: 20 }, (_, i) => 10 + i * 7) },
    lecturerReconnectAt: walk === 1 ? 58 : undefined,
  });
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const confirmed = phones.reduce((n, p) => n + p.votedCount, 0) - votesBefore;
  const counts = new Map(server.session.results().map((r) => [r.question, r.counts]));
  let counted = 0;
  let expectedVotes = 0;
  let exact = 0;
  for (const [question, expected] of result.expected) {
    const got = counts.get(question) ?? [];
    counted += got.reduce((a, b) => a + b, 0);
    expectedVotes += expected.reduce((a, b) => a + b, 0);
    if (got.join() === expected.join()) exact += 1;
  }
  // The simulated phones' own records of past questions are the bench's, not the server's.
  for (const c of [...phones, lecturer]) {
    c.voted.clear();
    c.tallies.clear();
  }
  after.push(memory());
  rows.push([
    `walk ${walk}`,
    `${ms(percentile(result.delays, 50))} / ${ms(percentile(result.delays, 95))} / ${ms(Math.max(...result.delays))}`,
    `${result.delays.length}`,
    `${result.votesSent} sent, ${confirmed} confirmed, ${counted} counted (expected ${expectedVotes}; ${exact}/${result.expected.size} tallies exact)`,
    `${Math.round(result.messages / (result.ms / 1000)).toLocaleString('en-US')}/s wall, ${Math.round(result.messages / cpuSeconds).toLocaleString('en-US')}/CPU-s`,
    `${Math.round(result.ms)} ms, ${cpuSeconds.toFixed(2)} CPU-s`,
  ]);
}

const header = ['', 'delay p50 / p95 / max', 'deliveries', 'votes', 'messages', 'time'];
for (const row of [header, ...rows]) console.log(row.join(' | '));
console.log(
  `memory (RSS / heap): before ${mib(before.rss)} / ${mib(before.heap)}; ` +
    `${PHONES} joined ${mib(joined.rss)} / ${mib(joined.heap)}; ` +
    after.map((m, i) => `after walk ${i + 1} ${mib(m.rss)} / ${mib(m.heap)}`).join('; '),
);

await Promise.all([...phones, lecturer].map((c) => c.close()));
await server.close();
rmSync(root, { recursive: true, force: true });
