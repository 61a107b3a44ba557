import { describe, expect, it } from 'vitest';
import { redisGlobMatches } from '../../../../src/broker/redis/index.ts';
import { motionOf } from '../../../../src/widgets/redis-pubsub/animate.ts';
import { caption, subscribersWord } from '../../../../src/widgets/redis-pubsub/caption.ts';
import { PUBSUB_SCENARIO, PUBSUB_STEPS } from '../../../../src/widgets/redis-pubsub/story.ts';
import { isRefusal, replay } from '../../../../src/widgets/runtime/timeline.ts';
import {
  actionCommands,
  isGlob,
  pubsubLogic,
  pubsubView,
  validateChannel,
  validateMessage,
  validatePattern,
  type PubSubAction,
} from '../../../../src/widgets/redis-pubsub/logic.ts';

describe('redis-pubsub story (slide 12)', () => {
  it('has as many steps as the catalogue says', () => {
    expect(PUBSUB_SCENARIO).toHaveLength(PUBSUB_STEPS);
  });

  it('a message published before anyone subscribes reaches nobody and the caption says it is gone', () => {
    const view = pubsubView(1, []);
    expect(view.publish?.receivers).toBe(0);
    expect(view.dropped).toBe(1);
    expect(caption(view)).toMatch(/→ 0: .*пропало навсегда/);
    expect(motionOf(view).lost).toBe(true);
  });

  it('a subscriber gets only what is published after it joined', () => {
    const view = pubsubView(3, []);
    const a = view.subscribers.find((s) => s.client === 'A');
    expect(a?.inbox).toEqual(['Заказ 42 оплачен']);
    expect(view.publish?.receivers).toBe(1);
  });

  it('a channel subscriber and a matching pattern subscriber both receive, counted twice', () => {
    const view = pubsubView(5, []);
    expect(view.publish?.receivers).toBe(2);
    expect(view.publish?.deliveries).toEqual([
      { label: 'Подписчик A' },
      { label: 'Подписчик B', via: 'notif*' },
    ]);
    expect(view.rows.filter((r) => r.matched).map((r) => r.name)).toEqual([
      'notifications',
      'notif*',
    ]);
  });

  it('a channel that only the pattern matches skips the exact-name subscriber', () => {
    const view = pubsubView(6, []);
    expect(view.publish?.receivers).toBe(1);
    expect(view.subscribers.map((s) => [s.client, s.fate])).toEqual([
      ['A', 'missed'],
      ['B', 'got'],
    ]);
    expect(caption(view)).toContain('Подписчик A подписан, но на другое имя');
  });

  it('after everyone leaves, the last PUBLISH reaches nobody again', () => {
    const left = pubsubView(7, []);
    expect(left.subscribers.every((s) => !s.active)).toBe(true);
    expect(caption(left)).toContain('Подписчиков не осталось');
    const view = pubsubView(8, []);
    expect(view.publish?.receivers).toBe(0);
    expect(view.dropped).toBe(2);
    expect(view.subscribers.map((s) => s.fate)).toEqual(['absent', 'absent']);
  });

  it('seeks: the frame for step n does not depend on the steps shown before', () => {
    const direct = pubsubView(5, []);
    for (let n = 0; n <= PUBSUB_STEPS; n++) pubsubView(n, []);
    expect(pubsubView(5, [])).toEqual(direct);
  });
});

