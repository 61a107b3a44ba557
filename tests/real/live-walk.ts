/**
 * A lecture walked through the live server by simulated phones (`ws` clients in this process):
 * the lecturer's client sends one state per slide or widget step, some with a question; every
 * phone follows and votes, some change their mind once; some phones drop and come back, the
 * lecturer reconnects once. Shared by the load test (tests/real/live-load.test.ts, which asserts)
 * and the benchmark (bench/live.ts, which prints). Not a test file itself.
 */
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import {
  LIVE_VERSION,
  parseServerMessage,
  type LiveQuestion,
  type LiveState,
  type LiveTally,
  type ServerMessage,
} from '../../src/live/protocol.ts';

type Welcome = Extract<ServerMessage, { t: 'welcome' }>;

/**
 * The simulated phones' message budget: they vote on 15 questions in a second or two, faster than
 * the session's default (5 a second) lets a phone; a flood still exceeds it at once.
 */
export const PHONE_RATE = { perSecond: 50, burst: 40 } as const;

/** One page on a WebSocket: keeps the last state, its tallies, its confirmed votes and errors. */
export class LiveClient {
  ws: WebSocket | undefined;
  state: LiveState | null = null;
  welcome: Welcome | null = null;
  readonly tallies = new Map<string, readonly number[]>();
  readonly voted = new Map<string, number>();
  readonly errors: string[] = [];
  votedCount = 0;
  closeCode: number | undefined;
  /** Called for every state received (the walk counts arrivals and measures delays). */
  onState: ((state: LiveState) => void) | undefined;
  onMessage: ((message: ServerMessage) => void) | undefined;

  constructor(
    private readonly url: string,
    readonly role: 'lecturer' | 'follower' | 'remote',
    readonly id: string,
    private readonly key?: string,
  ) {}

  /** Opens the socket, says hello and resolves with the welcome (rejects on an error reply). */
  connect(): Promise<Welcome> {
    const ws = new WebSocket(this.url, { perMessageDeflate: false });
    this.ws = ws;
    this.closeCode = undefined;
    return new Promise((resolve, reject) => {
      ws.on('open', () => {
        const key = this.key === undefined ? {} : { key: this.key };
        ws.send(
          JSON.stringify({ t: 'hello', v: LIVE_VERSION, role: this.role, id: this.id, ...key }),
        );
      });
      ws.on('error', reject);
      ws.on('close', (code) => {
        if (this.ws === ws) this.closeCode = code;
        reject(new Error(`closed ${code} before welcome`));
      });
      ws.on('message', (data) => {
        const parsed = parseServerMessage(String(data));
        if (!parsed.ok) throw new Error(`server sent what the protocol refuses: ${parsed.error}`);
        const m = parsed.message;
        this.take(m);
        if (m.t === 'welcome') resolve(m);
        else if (m.t === 'error' && !this.welcome) reject(new Error(m.message));
      });
    });
  }

  private take(m: ServerMessage): void {
    switch (m.t) {
      case 'welcome':
        this.welcome = m;
        this.state = m.state;
        if (m.tally) this.tallies.set(m.tally.question, m.tally.counts);
        break;
      case 'state':
        this.state = m.state;
        this.onState?.(m.state);
        break;
      case 'tally':
        this.tallies.set(m.tally.question, m.tally.counts);
        break;
      case 'voted':
        this.voted.set(m.question, m.choice);
        this.votedCount += 1;
        break;
      case 'error':
        this.errors.push(m.message);
        break;
      default:
        break;
    }
    this.onMessage?.(m);
  }

  send(message: unknown): void {
    this.ws?.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Drops the connection as a phone losing Wi-Fi does: no close handshake. */
  drop(): void {
    this.ws?.terminate();
  }

  close(): Promise<void> {
    const ws = this.ws;
    if (!ws || ws.readyState === ws.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      ws.once('close', () => resolve());
      ws.close();
    });
  }
}

/**
 * Resolves when `done()` holds: checked after every message a walking client gets, and every
 * 10 ms for anything else (a close, a client outside the walk); rejects after `ms`.
 */
export class Waiter {
  private readonly pending = new Set<{ done: () => boolean; resolve: () => void }>();

  check(): void {
    for (const p of this.pending)
      if (p.done()) {
        this.pending.delete(p);
        p.resolve();
      }
  }

  until(done: () => boolean, what: string, ms = 10_000): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const poll = setInterval(() => this.check(), 10);
      const timer = setTimeout(() => {
        clearInterval(poll);
        this.pending.delete(entry);
        reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      }, ms);
      const entry = {
        done,
        resolve: () => {
          clearTimeout(timer);
          clearInterval(poll);
          resolve();
        },
      };
      this.pending.add(entry);
    });
  }
}

/** The walk's states: three widget steps per slide; every second slide asks a question. */
export function walkStates(count: number, walk: number): LiveState[] {
  return Array.from({ length: count }, (_, i) => {
    const slide = Math.floor(i / 3) + 1;
    const step = i % 3;
    const asks = slide % 2 === 0 && step > 0;
    const question: LiveQuestion | null = asks
      ? {
          id: `walk${walk}-q${slide}`,
          text: `Куда попадёт сообщение на слайде ${slide}?`,
          choices: ['В первую очередь', 'Во вторую', 'В обе'],
          answer: slide % 3,
        }
      : null;
    return {
      slide: `s-${slide}`,
      h: slide,
      v: 0,
      f: step - 1,
      widgets: [{ slot: 0, step }],
      question,
      revealed: asks && step === 2,
    };
  });
}

