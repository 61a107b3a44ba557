/**
 * The widget's logic on the kit. A frame is the Celery model's run of the slide's story under the
 * student's settings: step n is "the state after the n-th stop", found by waking the virtual clock
 * from one timer to the next until the stop's event happens. The student's actions change the
 * settings (never the story), so the model is the story and its settings; the frames of a setting
 * are replayed once and kept. Pure and deterministic; nothing here decides what Celery does.
 */
import { peekTimer } from '../../broker/core/clock.ts';
import {
  celeryModelWith,
  transportFor,
  type CeleryCommand,
  type CeleryEvent,
  type CeleryOptions,
  type CeleryState,
  type RetryPolicy,
  type TaskPlan,
  type TaskState,
} from '../../broker/celery/index.ts';
import { refuse, type FrameAt, type WidgetLogic } from '../runtime/timeline.ts';
import { validateIntInRange, type Validation } from '../runtime/validate.ts';
import { caption } from './caption.ts';
import { axisMaxFor } from './layout.ts';
import {
  CELERY_STORIES,
  LIMITS,
  VISIBILITY_TIMEOUT_S,
  WORKERS,
  type CelerySettings,
  type CeleryStory,
  type CeleryStoryName,
  type FlagKey,
  type NumberKey,
  type RetryKind,
  type StopAt,
  type TaskSpec,
} from './story.ts';

/** The id the widget's task gets. */
export const TASK_ID = 'task-1';

/** Wake-ups per step before giving up (a run of 11 attempts needs about 40). */
const MAX_WAKES = 400;

/** What the widget shows after a step: the events up to the step's stop, in order. */
export interface Frame {
  readonly step: number;
  /** Every event from the start up to and including the stop's event. */
  readonly events: readonly CeleryEvent[];
  /** Events of this step only. */
  readonly stepEvents: readonly CeleryEvent[];
  /** Virtual time of the frame, ms: the stop's event, or the last one. */
  readonly now: number;
  /** What `AsyncResult(id).state` returns after those events; null before delay(). */
  readonly taskState: ResultState | null;
  /** The worker that held the running task died with an early ack: nobody will finish it. */
  readonly lost: boolean;
  /** Nothing more will happen after this frame. */
  readonly idle: boolean;
}

interface Run {
  readonly model: ReturnType<typeof celeryModelWith>;
  state: CeleryState;
  events: CeleryEvent[];
  /** When worker1 is to be killed (its first run's midpoint) once known; null when not (any more). */
  crashAt: number | null | undefined;
}

const isTaskEvent = (e: CeleryEvent): boolean => 'taskId' in e && e.taskId === TASK_ID;

/**
 * The states `AsyncResult.state` can return here. RECEIVED is not one: celery/states.py marks it
 * «only used in events» — the worker sends a task-received event, the result backend keeps
 * PENDING (or RETRY) until the run starts.
 */
export type ResultState = Exclude<TaskState, 'RECEIVED'>;

/**
 * What the result backend stores on each event, for the lecture's app: STARTED because tasks.py
 * sets task_track_started=True (celery/app/trace.py stores it only then), RETRY from
 * handle_retry's mark_as_retry, SUCCESS/FAILURE when the run ends. task-sent stores nothing: an
 * id the backend does not know reads as PENDING.
 */
const STATE_OF: Partial<Record<CeleryEvent['type'], ResultState>> = {
  'task-sent': 'PENDING',
  'task-started': 'STARTED',
  'task-retried': 'RETRY',
  'task-succeeded': 'SUCCESS',
  'task-failed': 'FAILURE',
};

/**
 * What `AsyncResult(id).state` returns after `events`. A retry publishes the next message
 * (task-sent) before task-retried, so that task-sent does not make it PENDING again.
 */
export function taskStateAfter(events: readonly CeleryEvent[]): ResultState | null {
  let state: ResultState | null = null;
  for (const e of events) {
    if (!isTaskEvent(e)) continue;
    const next = STATE_OF[e.type];
    if (next && !(next === 'PENDING' && state !== null)) state = next;
    if (state === 'SUCCESS' || state === 'FAILURE') break;
  }
  return state;
}

/** Every state the task has been in during `events`, read through the same map as taskStateAfter. */
export function statesVisited(events: readonly CeleryEvent[]): ReadonlySet<ResultState> {
  const visited = new Set<ResultState>();
  for (const e of events) {
    const state = isTaskEvent(e) ? STATE_OF[e.type] : undefined;
    if (state) visited.add(state);
  }
  return visited;
}

/** Events that happen with a retry at the same instant: the new message reaches a worker. */
const HANDOVER: ReadonlySet<CeleryEvent['type']> = new Set<CeleryEvent['type']>([
  'task-sent',
  'task-received',
  'LPUSH',
  'BRPOP',
  'HDEL',
  'basic.publish',
  'basic.deliver',
  'basic.ack',
]);

