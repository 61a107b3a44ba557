/**
 * The per-message `expiration` property as RabbitMQ 3.10 reads it (rabbit_basic:parse_expiration):
 * Erlang's string:to_integer on the whole string, then 0 ≤ n ≤ 315360000000 ms, ten years
 * (rabbit_misc:check_expiry; measured on 3.10.8: 315360000000 is accepted, one more is not). Anything else makes basic.publish fail with 406
 * "invalid expiration '…': Reason", Reason printed as Erlang's ~p prints it.
 */

/** The largest TTL RabbitMQ 3.10 accepts in ms (?MAX_EXPIRY_TIMER: 3650 days). */
export const MAX_EXPIRY = 315_360_000_000;

/** Erlang's io_lib line width for ~p. */
const LINE = 80;

/** ~p of a string of printable ASCII (what a student types); other characters are kept as they are. */
function erlangString(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * ~p of a two-element tuple starting at column `column`: on one line if it fits in 80 columns,
 * otherwise broken after the comma with the second element under the first (io_lib_pretty).
 */
function pair(tag: string, value: string, column: number): string {
  const flat = `{${tag},${value}}`;
  if (column + flat.length <= LINE) return flat;
  return `{${tag},\n${' '.repeat(column + 1)}${value}}`;
}

/**
 * The TTL in ms an `expiration` string gives, or the reply text RabbitMQ closes the channel with
 * (after `PRECONDITION_FAILED - `).
 */
export function parseExpiration(raw: string): { ttl: number } | { error: string } {
  const prefix = `invalid expiration '${raw}': `;
  // string:to_integer: an optional sign, then at least one digit; the rest must be empty.
  const match = /^([+-]?)(\d+)/.exec(raw);
  const digits = match?.[2]; // group 2 always takes part in a match
  if (!match || digits === undefined) return { error: `${prefix}no_integer` };
  const rest = raw.slice(match[0].length);
  if (rest !== '')
    return { error: prefix + pair('leftover_string', erlangString(rest), prefix.length) };
  const negative = match[1] === '-' && /[1-9]/.test(digits);
  const magnitude = digits.replace(/^0+(?=\d)/, '');
  // Lengths first: the value may be beyond a double's exact integers.
  const tooLarge =
    !negative && (magnitude.length > String(MAX_EXPIRY).length || Number(magnitude) > MAX_EXPIRY);
  if (negative) return { error: prefix + pair('value_negative', `-${magnitude}`, prefix.length) };
  if (tooLarge) return { error: prefix + pair('value_too_large', magnitude, prefix.length) };
  return { ttl: Number(magnitude) };
}