/** A state's identity in the walk (each differs in slide, step or reveal). */
export const stateKey = (s: LiveState | null): string =>
  s ? `${s.slide}/${s.widgets[0]?.step ?? '-'}/${s.revealed}` : 'none';

/** The answer the state shows phones: its question without the answer until revealed. */
export function asFollowersSee(s: LiveState): LiveState {
  const q = s.question;
  if (!q || s.revealed || q.answer === undefined) return s;
  return { ...s, question: { id: q.id, text: q.text, choices: q.choices } };
}

export interface WalkOptions {
  /** ws://127.0.0.1:PORT/live */
  url: string;
  lecturerKey: string;
  phones: LiveClient[];
  lecturer: LiveClient;
  waiter: Waiter;
  walk: number;
  states: number;
  /** Phones (by index) that drop after state `at` (its votes cast) and come back after `back`. */
  drop?: { at: number; back: number; phones: number[] };
  /** Index of the state after whose votes the lecturer reconnects. */
  lecturerReconnectAt?: number;
  /** Called after each state has reached every connected phone (the test's extra checks). */
  afterState?: (
    index: number,
    state: LiveState,
    expected: ReadonlyMap<string, readonly number[]>,
  ) => Promise<void>;
}

export interface WalkResult {
  /** Lecturer's send → phone's receive, ms, one per phone and state. */
  delays: number[];
  /** Expected counts per question: each phone's last choice. */
  expected: Map<string, number[]>;
  votesSent: number;
  /** Messages the phones and the lecturer received during the walk. */
  messages: number;
  ms: number;
  last: LiveState;
}

/** The choice phone `p` makes on question number `q`, and whether it changes its mind. */
const choiceOf = (p: number, q: number): number => (p * 7 + q) % 3;
const changesMind = (p: number, q: number): boolean => (p + q) % 9 === 0;

/** Walks the lecture once; resolves when every phone has the last state. */
export async function walkLecture(o: WalkOptions): Promise<WalkResult> {
  const { phones, lecturer, waiter } = o;
  const states = walkStates(o.states, o.walk);
  const sentAt = new Map<string, number>();
  const arrived = new Map<string, number>();
  const delays: number[] = [];
  const expected = new Map<string, number[]>();
  let messages = 0;
  let votesSent = 0;
  const away = new Set<number>();
  const listen = (c: LiveClient): void => {
    c.onState = (s) => {
      const key = stateKey(s);
      const t0 = sentAt.get(key);
      if (t0 !== undefined) delays.push(performance.now() - t0);
      arrived.set(key, (arrived.get(key) ?? 0) + 1);
    };
    c.onMessage = () => {
      messages += 1;
      waiter.check();
    };
  };
  phones.forEach(listen);
  listen(lecturer);
  const started = performance.now();
  let questionNumber = 0;
  for (const [index, state] of states.entries()) {
    const key = stateKey(state);
    const connected = phones.length - away.size;
    sentAt.set(key, performance.now());
    lecturer.send({ t: 'state', state });
    await waiter.until(
      () => (arrived.get(key) ?? 0) >= connected,
      `state ${key} on ${connected} phones`,
    );
    const q = state.question;
    if (q && !state.revealed) {
      questionNumber += 1;
      const counts = q.choices.map(() => 0);
      // Each phone's confirmations to wait for: its votes' `voted` replies.
      const confirmed = phones.map((p) => p.votedCount);
      phones.forEach((phone, p) => {
        if (away.has(p)) return;
        let choice = choiceOf(p, questionNumber);
        phone.send({ t: 'vote', question: q.id, choice });
        confirmed[p] = (confirmed[p] ?? 0) + 1;
        if (changesMind(p, questionNumber)) {
          choice = (choice + 1) % 3;
          phone.send({ t: 'vote', question: q.id, choice });
          confirmed[p] = (confirmed[p] ?? 0) + 1;
        }
        counts[choice] = (counts[choice] ?? 0) + 1;
      });
      votesSent += confirmed.reduce((n, c, p) => n + c - (phones[p]?.votedCount ?? 0), 0);
      expected.set(q.id, counts);
      await waiter.until(
        () => phones.every((phone, p) => phone.votedCount >= (confirmed[p] ?? 0)),
        `the phones' votes on ${q.id} confirmed`,
      );
      await waiter.until(
        () => sameCounts(lecturer.tallies.get(q.id), counts),
        `the lecturer's tally of ${q.id} = ${counts.join('/')}`,
      );
    }
    if (o.lecturerReconnectAt === index) {
      await lecturer.close();
      await lecturer.connect();
    }
    if (o.drop?.at === index) {
      for (const p of o.drop.phones) {
        away.add(p);
        phones[p]?.drop();
      }
    }
    if (o.drop?.back === index) {
      await Promise.all(
        o.drop.phones.map(async (p) => {
          await phones[p]?.connect();
          away.delete(p);
        }),
      );
    }
    await o.afterState?.(index, state, expected);
  }
  phones.forEach((c) => (c.onState = c.onMessage = undefined));
  lecturer.onState = lecturer.onMessage = undefined;
  const last = states.at(-1);
  if (!last) throw new Error('an empty walk');
  return { delays, expected, votesSent, messages, ms: performance.now() - started, last };
}

export function sameCounts(a: readonly number[] | undefined, b: readonly number[]): boolean {
  return a !== undefined && a.length === b.length && a.every((n, i) => n === b[i]);
}

/** Percentile of a sorted copy (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export type { LiveTally };
