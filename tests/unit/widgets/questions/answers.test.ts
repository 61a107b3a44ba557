/**
 * Each question's answer against what the next step shows, read another way than the question
 * reads it (the core's router, partitioner, runs; the next frame's own fields), and with
 * random student logs (fast-check, seed fixed in tests/setup/fast-check.ts) where the lab can
 * change the outcome.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kafkaPartitionForKey } from '../../../../src/broker/kafka/index.ts';
import { orderFlow } from '../../../../src/broker/orderflow/index.ts';
import { route } from '../../../../src/broker/rabbitmq/index.ts';
import type { Question } from '../../../../src/widgets/runtime/question.ts';
import { replay } from '../../../../src/widgets/runtime/timeline.ts';
import {
  celeryLogic,
  taskStateAfter,
  TASK_ID,
  type CeleryAction,
} from '../../../../src/widgets/celery-retries/logic.ts';
import {
  celeryQuestion,
  FATE as CELERY_FATE,
} from '../../../../src/widgets/celery-retries/questions.ts';
import { CELERY_STEPS } from '../../../../src/widgets/celery-retries/story.ts';
import {
  routingLogic,
  routingView,
  type StudentAction,
} from '../../../../src/widgets/exchange-routing/logic.ts';
import {
  ROUTING_QUESTION_STEPS,
  routingQuestion,
} from '../../../../src/widgets/exchange-routing/questions.ts';
import {
  EXCHANGE_ROUTING_STEPS,
  ROUTING_STORIES,
  type RoutingStory,
} from '../../../../src/widgets/exchange-routing/story.ts';
import { kafkaView, type KafkaAction } from '../../../../src/widgets/kafka-partitions/logic.ts';
import { kafkaQuestion } from '../../../../src/widgets/kafka-partitions/questions.ts';
import { formatMs } from '../../../../src/widgets/order-flow/labels.ts';
import { orderFlowView, type OrderFlowAction } from '../../../../src/widgets/order-flow/logic.ts';
import { orderFlowQuestion, REPLY } from '../../../../src/widgets/order-flow/questions.ts';
import { acksView } from '../../../../src/widgets/rabbit-acks/logic.ts';
import { acksQuestion } from '../../../../src/widgets/rabbit-acks/questions.ts';
import { queueView } from '../../../../src/widgets/redis-list-queue/logic.ts';
import { FATE, listQueueQuestion } from '../../../../src/widgets/redis-list-queue/questions.ts';

const picked = (q: Question | undefined): string | undefined => q?.choices[q.answer];

/** The queues the core routes the step's publish to, from the story's state before it. */
function routedByCore(story: RoutingStory, step: number): string[] {
  const scenario = ROUTING_STORIES[story];
  const scripted = scenario.steps[step];
  const publish = scripted?.commands.find((c) => c.type === 'basic.publish');
  if (!scripted || publish?.type !== 'basic.publish') throw new Error('no publish');
  const state = routingView(scenario, step, []).state;
  return route(state, scenario.exchanges[scripted.kind], publish.routingKey);
}

