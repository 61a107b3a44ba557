import { describe, expect, it } from 'vitest';
import {
  bezierPoint,
  clip,
  layoutDiagram,
} from '../../../../src/widgets/exchange-routing/layout.ts';
import {
  formatHeaders,
  parseHeaders,
  readBinding,
} from '../../../../src/widgets/exchange-routing/parse.ts';
import { queuesWord } from '../../../../src/widgets/exchange-routing/caption.ts';
import { nextQueueName, sameBinding } from '../../../../src/widgets/exchange-routing/logic.ts';

const none = { routingKey: 'a.b', arguments: {} };

describe('binding and headers validation', () => {
  it('reads topic patterns within limits and refuses oversized ones with a message', () => {
    expect(readBinding('topic', 'error.#', none)).toEqual({
      ok: true,
      value: { routingKey: 'error.#', arguments: {} },
    });
    const long = readBinding('topic', 'x'.repeat(256), none);
    expect(long).toMatchObject({ ok: false, message: expect.stringContaining('255 байт') });
    const words = readBinding('topic', Array.from({ length: 10_000 }, () => 'w').join('.'), none);
    expect(words.ok).toBe(false);
    expect(readBinding('topic', 'a.'.repeat(40) + 'b', none)).toMatchObject({ ok: false });
  });

  it('accepts markup as a plain key: it is a valid routing key', () => {
    expect(readBinding('direct', '<img src=x onerror=alert(1)>', none)).toMatchObject({ ok: true });
  });

  it("headers share every text field's rule: no bidi or control character, no invisible-only text", () => {
    for (const forBinding of [false, true]) {
      const refused = (raw: string): string => {
        const parsed = parseHeaders(raw, forBinding);
        return parsed.ok ? 'accepted' : parsed.message;
      };
      expect(refused('status=paid\u202e')).toMatch(/U\+202E/);
      expect(refused('\u2066status=paid')).toMatch(/U\+2066/);
      expect(refused('status=\u0007')).toMatch(/U\+0007/);
      expect(refused('   ')).toMatch(/одни пробелы/);
      expect(refused('\u200b=paid')).toMatch(/Имя заголовка: одни пробелы или невидимые/);
      expect(refused('status=\u200b\u200d')).toMatch(/«status»: одни пробелы или невидимые/);
      expect(refused('status=')).toBe('accepted');
    }
  });

  it('parses headers as key=value pairs and checks x-match for bindings', () => {
    expect(parseHeaders(' status=paid, region = eu ', false)).toEqual({
      ok: true,
      value: new Map([
        ['status', 'paid'],
        ['region', 'eu'],
      ]),
    });
    expect(parseHeaders('', false)).toEqual({ ok: true, value: new Map() });
    expect(parseHeaders('status', false)).toMatchObject({ ok: false });
    expect(parseHeaders('a=1, a=2', false)).toMatchObject({ ok: false });
    expect(parseHeaders('x-match=some', true)).toMatchObject({ ok: false });
    expect(parseHeaders('x-match=any, a=1', true)).toMatchObject({ ok: true });
    expect(parseHeaders('a=1,'.repeat(9), false)).toMatchObject({ ok: false });
    expect(parseHeaders('a=1,'.repeat(5000), false)).toMatchObject({ ok: false });
    expect(
      formatHeaders(
        new Map([
          ['region', 'eu'],
          ['x-match', 'all'],
        ]),
      ),
    ).toBe('x-match=all, region=eu');
  });

  it('keeps the part of a binding the exchange type does not use', () => {
    const both = { routingKey: 'order.*', arguments: { 'x-match': 'all', a: '1' } };
    expect(readBinding('headers', 'x-match=any, b=2', both)).toEqual({
      ok: true,
      value: { routingKey: 'order.*', arguments: { 'x-match': 'any', b: '2' } },
    });
    expect(sameBinding(both, { ...both })).toBe(true);
    expect(sameBinding(both, { ...both, arguments: { 'x-match': 'all' } })).toBe(false);
  });
});

describe('diagram layout', () => {
  it('puts queues in rows on the right, centred on the exchange, and grows past three', () => {
    const three = layoutDiagram([1, 1, 2]);
    expect(three.height).toBe(344);
    expect(three.queues.map((q) => q.y)).toEqual([60, 172, 284]);
    expect(three.exchange.y).toBe(172);
    expect(three.edges.map((e) => e.length)).toEqual([1, 1, 2]);
    const six = layoutDiagram([1, 1, 1, 1, 1, 1]);
    expect(six.height).toBeGreaterThan(three.height);
    for (const q of six.queues) {
      expect(q.y - q.h / 2).toBeGreaterThanOrEqual(0);
      expect(q.y + q.h / 2).toBeLessThanOrEqual(six.height);
    }
  });

  it('spreads the labels of one queue’s bindings apart and ends each edge at its queue', () => {
    const layout = layoutDiagram([3]);
    const edges = layout.edges[0] ?? [];
    const ys = edges.map((e) => e.label.y);
    expect(ys[1]).toBe(layout.queues[0]?.y);
    expect((ys[2] ?? 0) - (ys[0] ?? 0)).toBeGreaterThanOrEqual(50);
    for (const e of edges) {
      expect(bezierPoint(e, 0)).toEqual(e.from);
      expect(bezierPoint(e, 1).x).toBeCloseTo(e.to.x);
    }
  });

  it('clips long labels by characters and names new queues', () => {
    expect(clip('order.eu.paid', 20)).toBe('order.eu.paid');
    expect(clip('x'.repeat(300), 20)).toHaveLength(20);
    expect(nextQueueName(['billing', 'queue-2'])).toBe('queue-3');
    expect([1, 2, 5, 11, 21, 22].map(queuesWord)).toEqual([
      'очередь',
      'очереди',
      'очередей',
      'очередей',
      'очередь',
      'очереди',
    ]);
  });
});
