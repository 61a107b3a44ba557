/**
 * Pure input validators for widget fields. Each returns either the parsed value or a message in
 * Russian that the view shows next to the field; nothing else changes on a failure.
 */
export type Validation<T> = { ok: true; value: T } | { ok: false; message: string };

const encoder = new TextEncoder();

/**
 * Characters no field accepts: C0/C1 controls, bidi embeddings/overrides/isolates and marks (a
 * U+202E in a task name would mirror the rest of the Russian caption), and the BOM.
 */
// The controls are the point of this pattern: it finds them to refuse them.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;
/** Characters that show nothing: whitespace and zero-width ones. */
const INVISIBLE = /^[\s\u200b-\u200d\u2060\u00ad]*$/u;

/**
 * The one rule every text field shares: no control or bidi-control characters, and (unless
 * `empty` is allowed) something visible — whitespace-only and zero-width-only values are refused.
 * Returns the message, or undefined when `raw` is fine.
 */
export function textProblem(raw: string, what: string, empty = false): string | undefined {
  const bad = FORBIDDEN.exec(raw);
  if (bad) {
    const code = (bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    return `${what}: недопустимый невидимый символ U+${code}.`;
  }
  if (raw.length === 0) return empty ? undefined : `${what}: поле не может быть пустым.`;
  if (INVISIBLE.test(raw)) return `${what}: одни пробелы или невидимые символы — введите текст.`;
  return undefined;
}

/** Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms). */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;

/**
 * Student text inside a caption: text with right-to-left letters is isolated (FSI…PDI, the plain
 * text form of `<bdi>`), so it cannot reorder the Russian sentence around it; other text is
 * returned as it is (bidi controls themselves never pass a field: see textProblem).
 */
export function isolate(text: string): string {
  return RTL.test(text) ? `\u2068${text}\u2069` : text;
}

/** Length of a string in UTF-8 bytes, as AMQP and Redis count it. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** An AMQP routing key: a short string of at most 255 bytes (AMQP 0-9-1 shortstr). */
export function validateRoutingKey(raw: string): Validation<string> {
  const problem = textProblem(raw, 'Routing key', true);
  if (problem) return { ok: false, message: problem };
  const bytes = utf8Length(raw);
  if (bytes > 255) {
    return { ok: false, message: `Routing key длиннее 255 байт (${bytes} байт).` };
  }
  return { ok: true, value: raw };
}

/** Limits for a topic binding pattern: AMQP's 255 bytes, and at most 32 words for legibility. */
export const MAX_PATTERN_WORDS = 32;

/** A topic exchange binding pattern: at most 255 bytes and {@link MAX_PATTERN_WORDS} words. */
export function validateTopicPattern(raw: string): Validation<string> {
  const problem = textProblem(raw, 'Шаблон', true);
  if (problem) return { ok: false, message: problem };
  const bytes = utf8Length(raw);
  if (bytes > 255) {
    return { ok: false, message: `Шаблон длиннее 255 байт (${bytes} байт).` };
  }
  const words = raw.split('.').length;
  if (words > MAX_PATTERN_WORDS) {
    return {
      ok: false,
      message: `В шаблоне ${words} слов — не больше ${MAX_PATTERN_WORDS}.`,
    };
  }
  return { ok: true, value: raw };
}

/** An integer typed into a field, within [min, max] inclusive. */
export function validateIntInRange(
  raw: string,
  min: number,
  max: number,
  what: string,
): Validation<number> {
  const text = raw.trim();
  if (!/^-?\d{1,6}$/.test(text)) {
    return { ok: false, message: `${what}: введите целое число от ${min} до ${max}.` };
  }
  const value = Number(text);
  if (value < min || value > max) {
    return { ok: false, message: `${what}: допустимо от ${min} до ${max}, введено ${value}.` };
  }
  return { ok: true, value };
}

/** A non-empty short text (a Kafka key, a channel name): trimmed, at most `maxBytes` bytes. */
export function validateShortText(raw: string, what: string, maxBytes = 255): Validation<string> {
  const problem = textProblem(raw, what);
  if (problem) return { ok: false, message: problem };
  const bytes = utf8Length(raw);
  if (bytes > maxBytes) {
    return { ok: false, message: `${what}: не длиннее ${maxBytes} байт (сейчас ${bytes}).` };
  }
  return { ok: true, value: raw };
}
