/**
 * Step → view-model: replays a story's scripted actions up to step n, then the student's own, and
 * describes what the board shows — ready tasks, each worker's deliveries in hand (the oldest in
 * work, the rest waiting in its prefetch buffer), what it acked, the dead-letter queue — plus a
 * forecast of when the work would be done if nobody intervened.
 */
import { scriptFor, type AcksStory } from './scenarios.ts';
import {
  heldBy,
  initSim,
  stepSim,
  type AcksAction,
  type AcksSim,
  type Fault,
  type Happening,
} from './sim.ts';

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
}

/** The simulation after `step` scripted steps and the student's actions; throws if one is refused. */
export function simAt(
  story: AcksStory,
  step: number,
  extra: readonly AcksAction[] = [],
): { sim: AcksSim; log: Happening[] } {
  const { scene, actions } = scriptFor(story, step);
  const n = Math.max(0, Math.min(story.steps.length, Math.floor(step)));
  const lastStep = n > 0 ? story.steps[n - 1] : undefined;
  const lastCount = lastStep?.scene === scene ? lastStep.actions.length : 0;
  let sim = initSim(scene);
  let log: Happening[] = [];
  actions.forEach((action, i) => {
    sim = stepSim(sim, action);
    if (i >= actions.length - lastCount) log.push(...sim.log);
  });
  for (const action of extra) {
    sim = stepSim(sim, action);
    log = [...sim.log];
  }
  return { sim, log };
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

/** The frame after `step` scripted steps and the student's `extra` actions. */
export function acksView(
  story: AcksStory,
  step: number,
  extra: readonly AcksAction[] = [],
): AcksView {
  const { sim, log } = simAt(story, step, extra);
  return viewOf(sim, log);
}

/** The frame for a simulation and what its last step did. */
export function viewOf(sim: AcksSim, log: readonly Happening[]): AcksView {
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
  };
}
