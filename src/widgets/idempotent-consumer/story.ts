/**
 * The clicker story of `idempotent-consumer` (slide 41) and the student's extra payments, as
 * data replayed through run.ts. A step ends at a Celery event, so step n shows the run's events
 * up to its n-th stop (one model step may produce several events: delay() is received at once).
 */
import type { CeleryEvent } from '../../broker/celery/index.ts';
import { runUntil, sendPayment, startRun, wake, type Payment, type PaymentRun } from './run.ts';
import { WIDGETS } from '../../lecture/names.ts';

/** Clicker steps (the catalogue entry says the same). */
export const IDEMPOTENT_STEPS = WIDGETS['idempotent-consumer'].steps;

const SEED = 41;

type Stop = 'task-sent' | 'task-started' | 'worker-offline' | 'task-succeeded';

/** One scripted step: optionally send a payment, then stop at the next such event. */
interface ScriptStep {
  readonly send?: Payment;
  readonly stop: Stop;
}

/** The slide's story: pay-1 is charged, its worker dies before the ack, the duplicate arrives. */
export const SCRIPT: readonly ScriptStep[] = [
  { send: { id: 'pay-1', amount: 100, crash: true }, stop: 'task-sent' },
  { stop: 'task-started' },
  { stop: 'worker-offline' },
  { stop: 'task-started' },
  { stop: 'task-succeeded' },
  { send: { id: 'pay-2', amount: 250, crash: false }, stop: 'task-succeeded' },
];

/** The run and how many of its events the frame shows. */
export interface Replayed {
  readonly run: PaymentRun;
  readonly cut: number;
}

const matches = (e: CeleryEvent, stop: Stop, taskId: string): boolean =>
  e.type === stop && (stop === 'worker-offline' || ('taskId' in e && e.taskId === taskId));

function cutAt(run: PaymentRun, from: number, stop: Stop, taskId: string): [PaymentRun, number] {
  let r = run;
  for (let i = 0; i < 200; i++) {
    const at = r.events.findIndex((e, k) => k >= from && matches(e, stop, taskId));
    if (at >= 0) return [r, at + 1];
    const next = wake(r);
    if (!next) break;
    r = next;
  }
  return [r, r.events.length];
}

const finished = (r: PaymentRun, taskId: string): boolean =>
  r.events.some((e) => e.type === 'task-succeeded' && e.taskId === taskId);

/** The run after `step` scripted steps and then the student's payments, each run to its end. */
export function replay(step: number, extra: readonly Payment[]): Replayed {
  let run = startRun(SEED);
  let cut = 0;
  let taskId = '';
  const n = Math.max(0, Math.min(IDEMPOTENT_STEPS, Math.floor(step)));
  for (const s of SCRIPT.slice(0, n)) {
    if (s.send) [run, taskId] = sendPayment(run, s.send);
    [run, cut] = cutAt(run, cut, s.stop, taskId);
  }
  if (extra.length === 0) return { run, cut };
  // The student's payments go after the script's current task has finished.
  const current = taskId;
  run = runUntil(run, (r) => current === '' || finished(r, current));
  for (const p of extra) {
    let id: string;
    [run, id] = sendPayment(run, p);
    run = runUntil(run, (r) => finished(r, id));
  }
  return { run, cut: run.events.length };
}
