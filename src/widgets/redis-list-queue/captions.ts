/**
 * The caption: what the last step or action did, told event by event in the order Redis did it
 * («LPUSH … → Воркер 1 ждал дольше всех и получил его»; «упал — задача потеряна навсегда»).
 */
import type { RedisEvent } from '../../broker/redis/index.ts';
import { PROCESSING, QUEUE } from './scenarios.ts';
import { workerLabel, type QueueView } from './session.ts';

/** Shortens a student's long text for a caption (the board shows it in full). */
export function clip(text: string, max = 32): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

const q = (value: string | undefined): string => `«${clip(value ?? '')}»`;

function sentence(e: RedisEvent, view: QueueView): string | undefined {
  switch (e.type) {
    case 'LPUSH': {
      const values = e.args.slice(2);
      return `API: LPUSH ${QUEUE} ${values.map(q).join(', ')} — и сразу ответ клиенту.`;
    }
    case 'blocked': {
      const w = view.workers.find((x) => x.client === e.client);
      const line = w?.line === undefined ? '' : `, №${w.line} в очереди ожидания`;
      return `${workerLabel(e.client)} ждёт в ${e.command}${line}.`;
    }
    case 'taskDone': {
      const lrem =
        e.task.processingList === undefined ? '' : ` и убрал его из ${PROCESSING} (LREM)`;
      return `${workerLabel(e.client)} отправил ${q(e.task.value)}${lrem}.`;
    }
    case 'taskLost':
      return `${workerLabel(e.client)} упал посреди ${q(e.task.value)}: BRPOP уже удалил его из Redis — задача потеряна навсегда.`;
    case 'taskSurvived':
      return `${workerLabel(e.client)} упал, но ${q(e.task.value)} осталось в ${PROCESSING} — задача не потеряна.`;
    case 'crash':
      return !view.last.some(
        (x) => (x.type === 'taskLost' || x.type === 'taskSurvived') && x.client === e.client,
      )
        ? `${workerLabel(e.client)} упал без задачи — терять было нечего.`
        : undefined;
    case 'LMOVE':
      return typeof e.reply === 'string'
        ? `Восстановление: LMOVE вернул ${q(e.reply)} из ${PROCESSING} в хвост ${QUEUE}.`
        : `Восстановление: в ${PROCESSING} пусто — возвращать нечего.`;
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
    const how = safe
      ? `копия лежит в ${PROCESSING}, пока он не закончит`
      : 'в Redis его больше нет';
    const waited = first.waited ? ', первый в очереди ожидания,' : '';
    return `${workerLabel(first.worker)}${waited} взял ${q(first.value)} (${first.command}): ${how}.`;
  }
  const who = takes.map((t) => `${workerLabel(t.worker)} — ${q(t.value)}`).join(', ');
  const how = safe ? `копии лежат в ${PROCESSING}` : 'в Redis их больше нет';
  return `По очереди ожидания (${first.command}): ${who}; ${how}.`;
}

/** What happened in the last step or action, as a few short sentences. */
export function captionFor(view: QueueView, step: number, actions: number): string {
  if (step === 0 && actions === 0) {
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
    parts.push(`Свободных воркеров нет — в списке ждут ${waiting}.`);
  }
  return parts.join(' ') || 'Ничего не изменилось.';
}
