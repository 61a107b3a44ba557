/**
 * The live server under a hall's load, on 127.0.0.1: 300 phones and the lecturer walk 90 states
 * twice. Every phone ends on the lecturer's state, every tally is exact (no vote lost or counted
 * twice), dropped phones and the lecturer come back where the lecture is, bad messages are refused
 * with an error and change nothing, and the heap after the second walk is that after the first.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_ERRORS, MAX_FOLLOWER_MESSAGE } from '../../src/live/protocol.ts';
import { MAX_PAYLOAD, startLiveServer, type LiveServer } from '../../src/live-server/server.ts';
import {
  asFollowersSee,
  LiveClient,
  PHONE_RATE,
  stateKey,
  Waiter,
  walkLecture,
  walkStates,
  type WalkResult,
} from './live-walk.ts';

const PHONES = 300;
const STATES = 90;
const LECTURER_KEY = 'a1'.repeat(16);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
function heapAfterGc(): number {
  for (let i = 0; i < 3; i += 1) gc();
  return process.memoryUsage().heapUsed;
}

let root: string;
let server: LiveServer;
let url: string;
const waiter = new Waiter();
const phones: LiveClient[] = [];
let lecturer: LiveClient;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'live-load-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Лекция</title>');
  server = await startLiveServer({
    root,
    port: 0,
    host: '127.0.0.1',
    lecturerKey: LECTURER_KEY,
    // Every simulated phone comes from 127.0.0.1.
    maxPerAddress: PHONES + 20,
    followerRate: PHONE_RATE,
  });
  url = `ws://127.0.0.1:${server.port}/live`;
  lecturer = new LiveClient(url, 'lecturer', 'deck', LECTURER_KEY);
  await lecturer.connect();
  for (let p = 0; p < PHONES; p += 1) phones.push(new LiveClient(url, 'follower', `phone-${p}`));
  await Promise.all(phones.map((p) => p.connect()));
});

afterAll(async () => {
  await Promise.all([...phones, lecturer].map((c) => c.close()));
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

/** Snapshot of everything a refused message must leave alone. */
function snapshot(): string {
  return JSON.stringify([
    server.session.current(),
    server.session.results(),
    server.session.tally(),
  ]);
}

async function refusals(): Promise<void> {
  const before = snapshot();
  const phone = phones[1];
  if (!phone) throw new Error('no phone');
  const errorsBefore = phone.errors.length;

  // Not JSON, a forged state, a message over a phone's limit: one error each.
  phone.send('{"t":"vote",');
  phone.send({ t: 'state', state: server.session.current() });
  phone.send({ t: 'vote', question: 'q'.repeat(MAX_FOLLOWER_MESSAGE), choice: 0 });
  await waiter.until(() => phone.errors.length >= errorsBefore + 3, 'three errors');
  expect(phone.errors.slice(errorsBefore)).toEqual([
    LIVE_ERRORS.notJson,
    LIVE_ERRORS.notAllowed,
    LIVE_ERRORS.tooLong(MAX_FOLLOWER_MESSAGE),
  ]);

  // A frame over the socket's limit: the connection is closed (1009), nothing else happens.
  const giant = new LiveClient(url, 'follower', 'giant');
  await giant.connect();
  const closed = new Promise<number>((resolve) => giant.ws?.once('close', resolve));
  giant.send('x'.repeat(MAX_PAYLOAD + 1));
  expect(await closed).toBe(1009);

  // A wrong key: refused, and the page cannot act as the lecturer afterwards.
  const impostor = new LiveClient(url, 'lecturer', 'impostor', 'b2'.repeat(16));
  await expect(impostor.connect()).rejects.toThrow(LIVE_ERRORS.badKey);
  impostor.send({ t: 'state', state: walkStates(1, 9)[0] });
  await waiter.until(() => impostor.errors.length >= 2, 'hello first');
  expect(impostor.errors).toEqual([LIVE_ERRORS.badKey, LIVE_ERRORS.helloFirst]);
  await impostor.close();
  const remote = new LiveClient(url, 'remote', 'remote', LECTURER_KEY);
  await expect(remote.connect()).rejects.toThrow(LIVE_ERRORS.badKey);
  await remote.close();

  // A flood of states from a phone: refused, then told once that it sends too much.
  const flooder = new LiveClient(url, 'follower', 'flooder');
  await flooder.connect();
  for (let i = 0; i < 500; i += 1) flooder.send({ t: 'state', state: walkStates(1, 9)[0] });
  await waiter.until(() => flooder.errors.includes(LIVE_ERRORS.rate), 'the flood told once');
  // Let the rest of the flood arrive: at most one more warning a second.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const rate = flooder.errors.filter((e) => e === LIVE_ERRORS.rate).length;
  expect(rate).toBeGreaterThanOrEqual(1);
  expect(rate).toBeLessThanOrEqual(2);
  expect(
    flooder.errors.filter((e) => e !== LIVE_ERRORS.rate).every((e) => e === LIVE_ERRORS.notAllowed),
  ).toBe(true);
  expect(flooder.errors.length).toBeLessThanOrEqual(PHONE_RATE.burst + 1);
  await flooder.close();

  expect(snapshot()).toBe(before);
  expect(phone.state).toEqual(asFollowersSee(server.session.current()!));
}

