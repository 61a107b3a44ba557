/**
 * Validation of what a student types into the widget: binding keys per exchange type, message
 * headers and headers-binding arguments written as `key=value, key2=value2`. Every failure is a
 * Russian message; nothing here is ever parsed as markup.
 */
import type { ExchangeKind } from '../../broker/rabbitmq/index.ts';
import {
  utf8Length,
  validateRoutingKey,
  validateTopicPattern,
  type Validation,
} from '../runtime/validate.ts';
import type { BindingSpec } from './student.ts';

/** At most this many `key=value` pairs: a table on a slide, not a config file. */
export const MAX_HEADER_PAIRS = 8;
/** Longest text a headers field accepts before it is even split. */
const MAX_HEADERS_CHARS = 1000;
const X_MATCH = ['all', 'any', 'all-with-x', 'any-with-x'];

/** Parses `key=value, key2=value2` into a table of strings (an empty text is an empty table). */
export function parseHeaders(raw: string, forBinding: boolean): Validation<Record<string, string>> {
  if (raw.length > MAX_HEADERS_CHARS) {
    return { ok: false, message: `Слишком длинно: не больше ${MAX_HEADERS_CHARS} символов.` };
  }
  const out: Record<string, string> = {};
  const parts = raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length > MAX_HEADER_PAIRS) {
    return { ok: false, message: `Не больше ${MAX_HEADER_PAIRS} пар «ключ=значение».` };
  }
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq <= 0) {
      return { ok: false, message: `«${part.slice(0, 40)}» — нужно «ключ=значение».` };
    }
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (utf8Length(key) > 255) return { ok: false, message: 'Имя заголовка длиннее 255 байт.' };
    if (Object.hasOwn(out, key)) return { ok: false, message: `Заголовок «${key}» повторяется.` };
    if (forBinding && key === 'x-match' && !X_MATCH.includes(value)) {
      return { ok: false, message: 'x-match: допустимо all, any, all-with-x или any-with-x.' };
    }
    out[key] = value;
  }
  return { ok: true, value: out };
}

/** Formats a table back as `key=value, …` (x-match first, as it reads best). */
export function formatHeaders(table: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(table).sort((a, b) => Number(b === 'x-match') - Number(a === 'x-match'));
  return keys.map((k) => `${k}=${String(table[k])}`).join(', ');
}

/** What the binding field shows for a binding on an exchange of `kind`. */
export function bindingText(kind: ExchangeKind, binding: BindingSpec): string {
  return kind === 'headers' ? formatHeaders(binding.arguments) : binding.routingKey;
}

/**
 * Reads a binding field for an exchange of `kind`: a topic pattern, a direct/fanout key, or
 * headers arguments (x-match defaults to all, as in RabbitMQ). `previous` keeps the part the
 * exchange type does not use, so switching types back shows the old binding intact.
 */
export function readBinding(
  kind: ExchangeKind,
  raw: string,
  previous: BindingSpec,
): Validation<BindingSpec> {
  if (kind === 'headers') {
    const table = parseHeaders(raw, true);
    if (!table.ok) return table;
    return { ok: true, value: { routingKey: previous.routingKey, arguments: table.value } };
  }
  const key = kind === 'topic' ? validateTopicPattern(raw) : validateRoutingKey(raw);
  if (!key.ok) return key;
  return { ok: true, value: { routingKey: key.value, arguments: previous.arguments } };
}