describe('exchange-routing questions', () => {
  const stories = Object.keys(ROUTING_QUESTION_STEPS) as RoutingStory[];
  const asked = stories.flatMap((story) =>
    ROUTING_QUESTION_STEPS[story].map((step) => [story, step] as const),
  );

  it.each(asked)(
    '%s before step %i+1: the count is what the core routes and the next frame shows',
    (story, step) => {
      const q = routingQuestion(story, step);
      const core = new Set(routedByCore(story, step));
      expect(picked(q)).toBe(String(core.size));
      const next = routingView(ROUTING_STORIES[story], step + 1, []);
      expect(new Set(next.publish?.queues)).toEqual(core);
    },
  );

  it('the topic story asks «error.payment.eu» and it reaches no queue: `*` is one word', () => {
    const q = routingQuestion('topic', 3);
    expect(q?.text).toContain('«error.payment.eu»');
    expect(picked(q)).toBe('0');
  });

  const action: fc.Arbitrary<StudentAction> = fc.oneof(
    fc.record({
      type: fc.constant('select' as const),
      kind: fc.constantFrom('direct', 'topic', 'fanout'),
    }),
    fc.record({
      type: fc.constant('publish' as const),
      routingKey: fc.constantFrom('error.payment', 'order.paid', 'x'),
      mandatory: fc.boolean(),
    }),
    fc.record({
      type: fc.constant('bind' as const),
      queue: fc.constantFrom('errors', 'payments', 'billing', 'audit', 'emails'),
      binding: fc.record({
        routingKey: fc.constantFrom('#', 'error.#', 'order.*'),
        arguments: fc.constant({}),
      }),
    }),
    fc.record({
      type: fc.constant('add-queue' as const),
      queue: fc.constantFrom('queue-4', 'queue-5'),
      binding: fc.record({
        routingKey: fc.constantFrom('#', '*.payment'),
        arguments: fc.constant({}),
      }),
    }),
  );

  it('with random student logs the answer is the next frame’s, and asked only on the story’s bindings', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.constantFrom(...asked),
        fc.array(action, { maxLength: 6 }),
        ([story, step], actions) => {
          const q = routingQuestion(story, step, actions);
          // The kit passes its current frame: the same question without replaying it.
          const frame = replay(routingLogic, story, EXCHANGE_ROUTING_STEPS, step, actions);
          expect(routingQuestion(story, step, actions, frame)).toEqual(q);
          const topology = (v: ReturnType<typeof routingView>) =>
            JSON.stringify([v.state.queueOrder, v.state.bindings]);
          const scenario = ROUTING_STORIES[story];
          const now = routingView(scenario, step, actions);
          const same = topology(now) === topology(routingView(scenario, step, []));
          expect(q !== undefined).toBe(same);
          seen.add(
            q === undefined ? 'withdrawn' : actions.length > 0 ? 'asked-after-actions' : 'asked',
          );
          if (!q) return;
          expect(picked(q)).toBe(String(new Set(routedByCore(story, step)).size));
          // The kit's next frame: steps 1..step+1, then the same actions: count the queues that
          // grew (a student's own publish goes to the exchange each step shows: not with those).
          if (actions.some((a) => a.type === 'publish')) return;
          const next = routingView(scenario, step + 1, actions);
          const depth = (v: typeof now, name: string) => v.state.queues[name]?.messages.length ?? 0;
          const grew = next.state.queueOrder.filter((name) => depth(next, name) > depth(now, name));
          expect(picked(q)).toBe(String(grew.length));
        },
      ),
      { numRuns: 120 },
    );
    expect([...seen].sort()).toEqual(['asked', 'asked-after-actions', 'withdrawn']);
  });
});

