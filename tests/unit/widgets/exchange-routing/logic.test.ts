import { describe, expect, it } from 'vitest';
import { isRefusal, replay } from '../../../../src/widgets/runtime/timeline.ts';
import {
  routingLogic,
  routingView,
  type StudentAction,
} from '../../../../src/widgets/exchange-routing/logic.ts';
import { parseHeaders, readBinding } from '../../../../src/widgets/exchange-routing/parse.ts';
import {
  ARCHITECTURE_SCENARIO,
  EXCHANGE_ROUTING_STEPS,
} from '../../../../src/widgets/exchange-routing/story.ts';

const received = (view: ReturnType<typeof routingView>) =>
  view.queues.filter((q) => q.received).map((q) => q.name);

function headersTable(raw: string): ReadonlyMap<string, string> {
  const parsed = parseHeaders(raw, false);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

describe('exchange-routing logic on the kit', () => {
  it('a headers binding __proto__=x is kept and matches only a message that has it', () => {
    const from = { routingKey: '', arguments: { 'x-match': 'all', status: 'paid', region: 'eu' } };
    const to = readBinding('headers', 'x-match=all, __proto__=x', from);
    if (!to.ok) throw new Error(to.message);
    expect(Object.keys(to.value.arguments)).toEqual(['x-match', '__proto__']);
    const actions: StudentAction[] = [
      { type: 'select', kind: 'headers' },
      { type: 'rebind', queue: 'billing', from, to: to.value },
      // Another step of the core after the bind: the pair must survive the copy.
      { type: 'publish', routingKey: '', headers: headersTable('status=paid'), mandatory: false },
    ];
    const view = routingView(ARCHITECTURE_SCENARIO, 0, actions);
    const billing = view.queues.find((q) => q.name === 'billing');
    expect(billing?.bindings[0]?.arguments).toEqual(to.value.arguments);
    expect(billing?.received).toBe(false);
    const hit = routingView(ARCHITECTURE_SCENARIO, 0, [
      ...actions,
      { type: 'publish', routingKey: '', headers: headersTable('__proto__=x'), mandatory: false },
    ]);
    expect(received(hit)).toEqual(['billing']);
    expect([...(hit.publish?.headers ?? [])]).toEqual([['__proto__', 'x']]);
  });

  it('refuses what does not fit with a reason and never throws', () => {
    const model = replay(routingLogic, 'architecture', EXCHANGE_ROUTING_STEPS, 0, []).model;
    const refused = (action: StudentAction): string => {
      const next = routingLogic.act(model, action);
      return isRefusal(next) ? next.reason : '';
    };
    expect(refused({ type: 'select', kind: 'nonsense' })).toMatch(/Нет такого типа/);
    expect(refused({ type: 'select', kind: '' })).toMatch(/Нет такого типа/);
    expect(refused({ type: 'publish', routingKey: 'k'.repeat(300), mandatory: false })).toMatch(
      /255 байт/,
    );
    const paid = { routingKey: 'order.paid', arguments: {} };
    expect(refused({ type: 'bind', queue: 'billing', binding: paid })).toMatch(/уже есть/);
    expect(refused({ type: 'bind', queue: 'nope', binding: paid })).toMatch(/Очереди «nope»/);
    expect(
      refused({ type: 'unbind', queue: 'billing', binding: { ...paid, routingKey: 'x' } }),
    ).toMatch(/уже нет/);
    expect(refused({ type: 'add-queue', queue: 'billing', binding: paid })).toMatch(/уже есть/);
    // A refused action changes nothing: the view after it is the view before.
    const before = routingView(ARCHITECTURE_SCENARIO, 2, []);
    const after = routingView(ARCHITECTURE_SCENARIO, 2, [{ type: 'select', kind: 'nonsense' }]);
    expect(after.queues).toEqual(before.queues);
    expect(after.exchange).toEqual(before.exchange);
  });

  it('limits bindings per queue and queues on the diagram', () => {
    const bind = (n: number): StudentAction => ({
      type: 'bind',
      queue: 'billing',
      binding: { routingKey: `k${n}`, arguments: {} },
    });
    const view = routingView(ARCHITECTURE_SCENARIO, 0, [1, 2, 3, 4].map(bind));
    expect(view.queues.find((q) => q.name === 'billing')?.bindings).toHaveLength(3);
    const add = (n: number): StudentAction => ({
      type: 'add-queue',
      queue: `queue-${n}`,
      binding: { routingKey: 'k', arguments: {} },
    });
    expect(routingView(ARCHITECTURE_SCENARIO, 0, [4, 5, 6, 7].map(add)).queues).toHaveLength(6);
  });
});
