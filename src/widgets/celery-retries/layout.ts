/**
 * Pure layout of the timeline: what ran where and when, read from the model's events. Runs sit
 * on their worker's lane. A message waits where it really is: in the broker until a worker
 * receives it (a free worker takes it at once; after a lost worker, RabbitMQ requeues it or
 * Redis restores it after visibility_timeout), then on the worker that received it — a retry's
 * countdown message is received at once and held there unacked until its ETA
 * (celery/worker/strategy.py hands an ETA request to the worker's timer). Times are virtual ms;
 * x is in SVG units of a 1000-wide box. Also the look of every state and run outcome: colour and
 * shape, so the picture never relies on colour alone.
 */
import type { CeleryEvent } from '../../broker/celery/index.ts';
import type { Frame, ResultState } from './logic.ts';
import { WORKERS } from './story.ts';

/** Lanes top to bottom: the broker, then each worker. */
export const LANES = ['broker', ...WORKERS] as const;
export type Lane = (typeof LANES)[number];

/** How an execution ended (or not yet). */
export type RunOutcome = 'ok' | 'error' | 'killed' | 'running';

export interface RunBar {
  readonly lane: Lane;
  readonly run: number;
  readonly start: number;
  readonly end: number;
  readonly outcome: RunOutcome;
  readonly redelivered: boolean;
}

/** The message waiting in the broker, or received and held by a worker until its ETA. */
export interface WaitBar {
  /** `broker`: in the queue; a worker: received, held unacked (a countdown's ETA). */
  readonly lane: Lane;
  readonly start: number;
  readonly end: number;
  /** The countdown in seconds when this wait is a retry's; null for a plain queue wait. */
  readonly countdown: number | null;
}

export interface Mark {
  readonly lane: Lane;
  readonly at: number;
  readonly kind: 'sent' | 'crash' | 'redelivered';
}

export interface TimelineModel {
  readonly runs: readonly RunBar[];
  readonly waits: readonly WaitBar[];
  readonly marks: readonly Mark[];
  readonly now: number;
  readonly axisMaxMs: number;
}

const isLane = (w: string): w is Lane => (LANES as readonly string[]).includes(w);

/** The smallest of 2, 5, 10, 15, 20, 30, 60, 120… s at least 5 % past `ms`. */
export function axisMaxFor(ms: number): number {
  const s = Math.max(2000, ms * 1.05) / 1000;
  for (const m of [2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900, 1800, 3600]) {
    if (m >= s) return m * 1000;
  }
  return Math.ceil(s / 3600) * 3_600_000;
}

/** Tick step in seconds for at most `most` (8: about 4–8) ticks on [0, max ms]. */
export function tickStepS(maxMs: number, most = 8): number {
  const s = maxMs / 1000;
  for (const t of [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600])
    if (s / t <= most) return t;
  return 7200;
}

