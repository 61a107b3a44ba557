/**
 * Step → view-model: replays the scenario's setup, its first `step` clicker steps and then the
 * student's actions through the core's RabbitMQ model, and describes what the diagram shows —
 * the exchange on screen, each queue's bindings (which matched the last publish, explained by the
 * core's `topicMatches` / `headersMatch`), depths, deliveries and whether the message came back.
 */
import {
  headersMatch,
  stepRabbit,
  initRabbit,
  topicMatches,
  type ExchangeKind,
  type RabbitCommand,
  type RabbitState,
} from '../../broker/rabbitmq/index.ts';
import type { GuidedPhase, RoutingScenario } from './scenarios.ts';
import { actionCommands, type BindingSpec, type StudentAction } from './student.ts';

/** A binding of the shown exchange and whether it matched the last publish. */
export interface BindingView extends BindingSpec {
  /** Undefined when no publish to this exchange is shown. */
  readonly matched: boolean | undefined;
}

/** A queue on screen. */
export interface QueueView {
  readonly name: string;
  readonly consumer: string;
  /** Ready messages as drawn (a copy still travelling in guided mode is not in yet). */
  readonly depth: number;
  /** Whether the last publish put a copy here (undefined before any shown publish). */
  readonly received: boolean | undefined;
  readonly bindings: readonly BindingView[];
  /** Copies delivered to its consumer so far, and how many of them are still unacked. */
  readonly delivered: number;
  readonly unacked: number;
}

/** The last publish, as the diagram tells it. */
export interface PublishView {
  readonly id: number;
  readonly routingKey: string;
  readonly headers: Readonly<Record<string, string>> | undefined;
  readonly queues: readonly string[];
  /** True when mandatory made the broker send basic.return 312 NO_ROUTE. */
  readonly returned: boolean;
}

/** Everything one frame of the widget shows. */
export interface RoutingView {
  readonly exchange: { readonly name: string; readonly kind: ExchangeKind };
  readonly queues: readonly QueueView[];
  /** The last publish to the shown exchange, when the bindings have not changed since. */
  readonly publish: PublishView | undefined;
  readonly phase: GuidedPhase | undefined;
  readonly state: RabbitState;
}

interface LastPublish extends PublishView {
  readonly exchange: string;
  readonly bindingsAt: string;
}

/** Whether one binding matches a message on an exchange of `kind`, by the core's own rules. */
export function bindingMatches(
  kind: ExchangeKind,
  binding: BindingSpec,
  routingKey: string,
  headers: Readonly<Record<string, unknown>> | undefined,
): boolean {
  switch (kind) {
    case 'direct':
      return binding.routingKey === routingKey;
    case 'fanout':
      return true;
    case 'topic':
      return topicMatches(binding.routingKey, routingKey);
    case 'headers':
      return headersMatch(binding.arguments, headers);
  }
}

function bindingsOf(state: RabbitState, exchange: string): (BindingSpec & { queue: string })[] {
  return state.bindings
    .filter((b) => b.exchange === exchange)
    .map((b) => ({
      queue: b.queue,
      routingKey: b.routingKey,
      arguments: b.arguments as Record<string, string>,
    }));
}

/** The command list for (scenario, step, actions) and the exchange type shown at the end. */
export function commandsFor(
  scenario: RoutingScenario,
  step: number,
  actions: readonly StudentAction[],
): { commands: RabbitCommand[]; kind: ExchangeKind } {
  const commands = [...scenario.setup];
  let kind = scenario.initialKind;
  for (const s of scenario.steps.slice(0, step)) {
    commands.push(...s.commands);
    kind = s.kind;
  }
  for (const action of actions) {
    if (action.type === 'select') kind = action.kind;
    commands.push(...actionCommands(action, scenario.exchanges[kind]));
  }
  return { commands, kind };
}

/** The view after `step` scripted steps and the student's `actions`. Throws if the model does. */
export function routingView(
  scenario: RoutingScenario,
  step: number,
  actions: readonly StudentAction[],
): RoutingView {
  const clamped = Math.max(0, Math.min(scenario.steps.length, Math.floor(step)));
  const { commands, kind } = commandsFor(scenario, clamped, actions);
  let state = initRabbit(scenario.seed);
  let last: LastPublish | undefined;
  const delivered = new Map<string, number>();
  for (const command of commands) {
    const result = stepRabbit(state, command);
    state = result.state;
    for (const e of result.events) {
      if (e.type === 'basic.deliver') delivered.set(e.queue, (delivered.get(e.queue) ?? 0) + 1);
      if (e.type === 'basic.return' && last?.id === e.publishId) last = { ...last, returned: true };
      if (e.type !== 'basic.publish' || command.type !== 'basic.publish') continue;
      last = {
        id: e.publishId,
        exchange: e.exchange,
        routingKey: e.routingKey,
        headers: command.properties?.headers as Record<string, string> | undefined,
        queues: e.queues,
        returned: false,
        bindingsAt: JSON.stringify(bindingsOf(state, e.exchange)),
      };
    }
  }
  const exchangeName = scenario.exchanges[kind];
  const current = bindingsOf(state, exchangeName);
  const shown =
    last && last.exchange === exchangeName && last.bindingsAt === JSON.stringify(current)
      ? last
      : undefined;
  const phase = actions.length === 0 ? scenario.steps[clamped - 1]?.phase : undefined;
  const inFlight = phase === 'at-exchange' || phase === 'matching';
  const unackedByQueue = new Map<string, number>();
  for (const channel of Object.values(state.channels)) {
    for (const u of channel.unacked) {
      unackedByQueue.set(u.queue, (unackedByQueue.get(u.queue) ?? 0) + 1);
    }
  }
  const queues = state.queueOrder.map((name): QueueView => {
    const got = shown?.queues.includes(name);
    const ready = state.queues[name]?.messages.length ?? 0;
    return {
      name,
      consumer: scenario.queues.find((q) => q.name === name)?.consumer ?? 'consumer',
      depth: inFlight && got ? ready - 1 : ready,
      received: shown && !inFlight ? got === true : undefined,
      bindings: current
        .filter((b) => b.queue === name)
        .map((b) => ({
          routingKey: b.routingKey,
          arguments: b.arguments,
          matched:
            shown && phase !== 'at-exchange'
              ? bindingMatches(kind, b, shown.routingKey, shown.headers)
              : undefined,
        })),
      delivered: delivered.get(name) ?? 0,
      unacked: unackedByQueue.get(name) ?? 0,
    };
  });
  return {
    exchange: { name: exchangeName, kind },
    queues,
    publish: shown
      ? {
          id: shown.id,
          routingKey: shown.routingKey,
          headers: shown.headers,
          queues: shown.queues,
          returned: shown.returned,
        }
      : undefined,
    phase,
    state,
  };
}
