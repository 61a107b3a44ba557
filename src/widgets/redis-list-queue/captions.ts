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
    case 'BRPOP':
    case 'BLMOVE': {
      const value = Array.isArray(e.reply) ? e.reply[1] : e.reply;
      if (typeof value !== 'string') return undefined;
      const how =
        e.type === 'BRPOP'
          ? 'в Redis его больше нет'
          : `копия лежит в ${PROCESSING}, пока он не закончит`;
      return `${workerLabel(e.client)} взял ${q(value)} (${e.type}): ${how}.`;
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

/** What happened in the last step or action, as a few short sentences. */
export function captionFor(view: QueueView, step: number, actions: number): string {
  if (step === 0 && actions === 0) {
    return `Три воркера ждут в BRPOP ${QUEUE}. Первым задачу получит тот, кто ждёт дольше (№1).`;
  }
  // A served client's «blocked» line would repeat what its BRPOP line says; a crash is told once.
  const served = new Set(
    view.last.flatMap((e) => (e.type === 'unblocked' && e.reason === 'served' ? [e.client] : [])),
  );
  const parts = view.last
    .filter((e) => !(e.type === 'blocked' && served.has(e.client)))
    .map((e) => sentence(e, view))
    .filter((s): s is string => s !== undefined);
  const waiting = view.queue.length;
  if (view.last.some((e) => e.type === 'LPUSH') && waiting > 0) {
    parts.push(`Свободных воркеров нет — в списке ждут ${waiting}.`);
  }
  return parts.join(' ') || 'Ничего не изменилось.';
}
