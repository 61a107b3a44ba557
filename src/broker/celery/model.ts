/**
 * The Celery model: `init(seed)` and a pure `step(state, command)`. Commands send tasks, move
 * the virtual clock (executions end, ETAs come, beat ticks, Redis restores unacked messages
 * after the visibility timeout), crash workers and start them again.
 */
import { appendCapped } from '../core/capped.ts';
import { createClock, peekTimer, popDue, setNow } from '../core/clock.ts';
import { seedPrng } from '../core/prng.ts';
import { own } from '../core/record.ts';
import type { Model, StepResult } from '../core/replay.ts';
import { checkWorker, resolveConfig, type CeleryOptions } from './config.ts';
import {
  applyTransport,
  emit,
  newRecord,
  putRecord,
  recordOf,
  scheduleTimer,
  transition,
  transport,
  updateWorker,
  type StepContext,
} from './context.ts';
import { createRabbitTransport } from './transport-rabbitmq.ts';
import { createRedisTransport } from './transport-redis.ts';
import type {
  CeleryCommand,
  CeleryConfig,
  CeleryEvent,
  CeleryState,
  CeleryTimer,
  WorkerState,
} from './types.ts';
import {
  definitionOf,
  dispatch,
  finishExecution,
  goOfflineIfIdle,
  publishMessage,
  stopWorker,
} from './worker.ts';

/** The state at time 0: workers online, beat scheduled, queue empty. */
export function initCelery(config: CeleryConfig, seed: number): CeleryState {
  const ctx: StepContext = {
    state: {
      config,
      clock: createClock<CeleryTimer>(),
      prng: seedPrng(seed),
      transport:
        config.transport === 'redis'
          ? createRedisTransport(config.queue, config.visibilityTimeoutMs)
          : createRabbitTransport(config.queue, config.consumerTimeoutMs),
      workers: config.workers.map((w) => ({
        ...w,
        alive: true,
        stopping: null,
        incarnation: 1,
        reserved: [],
        running: [],
      })),
      consumerOrder: config.workers.map((w) => w.id),
      tasks: {},
      finished: [],
      nextTaskNumber: 1,
      log: [],
    },
    events: [],
  };
  // Beat's interval schedule first fires one period after start (last_run_at defaults to now).
  for (let instance = 1; instance <= config.beatInstances; instance++) {
    config.beatSchedule.forEach((e, entry) =>
      scheduleTimer(ctx, e.everyS * 1000, { kind: 'beat', instance, entry }),
    );
  }
  return ctx.state;
}

function sendTask(ctx: StepContext, command: Extract<CeleryCommand, { type: 'send' }>): string {
  definitionOf(ctx, command.name); // throws on an unregistered task
  const taskId = command.taskId ?? `task-${ctx.state.nextTaskNumber}`;
  if (own(ctx.state.tasks, taskId))
    throw new RangeError(`celery: task id ${taskId} already in use`);
  const countdown = command.countdown ?? 0;
  if (!Number.isFinite(countdown) || countdown < 0)
    throw new RangeError(`celery: countdown must be >= 0 s, got ${countdown}`);
  const plan = command.plan ?? { kind: 'script', attempts: ['ok'] };
  if (plan.kind === 'random' && !(plan.failureRate >= 0 && plan.failureRate <= 1)) {
    throw new RangeError(`celery: failureRate must be in [0, 1], got ${plan.failureRate}`);
  }
  ctx.state = { ...ctx.state, nextTaskNumber: ctx.state.nextTaskNumber + 1 };
  putRecord(ctx, newRecord(taskId, command.name, plan));
  const now = ctx.state.clock.now;
  publishMessage(ctx, {
    taskId,
    name: command.name,
    retries: 0,
    eta: command.countdown ? now + countdown * 1000 : null,
  });
  return taskId;
}

