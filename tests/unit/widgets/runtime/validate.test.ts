import { describe, expect, it } from 'vitest';
import {
  isolate,
  utf8Length,
  validateIntInRange,
  validateRoutingKey,
  validateShortText,
  validateTopicPattern,
} from '../../../../src/widgets/runtime/validate.ts';

describe('widget input validation', () => {
  it('counts routing keys in UTF-8 bytes, as AMQP does', () => {
    expect(utf8Length('order')).toBe(5);
    expect(utf8Length('заказ')).toBe(10);
    expect(validateRoutingKey('a'.repeat(255))).toEqual({ ok: true, value: 'a'.repeat(255) });
    const tooLong = validateRoutingKey('a'.repeat(256));
    expect(tooLong.ok).toBe(false);
    expect(!tooLong.ok && tooLong.message).toMatch(/255 байт/);
    // 128 Cyrillic letters are 256 bytes.
    expect(validateRoutingKey('я'.repeat(128)).ok).toBe(false);
  });

  it('accepts the empty routing key (it is a valid AMQP key)', () => {
    expect(validateRoutingKey('')).toEqual({ ok: true, value: '' });
  });

  it('refuses a topic pattern of 10,000 words with a message', () => {
    const result = validateTopicPattern(Array(10_000).fill('a').join('.'));
    expect(result.ok).toBe(false);
    expect(validateTopicPattern('order.*.paid')).toEqual({ ok: true, value: 'order.*.paid' });
    expect(
      validateTopicPattern('a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.1.2.3.4.5.6.7').ok,
    ).toBe(false);
  });

  it('checks integer ranges and explains the limits in Russian', () => {
    expect(validateIntInRange('12', 1, 64, 'Партиции')).toEqual({ ok: true, value: 12 });
    const zero = validateIntInRange('0', 1, 64, 'Партиции');
    expect(!zero.ok && zero.message).toBe('Партиции: допустимо от 1 до 64, введено 0.');
    expect(validateIntInRange('1e3', 1, 64, 'Партиции').ok).toBe(false);
    expect(validateIntInRange('<img src=x>', 0, 16, 'Консьюмеры').ok).toBe(false);
    expect(validateIntInRange(' 16 ', 0, 16, 'Консьюмеры')).toEqual({ ok: true, value: 16 });
  });

  it('requires a non-empty short text', () => {
    expect(validateShortText('', 'Ключ').ok).toBe(false);
    expect(validateShortText('user-42', 'Ключ')).toEqual({ ok: true, value: 'user-42' });
  });
});

describe('one rule for every text field', () => {
  const hostile = [
    ['   ', /пробелы/],
    ['\u200b\u200b', /невидимые/],
    ['\u200b \u2060', /невидимые/],
    ['задача\u202eтекст', /U\+202E/],
    ['a\u2066b', /U\+2066/],
    ['строка\nдругая', /U\+000A/],
    ['\u0000', /U\+0000/],
    ['x\u0085', /U\+0085/],
  ] as const;
  it.each(hostile)('refuses %j in short texts, routing keys and patterns', (raw, message) => {
    for (const result of [
      validateShortText(raw, 'Поле'),
      validateRoutingKey(raw),
      validateTopicPattern(raw),
    ]) {
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(message);
    }
  });

  it('accepts ordinary text, Cyrillic, emoji and an empty key where one is valid', () => {
    expect(validateShortText('письмо Анне 📧', 'Задача')).toEqual({
      ok: true,
      value: 'письмо Анне 📧',
    });
    expect(validateRoutingKey('error.payment.eu').ok).toBe(true);
    expect(validateShortText('', 'Задача').ok).toBe(false);
  });

  it('isolates student text with right-to-left letters for captions, and only that', () => {
    expect(isolate('abc\u05d0')).toBe('\u2068abc\u05d0\u2069');
    expect(isolate('заказ مرحبا')).toBe('\u2068заказ مرحبا\u2069');
    expect(isolate('заказ 4')).toBe('заказ 4');
  });
});