function isLost(events: readonly CeleryEvent[]): boolean {
  return events.some((e) => e.type === 'worker-offline' && e.lostTaskIds.includes(TASK_ID));
}

function matches(e: CeleryEvent, stop: StopAt): boolean {
  if (stop === 'worker-offline') return e.type === 'worker-offline';
  if (stop === 'end')
    return isTaskEvent(e) && (e.type === 'task-succeeded' || e.type === 'task-failed');
  if (stop === 'sent') return isTaskEvent(e) && e.type === 'task-sent';
  return isTaskEvent(e) && e.type === stop;
}

function apply(run: Run, command: CeleryCommand): void {
  const r = run.model.step(run.state, command);
  run.state = r.state;
  run.events.push(...r.events);
  if (run.crashAt !== undefined) return;
  const first = r.events.find((e) => e.type === 'task-started' && isTaskEvent(e));
  if (first?.type === 'task-started') {
    const duration = run.state.config.tasks[first.name]?.durationMs ?? 0;
    run.crashAt = first.worker === 'worker1' ? first.at + duration / 2 : null;
  }
}

/** The next moment anything can happen: a timer, a Redis restore, or the scripted crash. */
function nextWake(run: Run): number | undefined {
  const times = [
    peekTimer(run.state.clock)?.at,
    transportFor(run.state.transport).nextRestoreAt(run.state.transport),
    run.crashAt ?? undefined,
  ].filter((t): t is number => t !== undefined);
  return times.length === 0 ? undefined : Math.min(...times);
}

/** Moves the model to its next moment; false when nothing is left to happen. */
function wake(run: Run): boolean {
  const at = nextWake(run);
  if (at === undefined) return false;
  const now = run.state.clock.now;
  if (at > now) apply(run, { type: 'advance', ms: at - now });
  if (typeof run.crashAt === 'number' && run.state.clock.now >= run.crashAt) {
    run.crashAt = null;
    apply(run, { type: 'crashWorker', worker: 'worker1' });
  }
  return true;
}

/**
 * Index just past the first event at or after `from` matching `stop`, running the model as
 * needed. A retry's step also takes the hand-over at the same instant: the worker receives the
 * countdown message at once and holds it (celery/worker/strategy.py: an ETA request goes to the
 * worker's timer, unacked), so the frame shows where the message really waits.
 */
function cutAt(run: Run, stop: StopAt, from: number): number {
  for (let wakes = 0; wakes <= MAX_WAKES; wakes++) {
    const i = run.events.findIndex((e, k) => k >= from && matches(e, stop));
    const found = run.events[i];
    if (found) {
      let end = i + 1;
      for (let next = run.events[end]; stop === 'task-retried' && next; next = run.events[end]) {
        if (next.at !== found.at || !HANDOVER.has(next.type)) break;
        end++;
      }
      return end;
    }
    const done = taskStateAfter(run.events);
    if (done === 'SUCCESS' || done === 'FAILURE' || isLost(run.events) || !wake(run)) break;
  }
  return run.events.length;
}

/** Frames 0…stops.length of a story under `settings`. */
export function replayStory(story: CeleryStory, settings: CelerySettings): Frame[] {
  const model = celeryModelWith(modelOptions(story.task, settings));
  const run: Run = {
    model,
    state: model.init(story.seed),
    events: [],
    crashAt: settings.crash ? undefined : null,
  };
  apply(run, { type: 'send', name: story.task.name, taskId: TASK_ID, plan: planFor(settings) });
  const frames: Frame[] = [
    {
      step: 0,
      events: [],
      stepEvents: [],
      now: 0,
      taskState: null,
      lost: false,
      idle: false,
    },
  ];
  let cut = 0;
  story.stops.forEach((stop, i) => {
    const from = cut;
    cut = Math.max(cut, cutAt(run, stop, cut));
    const events = run.events.slice(0, cut);
    const last = events[events.length - 1];
    const taskState = taskStateAfter(events);
    const lost = isLost(events);
    frames.push({
      step: i + 1,
      events,
      stepEvents: events.slice(from),
      now: last?.at ?? 0,
      taskState,
      lost,
      idle:
        taskState === 'SUCCESS' ||
        taskState === 'FAILURE' ||
        lost ||
        (cut === run.events.length && nextWake(run) === undefined),
    });
  });
  return frames;
}

/** The retry policy the settings describe, in the Celery model's terms. */
export function retryPolicy(s: CelerySettings): RetryPolicy {
  if (s.retry === 'none') return { kind: 'none' };
  if (s.retry === 'countdown')
    return { kind: 'countdown', countdown: s.backoff, passExc: true, doubling: true };
  return {
    kind: 'autoretry',
    retryBackoff: s.backoff,
    retryBackoffMax: s.backoffMax,
    retryJitter: s.jitter,
  };
}