function fireTimer(ctx: StepContext, timer: CeleryTimer): void {
  if (timer.kind === 'finish')
    finishExecution(ctx, timer.worker, timer.incarnation, timer.deliveryTag);
  if (timer.kind === 'beat') {
    const entry = ctx.state.config.beatSchedule[timer.entry];
    if (!entry) return;
    const taskId = sendTask(ctx, { type: 'send', name: entry.task });
    emit(ctx, {
      type: 'beat-sent',
      at: ctx.state.clock.now,
      instance: timer.instance,
      entry: entry.name,
      taskId,
    });
    scheduleTimer(ctx, entry.everyS * 1000, timer);
  }
  // An ETA timer only wakes the worker; dispatch below starts what is due.
}

/** Refuses a step that will not end, or not soon: see CeleryConfig.maxEventsPerStep. */
function runaway(ctx: StepContext, target: number): never {
  const now = ctx.state.clock.now;
  const still = ctx.events.filter((e) => 'at' in e && e.at === now).length;
  throw new RangeError(
    `celery: more than ${ctx.state.config.maxEventsPerStep} events in one step, ` +
      `${still} of them at t=${now} ms (the step ends at ${target} ms): ` +
      'a task that fails at once and retries with countdown 0 and no max_retries never lets time ' +
      'move. Give it a countdown, a duration or max_retries, or advance in smaller steps.',
  );
}

function advance(ctx: StepContext, ms: number): void {
  if (!Number.isFinite(ms) || ms < 0)
    throw new RangeError(`celery: advance needs a finite ms >= 0, got ${ms}`);
  const target = ctx.state.clock.now + ms;
  for (;;) {
    const timer = peekTimer(ctx.state.clock);
    const t = transport(ctx);
    const restoreAt = t.nextRestoreAt(ctx.state.transport);
    // On a tie the transport says which goes first (see Transport.restoresFirstOnTie).
    const first =
      restoreAt !== undefined &&
      restoreAt <= target &&
      (!timer || restoreAt < timer.at || (restoreAt === timer.at && t.restoresFirstOnTie));
    if (first) {
      ctx.state = {
        ...ctx.state,
        clock: setNow(ctx.state.clock, Math.max(ctx.state.clock.now, restoreAt)),
      };
      const restored = t.restoreDue(ctx.state.transport, ctx.state.clock.now);
      applyTransport(ctx, restored);
      for (const e of restored.events)
        if (e.type === 'channel.close') stopWorker(ctx, e.consumerTag, e.replyText);
    } else {
      const due = popDue(ctx.state.clock, target);
      if (!due) break;
      ctx.state = { ...ctx.state, clock: due.clock };
      fireTimer(ctx, due.timer.payload);
    }
    dispatch(ctx);
    if (ctx.events.length > ctx.state.config.maxEventsPerStep) runaway(ctx, target);
  }
  ctx.state = { ...ctx.state, clock: setNow(ctx.state.clock, target) };
}

function crashWorker(ctx: StepContext, id: string): void {
  const w = ctx.state.workers.find((x) => x.id === id);
  if (!w) throw new RangeError(`celery: no worker ${id}`);
  if (!w.alive) return;
  const now = ctx.state.clock.now;
  // Early-acked executions are gone from the broker: nobody will ever run them again.
  const lost = w.running.filter((r) => r.acked);
  for (const r of lost) {
    const record = own(ctx.state.tasks, r.message.taskId);
    if (record && record.state === 'STARTED') transition(ctx, record, 'STARTED', { lost: true });
  }
  updateWorker(ctx, id, (x) => ({
    ...x,
    alive: false,
    stopping: null,
    reserved: [],
    running: [],
  }));
  ctx.state = { ...ctx.state, consumerOrder: ctx.state.consumerOrder.filter((c) => c !== id) };
  applyTransport(ctx, transport(ctx).consumerLost(ctx.state.transport, id, now));
  emit(ctx, {
    type: 'worker-offline',
    at: now,
    worker: id,
    lostTaskIds: lost.map((r) => r.message.taskId),
  });
}

/**
 * A pool process dies mid-task (Celery 5's Request.on_failure with WorkerLostError): the main
 * process survives. With acks_late and reject_on_worker_lost the message is rejected with requeue
 * and runs again; otherwise it is acked (early ack did so already; acks_late acks on failure,
 * acks_on_failure_or_timeout) and the task ends FAILURE — no retry, whatever autoretry_for says,
 * since the error is raised outside the task body.
 */
