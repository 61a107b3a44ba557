/** What each frame says in words (the caption and the live region), from the views alone. */
import { clip } from '../runtime/quote.ts';
import { isolate } from '../runtime/validate.ts';
import { decodeEvent, eventLabel } from './account.ts';
import type { FanoutView } from './logic-fanout.ts';
import { RPC_QUEUE, type RpcView } from './logic-rpc.ts';
import { EVENTS_TOPIC, type SourcingView } from './logic-sourcing.ts';
import type { PatternsView } from './logic.ts';
import { countOf, listRu } from '../../lecture/russian.ts';

/** A student's text in «», shortened for a caption (the picture shows it in full). */
const quoted = (body: string): string => `«${clip(body, 32)}»`;
const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Pub/Sub vs Task Queue: who got the latest messages. */
export function fanoutCaption(view: FanoutView): string {
  const n = view.subscribers.length;
  if (view.latest.length === 0) {
    return (
      `Pub/Sub: fanout-exchange «events» и ${countOf(n, ['очередь', 'очереди', 'очередей'])}, по одной на подписчика. ` +
      `Task Queue: одна очередь «tasks» на ${countOf(n, ['воркера', 'воркеров', 'воркеров'])}.`
    );
  }
  const latest = view.published.filter((m) => view.latest.includes(m.n));
  // The student's messages, isolated (FSI…PDI): right-to-left text cannot reorder the caption.
  const names = isolate(listRu(latest.map((m) => quoted(m.body))));
  const toWorkers = latest
    .map((m) => {
      const worker = view.workers.find((w) => w.got.some((g) => g.n === m.n));
      return `#${m.n} → ${worker?.name ?? 'ждёт в очереди'}`;
    })
    .join(', ');
  const many = latest.length > 1;
  return (
    `${names}: копи${many ? 'и' : 'я'} — каждому из ${n} подписчиков, ` +
    `а из «tasks» ${many ? 'каждое берёт' : 'берёт'} один воркер (${toWorkers}).`
  );
}

/** Event sourcing: what was appended or replayed, and the state it gave. */
export function sourcingCaption(view: SourcingView): string {
  const projection = view.readers[0];
  const balance = `${projection?.account.balance ?? 0} ₽`;
  if (!view.last) {
    return `Event Sourcing: баланс нигде не хранится — его получают, читая журнал «${EVENTS_TOPIC}» с offset 0.`;
  }
  if (view.last.type === 'replay') {
    const reader = view.readers[view.readers.length - 1];
    const last = (reader?.position ?? 1) - 1;
    return (
      `${capitalized(reader?.label ?? 'новый читатель')} (auto.offset.reset=earliest) перечитал ` +
      `журнал с offset 0 по ${last} — то же состояние: ${reader?.account.balance ?? 0} ₽.`
    );
  }
  const appended = view.log.filter((e) => view.appended.includes(e.offset));
  const labels = appended.map((e) => quoted(eventLabel(decodeEvent(e.value)))).join(', ');
  const first = appended[0]?.offset ?? 0;
  const lastOffset = appended[appended.length - 1]?.offset ?? first;
  const where = first === lastOffset ? `offset ${first}` : `offset ${first}–${lastOffset}`;
  return `Дописано в журнал (${where}): ${labels}. Читатели применили события — баланс ${balance}.`;
}

/** Request-reply: the request sent or the reply matched, by correlation_id. */
export function rpcCaption(view: RpcView): string {
  const queue = view.replyQueue;
  if (!view.last) {
    return (
      `Request-Reply: клиент слушает свою очередь ответов ${queue}; ` +
      `два сервера читают «${RPC_QUEUE}» по одному запросу.`
    );
  }
  if (view.last.type === 'request') {
    const r = view.requests[view.requests.length - 1];
    if (!r) return '';
    const where = r.server
      ? `его взял ${r.server}`
      : `он ждёт в «${RPC_QUEUE}» — оба сервера заняты`;
    return `Клиент отправил fib(${r.n}) с reply_to=${queue} и correlation_id=${r.correlationId}; ${where}.`;
  }
  const id = view.last.correlationId;
  const r = view.requests.find((q) => q.correlationId === id);
  if (!r || r.reply === undefined) return `Запроса ${id} ни у одного сервера нет.`;
  const earlier = view.requests
    .slice(0, view.requests.indexOf(r))
    .filter((q) => q.stage !== 'answered');
  const order =
    earlier.length > 0
      ? ` — хотя ${earlier.map((q) => `fib(${q.n})`).join(', ')} отправлен раньше`
      : '';
  const done = view.requests.every((q) => q.stage === 'answered');
  const shuffled = view.requests.some((q, i) => q.replyOrder !== i + 1);
  const summary =
    done && shuffled ? ' Ответы пришли не по порядку, но каждый нашёл свой запрос.' : '';
  return `${r.server ?? 'Сервер'} ответил с correlation_id=${id}: клиент сопоставил ответ ${r.reply} с запросом fib(${r.n})${order}.${summary}`;
}

/** The one caption of a frame. */
export function caption(view: PatternsView): string {
  if (view.pattern === 'fanout') return fanoutCaption(view.fanout);
  if (view.pattern === 'sourcing') return sourcingCaption(view.sourcing);
  return rpcCaption(view.rpc);
}
