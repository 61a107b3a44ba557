/**
 * What the idempotent-consumer widget shows after a replay, as plain data: the deliveries,
 * each consumer's charges and totals, the processed-id keys, and a caption for the step.
 */
import type { CeleryEvent } from '../../broker/celery/index.ts';
import type { Execution } from './run.ts';
import type { Replayed } from './story.ts';

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
}

function totals(list: readonly Execution[]): ConsumerTotals {
  const seen = new Map<string, number>();
  for (const e of list) seen.set(e.paymentId, (seen.get(e.paymentId) ?? 0) + 1);
  return {
    charges: list.length,
    sum: list.reduce((a, e) => a + e.amount, 0),
    doubled: [...seen].filter(([, n]) => n > 1).map(([id]) => id),
  };
}

/** The view after the frame's events. */
export function viewOf({ run, cut }: Replayed): IdempotentView {
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
    now: events[events.length - 1]?.at ?? 0,
  };
}

const money = (n: number): string => `${n.toLocaleString('ru-RU')} ₽`;

function sentence(e: CeleryEvent, i: number, r: Replayed): string | null {
  if (e.type === 'task-sent') {
    const p = r.run.payments[e.taskId];
    return p ? `apply_payment.delay("${p.id}", ${money(p.amount)}): сообщение в RabbitMQ.` : null;
  }
  if (e.type === 'task-started') {
    const x = r.run.executions.find((ex) => ex.index === i);
    if (!x) return null;
    if (!x.redelivered && x.idempotent === 'charged')
      return `${x.worker} выполняет «${x.paymentId}»: оба consumer'а списали ${money(x.amount)}.`;
    const why = x.redelivered ? 'дубликат (redelivered=true)' : 'тот же id ещё раз';
    return `${x.worker} получил ${why}: наивный списал ${money(x.amount)} ещё раз, идемпотентный — SET NX вернул nil, пропустил.`;
  }
  if (e.type === 'worker-offline')
    return `${e.worker} упал после списания, но до ack: RabbitMQ вернул сообщение в очередь (at least once).`;
  if (e.type === 'task-succeeded')
    return 'Задача выполнена: basic.ack — сообщение удалено из очереди.';
  return null;
}

/** What the events in [from, cut) did, in words. */
export function captionOf(r: Replayed, from: number): string {
  if (r.cut === 0) return 'Платёж ещё не отправлен. Нажмите «Шаг ▶» (на слайде — →).';
  const said: string[] = [];
  for (let i = from; i < r.cut; i++) {
    const text = sentence(r.run.events[i] as CeleryEvent, i, r);
    if (text) said.push(text);
  }
  return said.length > 0 ? said.slice(-2).join(' ') : 'Ничего нового.';
}
