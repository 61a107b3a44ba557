/**
 * What a student does with the list-queue widget, kept as data (appended after the scripted steps,
 * so a frame is still a pure function of step and actions), its translation into Redis commands
 * and the validation of a task's text.
 */
import type { RedisCommand } from '../../broker/redis/index.ts';
import { validateShortText, type Validation } from '../runtime/validate.ts';
import { lpush, REQUEUE, waitCommand, type WorkerMode } from './scenarios.ts';

/** A student's action. */
export type QueueAction =
  | { readonly type: 'lpush'; readonly value: string }
  | { readonly type: 'start'; readonly worker: string; readonly mode: WorkerMode }
  | { readonly type: 'finish'; readonly worker: string; readonly mode: WorkerMode }
  | { readonly type: 'crash'; readonly worker: string }
  | { readonly type: 'requeue' };

/** Worker cards on the board at most (the story has four). */
export const MAX_WORKERS = 6;
/** Tasks waiting in the queue at most: past this, the point (add workers) is made. */
export const MAX_QUEUE = 24;
/** Longest task text, in UTF-8 bytes. */
export const MAX_TASK_BYTES = 60;

/** The commands one action sends. */
export function actionCommands(action: QueueAction): RedisCommand[] {
  switch (action.type) {
    case 'lpush':
      return [lpush(action.value)];
    case 'start':
      return [waitCommand(action.worker, action.mode)];
    case 'finish':
      return [
        { type: 'finishTask', client: action.worker },
        waitCommand(action.worker, action.mode),
      ];
    case 'crash':
      return [{ type: 'crash', client: action.worker }];
    case 'requeue':
      return [REQUEUE];
  }
}

/** The first free worker name W5, W6, … */
export function nextWorker(existing: readonly string[]): string {
  for (let i = existing.length + 1; ; i++) {
    const name = `W${i}`;
    if (!existing.includes(name)) return name;
  }
}

/** A task's text: trimmed, non-empty, at most {@link MAX_TASK_BYTES} bytes. */
export function validateTask(raw: string): Validation<string> {
  return validateShortText(raw.trim(), 'Задача', MAX_TASK_BYTES);
}
