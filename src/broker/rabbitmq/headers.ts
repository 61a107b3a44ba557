/**
 * Headers exchange matching exactly as RabbitMQ 3.x does it (rabbit_exchange_type_headers.erl).
 * Values are what amqplib sends for them: strings (longstr), numbers, booleans, `null` (void),
 * arrays, nested objects (tables), and amqplib's typed form `{ '!': 'double', value: 1 }`.
 */
import { own } from '../core/record.ts';
import { amqpEqual, toTerm } from './field-value.ts';

/** A decoded field value as Erlang's ~p prints it (void is `undefined`, a double keeps `.0`). */
function erlangValue(term: ReturnType<typeof toTerm>): string {
  if (term.value === null) return 'undefined';
  if (typeof term.value === 'number') {
    const floating = term.type === 'double' || term.type === 'float';
    return floating && Number.isInteger(term.value) ? `${term.value}.0` : String(term.value);
  }
  if (typeof term.value === 'boolean') return String(term.value);
  return JSON.stringify(term.value);
}

/** The four x-match modes; anything else (or nothing) routes as `all`, as RabbitMQ's parse_x_match. */
export type XMatch = 'all' | 'any' | 'all-with-x' | 'any-with-x';

const X_MATCH_MODES: readonly string[] = ['all', 'any', 'all-with-x', 'any-with-x'];

/** The x-match mode a binding routes with (RabbitMQ falls back to `all` for legacy bindings). */
export function xMatchOf(bindingArguments: Record<string, unknown>): XMatch {
  const mode = bindingArguments['x-match'];
  return typeof mode === 'string' && X_MATCH_MODES.includes(mode) ? (mode as XMatch) : 'all';
}

/**
 * Why queue.bind would refuse these arguments (406 PRECONDITION_FAILED in RabbitMQ), or undefined
 * when they are valid: x-match, if present, must be one of the four modes as a string.
 */
export function headersBindingError(bindingArguments: Record<string, unknown>): string | undefined {
  if (!('x-match' in bindingArguments) || bindingArguments['x-match'] === undefined)
    return undefined;
  const mode = bindingArguments['x-match'];
  if (typeof mode !== 'string') {
    const term = toTerm(mode);
    return `Invalid x-match field type ${term.type} (value ${erlangValue(term)}); expected longstr`;
  }
  return X_MATCH_MODES.includes(mode)
    ? undefined
    : `Invalid x-match field value <<"${mode}">>; expected all, any, all-with-x, or any-with-x`;
}

/**
 * Whether a message with `headers` matches a headers binding. Per binding key (x-match itself is
 * always skipped; other `x-` keys are skipped unless the mode is all-with-x/any-with-x): a `null`
 * (void) argument asks only that the header be present, any other value that it be equal as
 * Erlang's `==` compares (so the integer 1 equals the double 1.0). `all` needs every key to match
 * (and so matches everything when no key is left), `any` at least one. Keys whose value is
 * `undefined` are absent: amqplib does not send them.
 */
export function headersMatch(
  bindingArguments: Record<string, unknown>,
  headers: Record<string, unknown> | undefined,
): boolean {
  const mode = xMatchOf(bindingArguments);
  const withX = mode === 'all-with-x' || mode === 'any-with-x';
  const needAll = mode === 'all' || mode === 'all-with-x';
  for (const key in bindingArguments) {
    if (!Object.hasOwn(bindingArguments, key)) continue;
    const expected = bindingArguments[key];
    if (expected === undefined || key === 'x-match') continue;
    if (!withX && key.startsWith('x-')) continue;
    const actual = headers === undefined ? undefined : own(headers, key);
    const ok = actual !== undefined && (expected === null || amqpEqual(expected, actual));
    // `all` fails on the first miss, `any` succeeds on the first hit.
    if (ok !== needAll) return ok;
  }
  return needAll;
}