/** The Celery model's options for a task under these settings (two workers, prefetch 1). */
export function modelOptions(task: TaskSpec, s: CelerySettings): CeleryOptions {
  return {
    transport: s.transport,
    visibilityTimeoutMs: VISIBILITY_TIMEOUT_S * 1000,
    tasks: {
      [task.name]: {
        durationMs: task.durationMs,
        maxRetries: s.maxRetries,
        acksLate: s.acksLate,
        retry: retryPolicy(s),
        exception: task.exception,
      },
    },
    workers: WORKERS.map((id) => ({ id, concurrency: 1, prefetchMultiplier: 1 })),
  };
}

/**
 * `failures` raising runs, then one that returns. The model takes one entry per execution; a run
 * killed with its worker never returns, so its entry (first, when `crash`) is never read.
 */
export function planFor(s: CelerySettings): TaskPlan {
  const raising = Array.from({ length: s.failures }, () => 'error' as const);
  return { kind: 'script', attempts: [...(s.crash ? ['error' as const] : []), ...raising, 'ok'] };
}

/** A student's action: a new value for one setting, or the slide's settings back. */
export type CeleryAction =
  | { readonly type: 'transport'; readonly value: CelerySettings['transport'] }
  | { readonly type: 'retry'; readonly value: RetryKind }
  | { readonly type: 'number'; readonly key: NumberKey; readonly value: number }
  | { readonly type: 'flag'; readonly key: FlagKey; readonly value: boolean }
  | { readonly type: 'slide' };

/** The widget's model: the story the slide names and the settings it runs under. */
export interface CeleryModel {
  readonly story: CeleryStory;
  readonly settings: CelerySettings;
}

/** Everything one frame shows. */
export interface CeleryView {
  readonly story: CeleryStory;
  readonly settings: CelerySettings;
  readonly frame: Frame;
  /** The story's last frame under these settings (what the whole story will have drawn). */
  readonly final: Frame;
  /** The axis of the whole story under these settings (its last frame), so steps do not rescale. */
  readonly axisMaxMs: number;
  readonly step: number;
  readonly actions: number;
}

/** Labels of the numeric settings: the Celery option each one is (also the fields' labels). */
export const NUMBER_LABEL: Readonly<Record<NumberKey, string>> = {
  failures: 'Сбоев до успеха',
  maxRetries: 'max_retries',
  backoff: 'retry_backoff / база countdown, с',
  backoffMax: 'retry_backoff_max, с',
};

/** Checks a typed number against its setting's limits (the message names the field). */
export function validateSetting(key: NumberKey, raw: string, label = NUMBER_LABEL[key]) {
  return validateIntInRange(raw, LIMITS[key].min, LIMITS[key].max, label);
}

/** Frames of the last few (story, settings) pairs: a seek or a redraw never replays them again. */
const kept = new Map<string, readonly Frame[]>();
const KEPT = 16;

/** Frames 0…stops.length of `story` under `settings`, replayed once per pair. */
export function framesOf(story: CeleryStory, settings: CelerySettings): readonly Frame[] {
  const key = `${story.name}|${JSON.stringify(settings)}`;
  const known = kept.get(key);
  if (known) return known;
  const frames = replayStory(story, settings);
  kept.set(key, frames);
  for (const old of kept.keys()) {
    if (kept.size <= KEPT) break;
    kept.delete(old);
  }
  return frames;
}

function settingsAfter(model: CeleryModel, action: CeleryAction): CelerySettings | string {
  const s = model.settings;
  switch (action.type) {
    case 'transport':
      return { ...s, transport: action.value };
    case 'retry':
      return { ...s, retry: action.value };
    case 'number': {
      const checked: Validation<number> = validateSetting(action.key, String(action.value));
      return checked.ok ? { ...s, [action.key]: checked.value } : checked.message;
    }
    case 'flag':
      return { ...s, [action.key]: action.value };
    case 'slide':
      return model.story.settings;
  }
}

/** The frame a model shows at `at`. */
export function viewOf(model: CeleryModel, at: FrameAt<string>): CeleryView {
  const frames = framesOf(model.story, model.settings);
  const last = frames.at(-1);
  const frame = frames[Math.min(at.step, frames.length - 1)];
  if (!frame || !last) throw new Error(`celery-retries: no frame ${at.step}`);
  return {
    story: model.story,
    settings: model.settings,
    frame,
    final: last,
    axisMaxMs: axisMaxFor(last.now),
    step: at.step,
    actions: at.actions,
  };
}

/** The celery-retries widget's logic: a step picks a frame, an action changes the settings. */
export const celeryLogic: WidgetLogic<CeleryModel, CeleryView, CeleryAction, CeleryStoryName> = {
  init: (story) => ({ story: CELERY_STORIES[story], settings: CELERY_STORIES[story].settings }),
  play: (model) => model,
  act(model, action) {
    const next = settingsAfter(model, action);
    return typeof next === 'string' ? refuse(next) : { ...model, settings: next };
  },
  view: viewOf,
  caption,
};
