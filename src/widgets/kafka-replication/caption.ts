/**
 * The caption: what the last step or action did to the partition, in the order the cluster did it
 * («Брокер 3 остановлен: ISR = {1, 2}, HW держится на 1»), and what the producer heard about
 * each record it sent (ack, NOT_ENOUGH_REPLICAS, lost although acknowledged).
 */
import type { KafkaEvent } from '../../broker/kafka/index.ts';
import { quoted } from '../runtime/quote.ts';
import type { ReplicationView, Sent } from './logic.ts';

/** A student's message in a caption: shortened (the picture shows it in full), isolated, quoted. */
const q = (value: string): string => quoted(value, 24);
const set = (brokers: readonly number[]): string => `{${brokers.join(', ')}}`;

function brokersText(brokers: readonly number[]): string {
  if (brokers.length === 1) return `Брокер ${brokers[0]}`;
  return `Брокеры ${brokers.slice(0, -1).join(', ')} и ${brokers.at(-1)}`;
}

/** What happened to the brokers: stops, starts, ISR changes, failover and lost records. */
function brokerSentences(view: ReplicationView): string[] {
  const events = view.last;
  const parts: string[] = [];
  const down = events.flatMap((e) => (e.type === 'brokerDown' ? [e.broker] : []));
  const up = events.flatMap((e) => (e.type === 'brokerUp' ? [e.broker] : []));
  const expanded = events.flatMap((e) => (e.type === 'isrExpand' ? [e.broker] : []));
  const elected = events.find(
    (e): e is Extract<KafkaEvent, { type: 'leaderElected' }> => e.type === 'leaderElected',
  );
  const shrunk = events.some((e) => e.type === 'isrShrink');
  const offline = events.some((e) => e.type === 'partitionOffline');
  const isr = set(view.isr);
  if (down.length > 0) {
    const verb = down.length > 1 ? 'остановлены' : 'остановлен';
    const who = elected ? `Лидер (брокер ${down.join(', ')}) упал` : `${brokersText(down)} ${verb}`;
    const belowMin = view.isr.length < view.minInsync;
    const hold = elected || belowMin ? '' : `, HW держится на ${view.highWatermark}`;
    const isrText = shrunk
      ? `ISR = ${isr}${belowMin ? ` < min.insync.replicas = ${view.minInsync}` : hold}`
      : '';
    const failover = elected
      ? `новый лидер — брокер ${elected.leader}`
      : offline
        ? 'у партиции нет лидера'
        : '';
    parts.push(`${who}: ${[failover, isrText].filter(Boolean).join(', ') || 'ISR без изменений'}.`);
  }
  const caughtUp = expanded.filter((b) => view.isr.includes(b));
  if (caughtUp.length > 0) {
    const verb = caughtUp.length > 1 ? 'догнали' : 'догнал';
    parts.push(`${brokersText(caughtUp)} ${verb} лидера: ISR = ${isr}.`);
  }
  // KIP-101: a broker back as a follower first drops what the leader's log does not have.
  const truncated = events.flatMap((e) => (e.type === 'replicaTruncated' ? [e] : []));
  const [cut] = truncated;
  if (
    cut &&
    caughtUp.length === 0 &&
    up.length === 1 &&
    truncated.length === 1 &&
    cut.broker === up[0]
  ) {
    parts.push(
      `Брокер ${cut.broker} запущен и удалил записи от смещения ${cut.toOffset}: у лидера их нет. В ISR вернётся, когда скопирует журнал.`,
    );
    return parts;
  }
  if (caughtUp.length === 0 && up.length > 0) {
    const verb = up.length > 1 ? 'запущены' : 'запущен';
    parts.push(`${brokersText(up)} ${verb} и отстаёт: в ISR вернётся, когда скопирует журнал.`);
  }
  for (const e of truncated) {
    parts.push(`Брокер ${e.broker} удалил записи от смещения ${e.toOffset}: у лидера их нет.`);
  }
  return parts;
}

/** What the producer heard about one record of the last step or action. */
function sentSentence(s: Sent, view: ReplicationView): string {
  const value = q(s.value);
  if (s.lost) return `${value} потерян${s.heard === 'ack' ? ', хотя ack был' : ''}.`;
  switch (s.heard) {
    case 'ack':
      if (s.acks === 1) return `${value} (acks=1): лидер ответил ack сразу, копий ещё нет.`;
      return `${value} (acks=all) есть у всех ISR ${set(view.isr)}: HW = ${view.highWatermark}, ack.`;
    case 'pending':
      return `${value} (acks=all) записан лидером и ждёт копий ISR — ack ещё нет.`;
    case 'NOT_ENOUGH_REPLICAS':
      return `${value} отклонён: NOT_ENOUGH_REPLICAS.`;
    case 'NOT_ENOUGH_REPLICAS_AFTER_APPEND':
    case 'NOT_LEADER_OR_FOLLOWER':
      return `${value}: ошибка ${s.heard}, producer повторит отправку.`;
    case 'none':
      return `${value} (acks=0): producer не ждёт ответа.`;
    case 'queued':
      return `${value} ждёт у producer: у партиции нет лидера.`;
    case 'expired':
      return `${value}: срок доставки истёк, запись не удалась.`;
  }
}

/** One or two short sentences about the last step or action. */
export function caption(view: ReplicationView): string {
  if (view.step === 0 && view.actions === 0) {
    return `Топик orders: 3 реплики, лидер — брокер 1, min.insync.replicas = ${view.minInsync}.`;
  }
  const parts = brokerSentences(view);
  for (const s of view.lastSent) parts.push(sentSentence(s, view));
  const lostNow = view.sent.filter(
    (s) => s.lost && !view.lastSent.includes(s) && view.last.some((e) => e.type === 'recordsLost'),
  );
  for (const s of lostNow) parts.push(sentSentence(s, view));
  if (parts.length === 0) {
    const fetched = view.last.some((e) => e.type === 'replicaFetch');
    return fetched
      ? `Followers скопировали журнал: HW = ${view.highWatermark}.`
      : 'Копировать нечего: followers уже догнали лидера.';
  }
  return parts.join(' ');
}
