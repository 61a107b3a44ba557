import { describe, expect, it } from 'vitest';
import { clip, quoted, shown } from '../../../../src/widgets/runtime/quote.ts';
import { caption } from '../../../../src/widgets/redis-list-queue/caption.ts';
import { queueView } from '../../../../src/widgets/redis-list-queue/logic.ts';

describe('a student text in a caption', () => {
  it('clip keeps short text and cuts long text by code points, ending in «…»', () => {
    expect(clip('письмо', 6)).toBe('письмо');
    expect(clip('письмо Анне', 6)).toBe('письм…');
    // An emoji is one character: it is never split into half a surrogate pair.
    expect(clip('😀😀😀', 2)).toBe('😀…');
  });

  it('shown isolates right-to-left text only; quoted puts it in guillemets', () => {
    expect(shown('order.paid', 20)).toBe('order.paid');
    expect(shown('שלום עולם', 5)).toBe('\u2068שלום…\u2069');
    expect(quoted('Заказ 42', 20)).toBe('«Заказ 42»');
    expect(quoted('مرحبا', 20)).toBe('«\u2068مرحبا\u2069»');
  });

  it("redis-list-queue's caption isolates a right-to-left task, so it cannot reorder the sentence", () => {
    const text = caption(queueView(0, [{ type: 'lpush', value: 'שלום' }]));
    expect(text).toContain('«\u2068שלום\u2069»');
  });
});
