/**
 * The duplicate a broker's at-least-once delivery makes, and two consumers handling it. The
 * Celery model (RabbitMQ, acks_late=True) delivers `apply_payment` tasks; a worker killed after
 * the charge but before its ack makes RabbitMQ redeliver the message. Every execution is then
 * handled by both consumers on their own simulated Redis: the naive one RPUSHes a charge to its
 * ledger; the idempotent one first does `SET processed:<id> in-progress NX EX 60`, exactly as
 * examples/celery/idempotency.py's process_once, and charges only when that replies OK.
 */
import { at } from '../../broker/core/at.ts';
import { peekTimer } from '../../broker/core/clock.ts';
import {
  celeryModelWith,
  type CeleryCommand,
  type CeleryEvent,
  type CeleryState,
} from '../../broker/celery/index.ts';
import {
  initRedis,
  stepRedis,
  type RedisCommand,
  type RedisReply,
  type RedisState,
} from '../../broker/redis/index.ts';

/** The task's name, as in examples/celery/tasks.py. */
export const TASK = 'apply_payment';
/** How long one execution takes; the charge is its first statement. */
export const RUN_MS = 2000;
/** A killed worker dies this long after its run started: after the charge, before the ack. */
export const CRASH_AFTER_MS = 1500;
/** The ledger list each consumer's Redis keeps. */
export const LEDGER = 'ledger';

/** A payment message: its id is what the idempotent consumer remembers. */
export interface Payment {
  readonly id: string;
  readonly amount: number;
  /** The worker running it is killed before the ack (once). */
  readonly crash: boolean;
}

/** One execution of the task and what each consumer did with it. */
export interface Execution {
  /** Index of its task-started event in the run's events. */
  readonly index: number;
  readonly at: number;
  readonly taskId: string;
  readonly paymentId: string;
  readonly amount: number;
  readonly worker: string;
  readonly redelivered: boolean;
  readonly naive: 'charged';
  readonly idempotent: 'charged' | 'skipped';
}

/** The whole simulation: Celery plus the two consumers' Redis servers. */
export interface PaymentRun {
  readonly celery: CeleryState;
  readonly events: readonly CeleryEvent[];
  readonly payments: Readonly<Record<string, Payment>>;
  readonly executions: readonly Execution[];
  readonly naiveRedis: RedisState;
  readonly idemRedis: RedisState;
  /** Pending kill: worker and time. */
  readonly crash: { readonly worker: string; readonly at: number } | null;
  /** Task ids whose kill already happened. */
  readonly crashed: readonly string[];
  readonly nextTask: number;
}

const model = celeryModelWith({
  transport: 'rabbitmq',
  tasks: { [TASK]: { durationMs: RUN_MS, acksLate: true, exception: 'Exception' } },
  workers: [
    { id: 'worker1', concurrency: 1, prefetchMultiplier: 1 },
    { id: 'worker2', concurrency: 1, prefetchMultiplier: 1 },
  ],
});

/** A fresh run at time 0. */
export function startRun(seed: number): PaymentRun {
  return {
    celery: model.init(seed),
    events: [],
    payments: {},
    executions: [],
    naiveRedis: initRedis(),
    idemRedis: initRedis(),
    crash: null,
    crashed: [],
    nextTask: 1,
  };
}

function redis(server: RedisState, at: number, command: RedisCommand): [RedisState, RedisReply] {
  let s = server;
  if (s.clock.now < at) s = stepRedis(s, { type: 'advance', ms: at - s.clock.now }).state;
  const r = stepRedis(s, command);
  const reply = r.events.find((e) => e.type === command.type);
  return [r.state, reply && 'reply' in reply ? reply.reply : null];
}

