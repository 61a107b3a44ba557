import { describe, expect, it } from 'vitest';
import { route, topicMatches } from '../../../../src/broker/rabbitmq/index.ts';
import { WIDGETS } from '../../../../src/lecture/names.ts';
import { caption as captionFor } from '../../../../src/widgets/exchange-routing/caption.ts';
import {
  ARCHITECTURE_SCENARIO,
  EXCHANGE_ROUTING_STEPS,
  GUIDED_SCENARIO,
  TOPIC_SCENARIO,
  ROUTING_STORIES,
} from '../../../../src/widgets/exchange-routing/story.ts';
import { routingView } from '../../../../src/widgets/exchange-routing/logic.ts';

const received = (view: ReturnType<typeof routingView>) =>
  view.queues.filter((q) => q.received).map((q) => q.name);

describe('exchange-routing scenarios', () => {
  it('every scenario has the catalogue step count', () => {
    for (const s of [ARCHITECTURE_SCENARIO, GUIDED_SCENARIO, TOPIC_SCENARIO]) {
      expect(s.steps).toHaveLength(EXCHANGE_ROUTING_STEPS);
    }
    expect(WIDGETS['exchange-routing'].steps).toBe(EXCHANGE_ROUTING_STEPS);
  });

  it('names every story of the catalogue, the first (slide 17) being the default', () => {
    expect(Object.keys(ROUTING_STORIES)).toEqual(WIDGETS['exchange-routing'].stories);
    expect(ROUTING_STORIES.topic).toBe(TOPIC_SCENARIO);
    expect(ROUTING_STORIES.guided).toBe(GUIDED_SCENARIO);
    expect(ROUTING_STORIES.architecture).toBe(ARCHITECTURE_SCENARIO);
  });

  it('slide 17 walks direct, fanout, topic, headers and an unroutable mandatory publish', () => {
    const s = ARCHITECTURE_SCENARIO;
    const kinds = [1, 2, 3, 4, 5].map((n) => routingView(s, n, []).exchange.kind);
    expect(kinds).toEqual(['direct', 'fanout', 'topic', 'headers', 'direct']);
    expect(received(routingView(s, 1, []))).toEqual(['billing', 'audit']);
    expect(received(routingView(s, 2, []))).toEqual(['billing', 'notifications', 'audit']);
    const topic = routingView(s, 3, []);
    expect(received(topic)).toEqual(['billing', 'audit']);
    expect(captionFor(topic)).toMatch(/^Сообщение order\.eu\.paid попало в 2 очереди из 3/);
    // audit has two matching bindings and still one copy more than before.
    const audit = topic.queues.find((q) => q.name === 'audit');
    expect(audit?.bindings.filter((b) => b.matched)).toHaveLength(2);
    expect(audit?.depth).toBe((routingView(s, 2, []).queues[2]?.depth ?? 0) + 1);
    expect(received(routingView(s, 4, []))).toEqual(['billing', 'audit']);
    const back = routingView(s, 5, []);
    expect(back.publish?.returned).toBe(true);
    expect(received(back)).toEqual([]);
    expect(captionFor(back)).toContain('basic.return 312 NO_ROUTE');
  });

  it('highlights exactly the bindings the core routes by, at every step', () => {
    for (const s of [ARCHITECTURE_SCENARIO, TOPIC_SCENARIO]) {
      for (let n = 1; n <= EXCHANGE_ROUTING_STEPS; n++) {
        const view = routingView(s, n, []);
        const p = view.publish;
        expect(p).toBeDefined();
        const headers = p?.headers ? Object.fromEntries(p.headers) : undefined;
        const routed = route(view.state, view.exchange.name, p?.routingKey ?? '', headers);
        expect(received(view)).toEqual(
          view.queues.map((q) => q.name).filter((n) => routed.includes(n)),
        );
        expect(received(view).length).toBe(routed.length);
        const byBinding = view.queues.filter((q) => q.bindings.some((b) => b.matched));
        expect(byBinding.map((q) => q.name)).toEqual(received(view));
      }
    }
  });

  it('slide 26 follows the lecture and its code: error.* and *.payment, an unroutable key dropped without mandatory, then #', () => {
    const s = TOPIC_SCENARIO;
    expect(routingView(s, 0, []).exchange.name).toBe('logs');
    expect(received(routingView(s, 1, []))).toEqual(['errors', 'payments']);
    expect(received(routingView(s, 2, []))).toEqual(['payments']);
    expect(received(routingView(s, 3, []))).toEqual(['errors']);
    // examples/rabbitmq/topic_publish.py publishes without mandatory: an unroutable message is
    // dropped silently, no basic.return (recorded in tests/real/widgets-rabbitmq.test.ts).
    const four = routingView(s, 4, []);
    expect(four.publish?.queues).toEqual([]);
    expect(four.publish?.returned).toBe(false);
    expect(captionFor(four)).toContain('без mandatory exchange молча его отбросил');
    expect(topicMatches('error.*', 'error.payment.eu')).toBe(false);
    const five = routingView(s, 5, []);
    expect(received(five)).toEqual(['all-logs']);
    expect(five.queues.map((q) => [q.name, q.depth])).toEqual([
      ['errors', 2],
      ['payments', 2],
      ['all-logs', 1],
    ]);
  });

  it('slide 18 splits one publish into phases, then the consumer gets and acks it', () => {
    const s = GUIDED_SCENARIO;
    const one = routingView(s, 1, []);
    expect(one.phase).toBe('at-exchange');
    expect(one.queues[0]?.depth).toBe(0);
    expect(one.queues[0]?.bindings[0]?.matched).toBeUndefined();
    const two = routingView(s, 2, []);
    expect(two.queues.map((q) => q.bindings[0]?.matched)).toEqual([true, false, false]);
    expect(routingView(s, 3, []).queues[0]?.depth).toBe(1);
    const four = routingView(s, 4, []);
    expect(four.queues[0]).toMatchObject({ depth: 0, delivered: 1, unacked: 1 });
    expect(routingView(s, 5, []).queues[0]).toMatchObject({ depth: 0, delivered: 1, unacked: 0 });
  });

  it('student actions build on the scripted state and are only data', () => {
    const s = TOPIC_SCENARIO;
    const view = routingView(s, 1, [
      { type: 'publish', routingKey: '<img src=x onerror=alert(1)>', mandatory: false },
    ]);
    expect(view.publish?.routingKey).toBe('<img src=x onerror=alert(1)>');
    expect(received(view)).toEqual([]);
    const fanout = routingView(s, 1, [
      { type: 'select', kind: 'fanout' },
      { type: 'publish', routingKey: 'x', mandatory: false },
    ]);
    expect(fanout.exchange.name).toBe('logs.fanout');
    expect(received(fanout)).toEqual(['errors', 'payments']);
    const rebound = routingView(s, 0, [
      {
        type: 'rebind',
        queue: 'errors',
        from: { routingKey: 'error.*', arguments: {} },
        to: { routingKey: 'error.#', arguments: {} },
      },
      { type: 'publish', routingKey: 'error.payment.eu', mandatory: true },
    ]);
    expect(received(rebound)).toEqual(['errors']);
    expect(rebound.queues[0]?.bindings.map((b) => b.routingKey)).toEqual(['error.#']);
  });
});
