/**
 * What a Celery worker does with messages: reserve them within its prefetch limit
 * (concurrency × worker_prefetch_multiplier unacked messages, plus one per held ETA task, as
 * Celery raises the QoS for those), start them when a pool slot is free and the ETA has come
 * (early ack: ack right before running), and on return ack (late ack), retry or fail.
 */
import { nextFloat, type PrngState } from '../core/prng.ts';
import { own } from '../core/record.ts';
import { retryCountdown } from './backoff.ts';
import {
  applyTransport,
  emit,
  recordOf,
  scheduleTimer,
  transition,
  transport,
  updateWorker,
  type StepContext,
} from './context.ts';
import type {
  AttemptOutcome,
  HeldDelivery,
  TaskDefinition,
  TaskMessage,
  TaskPlan,
  WorkerState,
} from './types.ts';

/** A registered task's definition, by own key (a task named `constructor` is not the prototype's). */
export function definitionOf(ctx: StepContext, name: string): TaskDefinition {
  const def = own(ctx.state.config.tasks, name);
  if (!def) throw new RangeError(`celery: unregistered task ${name}`);
  return def;
}

const isDue = (d: HeldDelivery, now: number): boolean =>
  d.message.eta === null || d.message.eta <= now;

function hasPrefetchRoom(w: WorkerState, now: number): boolean {
  if (w.stopping !== null) return false;
  if (w.prefetchMultiplier === 0) return true;
  const heldEta = w.reserved.filter((d) => !isDue(d, now)).length;
  const unacked = w.reserved.length + w.running.filter((r) => !r.acked).length;
  return unacked < w.concurrency * w.prefetchMultiplier + heldEta;
}

/** Publishes a task message, as `apply_async` does: the broker first, then the task-sent event. */
export function publishMessage(ctx: StepContext, message: TaskMessage): void {
  applyTransport(ctx, transport(ctx).publish(ctx.state.transport, message, ctx.state.clock.now));
  emit(ctx, {
    type: 'task-sent',
    at: ctx.state.clock.now,
    taskId: message.taskId,
    name: message.name,
    retries: message.retries,
    eta: message.eta,
  });
}

/** Gives one ready message to the first worker in broker order that has prefetch room. */
function deliverOne(ctx: StepContext): boolean {
  const now = ctx.state.clock.now;
  if (transport(ctx).readyCount(ctx.state.transport) === 0) return false;
  for (const id of ctx.state.consumerOrder) {
    const w = ctx.state.workers.find((x) => x.id === id);
    if (!w || !w.alive || !hasPrefetchRoom(w, now)) continue;
    const result = transport(ctx).deliver(ctx.state.transport, id, now);
    applyTransport(ctx, result);
    const d = result.delivery;
    if (!d) return false;
    const held: HeldDelivery = {
      deliveryTag: d.deliveryTag,
      message: d.message,
      acked: false,
      redelivered: d.redelivered,
    };
    updateWorker(ctx, id, (x) => ({ ...x, reserved: [...x.reserved, held] }));
    // The broker offers the next message to the next consumer (round-robin, BRPOP first-come).
    ctx.state = {
      ...ctx.state,
      consumerOrder: [...ctx.state.consumerOrder.filter((c) => c !== id), id],
    };
    const m = d.message;
    emit(ctx, {
      type: 'task-received',
      at: now,
      taskId: m.taskId,
      name: m.name,
      retries: m.retries,
      worker: id,
      redelivered: d.redelivered,
    });
    transition(ctx, recordOf(ctx, m.taskId, m.name), 'RECEIVED', { retries: m.retries });
    if (m.eta !== null && m.eta > now) {
      scheduleTimer(ctx, m.eta - now, { kind: 'eta', worker: id, incarnation: w.incarnation });
    }
    return true;
  }
  return false;
}

/** Starts the next due reserved task on a worker with a free pool slot. */
function startOne(ctx: StepContext, w: WorkerState): boolean {
  const now = ctx.state.clock.now;
  if (!w.alive || w.stopping !== null || w.running.length >= w.concurrency) return false;
  const next = w.reserved.find((d) => isDue(d, now));
  if (!next) return false;
  const m = next.message;
  const def = definitionOf(ctx, m.name);
  const record = recordOf(ctx, m.taskId, m.name);
  const run = record.runs + 1;
  emit(ctx, {
    type: 'task-started',
    at: now,
    taskId: m.taskId,
    name: m.name,
    retries: m.retries,
    worker: w.id,
    run,
  });
  transition(ctx, record, 'STARTED', { runs: run });
  if (!def.acksLate) {
    // Early ack: the message is gone from the broker before the task runs.
    applyTransport(ctx, transport(ctx).ack(ctx.state.transport, w.id, next.deliveryTag, now));
  }
  const running = {
    ...next,
    acked: !def.acksLate,
    startedAt: now,
    finishesAt: now + def.durationMs,
  };
  updateWorker(ctx, w.id, (x) => ({
    ...x,
    reserved: x.reserved.filter((d) => d.deliveryTag !== next.deliveryTag),
    running: [...x.running, running],
  }));
  scheduleTimer(ctx, def.durationMs, {
    kind: 'finish',
    worker: w.id,
    incarnation: w.incarnation,
    deliveryTag: next.deliveryTag,
  });
  return true;
}

