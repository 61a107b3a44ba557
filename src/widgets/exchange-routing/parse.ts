/**
 * Validation of what a student types into the widget: binding keys per exchange type, message
 * headers and headers-binding arguments written as `key=value, key2=value2`. Every failure is a
 * Russian message; nothing here is ever parsed as markup. Tables are Maps while parsed, so a key
 * such as `__proto__` is a key like any other; `tableOf` makes the core's record with own keys.
 */
import type { ExchangeKind } from '../../broker/rabbitmq/index.ts';
import {
  textProblem,
  utf8Length,
  validateRoutingKey,
  validateTopicPattern,
  type Validation,
} from '../runtime/validate.ts';

/** One binding as the model stores it: a routing/binding key and the arguments (headers). */
export interface BindingSpec {
  readonly routingKey: string;
  readonly arguments: Readonly<Record<string, string>>;
}

/** Headers or binding arguments as the student wrote them, in order. */
export type HeaderTable = ReadonlyMap<string, string>;

/** At most this many `key=value` pairs: a table on a slide, not a config file. */
export const MAX_HEADER_PAIRS = 8;
/** Longest text a headers field accepts before it is even split. */
const MAX_HEADERS_CHARS = 1000;
const X_MATCH = ['all', 'any', 'all-with-x', 'any-with-x'];

/** Parses `key=value, key2=value2` into a table (an empty text is an empty table). */
export function parseHeaders(raw: string, forBinding: boolean): Validation<HeaderTable> {
  if (raw.length > MAX_HEADERS_CHARS) {
    return { ok: false, message: `Слишком длинно: не больше ${MAX_HEADERS_CHARS} символов.` };
  }
  // The rule every text field shares (an empty text is fine: no headers).
  const problem = textProblem(raw, 'Заголовки', true);
  if (problem) return { ok: false, message: problem };
  const out = new Map<string, string>();
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
    if (key === '') return { ok: false, message: `«${part.slice(0, 40)}» — нет имени заголовка.` };
    const invisible = textProblem(key, 'Имя заголовка') ?? textProblem(value, `«${key}»`, true);
    if (invisible) return { ok: false, message: invisible };
    if (utf8Length(key) > 255) return { ok: false, message: 'Имя заголовка длиннее 255 байт.' };
    if (out.has(key)) return { ok: false, message: `Заголовок «${key}» повторяется.` };
    if (forBinding && key === 'x-match' && !X_MATCH.includes(value)) {
      return { ok: false, message: 'x-match: допустимо all, any, all-with-x или any-with-x.' };
    }
    out.set(key, value);
  }
  return { ok: true, value: out };
}

/** The table as the core's record: every key an own property (`__proto__` included). */
export function tableOf(table: HeaderTable): Record<string, string> {
  return Object.fromEntries(table);
}

/** A record's own entries as a table. */
export function tableFrom(record: Readonly<Record<string, unknown>>): HeaderTable {
  return new Map(Object.entries(record).map(([k, v]) => [k, String(v)]));
}

/** Formats a table back as `key=value, …` (x-match first, as it reads best). */
export function formatHeaders(table: HeaderTable): string {
  const keys = [...table.keys()].sort((a, b) => Number(b === 'x-match') - Number(a === 'x-match'));
  return keys.map((k) => `${k}=${table.get(k) ?? ''}`).join(', ');
}

/** What the binding field shows for a binding on an exchange of `kind`. */
export function bindingText(kind: ExchangeKind, binding: BindingSpec): string {
  return kind === 'headers' ? formatHeaders(tableFrom(binding.arguments)) : binding.routingKey;
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
    return {
      ok: true,
      value: { routingKey: previous.routingKey, arguments: tableOf(table.value) },
    };
  }
  const key = kind === 'topic' ? validateTopicPattern(raw) : validateRoutingKey(raw);
  if (!key.ok) return key;
  return { ok: true, value: { routingKey: key.value, arguments: previous.arguments } };
}