describe('redis-pubsub student actions', () => {
  it('a name with *, ? or [ subscribes with PSUBSCRIBE, other names with SUBSCRIBE', () => {
    expect(isGlob('news.*')).toBe(true);
    expect(isGlob('h?llo')).toBe(true);
    expect(isGlob('h[ae]llo')).toBe(true);
    expect(isGlob('news')).toBe(false);
    expect(actionCommands({ type: 'join', client: 'S1', pattern: 'n*' })[0]?.type).toBe(
      'PSUBSCRIBE',
    );
    expect(actionCommands({ type: 'join', client: 'S1', pattern: 'n' })[0]?.type).toBe('SUBSCRIBE');
  });

  it('delivery to a student pattern follows the core’s Redis glob rules', () => {
    const cases = ['news.[a-c]*', 'n?ws', 'news\\*', '*'];
    for (const pattern of cases) {
      for (const channel of ['news.b1', 'news', 'news*', 'nows']) {
        const view = pubsubView(0, [
          { type: 'join', client: 'S1', pattern },
          { type: 'publish', channel, message: 'm' },
        ]);
        const expected = isGlob(pattern) ? redisGlobMatches(pattern, channel) : pattern === channel;
        expect(view.publish?.receivers, `${pattern} vs ${channel}`).toBe(expected ? 1 : 0);
      }
    }
  });

  it('a subscriber who leaves and joins again misses what was published in between', () => {
    const view = pubsubView(8, [
      { type: 'join', client: 'A', pattern: 'notifications' },
      { type: 'publish', channel: 'notifications', message: 'снова' },
    ]);
    const a = view.subscribers.find((s) => s.client === 'A');
    expect(a?.inbox).toEqual(['Заказ 43 оплачен', 'снова']);
    expect(view.dropped).toBe(2);
  });

  it('hostile text stays data: HTML is a channel name like any other', () => {
    const name = '<img src=x onerror=alert(1)>';
    const view = pubsubView(0, [
      { type: 'join', client: 'S1', pattern: name },
      { type: 'publish', channel: name, message: name },
    ]);
    expect(view.subscribers[0]?.inbox).toEqual([name]);
    expect(view.rows[0]?.name).toBe(name);
  });

  it('validates names and messages with Russian messages', () => {
    expect(validateChannel('  news  ')).toEqual({ ok: true, value: 'news' });
    expect(validateChannel('   ')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/пуст/),
    });
    expect(validatePattern('*'.repeat(65))).toMatchObject({ ok: false });
    expect(validatePattern('a\u0007b')).toMatchObject({ ok: false });
    expect(validateMessage('')).toMatchObject({ ok: false });
    expect(validateMessage('я'.repeat(101))).toMatchObject({ ok: false });
    expect(validateMessage('я'.repeat(100))).toMatchObject({ ok: true });
  });

  it('words agree with numbers', () => {
    expect([1, 2, 5, 11, 21, 22].map(subscribersWord)).toEqual([
      'подписчик',
      'подписчика',
      'подписчиков',
      'подписчиков',
      'подписчик',
      'подписчика',
    ]);
  });
});

describe('redis-pubsub on the kit: what does not fit is refused, never thrown', () => {
  const at = (step: number, actions: PubSubAction[]) =>
    replay(pubsubLogic, 'pubsub', PUBSUB_STEPS, step, actions);

  it('refuses a fifth own subscriber, leaving when not subscribed and joining twice', () => {
    const four = [1, 2, 3, 4].map((n): PubSubAction => ({
      type: 'join',
      client: `S${n}`,
      pattern: `c${n}`,
    }));
    const model = at(0, four).model;
    const fifth = pubsubLogic.act(model, { type: 'join', client: 'S5', pattern: 'c5' });
    expect(isRefusal(fifth) && fifth.reason).toMatch(/Не больше 4 своих подписчиков/);
    const leave = pubsubLogic.act(at(0, []).model, { type: 'leave', client: 'A', pattern: 'x' });
    expect(isRefusal(leave) && leave.reason).toBe('Подписчик A не подписан — отписывать нечего.');
    const twice = pubsubLogic.act(at(2, []).model, {
      type: 'join',
      client: 'A',
      pattern: 'notifications',
    });
    expect(isRefusal(twice) && twice.reason).toBe('Подписчик A уже подписан.');
  });

  it('a rejoin logged at step 8 is skipped with its reason when seeking back to step 5', () => {
    const rejoin: PubSubAction = { type: 'join', client: 'A', pattern: 'notifications' };
    expect(at(8, [rejoin]).dropped).toEqual([]);
    const back = at(5, [rejoin]);
    expect(back.dropped).toEqual(['Подписчик A уже подписан.']);
    expect(back.view.publish?.receivers).toBe(2);
  });
});
