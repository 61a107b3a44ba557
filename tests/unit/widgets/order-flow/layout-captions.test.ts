import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUT, resolveInput } from '../../../../src/broker/orderflow/index.ts';
import { captionFor } from '../../../../src/widgets/order-flow/caption.ts';
import { formatMs, pluralFailures } from '../../../../src/widgets/order-flow/labels.ts';
import { WIDE, barText, sceneAt, xOf } from '../../../../src/widgets/order-flow/layout.ts';
import { frameAt } from '../../../../src/widgets/order-flow/story.ts';
import { taskStatesAt } from '../../../../src/widgets/order-flow/tasks.ts';
import { orderFlow } from '../../../../src/broker/orderflow/index.ts';
import { durationFor, momentBetween, startOf } from '../../../../src/widgets/order-flow/animate.ts';

describe('order-flow layout', () => {
  it('maps ms onto the plot linearly', () => {
    expect(xOf(0, 3000)).toBe(WIDE.plotX);
    expect(xOf(3000, 3000)).toBe(WIDE.plotX + WIDE.plotW);
    expect(xOf(1500, 3000)).toBe(WIDE.plotX + WIDE.plotW / 2);
  });

  it('draws the sync bars in sequence and the response of both designs', () => {
    const scene = sceneAt(frameAt('async', DEFAULT_INPUT, 4));
    const api = scene.bars.filter((b) => b.mode === 'sync' && b.lane === 'api');
    expect(api.map((b) => b.label)).toEqual([
      'saveOrder',
      'sendEmail',
      'updateInventory',
      'notifyWarehouse',
    ]);
    for (let i = 1; i < api.length; i++) {
      expect(api[i]?.x).toBeCloseTo((api[i - 1]?.x ?? 0) + (api[i - 1]?.width ?? 0));
    }
    const [sync, async] = scene.sections;
    expect([sync?.responseMs, sync?.responded, sync?.headline]).toEqual([
      2900,
      true,
      'ответ: 2\u202f900 мс',
    ]);
    expect([async?.responseMs, async?.headline]).toEqual([115, 'ответ: 115 мс']);
    expect(scene.tasks.every((t) => t.place === 'done')).toBe(true);
  });

  it('shows a still-waiting client with its running time', () => {
    const scene = sceneAt({ input: DEFAULT_INPUT, syncNow: 1200, asyncNow: 0, axisMax: 3000 });
    expect(scene.sections[0]?.headline).toBe('ждёт… 1\u202f200 мс');
    expect(scene.sections[0]?.responded).toBe(false);
    expect(scene.sections[1]?.headline).toBe('ответ: —');
    const email = scene.bars.find((b) => b.label === 'sendEmail');
    expect(email?.running).toBe(true);
  });

  it('labels a bar in full, briefly, or not at all by its width', () => {
    expect(barText('sendEmail', 600, 1, 'ok')).toEqual({ text: 'письмо', marker: true });
    expect(barText('sendEmail', 600, 1, 'error').text).toBe('письмо ✕ сбой');
    expect(barText('saveOrder', 31, 1, 'ok')).toEqual({ text: 'БД', marker: false });
    expect(barText('publishEmail', 2, 1, 'ok')).toEqual({ text: '', marker: false });
  });
});

describe("order-flow lists from the Redis commands of the slide's code", () => {
  it('a failing e-mail leaves its list with BRPOP and is lost with the worker (no redelivery)', () => {
    const run = orderFlow(resolveInput({ failures: { email: 1 } })).async;
    const at = (ms: number) => taskStatesAt(run, ms).find((t) => t.task === 'email');
    expect(at(100)?.place).toBe('none');
    // LPUSH and BRPOP at 105 ms: the worker holds it, the list orders:email is empty.
    expect(at(105)).toMatchObject({ published: true, place: 'worker', fails: true });
    expect(at(2105)).toMatchObject({ place: 'lost', endAt: 2105 });
    expect(at(10_000)?.place).toBe('lost');
  });
});

describe('order-flow captions say what happened, with the core numbers', () => {
  it('tells the sync and the async story', () => {
    expect(captionFor('sync', 4, frameAt('sync', DEFAULT_INPUT, 4))).toBe(
      'Клиент ждёт 2\u202f900 мс: письмо, остатки и склад — в его запросе',
    );
    expect(captionFor('sync', 2, frameAt('sync', DEFAULT_INPUT, 2))).toContain('письмо отправлено');
    expect(captionFor('async', 2, frameAt('async', DEFAULT_INPUT, 2))).toContain(
      'ответ через 115 мс',
    );
    const workers = captionFor('async', 3, frameAt('async', DEFAULT_INPUT, 3));
    expect(workers).toContain('склад — готово к 415 мс');
    expect(workers).toContain('остатки — готово к 610 мс');
    expect(workers).toContain('письмо — в работе');
  });

  it('the failure step: 500 synchronously; with BRPOP the e-mail is lost and the client still has 201 at 115 ms', () => {
    expect(captionFor('sync', 5, frameAt('sync', DEFAULT_INPUT, 5))).toContain(
      'ошибку 500 через 2\u202f100 мс',
    );
    const async = captionFor('async', 5, frameAt('async', DEFAULT_INPUT, 5));
    expect(async).toContain('падает к 2\u202f105 мс');
    expect(async).toContain('BRPOP уже снял задачу — письмо потеряно, повтора нет');
    expect(async).toContain('201 за 115 мс');
    expect(async).not.toMatch(/вернул|попытк/);
  });

  it('the last step says a student-made failure lost the task instead of «все выполнены»', () => {
    const input = resolveInput({ failures: { warehouse: 1 } });
    const text = captionFor('async', 4, frameAt('async', input, 4));
    expect(text).toContain('склад — потеряно');
    expect(text).not.toContain('Все задачи выполнены');
  });

  it('formats numbers the Russian way', () => {
    expect(formatMs(60000)).toBe('60\u202f000 мс');
    expect([1, 2, 5, 11, 21, 22].map(pluralFailures)).toEqual([
      '1 сбой',
      '2 сбоя',
      '5 сбоев',
      '11 сбоев',
      '21 сбой',
      '22 сбоя',
    ]);
  });
});

describe('order-flow animation', () => {
  it('interpolates clocks and axis, and replays a changed input from 0', () => {
    const a = frameAt('sync', DEFAULT_INPUT, 1);
    const b = frameAt('sync', DEFAULT_INPUT, 2);
    expect(momentBetween(a, b, 0).syncNow).toBe(100);
    expect(momentBetween(a, b, 1).syncNow).toBe(2100);
    expect(momentBetween(a, b, 0.5).syncNow).toBeCloseTo(1100);
    expect(startOf(a, b)).toBe(a);
    const fail = frameAt('sync', DEFAULT_INPUT, 5);
    expect(startOf(b, fail)).toMatchObject({ syncNow: 0, asyncNow: 0, input: fail.input });
    expect(durationFor(a, b)).toBeGreaterThanOrEqual(450);
    expect(durationFor(a, b)).toBeLessThanOrEqual(1600);
  });
});
