/**
 * The clicker story of `idempotent-consumer` (slide 41) as data the logic plays through run.ts:
 * pay-1 is charged, its worker dies before the ack, RabbitMQ redelivers it, the duplicate arrives;
 * then pay-2 goes through cleanly. A step ends at a Celery event (one model step may produce
 * several events: delay() is received at once).
 */
import { WIDGETS } from '../../lecture/names.ts';
import type { Payment } from './run.ts';

/** Clicker steps (the catalogue entry says the same). */
export const IDEMPOTENT_STEPS = WIDGETS['idempotent-consumer'].steps;

/** The seed of the Celery model's run. */
export const SEED = 41;

/** The Celery event a scripted step stops at. */
export type Stop = 'task-sent' | 'task-started' | 'worker-offline' | 'task-succeeded';

/** One scripted step: optionally send a payment, then stop at the next such event. */
export interface ScriptStep {
  readonly send?: Payment;
  readonly stop: Stop;
}

/** The slide's story. */
export const SCRIPT: readonly ScriptStep[] = [
  { send: { id: 'pay-1', amount: 100, crash: true }, stop: 'task-sent' },
  { stop: 'task-started' },
  { stop: 'worker-offline' },
  { stop: 'task-started' },
  { stop: 'task-succeeded' },
  { send: { id: 'pay-2', amount: 250, crash: false }, stop: 'task-succeeded' },
];
