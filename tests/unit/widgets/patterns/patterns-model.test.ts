import { describe, expect, it } from 'vitest';
import { WIDGETS } from '../../../../src/lecture/names.ts';
import {
  applyEvent,
  decodeEvent,
  encodeEvent,
  replayAccount,
  EMPTY_ACCOUNT,
} from '../../../../src/widgets/patterns/account.ts';
import { patternsLogic } from '../../../../src/widgets/patterns/logic.ts';
import { fanoutView } from '../../../../src/widgets/patterns/logic-fanout.ts';
import { fib, rpcView, RPC_SERVERS } from '../../../../src/widgets/patterns/logic-rpc.ts';
import { MAX_READERS, sourcingView } from '../../../../src/widgets/patterns/logic-sourcing.ts';
import { isRefusal } from '../../../../src/widgets/runtime/timeline.ts';
import {
  FANOUT_SCRIPT,
  firstStepOf,
  patternAt,
  PATTERNS,
  PATTERNS_STEPS,
} from '../../../../src/widgets/patterns/story.ts';

describe('the clicker story walks the three patterns in order', () => {
  it('has as many steps as the catalogue promises', () => {
    expect(WIDGETS.patterns.steps).toBe(PATTERNS_STEPS);
    expect(PATTERNS_STEPS).toBe(10);
  });

  it('maps every global step to one pattern and its own progress, with no gaps', () => {
    const walk = Array.from({ length: PATTERNS_STEPS + 1 }, (_, s) => patternAt(s));
    expect(walk.map((p) => `${p.id}:${p.local}`)).toEqual([
      'fanout:0',
      'fanout:1',
      'fanout:2',
      'fanout:3',
      'sourcing:1',
      'sourcing:2',
      'sourcing:3',
      'rpc:1',
      'rpc:2',
      'rpc:3',
      'rpc:4',
    ]);
    for (const p of PATTERNS) expect(patternAt(firstStepOf(p.id))).toEqual({ id: p.id, local: 1 });
    expect(patternAt(99)).toEqual({ id: 'rpc', local: 4 });
    expect(patternAt(-3)).toEqual({ id: 'fanout', local: 0 });
  });
});

describe('Pub/Sub vs Task Queue, as the RabbitMQ model delivers', () => {
  it('gives every subscriber every message, and each message to exactly one worker', () => {
    for (const receivers of [1, 3, 6]) {
      const view = fanoutView(receivers, FANOUT_SCRIPT.length, []);
      const all = view.published.map((m) => m.n);
      for (const s of view.subscribers) expect(s.got.map((m) => m.n)).toEqual(all);
      const toWorkers = view.workers.flatMap((w) => w.got.map((m) => m.n)).sort();
      expect(toWorkers).toEqual(all);
      expect(view.subscriberDeliveries).toBe(all.length * receivers);
      expect(view.workerDeliveries).toBe(all.length);
    }
  });

  it('hands tasks to the workers round-robin, wrapping to worker 1 with the fourth message', () => {
    const view = fanoutView(3, 3, []);
    expect(view.workers.map((w) => w.got.map((m) => m.n))).toEqual([[1, 4], [2], [3]]);
    expect(view.latest).toEqual([3, 4]);
  });

  it('adds a student’s message on top of the shown step, text as typed', () => {
    const view = fanoutView(2, 1, [{ type: 'publish', body: '<img src=x onerror=alert(1)>' }]);
    expect(view.published.map((m) => m.body)).toEqual(['заказ #1', '<img src=x onerror=alert(1)>']);
    expect(view.latest).toEqual([2]);
    expect(view.workers[1]?.got).toEqual([{ n: 2, body: '<img src=x onerror=alert(1)>' }]);
  });

  it('shows the empty topology before the first step', () => {
    const view = fanoutView(4, 0, []);
    expect(view.subscribers.map((s) => s.queue)).toEqual([
      'events.sub-1',
      'events.sub-2',
      'events.sub-3',
      'events.sub-4',
    ]);
    expect(view.published).toEqual([]);
  });
});

