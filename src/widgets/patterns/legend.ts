/** The legend of each pattern: every mark in colour AND shape, with its meaning in words. */
import { legend } from '../runtime/parts.ts';
import { PT_CLASS } from './classes.ts';
import type { PatternId } from './story.ts';

const ITEMS: Readonly<
  Record<PatternId, readonly [chipClass: string, mark: string, text: string][]>
> = {
  fanout: [
    [PT_CLASS.chipCopy, '■ #1', 'копия сообщения у подписчика'],
    [PT_CLASS.chipTask, '● #1', 'задача у воркера'],
    [PT_CLASS.chipNew, '#1', 'тёмная обводка — пришло только что'],
  ],
  sourcing: [
    [PT_CLASS.chipEvent, '◆ 0', 'событие в журнале (offset)'],
    [PT_CLASS.chipNew, '◆', 'тёмная обводка — дописано или прочитано сейчас'],
  ],
  rpc: [
    [PT_CLASS.chipRequest, '■ c-1', 'запрос с correlation_id'],
    [PT_CLASS.chipReply, '● 8', 'ответ, найденный по correlation_id'],
    [PT_CLASS.chipNew, '■', 'тёмная обводка — изменилось сейчас'],
  ],
};

/** The legend for one pattern, as a list. */
export function legendFor(pattern: PatternId): HTMLElement {
  return legend(
    PT_CLASS.legend,
    ITEMS[pattern].map(([chipClass, mark, text]) => ({
      mark,
      markClass: `${PT_CLASS.chip} ${chipClass}`,
      text,
    })),
  );
}
