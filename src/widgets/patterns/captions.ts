/** What each frame says in words (the caption and the live region), from the views alone. */
import { decodeEvent, eventLabel } from './account.ts';
import type { FanoutView } from './fanout.ts';
import { RPC_QUEUE, type RpcView } from './rpc.ts';
import { EVENTS_TOPIC, type SourcingView } from './sourcing.ts';

const quoted = (body: string): string => `«${body}»`;
const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Pub/Sub vs Task Queue: who got the latest messages, and the totals. */
export function fanoutCaption(view: FanoutView): string {
  const n = view.subscribers.length;
  if (view.latest.length === 0) {
    return (
      `Pub/Sub: fanout-exchange «events» и ${n} очеред${n === 1 ? 'ь' : 'и'} — по одной на подписчика. ` +
      `Task Queue: одна очередь «tasks» на ${n} воркер${n === 1 ? 'а' : 'ов'}.`
    );
  }
  const latest = view.published.filter((m) => view.latest.includes(m.n));
  const names = latest.map((m) => quoted(m.body)).join(' и ');
  const toWorkers = latest
    .map((m) => {
      const worker = view.workers.find((w) => w.got.some((g) => g.n === m.n));
      return `#${m.n} → ${worker?.name ?? 'ждёт в очереди'}`;
    })
    .join(', ');
  return (
    `${names}: fanout дал копию каждому подписчику (${n}); из «tasks» каждое взял ровно ` +
    `один воркер (${toWorkers}). Доставок: подписчикам ${view.subscriberDeliveries}, ` +
    `воркерам ${view.workerDeliveries}.`
  );
}

/** Event sourcing: what was appended or replayed, and the state it gave. */
export function sourcingCaption(view: SourcingView): string {
  const projection = view.readers[0];
  const balance = `${projection?.account.balance ?? 0} ₽`;
  if (!view.last) {
    return (
      `Event Sourcing: баланс нигде не хранится — его получают, читая журнал событий ` +
      `топика «${EVENTS_TOPIC}» с offset 0.`
    );
  }
  if (view.last.type === 'replay') {
    const reader = view.readers[view.readers.length - 1];
    const last = (reader?.position ?? 1) - 1;
    return (
      `${capitalized(reader?.label ?? 'новый читатель')} подключился с auto.offset.reset=earliest, перечитал ` +
      `журнал с offset 0 по ${last} и получил то же состояние: ${reader?.account.balance ?? 0} ₽.`
    );
  }
  const appended = view.log.filter((e) => view.appended.includes(e.offset));
  const labels = appended.map((e) => quoted(eventLabel(decodeEvent(e.value)))).join(', ');
  const first = appended[0]?.offset ?? 0;
  const lastOffset = appended[appended.length - 1]?.offset ?? first;
  const where = first === lastOffset ? `offset ${first}` : `offset ${first}–${lastOffset}`;
  return (
    `В конец журнала дописано (${where}): ${labels}. ` +
    `Читатели применили новые события — баланс ${balance}.`
  );
}

/** Request-reply: the request sent or the reply matched, by correlation_id. */
export function rpcCaption(view: RpcView): string {
  const queue = view.replyQueue;
  if (!view.last) {
    return (
      `Request-Reply: клиент объявил эксклюзивную очередь ${queue} для ответов и слушает её; ` +
      `два сервера читают «${RPC_QUEUE}» по одному запросу (prefetch=1).`
    );
  }
  if (view.last.type === 'request') {
    const r = view.requests[view.requests.length - 1];
    if (!r) return '';
    const where = r.server
      ? `его взял ${r.server}`
      : `он ждёт в «${RPC_QUEUE}» — оба сервера заняты`;
    return (
      `Клиент отправил fib(${r.n}) в «${RPC_QUEUE}» с reply_to=${queue} и ` +
      `correlation_id=${r.correlationId}; ${where}.`
    );
  }
  const id = view.last.correlationId;
  const r = view.requests.find((q) => q.correlationId === id);
  if (!r || r.reply === undefined) return `Запроса ${id} ни у одного сервера нет.`;
  const earlier = view.requests
    .slice(0, view.requests.indexOf(r))
    .filter((q) => q.stage !== 'answered');
  const order =
    earlier.length > 0
      ? ` — хотя ${earlier.map((q) => `fib(${q.n})`).join(', ')} отправлен раньше и ещё ждёт ответа`
      : '';
  const done = view.requests.every((q) => q.stage === 'answered');
  const shuffled = view.requests.some((q, i) => q.replyOrder !== i + 1);
  const summary =
    done && shuffled
      ? ' Все ответы пришли не по порядку запросов, но каждый нашёл свой запрос по correlation_id.'
      : '';
  return (
    `${r.server ?? 'Сервер'} ответил в ${queue} с correlation_id=${id}: клиент сопоставил ` +
    `ответ ${r.reply} с запросом fib(${r.n})${order}.${summary}`
  );
}