describe('live server under a hall of 300 phones', () => {
  let first: WalkResult;
  let heapWarm = 0;

  it('walks 90 states: every phone follows, every vote counted once, drops resume', async () => {
    const dropped = Array.from({ length: 20 }, (_, i) => 10 + i * 7);
    let welcomedBack = 0;
    let refused = false;
    first = await walkLecture({
      url,
      lecturerKey: LECTURER_KEY,
      phones,
      lecturer,
      waiter,
      walk: 1,
      states: STATES,
      // Slide 12: its question's votes cast (state 34), the answer shown while they are away (35).
      drop: { at: 34, back: 35, phones: dropped },
      // Slide 20's question is open and voted on.
      lecturerReconnectAt: 58,
      async afterState(index, state, expected) {
        const asked = state.question?.id ?? '';
        if (index === 35) {
          // The dropped phones came back at the current step, with their vote and the tally.
          expect(state.revealed).toBe(true);
          for (const p of dropped) {
            const phone = phones[p];
            expect(phone?.welcome?.state).toEqual(state);
            expect(phone?.welcome?.voted).toBe(phone?.voted.get(asked));
            expect(phone?.welcome?.tally?.counts).toEqual(expected.get(asked));
            welcomedBack += 1;
          }
        }
        if (index === 58) {
          // The lecturer came back to the same session: its state whole, the open question's tally.
          expect(state.question && !state.revealed).toBe(true);
          expect(lecturer.welcome?.state).toEqual(state);
          expect(lecturer.welcome?.tally?.counts).toEqual(expected.get(asked));
        }
        if (index === 52) {
          expect(state.question && !state.revealed).toBe(true);
          await refusals();
          refused = true;
        }
      },
    });
    expect(welcomedBack).toBe(20);
    expect(refused).toBe(true);

    const last = asFollowersSee(first.last);
    for (const phone of phones) expect(stateKey(phone.state)).toBe(stateKey(last));
    for (const phone of phones) expect(phone.state).toEqual(last);

    // Every tally — in the session, at the lecturer, on every phone after the reveal — is exact.
    expect(first.expected.size).toBe(15);
    const results = new Map(server.session.results().map((r) => [r.question, r.counts]));
    for (const [question, counts] of first.expected) {
      expect(results.get(question), question).toEqual(counts);
      expect(lecturer.tallies.get(question), question).toEqual(counts);
      for (const phone of phones) expect(phone.tallies.get(question), question).toEqual(counts);
    }
    const counted = [...first.expected.values()].flat().reduce((a, b) => a + b, 0);
    expect(counted).toBeLessThanOrEqual(first.votesSent);
    heapWarm = heapAfterGc();
  });

  it('keeps memory flat and counts each page once over a second walk of the same lecture', async () => {
    // The same questions again: every phone votes again, and each vote replaces its first.
    const second = await walkLecture({
      url,
      lecturerKey: LECTURER_KEY,
      phones,
      lecturer,
      waiter,
      walk: 1,
      states: STATES,
    });
    for (const phone of phones) expect(phone.state).toEqual(asFollowersSee(second.last));
    const results = new Map(server.session.results().map((r) => [r.question, r.counts]));
    for (const [question, counts] of second.expected) {
      expect(lecturer.tallies.get(question)).toEqual(counts);
      expect(results.get(question)).toEqual(counts);
    }
    const heapAfter = heapAfterGc();
    const grown = heapAfter - heapWarm;
    console.log(
      `[live-load] walk 1: ${Math.round(first.ms)} ms, walk 2: ${Math.round(second.ms)} ms; ` +
        `heap ${(heapWarm / 2 ** 20).toFixed(1)} → ${(heapAfter / 2 ** 20).toFixed(1)} MiB`,
    );
    // Nothing new is kept: the same questions, the same pages (GC noise is well under 2 MiB).
    expect(grown).toBeLessThan(2 * 2 ** 20);
  });
});
