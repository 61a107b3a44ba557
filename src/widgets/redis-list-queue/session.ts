/**
 * Step → view-model: replays the setup, the story's first `step` steps and the student's actions
 * through the core's Redis model and describes the board — the queue and the processing list as
 * Redis holds them, each worker (waiting and its place in line, busy with a task, or crashed),
 * tasks lost and done. Who gets which task is decided by the core, never here.
 */
import {
  createRedisState,
  redisStep,
  type RedisCommand,
  type RedisEvent,
  type RedisState,
} from '../../broker/redis/index.ts';
import {
  LIST_QUEUE_SCENARIO,
  LIST_QUEUE_SETUP,
  PROCESSING,
  QUEUE,
  type WorkerMode,
} from './scenarios.ts';
import { actionCommands, type QueueAction } from './student.ts';

/** One worker card. */
export interface WorkerView {
  readonly client: string;
  readonly label: string;
  readonly mode: WorkerMode;
  readonly status: 'waiting' | 'busy' | 'crashed';
  /** The task it holds (busy), or held when it crashed. */
  readonly task: string | undefined;
  /** 1-based place among the clients blocked on the queue (waiting only). */
  readonly line: number | undefined;
  readonly done: number;
}

/** A task that a crash took with it, or that survived a crash in the processing list. */
export interface CrashedTask {
  readonly value: string;
  readonly worker: string;
  readonly lost: boolean;
}

/** Everything one frame shows. */
export interface QueueView {
  /** email_queue from head (LPUSH side) to tail (BRPOP side). */
  readonly queue: readonly string[];
  /** email_queue:processing, head to tail (the tail is the oldest task). */
  readonly processing: readonly string[];
  readonly workers: readonly WorkerView[];
  readonly crashes: readonly CrashedTask[];
  readonly done: number;
  /** The events of the last step or action: what the caption and animation tell. */
  readonly last: readonly RedisEvent[];
  readonly state: RedisState;
}

/** The commands for the setup and first `step` steps, then the actions; one batch each. */
export function batchesFor(
  step: number,
  actions: readonly QueueAction[],
): readonly (readonly RedisCommand[])[] {
  const n = Math.max(0, Math.min(LIST_QUEUE_SCENARIO.length, Math.floor(step)));
  return [LIST_QUEUE_SETUP, ...LIST_QUEUE_SCENARIO.slice(0, n), ...actions.map(actionCommands)];
}

/** «Воркер 1» for W1. */
export function workerLabel(client: string): string {
  return `Воркер ${client.replace(/^W/, '')}`;
}

function listOf(state: RedisState, key: string): readonly string[] {
  const value = Object.hasOwn(state.keys, key) ? state.keys[key] : undefined;
  return value?.type === 'list' ? value.items : [];
}

interface Tracked {
  mode: WorkerMode;
  done: number;
  crashedWith: string | undefined;
}

/** The frame after `step` scripted steps and the student's `actions`. */
export function queueView(step: number, actions: readonly QueueAction[]): QueueView {
  let state = createRedisState();
  const workers = new Map<string, Tracked>();
  const crashes: CrashedTask[] = [];
  let last: RedisEvent[] = [];
  for (const batch of batchesFor(step, actions)) {
    const events: RedisEvent[] = [];
    for (const command of batch) {
      const result = redisStep(state, command);
      state = result.state;
      events.push(...result.events);
    }
    if (events.length > 0) last = events;
    for (const e of events) {
      if (e.type === 'blocked' || e.type === 'BRPOP' || e.type === 'BLMOVE') {
        const mode: WorkerMode = e.type === 'blocked' ? toMode(e.command) : toMode(e.type);
        const known = workers.get(e.client);
        workers.set(e.client, { mode, done: known?.done ?? 0, crashedWith: undefined });
      } else if (e.type === 'taskDone') {
        const w = workers.get(e.client);
        if (w) w.done += 1;
      } else if (e.type === 'taskLost' || e.type === 'taskSurvived') {
        crashes.push({ value: e.task.value, worker: e.client, lost: e.type === 'taskLost' });
        const w = workers.get(e.client);
        if (w) w.crashedWith = e.task.value;
      }
    }
  }
  const waiting = Object.hasOwn(state.blockedOn, QUEUE) ? (state.blockedOn[QUEUE] ?? []) : [];
  const views = [...workers].map(([client, w]): WorkerView => {
    const c = Object.hasOwn(state.clients, client) ? state.clients[client] : undefined;
    const place = waiting.indexOf(client);
    const status = !c ? 'crashed' : c.task ? 'busy' : 'waiting';
    return {
      client,
      label: workerLabel(client),
      mode: w.mode,
      status,
      task: c ? c.task?.value : w.crashedWith,
      line: status === 'waiting' && place >= 0 ? place + 1 : undefined,
      done: w.done,
    };
  });
  return {
    queue: listOf(state, QUEUE),
    processing: listOf(state, PROCESSING),
    workers: views,
    crashes,
    done: views.reduce((n, w) => n + w.done, 0),
    last,
    state,
  };
}

function toMode(command: string): WorkerMode {
  return command === 'BLMOVE' ? 'BLMOVE' : 'BRPOP';
}
