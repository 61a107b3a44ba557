/**
 * The widget's logic on the kit: the model is the core's Redis state plus what the board tracks
 * (each worker's mode and tally, the tasks crashes took or spared, the last events). Scripted
 * steps and the student's actions are batches of Redis commands; an action that does not fit the
 * state (finishing with no task, a seventh worker) is refused with the reason, never thrown.
 * Who gets which task is decided by the core, never here.
 */
import {
  initRedis,
  stepRedis,
  type RedisCommand,
  type RedisEvent,
  type RedisState,
} from '../../broker/redis/index.ts';
import { own } from '../../broker/core/record.ts';
import { stepAll } from '../../broker/core/replay.ts';
import { commandBatches } from '../runtime/batches.ts';
import { replay, type FrameAt, type WidgetLogic } from '../runtime/timeline.ts';
import { validateShortText, type Validation } from '../runtime/validate.ts';
import { caption } from './caption.ts';
import {
  LIST_QUEUE_SCENARIO,
  LIST_QUEUE_SETUP,
  LIST_QUEUE_STEPS,
  PROCESSING,
  QUEUE,
  REQUEUE,
  lpush,
  waitCommand,
  type WorkerMode,
} from './story.ts';

/** A student's action. */
export type QueueAction =
  | { readonly type: 'lpush'; readonly value: string }
  | { readonly type: 'start'; readonly worker: string; readonly mode: WorkerMode }
  | { readonly type: 'finish'; readonly worker: string; readonly mode: WorkerMode }
  | { readonly type: 'crash'; readonly worker: string }
  | { readonly type: 'requeue' };

/** Worker cards on the board at most (the story has four). */
export const MAX_WORKERS = 6;
/** Tasks waiting in the queue at most: past this, the point (add workers) is made. */
export const MAX_QUEUE = 24;
/** Longest task text, in UTF-8 bytes. */
export const MAX_TASK_BYTES = 60;

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

interface Tracked {
  readonly mode: WorkerMode;
  readonly done: number;
  readonly crashedWith: string | undefined;
}

/** The widget's model: Redis and what the board remembers about workers and crashes. */
export interface QueueModel {
  readonly state: RedisState;
  /** Workers in the order they first appeared. */
  readonly workers: ReadonlyMap<string, Tracked>;
  readonly crashes: readonly CrashedTask[];
  readonly last: readonly RedisEvent[];
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
  readonly step: number;
  readonly actions: number;
}

/** The commands one action sends. */
export function actionCommands(action: QueueAction): RedisCommand[] {
  switch (action.type) {
    case 'lpush':
      return [lpush(action.value)];
    case 'start':
      return [waitCommand(action.worker, action.mode)];
    case 'finish':
      return [
        { type: 'finishTask', client: action.worker },
        waitCommand(action.worker, action.mode),
      ];
    case 'crash':
      return [{ type: 'crash', client: action.worker }];
    case 'requeue':
      return [REQUEUE];
  }
}

/** The first free worker name W5, W6, … */
export function nextWorker(existing: readonly string[]): string {
  for (let i = existing.length + 1; ; i++) {
    const name = `W${i}`;
    if (!existing.includes(name)) return name;
  }
}

/** A task's text: trimmed, non-empty, at most {@link MAX_TASK_BYTES} bytes. */
export function validateTask(raw: string): Validation<string> {
  return validateShortText(raw.trim(), 'Задача', MAX_TASK_BYTES);
}

/** «Воркер 1» for W1. */
export function workerLabel(client: string): string {
  return `Воркер ${client.replace(/^W/, '')}`;
}

function toMode(command: string): WorkerMode {
  return command === 'BLMOVE' ? 'BLMOVE' : 'BRPOP';
}