/** Runs, waits and marks after the frame's events; the axis comes from the story's last frame. */
export function timelineOf(frame: Frame, axisMaxMs: number): TimelineModel {
  const runs: RunBar[] = [];
  const waits: WaitBar[] = [];
  const marks: Mark[] = [];
  const open = new Map<string, { run: number; start: number; redelivered: boolean }>();
  let inBrokerSince: number | null = null;
  let held: { lane: Lane; since: number } | null = null;
  let countdown: number | null = null;
  let redelivered = false;
  const close = (worker: string, end: number, outcome: RunOutcome): void => {
    const r = open.get(worker);
    if (!r || !isLane(worker)) return;
    open.delete(worker);
    runs.push({
      lane: worker,
      run: r.run,
      start: r.start,
      end,
      outcome,
      redelivered: r.redelivered,
    });
  };
  // A message taken at once has no wait worth drawing; a countdown always has one.
  const pushWait = (lane: Lane, start: number, end: number, cd: number | null): void => {
    if (cd !== null || end - start >= 100) waits.push({ lane, start, end, countdown: cd });
  };
  for (const e of frame.events as readonly CeleryEvent[]) {
    switch (e.type) {
      case 'task-sent':
        inBrokerSince = e.at;
        if (e.retries === 0) marks.push({ lane: 'broker', at: e.at, kind: 'sent' });
        break;
      case 'task-received':
        redelivered = e.redelivered;
        if (e.redelivered) marks.push({ lane: 'broker', at: e.at, kind: 'redelivered' });
        if (inBrokerSince !== null) pushWait('broker', inBrokerSince, e.at, null);
        inBrokerSince = null;
        held = isLane(e.worker) ? { lane: e.worker, since: e.at } : null;
        break;
      case 'task-started':
        if (held !== null) pushWait(held.lane, held.since, e.at, countdown);
        held = null;
        countdown = null;
        open.set(e.worker, { run: e.run, start: e.at, redelivered });
        break;
      case 'task-retried':
        countdown = e.countdown;
        close(e.worker, e.at, 'error');
        break;
      case 'task-succeeded':
        close(e.worker, e.at, 'ok');
        break;
      case 'task-failed':
        close(e.worker, e.at, 'error');
        break;
      case 'worker-offline':
        if (isLane(e.worker)) marks.push({ lane: e.worker, at: e.at, kind: 'crash' });
        if (held !== null && held.lane === e.worker) {
          // A received, not yet started message was never acked: the broker gets it back.
          pushWait(held.lane, held.since, e.at, countdown);
          held = null;
          inBrokerSince = e.at;
        }
        if (open.has(e.worker)) {
          close(e.worker, e.at, 'killed');
          // With acks_late the broker has the message again: it waits for the next worker.
          if (!e.lostTaskIds.length) inBrokerSince = e.at;
        }
        break;
      default:
        break;
    }
  }
  for (const worker of [...open.keys()]) close(worker, frame.now, 'running');
  if (!frame.idle) {
    if (inBrokerSince !== null) pushWait('broker', inBrokerSince, frame.now, null);
    // A held countdown is drawn whole as soon as the worker has it: the ETA is already known.
    if (held !== null) {
      const eta = countdown === null ? frame.now : held.since + countdown * 1000;
      pushWait(held.lane, held.since, Math.max(frame.now, eta), countdown);
    }
  }
  runs.sort((a, b) => a.start - b.start);
  return { runs, waits, marks, now: frame.now, axisMaxMs };
}

/** The states AsyncResult.state can return here, in the order the widget lists them. */
export const STATE_ORDER: readonly ResultState[] = [
  'PENDING',
  'STARTED',
  'RETRY',
  'SUCCESS',
  'FAILURE',
];

/** Each state's glyph, colour (≥ 4.5:1 on white) and Russian gloss. */
export const STATE_LOOK: Readonly<
  Record<ResultState, { glyph: string; colour: string; gloss: string }>
> = {
  PENDING: { glyph: '○', colour: '#5b6470', gloss: 'ждёт' },
  STARTED: { glyph: '▶', colour: '#0b5cad', gloss: 'выполняется' },
  RETRY: { glyph: '↻', colour: '#8a5a00', gloss: 'ждёт повтора' },
  SUCCESS: { glyph: '✓', colour: '#1e7a3c', gloss: 'готово' },
  FAILURE: { glyph: '✗', colour: '#b3261e', gloss: 'ошибка' },
};

/** How a run bar looks: fill, the glyph at its end and the words for it. */
export const RUN_LOOK: Readonly<Record<RunOutcome, { fill: string; glyph: string; text: string }>> =
  {
    running: { fill: '#0b5cad', glyph: '▶', text: 'выполняется' },
    ok: { fill: '#1e7a3c', glyph: '✓', text: 'успех' },
    error: { fill: '#b3261e', glyph: '✗', text: 'исключение' },
    killed: { fill: '#5b6470', glyph: '✕', text: 'воркер убит' },
  };

/** The countdown (ETA) wait and queue wait colour. */
export const WAIT_COLOUR = '#8a5a00';

/** The colour of a worker's crash mark (✕). */
export const CRASH_COLOUR = '#b3261e';