describe('event sourcing: the state is a fold over the Kafka log', () => {
  it('round-trips every event through the record value and ignores values it does not know', () => {
    for (const e of [
      { kind: 'opened' },
      { kind: 'deposited', amount: 100 },
      { kind: 'withdrawn', amount: 7 },
    ] as const) {
      expect(decodeEvent(encodeEvent(e))).toEqual(e);
    }
    expect(decodeEvent('<b>Deposited 5</b>')).toBeUndefined();
    expect(applyEvent(EMPTY_ACCOUNT, 'garbage')).toBe(EMPTY_ACCOUNT);
    expect(replayAccount(['AccountOpened', 'Deposited 100', 'Withdrawn 30'])).toEqual({
      open: true,
      balance: 70,
      version: 3,
    });
  });

  it('appends at consecutive offsets and the projection keeps up step by step', () => {
    expect(sourcingView(1, []).readers[0]?.account.balance).toBe(100);
    const view = sourcingView(2, []);
    expect(view.log.map((e) => e.offset)).toEqual([0, 1, 2, 3]);
    expect(view.appended).toEqual([2, 3]);
    expect(view.readers[0]).toMatchObject({ position: 4, justRead: [2, 3] });
    expect(view.readers[0]?.account.balance).toBe(120);
  });

  it('lets a new consumer group replay from offset 0 and reach the same state', () => {
    const view = sourcingView(3, []);
    const [projection, replayer] = view.readers;
    expect(replayer?.justRead).toEqual([0, 1, 2, 3]);
    expect(replayer?.account).toEqual(projection?.account);
    expect(replayer?.account.balance).toBe(120);
  });

  it('keeps every reader in step with the student’s events, and caps the readers', () => {
    const view = sourcingView(3, [
      { type: 'append', event: { kind: 'withdrawn', amount: 20 } },
      { type: 'replay' },
      { type: 'replay' },
      { type: 'replay' },
    ]);
    expect(view.readers).toHaveLength(MAX_READERS);
    expect(new Set(view.readers.map((r) => r.account.balance))).toEqual(new Set([100]));
    expect(view.readers.every((r) => r.position === 5)).toBe(true);
  });
});

describe('request-reply: replies matched by correlation_id', () => {
  it('computes fib as RabbitMQ’s tutorial does', () => {
    expect([0, 1, 2, 6, 25, 40].map(fib)).toEqual([0, 1, 1, 8, 75025, 102334155]);
  });

  it('declares a server-named reply queue and keeps two requests in flight on two servers', () => {
    const view = rpcView(2, []);
    expect(view.replyQueue).toMatch(/^amq\.gen-/);
    expect(view.requests.map((r) => [r.correlationId, r.stage, r.server])).toEqual([
      ['c-1', 'processing', RPC_SERVERS[0]],
      ['c-2', 'processing', RPC_SERVERS[1]],
    ]);
  });

  it('receives the second reply first and still pairs each with its own request', () => {
    const third = rpcView(3, []);
    expect(third.requests[1]).toMatchObject({ stage: 'answered', reply: '8', replyOrder: 1 });
    expect(third.requests[0]).toMatchObject({ stage: 'processing', reply: undefined });
    const fourth = rpcView(4, []);
    expect(fourth.requests[0]).toMatchObject({ reply: '75025', replyOrder: 2 });
    expect(fourth.unmatched).toBe(0);
  });

  it('queues a request while both servers are busy and delivers it when one acks', () => {
    const busy = rpcView(2, [{ type: 'request', n: 10 }]);
    expect(busy.requests[2]).toMatchObject({ stage: 'queued', server: undefined });
    expect(busy.queued).toBe(1);
    const freed = rpcView(2, [
      { type: 'request', n: 10 },
      { type: 'answer', correlationId: 'c-1' },
    ]);
    expect(freed.requests[2]).toMatchObject({ stage: 'processing', server: RPC_SERVERS[0] });
    expect(freed.queued).toBe(0);
  });

  it('ignores an answer for a request no server holds', () => {
    const view = rpcView(4, [
      { type: 'answer', correlationId: 'c-1' },
      { type: 'answer', correlationId: 'nope' },
    ]);
    expect(view.requests.map((r) => r.replyOrder)).toEqual([2, 1]);
  });
});

describe("an action's values are checked on any pattern's step (a shared link can carry any)", () => {
  const onRpc = patternsLogic.play(patternsLogic.init('patterns'), 'patterns', firstStepOf('rpc'));

  it('refuses out-of-range receivers, a blank message and fib(41) even while another pattern shows', () => {
    expect(isRefusal(patternsLogic.act(onRpc, { type: 'receivers', n: 1e6 }))).toBe(true);
    expect(isRefusal(patternsLogic.act(onRpc, { type: 'receivers', n: 0 }))).toBe(true);
    expect(isRefusal(patternsLogic.act(onRpc, { type: 'publish', body: '   ' }))).toBe(true);
    const onFanout = patternsLogic.play(
      patternsLogic.init('patterns'),
      'patterns',
      firstStepOf('fanout'),
    );
    expect(isRefusal(patternsLogic.act(onFanout, { type: 'request', n: 41 }))).toBe(true);
  });

  it("keeps a valid action of another pattern for that pattern's steps", () => {
    expect(patternsLogic.act(onRpc, { type: 'receivers', n: 4 })).toBe(onRpc);
  });
});
