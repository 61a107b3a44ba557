/**
 * The caption: what the last step or action did, told event by event in the order Redis did it
 * («LPUSH … → Воркер 1 ждал дольше всех и получил его»; «упал — задача потеряна навсегда»).
 */
import type { RedisEvent } from '../../broker/redis/index.ts';
import { quoted } from '../runtime/quote.ts';
import { QUEUE } from './story.ts';
import { workerLabel, type QueueView } from './logic.ts';

/** A student's task in a caption: shortened (the board shows it in full), isolated, quoted. */
const q = (value: string | undefined): string => quoted(value ?? '', 32);

function sentence(e: RedisEvent, view: QueueView): string | undefined {
  switch (e.type) {
    case 'LPUSH': {
      const values = e.args.slice(2);
      return `API: LPUSH ${values.map(q).join(', ')} — ответ клиенту сразу.`;
    }
    case 'blocked': {
      const w = view.workers.find((x) => x.client === e.client);
      const line = w?.line === undefined ? '' : `, №${w.line} в ожидании`;
      return `${workerLabel(e.client)} ждёт в ${e.command}${line}.`;
    }
    case 'taskDone': {
      const lrem = e.task.processingList === undefined ? '' : ' и убрал копию из processing (LREM)';
      return `${workerLabel(e.client)} отправил ${q(e.task.value)}${lrem}.`;
    }
    case 'taskLost':
      return `${workerLabel(e.client)} упал посреди ${q(e.task.value)}: BRPOP уже удалил его из Redis — задача потеряна навсегда.`;
    case 'taskSurvived':
      return `${workerLabel(e.client)} упал, но ${q(e.task.value)} осталось в processing — задача не потеряна.`;
    case 'crash':
      return !view.last.some(
        (x) => (x.type === 'taskLost' || x.type === 'taskSurvived') && x.client === e.client,
      )
        ? `${workerLabel(e.client)} упал без задачи — терять было нечего.`
        : undefined;
    case 'LMOVE':
      return typeof e.reply === 'string'
        ? `LMOVE вернул ${q(e.reply)} из processing в хвост ${QUEUE}.`
        : 'В processing пусто — возвращать нечего.';
    default:
      return undefined;
  }
}

interface Take {
  readonly worker: string;
  readonly value: string;
  readonly command: 'BRPOP' | 'BLMOVE';
  /** Served from the waiting line (rather than finding the list non-empty). */
  readonly waited: boolean;
}

function takeOf(e: RedisEvent, served: ReadonlySet<string>): Take | undefined {
  if (e.type !== 'BRPOP' && e.type !== 'BLMOVE') return undefined;
  const value = Array.isArray(e.reply) ? e.reply[1] : e.reply;
  if (typeof value !== 'string') return undefined;
  return { worker: e.client, value, command: e.type, waited: served.has(e.client) };
}

/** One sentence for the tasks handed out by one command, in the order Redis served them. */
function takesSentence(takes: readonly Take[]): string {
  const [first] = takes;
  if (!first) return '';
  const safe = first.command === 'BLMOVE';
  if (takes.length === 1) {
    const how = safe ? 'копия в processing до конца работы' : 'в Redis его больше нет';
    const waited = first.waited ? ', №1 в ожидании,' : '';
    return `${workerLabel(first.worker)}${waited} взял ${q(first.value)} (${first.command}): ${how}.`;
  }
  const who = takes.map((t) => `${workerLabel(t.worker)} — ${q(t.value)}`).join(', ');
  const how = safe ? 'копии в processing' : 'в Redis их нет';
  return `По очереди ожидания (${first.command}): ${who}; ${how}.`;
}

/** What happened in the last step or action, as a few short sentences. */
export function caption(view: QueueView): string {
  if (view.step === 0 && view.actions === 0) {
    return `Три воркера ждут в BRPOP ${QUEUE}. Первым задачу получит тот, кто ждёт дольше (№1).`;
  }
  // A served client's «blocked» line would repeat what its BRPOP line says; a crash is told once.
  const served = new Set(
    view.last.flatMap((e) => (e.type === 'unblocked' && e.reason === 'served' ? [e.client] : [])),
  );
  const parts: string[] = [];
  let takes: Take[] = [];
  const flush = (): void => {
    if (takes.length > 0) parts.push(takesSentence(takes));
    takes = [];
  };
  for (const e of view.last) {
    const take = takeOf(e, served);
    if (take) {
      if (takes[0] && takes[0].command !== take.command) flush();
      takes.push(take);
      continue;
    }
    if (e.type === 'unblocked') continue;
    if (e.type === 'blocked' && served.has(e.client)) continue;
    const text = sentence(e, view);
    if (text === undefined) continue;
    flush();
    parts.push(text);
  }
  flush();
  const waiting = view.queue.length;
  if (view.last.some((e) => e.type === 'LPUSH') && waiting > 0) {
    parts.push(`Все воркеры заняты: в списке ждут ${waiting}.`);
  }
  return parts.join(' ') || 'Ничего не изменилось.';
}