/** Sends one batch; the board's memory follows the events. Never mutates `model`. */
function send(model: QueueModel, batch: readonly RedisCommand[]): QueueModel {
  const { state, events } = stepAll(stepRedis, model.state, batch);
  const workers = new Map(model.workers);
  const crashes = [...model.crashes];
  for (const e of events) {
    if (e.type === 'blocked' || e.type === 'BRPOP' || e.type === 'BLMOVE') {
      const mode = e.type === 'blocked' ? toMode(e.command) : toMode(e.type);
      workers.set(e.client, {
        mode,
        done: workers.get(e.client)?.done ?? 0,
        crashedWith: undefined,
      });
    } else if (e.type === 'taskDone') {
      const w = workers.get(e.client);
      if (w) workers.set(e.client, { ...w, done: w.done + 1 });
    } else if (e.type === 'taskLost' || e.type === 'taskSurvived') {
      crashes.push({ value: e.task.value, worker: e.client, lost: e.type === 'taskLost' });
      const w = workers.get(e.client);
      if (w) workers.set(e.client, { ...w, crashedWith: e.task.value });
    }
  }
  return { state, workers, crashes, last: events.length > 0 ? events : model.last };
}

function listOf(state: RedisState, key: string): readonly string[] {
  const value = own(state.keys, key);
  return value?.type === 'list' ? value.items : [];
}

function clientOf(state: RedisState, client: string) {
  return own(state.clients, client);
}

/** Why `action` cannot be done in `model`, or undefined when it can. */
function unfit(model: QueueModel, action: QueueAction): string | undefined {
  const { state } = model;
  const label = (client: string) => `«${workerLabel(client)}»`;
  switch (action.type) {
    case 'lpush':
      return listOf(state, QUEUE).length >= MAX_QUEUE
        ? `В очереди уже ${MAX_QUEUE} задач — добавьте воркеров.`
        : undefined;
    case 'start': {
      if (clientOf(state, action.worker)) return `${label(action.worker)} уже работает.`;
      const known = model.workers.has(action.worker);
      return !known && model.workers.size >= MAX_WORKERS
        ? `Не больше ${MAX_WORKERS} воркеров — перезапустите упавшего.`
        : undefined;
    }
    case 'finish':
      return clientOf(state, action.worker)?.task
        ? undefined
        : `У ${label(action.worker)} нет задачи — заканчивать нечего.`;
    case 'crash':
      return clientOf(state, action.worker) ? undefined : `${label(action.worker)} уже упал.`;
    case 'requeue': {
      const oldest = listOf(state, PROCESSING).at(-1);
      if (oldest === undefined) return 'В processing пусто — возвращать нечего.';
      const holder = [...model.workers.keys()].find(
        (client) => clientOf(state, client)?.task?.value === oldest,
      );
      return holder
        ? `«${oldest}» ещё в работе у ${label(holder)} — вернуть можно только задачу упавшего.`
        : undefined;
    }
  }
}

/** The frame a model shows. */
export function viewOf(model: QueueModel, at: FrameAt<string>): QueueView {
  const { state } = model;
  const waiting = own(state.blockedOn, QUEUE) ?? [];
  const workers = [...model.workers].map(([client, w]): WorkerView => {
    const c = clientOf(state, client);
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
    workers,
    crashes: model.crashes,
    done: workers.reduce((n, w) => n + w.done, 0),
    last: model.last,
    state,
    step: at.step,
    actions: at.actions,
  };
}

/** The list-queue widget's logic (one story). */
export const listQueueLogic: WidgetLogic<QueueModel, QueueView, QueueAction, 'list-queue'> = {
  init: () =>
    send({ state: initRedis(), workers: new Map(), crashes: [], last: [] }, LIST_QUEUE_SETUP),
  ...commandBatches({ steps: LIST_QUEUE_SCENARIO, send, unfit, commands: actionCommands }),
  view: viewOf,
  caption,
};

/** The frame after `step` scripted steps and the student's `actions`, replayed from scratch. */
export function queueView(step: number, actions: readonly QueueAction[] = []): QueueView {
  return replay(listQueueLogic, 'list-queue', LIST_QUEUE_STEPS, step, actions).view;
}