function killPoolProcess(ctx: StepContext, workerId: string, taskId: string): void {
  const w = ctx.state.workers.find((x) => x.id === workerId);
  const r = w?.alive ? w.running.find((x) => x.message.taskId === taskId) : undefined;
  if (!r) throw new RangeError(`celery: ${workerId} runs no task ${taskId}`);
  const now = ctx.state.clock.now;
  const m = r.message;
  const def = definitionOf(ctx, m.name);
  // Its 'finish' timer then finds nothing to finish.
  updateWorker(ctx, workerId, (x) => ({
    ...x,
    running: x.running.filter((e) => e.deliveryTag !== r.deliveryTag),
  }));
  // A stopping worker's channel is closed: the broker requeued the message already.
  const canAck = !r.acked && w?.stopping === null;
  const t = transport(ctx);
  if (def.acksLate && def.rejectOnWorkerLost) {
    if (canAck) applyTransport(ctx, t.requeue(ctx.state.transport, workerId, r.deliveryTag, now));
  } else {
    if (canAck) applyTransport(ctx, t.ack(ctx.state.transport, workerId, r.deliveryTag, now));
    const exception = 'WorkerLostError';
    const { name, retries } = m;
    emit(ctx, { type: 'task-failed', at: now, taskId, name, retries, worker: workerId, exception });
    transition(ctx, recordOf(ctx, taskId, name), 'FAILURE', { exception });
  }
  // A worker stopping after consumer_timeout exits once nothing runs.
  goOfflineIfIdle(ctx, workerId);
}

function startWorker(
  ctx: StepContext,
  command: Extract<CeleryCommand, { type: 'startWorker' }>,
): void {
  const old = ctx.state.workers.find((x) => x.id === command.worker);
  if (old?.alive) throw new RangeError(`celery: worker ${command.worker} is already running`);
  const fresh: WorkerState = {
    id: command.worker,
    concurrency: command.concurrency ?? old?.concurrency ?? 1,
    prefetchMultiplier: command.prefetchMultiplier ?? old?.prefetchMultiplier ?? 4,
    alive: true,
    stopping: null,
    incarnation: (old?.incarnation ?? 0) + 1,
    reserved: [],
    running: [],
  };
  checkWorker(fresh);
  const workers = old
    ? ctx.state.workers.map((x) => (x.id === fresh.id ? fresh : x))
    : [...ctx.state.workers, fresh];
  ctx.state = { ...ctx.state, workers, consumerOrder: [...ctx.state.consumerOrder, fresh.id] };
  emit(ctx, { type: 'worker-online', at: ctx.state.clock.now, worker: fresh.id });
}

/** Applies one command; never mutates `state`. */
export function stepCelery(
  state: CeleryState,
  command: CeleryCommand,
): StepResult<CeleryState, CeleryEvent> {
  const ctx: StepContext = { state, events: [] };
  switch (command.type) {
    case 'send':
      sendTask(ctx, command);
      break;
    case 'advance':
      advance(ctx, command.ms);
      break;
    case 'crashWorker':
      crashWorker(ctx, command.worker);
      break;
    case 'killPoolProcess':
      killPoolProcess(ctx, command.worker, command.taskId);
      break;
    case 'startWorker':
      startWorker(ctx, command);
      break;
    default:
      throw new TypeError(`celery: unknown command ${(command as { type: unknown }).type}`);
  }
  dispatch(ctx);
  const log = appendCapped(ctx.state.log, ctx.events, ctx.state.config.logCap);
  return { state: { ...ctx.state, log }, events: ctx.events };
}

/** A Celery model for a configuration (Celery's defaults for anything not given). */
export function celeryModelWith(
  options: CeleryOptions = {},
): Model<CeleryState, CeleryCommand, CeleryEvent> {
  const config = resolveConfig(options);
  return { init: (seed) => initCelery(config, seed), step: stepCelery };
}
