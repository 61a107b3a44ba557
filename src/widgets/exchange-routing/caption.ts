/** The caption in words of what the frame shows («сообщение order.eu.paid попало в 2 очереди из 3»). */
import { formatHeaders } from './parse.ts';
import type { RoutingView } from './session.ts';

/** Russian plural of «очередь» after a number, in the accusative after «в». */
export function queuesWord(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return 'очередь';
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'очереди';
  return 'очередей';
}

const KIND_RULE = {
  direct: 'direct сравнивает ключ целиком',
  fanout: 'fanout игнорирует ключ и копирует во все привязанные очереди',
  topic: 'topic: «*» — ровно одно слово, «#» — ноль или больше',
  headers: 'headers смотрит на заголовки, а не на ключ',
} as const;

function messageName(view: RoutingView): string {
  const p = view.publish;
  if (!p) return '';
  if (view.exchange.kind === 'headers') {
    return `с заголовками {${formatHeaders(p.headers ?? {})}}`;
  }
  return p.routingKey === '' ? 'с пустым ключом' : p.routingKey;
}

/** The queues in the order the diagram draws them (the core lists them in matching order). */
function order(view: RoutingView, names: readonly string[]): string[] {
  return view.queues.map((q) => q.name).filter((n) => names.includes(n));
}

/** What happened, in one or two sentences. */
export function captionFor(view: RoutingView): string {
  const p = view.publish;
  const x = `exchange ${view.exchange.name} (${view.exchange.kind})`;
  if (!p) {
    return `Exchange ${view.exchange.name} (${view.exchange.kind}): введите ключ и нажмите «Отправить» — увидите, какие очереди получат копию.`;
  }
  const name = messageName(view);
  if (view.phase === 'at-exchange') {
    return `Producer отправил сообщение ${name} в ${x}: очередей он не знает.`;
  }
  if (view.phase === 'matching') {
    const hit = view.queues.flatMap((q) => q.bindings.filter((b) => b.matched)).length;
    return `Exchange сверяет ключ ${name} с привязками (${KIND_RULE[view.exchange.kind]}): совпало ${hit}.`;
  }
  if (p.queues.length === 0) {
    const fate = p.returned
      ? 'с mandatory брокер вернул его producer: basic.return 312 NO_ROUTE'
      : 'без mandatory exchange молча его отбросил';
    return `Сообщение ${name} не подошло ни одной привязке — ${fate}.`;
  }
  const total = view.queues.length;
  let text = `Сообщение ${name} попало в ${p.queues.length} ${queuesWord(p.queues.length)} из ${total}: ${order(view, p.queues).join(', ')}.`;
  const doubled = view.queues.find((q) => q.bindings.filter((b) => b.matched).length > 1);
  if (doubled) {
    const n = doubled.bindings.filter((b) => b.matched).length;
    text += ` У ${doubled.name} совпали ${n} привязки — копия всё равно одна.`;
  }
  const consumed = view.queues.find((q) => q.delivered > 0);
  if (consumed && view.phase === undefined && p.queues.includes(consumed.name)) {
    text +=
      consumed.unacked > 0
        ? ` Consumer «${consumed.consumer}» получил его (basic.deliver) и ещё не подтвердил.`
        : ` Consumer «${consumed.consumer}» обработал его и подтвердил (basic.ack) — только теперь брокер удалил его из очереди.`;
  }
  return text;
}
