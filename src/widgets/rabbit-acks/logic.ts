/**
 * The widget's logic on the kit: the model is the worker simulation over the core's RabbitMQ
 * model (./sim.ts) plus what the last step or action did. A scripted step plays its actions in
 * its scene (a step in a new scene starts that scene afresh); a student's action that does not
 * fit (a 41st task, a crashed worker crashing again, ack with nothing in hand) is refused with the
 * reason, never thrown. The view says what the board shows — ready tasks, each worker's
 * deliveries in hand (the oldest in work, the rest in its prefetch buffer), what it acked, the
 * dead-letter queue — and when the work would be done if nobody intervened.
 */
import { stepAll } from '../../broker/core/replay.ts';
import { refuse, replay, type FrameAt, type WidgetLogic } from '../runtime/timeline.ts';
import { validateIntInRange, type Validation } from '../runtime/validate.ts';
import { caption } from './caption.ts';
import {
  heldBy,
  initSim,
  MAX_RUN_MS,
  MAX_TASKS,
  stepSim,
  type AcksAction,
  type AcksSim,
  type Fault,
  type Happening,
} from './sim.ts';
import { ACKS_STORIES, RABBIT_ACKS_STEPS, type AcksStoryName } from './story.ts';

/** The largest prefetch the lab accepts (RabbitMQ allows 65535; beyond 100 nothing new shows). */
export const MAX_PREFETCH = 100;
/** Tasks one «publish» adds. */
export const PUBLISH_BATCH = 3;
/** Virtual time one «run» lets pass. */
export const RUN_MS = 1000;

/** Checks a typed prefetch_count. */
export function validatePrefetch(raw: string): Validation<number> {
  return validateIntInRange(raw, 0, MAX_PREFETCH, 'prefetch_count');
}

/** The widget's model: the simulation, what its last step or action did, and the step's lead. */
export interface AcksModel {
  readonly sim: AcksSim;
  readonly log: readonly Happening[];
  /** The scripted step's lead (names its point); undefined before the first step. */
  readonly lead: string | undefined;
}

/** A task as drawn. */
export interface ChipView {
  readonly task: number;
  /** The broker's redelivered flag on this copy. */
  readonly redelivered: boolean;
  readonly fault: Fault | undefined;
}

/** A delivery a worker holds (unacked): the oldest is in work, the rest wait in its buffer. */
export interface HeldView extends ChipView {
  readonly working: boolean;
  /** Virtual ms of work left on it (only for the one in work). */
  readonly leftMs: number | undefined;
}

/** A worker as drawn. */
export interface WorkerView {
  readonly id: string;
  readonly name: string;
  readonly msPerTask: number;
  readonly up: boolean;
  /** Its consumer's prefetch (0 = unlimited), or undefined while down. */
  readonly prefetch: number | undefined;
  readonly held: readonly HeldView[];
  readonly acked: readonly ChipView[];
}

/** Everything one frame shows. */
export interface AcksView {
  /** The scene's seed, which tells scenes apart: chips animate only within one. */
  readonly sceneKey: number;
  readonly now: number;
  readonly queue: string;
  readonly ready: readonly ChipView[];
  /** Null when the work queue has no dead-letter exchange: `dead` then lists the dropped tasks. */
  readonly deadLetterQueue: string | null;
  readonly dead: readonly ChipView[];
  readonly workers: readonly WorkerView[];
  readonly prefetch: number;
  readonly published: number;
  /** What the last step or student action did. */
  readonly log: readonly Happening[];
  /** When the last task would be settled with nobody intervening; null: no worker is up. */
  readonly doneAt: number | null;
  /** The scripted step's lead, only while the student has done nothing on top of it. */
  readonly lead: string | undefined;
}

function outstanding(sim: AcksSim): number {
  const ready = sim.rabbit.queues[sim.scene.queue]?.messages.length ?? 0;
  return ready + sim.workers.reduce((n, w) => n + heldBy(sim.rabbit, w).length, 0);
}

/** When the outstanding work would be finished (virtual ms), or null if nobody can do it. */
export function forecastDone(sim: AcksSim, horizonMs = 120_000): number | null {
  let s = sim;
  const end = s.rabbit.clock.now + horizonMs;
  while (outstanding(s) > 0 && s.rabbit.clock.now < end) {
    if (!s.workers.some((w) => w.up)) return null;
    s = stepSim(s, { type: 'run', ms: 1000 });
  }
  return outstanding(s) > 0 ? null : s.lastSettleAt;
}

