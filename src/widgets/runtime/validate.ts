/**
 * Pure input validators for widget fields. Each returns either the parsed value or a message in
 * Russian that the view shows next to the field; nothing else changes on a failure.
 */
export type Validation<T> = { ok: true; value: T } | { ok: false; message: string };

const encoder = new TextEncoder();

/** Length of a string in UTF-8 bytes, as AMQP and Redis count it. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** An AMQP routing key: a short string of at most 255 bytes (AMQP 0-9-1 shortstr). */
export function validateRoutingKey(raw: string): Validation<string> {
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
  if (raw.length === 0) return { ok: false, message: `${what}: поле не может быть пустым.` };
  const bytes = utf8Length(raw);
  if (bytes > maxBytes) {
    return { ok: false, message: `${what}: не длиннее ${maxBytes} байт (сейчас ${bytes}).` };
  }
  return { ok: true, value: raw };
}