describe('kafka-partitions questions', () => {
  it('user-42 goes where the core partitioner puts it, at both steps asked', () => {
    for (const step of [0, 5]) {
      const q = kafkaQuestion('producer', step);
      expect(picked(q)).toBe(`P${kafkaPartitionForKey('user-42', 6)}`);
      expect(picked(q)).toBe(`P${kafkaView('producer', step + 1).last?.partition}`);
    }
    expect(kafkaQuestion('producer', 5)?.text).toContain('следующая запись');
  });

  it('consumer-3 gets as many partitions as the next frame gives it', () => {
    const q = kafkaQuestion('architecture', 3);
    const next = kafkaView('architecture', 4);
    const owned = next.partitions.filter((p) => p.a?.memberId === 'consumer-3').length;
    expect(picked(q)).toBe(String(owned));
    expect(owned).toBe(1);
  });

  const settings = fc.tuple(
    fc.integer({ min: 1, max: 64 }),
    fc.constantFrom('range' as const, 'roundrobin' as const, 'cooperative-sticky' as const),
  );

  it('with any partition count and assignor the answers follow them; a cluster action withdraws them', () => {
    fc.assert(
      fc.property(settings, fc.boolean(), ([partitions, assignor], cluster) => {
        const actions: KafkaAction[] = [
          { kind: 'partitions', partitions },
          { kind: 'assignor', assignor },
          ...(cluster ? [{ kind: 'produce', key: 'user-7' } as const] : []),
        ];
        const q = kafkaQuestion('producer', 0, actions);
        expect(q !== undefined).toBe(!cluster && partitions >= 2);
        if (q) {
          expect(q.text).toContain(`при ${partitions} партициях`);
          expect(picked(q)).toBe(`P${kafkaPartitionForKey('user-42', partitions)}`);
        }
        const join = kafkaQuestion('architecture', 3, actions);
        expect(join !== undefined).toBe(!cluster);
        if (join) {
          const next = kafkaView('architecture', 4, actions);
          const owned = next.partitions.filter((p) => p.a?.memberId === 'consumer-3').length;
          expect(picked(join)).toBe(String(owned));
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('redis-list-queue questions', () => {
  it('Воркер 1, first in BRPOP’s line, takes «письмо 1»', () => {
    expect(picked(listQueueQuestion(0))).toBe('Воркер 1');
    expect(queueView(1).workers.find((w) => w.client === 'W1')?.task).toBe('письмо 1');
  });

  it('a BRPOP worker’s crash loses its task; a BLMOVE worker’s keeps it in processing', () => {
    expect(picked(listQueueQuestion(4))).toBe(FATE.lost);
    expect(queueView(5).crashes.at(-1)).toMatchObject({ worker: 'W2', lost: true });
    expect(picked(listQueueQuestion(6))).toBe(FATE.kept);
    const after = queueView(7);
    expect(after.processing).toContain(after.crashes.at(-1)?.value);
  });

  it('is not asked once the student has acted: the actions replay after the step', () => {
    expect(listQueueQuestion(0, [{ type: 'crash', worker: 'W1' }])).toBe(undefined);
    expect(listQueueQuestion(1)).toBe(undefined);
  });
});

describe('rabbit-acks questions', () => {
  it('the crashed worker’s task goes back to the queue, then to the free worker', () => {
    expect(picked(acksQuestion('acks', 2))).toBe('Ждёт в очереди tasks');
    expect(acksView('acks', 3).ready.find((c) => c.task === 3)?.redelivered).toBe(true);
    expect(picked(acksQuestion('acks', 3))).toBe('Воркер 2');
    const w2 = acksView('acks', 4).workers.find((w) => w.id === 'w2');
    expect(w2?.held.map((c) => c.task)).toContain(3);
  });

  it('consumer.py: the second failure without a DLX deletes the task; a crash hands it over', () => {
    expect(picked(acksQuestion('consumer', 2))).toBe('Удалена брокером');
    expect(acksView('consumer', 3).dead.map((c) => c.task)).toContain(2);
    expect(picked(acksQuestion('consumer', 3))).toBe('Воркер 2');
  });
});

describe('celery-retries questions', () => {
  const finalState = (story: 'backoff' | 'max-retries', actions: readonly CeleryAction[]) =>
    taskStateAfter(replay(celeryLogic, story, CELERY_STEPS, 0, actions).view.final.events);

  it('refund_card succeeds within max_retries=5; charge_card fails after max_retries=3', () => {
    expect(picked(celeryQuestion('backoff', 5))).toBe('SUCCESS');
    expect(picked(celeryQuestion('max-retries', 5))).toBe('FAILURE');
  });

  it('with acks_late the broker redelivers; without it the task is lost (worker-offline)', () => {
    expect(picked(celeryQuestion('acks', 2))).toBe(CELERY_FATE.again);
    const early: CeleryAction[] = [{ type: 'flag', key: 'acksLate', value: false }];
    expect(picked(celeryQuestion('acks', 2, early))).toBe(CELERY_FATE.lost);
    const offline = replay(celeryLogic, 'acks', CELERY_STEPS, 3, early).view.frame.stepEvents.find(
      (e) => e.type === 'worker-offline',
    );
    expect(offline?.type === 'worker-offline' && offline.lostTaskIds).toEqual([TASK_ID]);
    expect(celeryQuestion('acks', 2, [{ type: 'flag', key: 'crash', value: false }])).toBe(
      undefined,
    );
  });

  it('with random settings the end is the state the whole run ends in', () => {
    const setting: fc.Arbitrary<CeleryAction> = fc.oneof(
      fc.record({
        type: fc.constant('number' as const),
        key: fc.constantFrom('failures' as const, 'maxRetries' as const),
        value: fc.integer({ min: 0, max: 6 }),
      }),
      fc.record({
        type: fc.constant('retry' as const),
        value: fc.constantFrom('none' as const, 'countdown' as const, 'autoretry' as const),
      }),
      fc.record({
        type: fc.constant('flag' as const),
        key: fc.constantFrom('acksLate' as const, 'crash' as const),
        value: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('backoff' as const, 'max-retries' as const),
        fc.array(setting, { maxLength: 4 }),
        (story, actions) => {
          const q = celeryQuestion(story, CELERY_STEPS - 1, actions);
          if (q) expect(picked(q)).toBe(finalState(story, actions));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('order-flow questions', () => {
  it('the response times and statuses are the core’s runs', () => {
    const runs = orderFlow(orderFlowView('sync', 0).input);
    expect(picked(orderFlowQuestion('sync', 3))).toBe(formatMs(runs.sync.responseMs));
    expect(picked(orderFlowQuestion('async', 1))).toBe(formatMs(runs.async.responseMs));
    expect(picked(orderFlowQuestion('sync', 4))).toBe(REPLY[500]);
    expect(picked(orderFlowQuestion('async', 4))).toBe(REPLY[201]);
  });

  it('with random durations the answer is the next frame’s clock', () => {
    const duration: fc.Arbitrary<OrderFlowAction> = fc.record({
      type: fc.constant('duration' as const),
      key: fc.constantFrom(
        'saveOrder' as const,
        'sendEmail' as const,
        'updateInventory' as const,
        'notifyWarehouse' as const,
      ),
      ms: fc.integer({ min: 0, max: 5000 }),
    });
    fc.assert(
      fc.property(fc.array(duration, { maxLength: 4 }), (actions) => {
        const sync = orderFlowQuestion('sync', 3, actions);
        expect(picked(sync)).toBe(formatMs(orderFlowView('sync', 4, actions).frame.syncNow));
        const async = orderFlowQuestion('async', 1, actions);
        expect(picked(async)).toBe(formatMs(orderFlowView('async', 2, actions).frame.asyncNow));
      }),
      { numRuns: 40 },
    );
  });
});
