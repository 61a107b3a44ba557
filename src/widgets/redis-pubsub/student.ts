/**
 * What a student does with the pub/sub widget, kept as data (appended after the scripted steps, so
 * a frame is still a pure function of step and actions), its translation into Redis commands, and
 * the validation of what they type. A name with `*`, `?` or `[` is a glob: PSUBSCRIBE.
 */
import type { RedisCommand } from '../../broker/redis/index.ts';
import { validateShortText, type Validation } from '../runtime/validate.ts';
import { PUBLISHER } from './scenarios.ts';

/** A student's action. */
export type PubSubAction =
  | { readonly type: 'publish'; readonly channel: string; readonly message: string }
  | { readonly type: 'join'; readonly client: string; readonly pattern: string }
  | { readonly type: 'leave'; readonly client: string; readonly pattern: string };

/** Subscribers a student may add on top of the scripted two: the board stays legible. */
export const MAX_STUDENT_SUBSCRIBERS = 4;
/** Longest channel name or pattern, in UTF-8 bytes (a label on a slide, not Redis's limit). */
export const MAX_NAME_BYTES = 64;
/** Longest message, in UTF-8 bytes. */
export const MAX_MESSAGE_BYTES = 200;

/** True when Redis would treat `name` as a glob, so the widget subscribes with PSUBSCRIBE. */
export function isGlob(name: string): boolean {
  return /[*?[]/.test(name);
}

/** The commands one action sends. */
export function actionCommands(action: PubSubAction): RedisCommand[] {
  switch (action.type) {
    case 'publish':
      return [
        { type: 'PUBLISH', client: PUBLISHER, channel: action.channel, message: action.message },
      ];
    case 'join':
      return [
        isGlob(action.pattern)
          ? { type: 'PSUBSCRIBE', client: action.client, patterns: [action.pattern] }
          : { type: 'SUBSCRIBE', client: action.client, channels: [action.pattern] },
      ];
    case 'leave':
      return [
        isGlob(action.pattern)
          ? { type: 'PUNSUBSCRIBE', client: action.client, patterns: [action.pattern] }
          : { type: 'UNSUBSCRIBE', client: action.client, channels: [action.pattern] },
      ];
  }
}

/** Client name and label of the n-th (1-based) subscriber a student adds. */
export function studentSubscriber(n: number): { client: string; label: string } {
  return { client: `S${n}`, label: `Подписчик ${n}` };
}

function name(raw: string, what: string): Validation<string> {
  const text = raw.trim();
  const checked = validateShortText(text, what, MAX_NAME_BYTES);
  if (!checked.ok) return checked;
  if ([...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    return { ok: false, message: `${what}: без управляющих символов.` };
  }
  return checked;
}

/** A channel to PUBLISH to: trimmed, non-empty, at most {@link MAX_NAME_BYTES} bytes. */
export function validateChannel(raw: string): Validation<string> {
  return name(raw, 'Канал');
}

/** A channel or glob to subscribe to, with the same limits as a channel. */
export function validatePattern(raw: string): Validation<string> {
  return name(raw, 'Канал или шаблон');
}

/** A message: any text up to {@link MAX_MESSAGE_BYTES} bytes, but not empty. */
export function validateMessage(raw: string): Validation<string> {
  return validateShortText(raw, 'Сообщение', MAX_MESSAGE_BYTES);
}
