/**
 * The widget's logic on the kit. The model is a run of the Celery model (RabbitMQ, acks_late)
 * with the two consumers' Redis servers (./run.ts) and how many of its events the frame shows.
 * A scripted step plays the run to its next stop; a student's payment is sent after the script's
 * current task has finished and is run to its end. The duplicate comes from the core (a worker
 * killed before basic.ack), never from here. An eighth payment of one's own is refused.
 */
import type { CeleryEvent } from '../../broker/celery/index.ts';
import { refuse, replay as replayFrame, type WidgetLogic } from '../runtime/timeline.ts';
import { validateIntInRange, validateShortText, type Validation } from '../runtime/validate.ts';
import { caption } from './caption.ts';
import {
  runUntil,
  sendPayment,
  startRun,
  wake,
  type Execution,
  type Payment,
  type PaymentRun,
} from './run.ts';
import { IDEMPOTENT_STEPS, SCRIPT, SEED, type Stop } from './story.ts';

/** At most this many payments on top of the story (keeps the lists legible). */
export const MAX_EXTRA = 6;
export const MAX_AMOUNT = 1_000_000;

/** A payment id: non-empty after trimming, at most 40 bytes. */
export function validatePaymentId(raw: string): Validation<string> {
  return validateShortText(raw.trim(), 'id платежа', 40);
}

/** An amount in whole roubles, 1…1 000 000. */
export function validateAmount(raw: string): Validation<number> {
  return validateIntInRange(raw, 1, MAX_AMOUNT, 'Сумма');
}

/** The run and how many of its events a frame shows. */
export interface Replayed {
  readonly run: PaymentRun;
  readonly cut: number;
}

/** The widget's model: the run, what is shown, and what the last move added. */
export interface IdempotentModel extends Replayed {
  /** Events shown before the last step or payment: the caption tells [from, cut). */
  readonly from: number;
  /** The script's current task (its payments are sent one at a time). */
  readonly taskId: string;
  /** The student's payments so far. */
  readonly extra: number;
}

export interface ConsumerTotals {
  readonly charges: number;
  readonly sum: number;
  /** Payment ids charged more than once. */
  readonly doubled: readonly string[];
}

export interface IdempotentView {
  readonly executions: readonly Execution[];
  readonly naive: ConsumerTotals;
  readonly idempotent: ConsumerTotals;
  /** processed:<id> keys the idempotent consumer's Redis holds. */
  readonly processed: readonly string[];
  /** Workers that died before their ack, with the time. */
  readonly crashes: readonly { worker: string; at: number }[];
  readonly now: number;
  /** What the last step or payment did, event by event (the caption tells the last two). */
  readonly said: readonly Said[];
  /** The last move was the student's payment. */
  readonly own: boolean;
  /** Nothing sent yet. */
  readonly empty: boolean;
}

/** One sentence of a caption and the Celery event it tells. */
export interface Said {
  readonly event: CeleryEvent['type'];
  readonly text: string;
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

function totals(list: readonly Execution[]): ConsumerTotals {
  const seen = new Map<string, number>();
  for (const e of list) seen.set(e.paymentId, (seen.get(e.paymentId) ?? 0) + 1);
  return {
    charges: list.length,
    sum: list.reduce((a, e) => a + e.amount, 0),
    doubled: [...seen].filter(([, n]) => n > 1).map(([id]) => id),
  };
}

const money = (n: number): string => `${n.toLocaleString('ru-RU')} ₽`;

function sentence(e: CeleryEvent, i: number, run: PaymentRun): string | null {
  if (e.type === 'task-sent') {
    const p = run.payments[e.taskId];
    return p ? `apply_payment.delay("${p.id}", ${money(p.amount)}): сообщение в RabbitMQ.` : null;
  }
  if (e.type === 'task-started') {
    const x = run.executions.find((ex) => ex.index === i);
    if (!x) return null;
    if (!x.redelivered && x.idempotent === 'charged')
      return `${x.worker} выполняет «${x.paymentId}»: оба consumer'а списали ${money(x.amount)}.`;
    const why = x.redelivered ? 'дубликат (redelivered)' : 'тот же id ещё раз';
    return `${x.worker} получил ${why}: наивный списал ${money(x.amount)} ещё раз, идемпотентный — SET NX вернул nil, пропустил.`;
  }
  if (e.type === 'worker-offline')
    return `${e.worker} упал после списания, но до ack: RabbitMQ вернёт сообщение (at least once).`;
  if (e.type === 'task-succeeded') return 'Задача выполнена: basic.ack — сообщение удалено.';
  return null;
}

/** What the events in [from, cut) of `r` did, sentence by sentence. */
export function sentences(r: Replayed, from: number): Said[] {
  const said: Said[] = [];
  for (let i = Math.max(0, from); i < r.cut; i++) {
    const e = r.run.events[i];
    const text = e ? sentence(e, i, r.run) : null;
    if (e && text) said.push({ event: e.type, text });
  }
  return said;
}

/** The view after the frame's events. */
export function viewOf(r: Replayed, from = r.cut, own = false): IdempotentView {
  const { run, cut } = r;
  const executions = run.executions.filter((e) => e.index < cut);
  const events = run.events.slice(0, cut);
  const charged = executions.filter((e) => e.idempotent === 'charged');
  return {
    executions,
    naive: totals(executions),
    idempotent: totals(charged),
    processed: [...new Set(charged.map((e) => `processed:${e.paymentId}`))],
    crashes: events.flatMap((e) =>
      e.type === 'worker-offline' ? [{ worker: e.worker, at: e.at }] : [],
    ),
    now: events.at(-1)?.at ?? 0,
    said: sentences(r, from),
    own,
    empty: cut === 0,
  };
}

/** What the events in [from, cut) did, in words (the caption of that frame). */
export function captionOf(r: Replayed, from: number): string {
  return caption(viewOf(r, from));
}

/** The idempotent-consumer widget's logic (one story). */
export const idempotentLogic: WidgetLogic<IdempotentModel, IdempotentView, Payment, 'idempotent'> =
  {
    init: () => ({ run: startRun(SEED), cut: 0, from: 0, taskId: '', extra: 0 }),
    play(model, _story, step) {
      const s = SCRIPT[step - 1];
      if (!s) return model;
      let { run, taskId } = model;
      if (s.send) [run, taskId] = sendPayment(run, s.send);
      const [played, cut] = cutAt(run, model.cut, s.stop, taskId);
      return { ...model, run: played, cut, from: model.cut, taskId };
    },
    act(model, payment) {
      if (model.extra >= MAX_EXTRA) {
        return refuse(`Не больше ${MAX_EXTRA} своих платежей — нажмите «Сначала».`);
      }
      // The student's payments go after the script's current task has finished.
      const current = model.taskId;
      const ready = runUntil(model.run, (r) => current === '' || finished(r, current));
      const [sent, id] = sendPayment(ready, payment);
      const run = runUntil(sent, (r) => finished(r, id));
      return { ...model, run, cut: run.events.length, from: model.cut, extra: model.extra + 1 };
    },
    view: (model, at) => viewOf(model, model.from, at.actions > 0),
    caption,
  };

/** The model after `step` scripted steps and the student's payments, replayed from scratch. */
export function replay(step: number, extra: readonly Payment[]): IdempotentModel {
  return replayFrame(idempotentLogic, 'idempotent', IDEMPOTENT_STEPS, step, extra).model;
}