/** The frame for a simulation, what its last step did and the lead to tell it with. */
export function viewOf(
  sim: AcksSim,
  log: readonly Happening[],
  lead: string | undefined = undefined,
): AcksView {
  const { rabbit, scene } = sim;
  const now = rabbit.clock.now;
  const taskChip = (task: number, redelivered: boolean): ChipView => ({
    task,
    redelivered,
    fault: scene.faults[task],
  });
  const chip = (m: { id: number; redelivered: boolean }): ChipView =>
    taskChip(sim.taskOf[m.id] ?? 0, m.redelivered);
  const workers = sim.workers.map((w): WorkerView => {
    const consumer = Object.values(rabbit.consumers).find(
      (c) => w.up && c.channel.startsWith(`${w.spec.id}-ch`),
    );
    return {
      id: w.spec.id,
      name: w.spec.name,
      msPerTask: w.spec.msPerTask,
      up: w.up,
      prefetch: consumer?.prefetch,
      held: heldBy(rabbit, w).map((u, i) => ({
        ...chip(u.message),
        working: i === 0,
        leftMs: i === 0 && w.startedAt !== null ? w.startedAt + w.spec.msPerTask - now : undefined,
      })),
      acked: w.acked.map((a) => ({ ...a, fault: scene.faults[a.task] })),
    };
  });
  return {
    sceneKey: scene.seed,
    now,
    queue: scene.queue,
    ready: (rabbit.queues[scene.queue]?.messages ?? []).map(chip),
    deadLetterQueue: scene.deadLetterQueue,
    dead:
      scene.deadLetterQueue === null
        ? sim.dropped.map((task) => taskChip(task, false))
        : (rabbit.queues[scene.deadLetterQueue]?.messages ?? []).map(chip),
    workers,
    prefetch: sim.prefetch,
    published: sim.published,
    log,
    doneAt: outstanding(sim) === 0 ? now : forecastDone(sim),
    lead,
  };
}

/** Why `action` cannot be done in `sim` (in Russian), or undefined when it can. */
function unfit(sim: AcksSim, action: AcksAction): string | undefined {
  if (action.type === 'publish') {
    return sim.published + action.count > MAX_TASKS
      ? `Не больше ${MAX_TASKS} задач в одной сцене — нажмите «Сначала».`
      : undefined;
  }
  if (action.type === 'run') {
    return action.ms > 0 && action.ms <= MAX_RUN_MS ? undefined : 'Время: от 0 до 60 с.';
  }
  if (action.type === 'qos') {
    const ok = Number.isInteger(action.prefetch) && action.prefetch >= 0;
    return ok && action.prefetch <= MAX_PREFETCH
      ? undefined
      : `prefetch_count: допустимо от 0 до ${MAX_PREFETCH}.`;
  }
  const worker = sim.workers.find((w) => w.spec.id === action.worker);
  if (!worker) return `Нет воркера «${action.worker}».`;
  const name = worker.spec.name;
  switch (action.type) {
    case 'crash':
      return worker.up ? undefined : `${name} уже упал.`;
    case 'revive':
      return worker.up ? `${name} уже работает.` : undefined;
    case 'settle':
      if (!worker.up) return `${name} упал — подтверждать некому.`;
      return heldBy(sim.rabbit, worker).length > 0
        ? undefined
        : `${name}: в руках нет задач — подтверждать нечего.`;
  }
}

/** The simulation after `actions` and everything they made happen, in order. */
function playActions(
  sim: AcksSim,
  actions: readonly AcksAction[],
): { sim: AcksSim; log: Happening[] } {
  const played = stepAll(
    (state: AcksSim, action: AcksAction) => {
      const next = stepSim(state, action);
      return { state: next, events: next.log };
    },
    sim,
    actions,
  );
  return { sim: played.state, log: played.events };
}

/** The rabbit-acks widget's logic (stories `acks` and `consumer`). */
export const acksLogic: WidgetLogic<AcksModel, AcksView, AcksAction, AcksStoryName> = {
  init: (story) => ({ sim: initSim(ACKS_STORIES[story].start), log: [], lead: undefined }),
  play(model, story, step) {
    const scripted = ACKS_STORIES[story].steps[step - 1];
    if (!scripted) return model;
    // A step in another scene (slide 19's prefetch comparison) starts that scene afresh.
    const start = scripted.scene === model.sim.scene ? model.sim : initSim(scripted.scene);
    return { ...playActions(start, scripted.actions), lead: scripted.lead };
  },
  act(model, action) {
    const reason = unfit(model.sim, action);
    if (reason !== undefined) return refuse(reason);
    const sim = stepSim(model.sim, action);
    return { sim, log: sim.log, lead: undefined };
  },
  view: (model: AcksModel, at: FrameAt<AcksStoryName>) =>
    viewOf(model.sim, model.log, at.actions === 0 ? model.lead : undefined),
  caption,
};

/** The frame after `step` scripted steps of `story` and the student's `actions`, from scratch. */
export function acksView(
  story: AcksStoryName,
  step: number,
  actions: readonly AcksAction[] = [],
): AcksView {
  return replay(acksLogic, story, RABBIT_ACKS_STEPS, step, actions).view;
}