/** Moves messages to workers and starts what can start, until nothing more can happen now. */
export function dispatch(ctx: StepContext): void {
  for (;;) {
    let progressed = false;
    for (const w of ctx.state.workers) {
      while (startOne(ctx, ctx.state.workers.find((x) => x.id === w.id) as WorkerState))
        progressed = true;
    }
    if (deliverOne(ctx)) progressed = true;
    if (!progressed) return;
  }
}

/** The outcome of execution number `run` (1-based) under a plan; a script's last entry repeats. */
export function outcomeOf(
  plan: TaskPlan,
  run: number,
  prng: PrngState,
): [AttemptOutcome, PrngState] {
  if (plan.kind === 'script') {
    return [plan.attempts[Math.min(run, plan.attempts.length) - 1] ?? 'ok', prng];
  }
  const [f, next] = nextFloat(prng);
  return [f < plan.failureRate ? 'error' : 'ok', next];
}

/** A task's execution returned or raised: succeed, retry (a new message with a countdown) or fail. */
export function finishExecution(
  ctx: StepContext,
  workerId: string,
  incarnation: number,
  deliveryTag: number,
): void {
  const w = ctx.state.workers.find((x) => x.id === workerId);
  const r = w?.running.find((x) => x.deliveryTag === deliveryTag);
  // The worker died (or restarted) meanwhile: this execution never returns.
  if (!w || !r || !w.alive || w.incarnation !== incarnation) return;
  const now = ctx.state.clock.now;
  const m = r.message;
  const def = definitionOf(ctx, m.name);
  updateWorker(ctx, workerId, (x) => ({
    ...x,
    running: x.running.filter((e) => e.deliveryTag !== deliveryTag),
  }));
  const record = recordOf(ctx, m.taskId, m.name);
  const [outcome, prng] = outcomeOf(record.plan, record.runs, ctx.state.prng);
  ctx.state = { ...ctx.state, prng };
  const base = { at: now, taskId: m.taskId, name: m.name, retries: m.retries, worker: workerId };
  const fail = (exception: string): void => {
    emit(ctx, { ...base, type: 'task-failed', exception });
    transition(ctx, record, 'FAILURE', { exception });
  };
  if (outcome === 'ok') {
    emit(ctx, { ...base, type: 'task-succeeded', runtimeMs: now - r.startedAt });
    transition(ctx, record, 'SUCCESS', { exception: null });
  } else if (def.retry.kind === 'none') {
    fail(def.exception);
  } else {
    // Task.retry: retries = request.retries + 1; past max_retries it raises instead of retrying.
    const retries = m.retries + 1;
    if (def.maxRetries !== null && retries > def.maxRetries) {
      const passesExc = def.retry.kind === 'autoretry' || def.retry.passExc;
      fail(passesExc ? def.exception : 'MaxRetriesExceededError');
    } else {
      const [countdown, next] = retryCountdown(def.retry, m.retries, ctx.state.prng);
      ctx.state = { ...ctx.state, prng: next };
      // as_task_v2 turns a countdown into an ETA only `if countdown:` — 0 (a jitter draw) sends none.
      const eta = countdown > 0 ? now + countdown * 1000 : null;
      publishMessage(ctx, { taskId: m.taskId, name: m.name, retries, eta });
      emit(ctx, { ...base, type: 'task-retried', exception: def.exception, countdown });
      transition(ctx, record, 'RETRY', { exception: def.exception });
    }
  }
  // Late ack: the message leaves the broker only now, whatever the outcome (acks_on_failure_or_timeout).
  // A stopping worker cannot: its channel is closed and the broker has requeued the message.
  if (!r.acked && w.stopping === null)
    applyTransport(ctx, transport(ctx).ack(ctx.state.transport, workerId, deliveryTag, now));
  goOfflineIfIdle(ctx, workerId);
}

/**
 * The broker closed the worker's channel (consumer_timeout's 406) and Celery stops the worker:
 * WorkController.start logs «Unrecoverable error: PreconditionFailed(…)» and runs a warm
 * shutdown. The broker requeued what the worker held; its reserved and ETA requests are dropped;
 * running tasks finish without an ack; then it goes offline.
 */
export function stopWorker(ctx: StepContext, id: string, replyText: string): void {
  const w = ctx.state.workers.find((x) => x.id === id);
  if (!w || !w.alive || w.stopping !== null) return;
  const error = `Unrecoverable error: PreconditionFailed(406, '${replyText}', (0, 0), '')`;
  updateWorker(ctx, id, (x) => ({ ...x, stopping: error, reserved: [] }));
  ctx.state = { ...ctx.state, consumerOrder: ctx.state.consumerOrder.filter((c) => c !== id) };
  goOfflineIfIdle(ctx, id);
}

/** A stopping worker with nothing left running exits. */
export function goOfflineIfIdle(ctx: StepContext, id: string): void {
  const w = ctx.state.workers.find((x) => x.id === id);
  if (!w || !w.alive || w.stopping === null || w.running.length > 0) return;
  const error = w.stopping;
  updateWorker(ctx, id, (x) => ({ ...x, alive: false, stopping: null }));
  emit(ctx, {
    type: 'worker-offline',
    at: ctx.state.clock.now,
    worker: id,
    lostTaskIds: [],
    error,
  });
}
