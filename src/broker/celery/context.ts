/**
 * A step's working context: the latest state and the events so far. Helpers replace parts of
 * the state with new objects; the state a step started from is never written to.
 */
import { schedule } from '../core/clock.ts';
import { at } from '../core/at.ts';
import { copyRecord, drop, own, put } from '../core/record.ts';
import { READY_STATES } from './states.ts';
import { transportFor, type TransportState, type TransportStep } from './transport.ts';
import type {
  CeleryEvent,
  CeleryState,
  CeleryTimer,
  TaskPlan,
  TaskRecord,
  TaskState,
  WorkerState,
} from './types.ts';

/** The state being built by one step and the events it produced. */
export interface StepContext {
  state: CeleryState;
  readonly events: CeleryEvent[];
  /** The `tasks` record this step already copied, so later writes in the step reuse the copy. */
  ownTasks?: Record<string, TaskRecord>;
}

/** A fresh context for one step over `state`. */
export function startStep(state: CeleryState): StepContext {
  return { state, events: [] };
}

const HISTORY_CAP = 64;

/** Adds events to the step's output. */
export function emit(ctx: StepContext, ...events: CeleryEvent[]): void {
  ctx.events.push(...events);
}

/** Applies a transport operation and records its events. */
export function applyTransport(ctx: StepContext, result: TransportStep<TransportState>): void {
  ctx.state = { ...ctx.state, transport: result.transport };
  emit(ctx, ...result.events);
}

/** The transport implementation for the current state. */
export function transport(ctx: StepContext): ReturnType<typeof transportFor> {
  return transportFor(ctx.state.transport);
}

/** Schedules a timer on the virtual clock. */
export function scheduleTimer(ctx: StepContext, delayMs: number, payload: CeleryTimer): void {
  ctx.state = { ...ctx.state, clock: schedule(ctx.state.clock, delayMs, payload).clock };
}

/** Replaces one worker. */
export function updateWorker(
  ctx: StepContext,
  id: string,
  f: (w: WorkerState) => WorkerState,
): void {
  ctx.state = { ...ctx.state, workers: ctx.state.workers.map((w) => (w.id === id ? f(w) : w)) };
}

/** A fresh PENDING record. */
export function newRecord(id: string, name: string, plan: TaskPlan): TaskRecord {
  return {
    id,
    name,
    state: 'PENDING',
    retries: 0,
    runs: 0,
    history: ['PENDING'],
    historyDropped: 0,
    plan,
    exception: null,
    lost: false,
  };
}

/** The record of a task id; one the backend already forgot is recreated as PENDING. */
export function recordOf(ctx: StepContext, id: string, name: string): TaskRecord {
  return own(ctx.state.tasks, id) ?? newRecord(id, name, { kind: 'script', attempts: ['ok'] });
}

/** Stores a record and, when it just became finished, remembers it for eviction. */
export function putRecord(ctx: StepContext, record: TaskRecord): void {
  const before = own(ctx.state.tasks, record.id);
  const wasDone = before !== undefined && (READY_STATES.includes(before.state) || before.lost);
  const isDone = READY_STATES.includes(record.state) || record.lost;
  // Copy the record once per step, then write into the step's own copy: O(1) per update.
  const tasks = ctx.ownTasks ?? copyRecord(ctx.state.tasks);
  ctx.ownTasks = tasks;
  put(tasks, record.id, record);
  let finished = ctx.state.finished;
  if (isDone && !wasDone) {
    finished = [...finished, record.id];
    // A result backend expires old results; here the oldest finished records go past a count.
    while (finished.length > ctx.state.config.maxFinishedTasks) {
      const oldest = at(finished, 0);
      finished = finished.slice(1);
      drop(tasks, oldest);
    }
  }
  ctx.state = { ...ctx.state, tasks, finished };
}

/**
 * Moves a task to `next` and records it in the history. SUCCESS is sticky, as in Celery's
 * key-value result backends, which ignore updates after a success (a duplicate run's events
 * are still emitted).
 */
export function transition(
  ctx: StepContext,
  record: TaskRecord,
  next: TaskState,
  patch: Partial<TaskRecord> = {},
): TaskRecord {
  if (record.state === 'SUCCESS') {
    const kept = { ...record, runs: patch.runs ?? record.runs };
    putRecord(ctx, kept);
    return kept;
  }
  const full = record.state !== next && record.history.length >= HISTORY_CAP;
  const history =
    record.state === next
      ? record.history
      : full
        ? [...record.history.slice(1), next]
        : [...record.history, next];
  const historyDropped = record.historyDropped + (full ? 1 : 0);
  const updated = { ...record, ...patch, state: next, history, historyDropped };
  putRecord(ctx, updated);
  return updated;
}
