/**
 * The caption: what the frame shows, in one idea («Сообщение order.eu.paid попало в 2 очереди из
 * 3: billing, audit.»), short enough for two lines on the stage. A student's long key is clipped
 * here (the lab's fields keep it whole).
 */
import { clip } from './layout.ts';
import { formatHeaders } from './parse.ts';
import type { RoutingView } from './logic.ts';
import { pluralWord } from '../../lecture/russian.ts';

/** Russian plural of «очередь» after a number, in the accusative after «в». */
export function queuesWord(n: number): string {
  return pluralWord(n, ['очередь', 'очереди', 'очередей']);
}

const KIND_RULE = {
  direct: 'direct: ключ целиком',
  fanout: 'fanout: ключ не важен',
  topic: 'topic: «*» — одно слово, «#» — ноль или больше',
  headers: 'headers: заголовки, не ключ',
} as const;

function messageName(view: RoutingView): string {
  const p = view.publish;
  if (!p) return '';
  if (view.exchange.kind === 'headers') {
    return `с заголовками {${clip(formatHeaders(p.headers ?? new Map()), 40)}}`;
  }
  return p.routingKey === '' ? 'с пустым ключом' : clip(p.routingKey, 40);
}

/** The queues in the order the diagram draws them (the core lists them in matching order). */
function order(view: RoutingView, names: readonly string[]): string[] {
  return view.queues.map((q) => q.name).filter((n) => names.includes(n));
}

/** What the frame shows, in one or two short sentences. */
export function caption(view: RoutingView): string {
  const p = view.publish;
  const x = `${view.exchange.name} (${view.exchange.kind})`;
  if (!p) {
    return view.step === 0 && view.actions === 0
      ? `Exchange ${x} и привязки очередей: куда попадёт сообщение, решают тип и ключ.`
      : `Exchange ${x}: отправьте сообщение — увидите, какие очереди получат копию.`;
  }
  const name = messageName(view);
  if (view.phase === 'at-exchange') {
    return `Producer отправил сообщение ${name} в exchange ${x}: очередей он не знает.`;
  }
  if (view.phase === 'matching') {
    const hit = view.queues.flatMap((q) => q.bindings.filter((b) => b.matched)).length;
    return `Exchange сверяет ключ ${name} с привязками (${KIND_RULE[view.exchange.kind]}): совпало ${hit}.`;
  }
  if (p.queues.length === 0) {
    const fate = p.returned
      ? 'с mandatory брокер вернул его: basic.return 312 NO_ROUTE'
      : 'без mandatory exchange молча его отбросил';
    return `Сообщение ${name} не подошло ни одной привязке — ${fate}.`;
  }
  const consumed = view.queues.find((q) => q.delivered > 0);
  if (consumed && view.phase === undefined && p.queues.includes(consumed.name)) {
    return consumed.unacked > 0
      ? `Consumer «${consumed.consumer}» получил ${name} (basic.deliver), но ещё не подтвердил.`
      : `Consumer «${consumed.consumer}» подтвердил ${name} (basic.ack) — только теперь брокер удалил его из очереди.`;
  }
  const total = view.queues.length;
  const text = `Сообщение ${name} попало в ${p.queues.length} ${queuesWord(p.queues.length)} из ${total}: ${order(view, p.queues).join(', ')}.`;
  const doubled = view.queues.find((q) => q.bindings.filter((b) => b.matched).length > 1);
  if (!doubled) return text;
  const n = doubled.bindings.filter((b) => b.matched).length;
  return `${text} У ${doubled.name} совпали ${n} привязки — копия всё равно одна.`;
}