/** Both consumers handle one task-started execution. */
function handle(
  run: PaymentRun,
  e: Extract<CeleryEvent, { type: 'task-started' }>,
  index: number,
  redelivered: boolean,
): PaymentRun {
  const p = run.payments[e.taskId];
  if (!p) return run;
  const entry = `${p.id}:${p.amount}`;
  const [naiveRedis] = redis(run.naiveRedis, e.at, { type: 'RPUSH', key: LEDGER, values: [entry] });
  const [marked, ok] = redis(run.idemRedis, e.at, {
    type: 'SET',
    key: `processed:${p.id}`,
    value: 'in-progress',
    nx: true,
    ex: 60,
  });
  let idemRedis = marked;
  if (ok === 'OK') {
    [idemRedis] = redis(idemRedis, e.at, { type: 'RPUSH', key: LEDGER, values: [entry] });
    [idemRedis] = redis(idemRedis, e.at, {
      type: 'SET',
      key: `processed:${p.id}`,
      value: 'done',
      ex: 7 * 24 * 3600,
    });
  }
  const execution: Execution = {
    index,
    at: e.at,
    taskId: e.taskId,
    paymentId: p.id,
    amount: p.amount,
    worker: e.worker,
    redelivered,
    naive: 'charged',
    idempotent: ok === 'OK' ? 'charged' : 'skipped',
  };
  const killNow = p.crash && !run.crashed.includes(e.taskId) && run.crash === null;
  return {
    ...run,
    naiveRedis,
    idemRedis,
    executions: [...run.executions, execution],
    crash: killNow ? { worker: e.worker, at: e.at + CRASH_AFTER_MS } : run.crash,
    crashed: killNow ? [...run.crashed, e.taskId] : run.crashed,
  };
}

function apply(run: PaymentRun, command: CeleryCommand): PaymentRun {
  const r = model.step(run.celery, command);
  let next: PaymentRun = { ...run, celery: r.state, events: [...run.events, ...r.events] };
  for (let i = run.events.length; i < next.events.length; i++) {
    const e = at(next.events, i);
    if (e.type !== 'task-started') continue;
    const received = next.events
      .slice(0, i)
      .findLast((x) => x.type === 'task-received' && x.taskId === e.taskId);
    const redelivered = received?.type === 'task-received' && received.redelivered;
    next = handle(next, e, i, redelivered);
  }
  return next;
}

/** Sends a payment (`apply_payment.delay(...)`); returns the run and its task id. */
export function sendPayment(run: PaymentRun, payment: Payment): [PaymentRun, string] {
  const taskId = `task-${run.nextTask}`;
  const withPayment: PaymentRun = {
    ...run,
    payments: { ...run.payments, [taskId]: payment },
    nextTask: run.nextTask + 1,
  };
  return [apply(withPayment, { type: 'send', name: TASK, taskId }), taskId];
}

/** Moves to the next moment something happens (a timer or the pending kill); null if none. */
export function wake(run: PaymentRun): PaymentRun | null {
  const timer = peekTimer(run.celery.clock)?.at;
  const kill = run.crash?.at;
  const at = Math.min(timer ?? Infinity, kill ?? Infinity);
  if (at === Infinity) return null;
  const now = run.celery.clock.now;
  let next = at > now ? apply(run, { type: 'advance', ms: at - now }) : run;
  if (next.crash && next.celery.clock.now >= next.crash.at) {
    const worker = next.crash.worker;
    next = apply({ ...next, crash: null }, { type: 'crashWorker', worker });
    // A supervisor (systemd, Kubernetes) starts the worker again.
    next = apply(next, { type: 'startWorker', worker });
  }
  return next;
}

/** Wakes until `done(run)` holds or nothing is left (bounded). */
export function runUntil(run: PaymentRun, done: (r: PaymentRun) => boolean): PaymentRun {
  let r = run;
  for (let i = 0; i < 200 && !done(r); i++) {
    const next = wake(r);
    if (!next) break;
    r = next;
  }
  return r;
}

/** The ledger a consumer's Redis holds: one entry per charge, `id:amount`. */
export function ledgerOf(server: RedisState): { id: string; amount: number }[] {
  const v = server.keys[LEDGER];
  if (v?.type !== 'list') return [];
  return v.items.map((item) => {
    const cut = item.lastIndexOf(':');
    return { id: item.slice(0, cut), amount: Number(item.slice(cut + 1)) };
  });
}

/** The processed-id keys the idempotent consumer's Redis holds, with their values. */
export function processedKeys(server: RedisState): { key: string; value: string }[] {
  return Object.entries(server.keys)
    .filter(([k, v]) => k.startsWith('processed:') && v.type === 'string')
    .map(([key, v]) => ({ key, value: v.type === 'string' ? v.value : '' }));
}
