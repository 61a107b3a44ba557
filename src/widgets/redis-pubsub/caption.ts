/**
 * The caption: what the last step or action did, in one idea («PUBLISH … → 0: … пропало навсегда»).
 * A student's text that holds right-to-left letters is isolated, so it cannot reorder the sentence.
 */
import type { RedisEvent } from '../../broker/redis/index.ts';
import { shown } from '../runtime/quote.ts';
import { labelOf, type PubSubView } from './logic.ts';
import { listRu, pluralWord } from '../../lecture/russian.ts';

/** Russian «подписчик» after a number. */
export function subscribersWord(n: number): string {
  return pluralWord(n, ['подписчик', 'подписчика', 'подписчиков']);
}

function publishCaption(view: PubSubView): string {
  const p = view.publish;
  if (!p) return '';
  const head = `PUBLISH ${shown(p.channel, 30)} «${shown(p.message, 40)}» → ${p.receivers}`;
  if (p.receivers === 0) return `${head}: никто не слушал — Redis не хранит, пропало навсегда.`;
  const who = p.deliveries
    .map((d) =>
      d.via === undefined ? `${d.label} (канал)` : `${d.label} (шаблон ${shown(d.via, 20)})`,
    )
    .join(', ');
  const missed = view.subscribers.filter((s) => s.fate === 'missed').map((s) => s.label);
  const tail =
    missed.length === 1
      ? ` ${missed[0]} подписан, но на другое имя.`
      : missed.length > 1
        ? ` Ещё ${missed.length} — на другие имена.`
        : '';
  return `${head}: получили — ${who}.${tail}`;
}

type CommandEvent = Extract<RedisEvent, { readonly args: readonly string[] }>;

function joinCaption(e: CommandEvent): string {
  const name = shown(e.args[1] ?? '', 30);
  const label = labelOf(e.client);
  if (e.type === 'PSUBSCRIBE') {
    return `${label}: PSUBSCRIBE ${name} — шаблон: * — любые символы, ? — один, [ab] — один из.`;
  }
  return `${label}: SUBSCRIBE ${name} — прошлых сообщений он уже не получит.`;
}

/** What happened in the last step or action, in one or two short sentences. */
export function caption(view: PubSubView): string {
  const last = view.last;
  if (last.some((e) => e.type === 'PUBLISH')) return publishCaption(view);
  const joined = last.find(
    (e): e is CommandEvent => e.type === 'SUBSCRIBE' || e.type === 'PSUBSCRIBE',
  );
  if (joined) return joinCaption(joined);
  const left = [
    ...new Set(
      last
        .filter((e) => e.type === 'UNSUBSCRIBE' || e.type === 'PUNSUBSCRIBE')
        .map((e) => ('client' in e ? labelOf(e.client) : '')),
    ),
  ];
  if (left.length > 0) {
    const active = view.subscribers.filter((s) => s.active).length;
    const rest =
      active === 0
        ? 'Подписчиков не осталось: следующий PUBLISH никто не получит.'
        : `Осталось ${active} ${subscribersWord(active)}.`;
    return `${listRu(left)} ${left.length > 1 ? 'отписались' : 'отписался'}. ${rest}`;
  }
  return 'Издатель и подписчики знают только имя канала. Пока никто не подписан.';
}
