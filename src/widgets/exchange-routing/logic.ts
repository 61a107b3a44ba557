/**
 * The widget's pure logic on the kit: the model is the core's RabbitMQ state plus what the
 * diagram tracks (the exchange type shown, the last publish, deliveries, the guided phase). A
 * scripted step sends its story's commands; a student's action (publish, switch the type, edit
 * bindings, add a queue) is data translated into AMQP commands, or refused with a reason. The view
 * says which binding matched the last publish by the core's own `topicMatches` / `headersMatch`.
 */
import {
  headersMatch,
  initRabbit,
  stepRabbit,
  topicMatches,
  type ExchangeKind,
  type RabbitCommand,
  type RabbitState,
} from '../../broker/rabbitmq/index.ts';
import { own } from '../../broker/core/record.ts';
import { refuse, replay, type WidgetLogic } from '../runtime/timeline.ts';
import { utf8Length } from '../runtime/validate.ts';
import { caption } from './caption.ts';
import { tableFrom, tableOf, type BindingSpec, type HeaderTable } from './parse.ts';
import {
  EXCHANGE_KINDS,
  EXCHANGE_ROUTING_STEPS,
  ROUTING_STORIES,
  type GuidedPhase,
  type RoutingScenario,
  type RoutingStory,
} from './story.ts';

export type { BindingSpec } from './parse.ts';

/** A student's action. */
export type StudentAction =
  | { readonly type: 'select'; readonly kind: string }
  | {
      readonly type: 'publish';
      readonly routingKey: string;
      readonly headers?: HeaderTable;
      readonly mandatory: boolean;
    }
  | { readonly type: 'bind'; readonly queue: string; readonly binding: BindingSpec }
  | { readonly type: 'unbind'; readonly queue: string; readonly binding: BindingSpec }
  | {
      readonly type: 'rebind';
      readonly queue: string;
      readonly from: BindingSpec;
      readonly to: BindingSpec;
    }
  /** A new queue with its first binding. */
  | { readonly type: 'add-queue'; readonly queue: string; readonly binding: BindingSpec };

/** At most this many queues and bindings per queue: the diagram stays legible on a projector. */
export const MAX_QUEUES = 6;
export const MAX_BINDINGS_PER_QUEUE = 3;

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
  readonly headers: HeaderTable | undefined;
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
  /** Scripted steps shown and the student's actions on top. */
  readonly step: number;
  readonly actions: number;
}

interface LastPublish extends PublishView {
  readonly exchange: string;
  readonly bindingsAt: string;
}

/** The model: the core's state and what the diagram tracks. */
export interface RoutingModel {
  readonly scenario: RoutingScenario;
  readonly state: RabbitState;
  readonly kind: ExchangeKind;
  readonly last: LastPublish | undefined;
  readonly delivered: ReadonlyMap<string, number>;
  readonly phase: GuidedPhase | undefined;
}

/** Whether one binding matches a message on an exchange of `kind`, by the core's own rules. */
export function bindingMatches(
  kind: ExchangeKind,
  binding: BindingSpec,
  routingKey: string,
  headers: HeaderTable | undefined,
): boolean {
  switch (kind) {
    case 'direct':
      return binding.routingKey === routingKey;
    case 'fanout':
      return true;
    case 'topic':
      return topicMatches(binding.routingKey, routingKey);
    case 'headers':
      return headersMatch(binding.arguments, headers ? tableOf(headers) : undefined);
  }
}

/** The exchange type `value` names, or undefined (a select set to something else). */
export function exchangeKindOf(value: string): ExchangeKind | undefined {
  return EXCHANGE_KINDS.find((k) => k === value);
}

function bindingsOf(state: RabbitState, exchange: string): (BindingSpec & { queue: string })[] {
  return state.bindings
    .filter((b) => b.exchange === exchange)
    .map((b) => ({
      queue: b.queue,
      routingKey: b.routingKey,
      arguments: Object.fromEntries(tableFrom(b.arguments)),
    }));
}

/** Whether two bindings are the same (RabbitMQ treats a repeated bind as a no-op). */
export function sameBinding(a: BindingSpec, b: BindingSpec): boolean {
  if (a.routingKey !== b.routingKey) return false;
  const ta = tableFrom(a.arguments);
  const tb = tableFrom(b.arguments);
  return ta.size === tb.size && [...ta].every(([k, v]) => tb.get(k) === v);
}

/** A default binding for a new one on an exchange of `kind`: one the student then edits. */
export function defaultBinding(kind: ExchangeKind, routingKey: string): BindingSpec {
  switch (kind) {
    case 'topic':
      return { routingKey: '#', arguments: {} };
    case 'direct':
      return { routingKey, arguments: {} };
    case 'fanout':
      return { routingKey: '', arguments: {} };
    case 'headers':
      return { routingKey: '', arguments: { 'x-match': 'all' } };
  }
}

/** The first free name `queue-N` for a queue the student adds. */
export function nextQueueName(existing: readonly string[]): string {
  for (let i = existing.length + 1; ; i++) {
    const name = `queue-${i}`;
    if (!existing.includes(name)) return name;
  }
}

function bindCommand(
  type: 'queue.bind' | 'queue.unbind',
  exchange: string,
  queue: string,
  binding: BindingSpec,
): RabbitCommand {
  return { type, exchange, queue, routingKey: binding.routingKey, arguments: binding.arguments };
}

/** The commands one action sends to `exchange`, the one shown (`select` sends none). */
export function actionCommands(action: StudentAction, exchange: string): RabbitCommand[] {
  switch (action.type) {
    case 'select':
      return [];
    case 'publish':
      return [
        {
          type: 'basic.publish',
          exchange,
          routingKey: action.routingKey,
          body: action.routingKey,
          mandatory: action.mandatory,
          ...(action.headers ? { properties: { headers: tableOf(action.headers) } } : {}),
        },
      ];
    case 'bind':
      return [bindCommand('queue.bind', exchange, action.queue, action.binding)];
    case 'unbind':
      return [bindCommand('queue.unbind', exchange, action.queue, action.binding)];
    case 'rebind':
      return [
        bindCommand('queue.unbind', exchange, action.queue, action.from),
        bindCommand('queue.bind', exchange, action.queue, action.to),
      ];
    case 'add-queue':
      return [
        { type: 'queue.declare', queue: action.queue },
        bindCommand('queue.bind', exchange, action.queue, action.binding),
      ];
  }
}

/** Sends `commands` to the core; the diagram's memory follows the events. Never mutates `model`. */
function send(model: RoutingModel, commands: readonly RabbitCommand[]): RoutingModel {
  let state = model.state;
  let last = model.last;
  const delivered = new Map(model.delivered);
  for (const command of commands) {
    const result = stepRabbit(state, command);
    state = result.state;
    for (const e of result.events) {
      if (e.type === 'basic.deliver') delivered.set(e.queue, (delivered.get(e.queue) ?? 0) + 1);
      if (e.type === 'basic.return' && last?.id === e.publishId) last = { ...last, returned: true };
      if (e.type !== 'basic.publish' || command.type !== 'basic.publish') continue;
      const headers = command.properties?.headers;
      last = {
        id: e.publishId,
        exchange: e.exchange,
        routingKey: e.routingKey,
        headers: headers ? tableFrom(headers) : undefined,
        queues: e.queues,
        returned: false,
        bindingsAt: JSON.stringify(bindingsOf(state, e.exchange)),
      };
    }
  }
  return { ...model, state, last, delivered };
}

function bindingsOfQueue(model: RoutingModel, queue: string): BindingSpec[] {
  const exchange = model.scenario.exchanges[model.kind];
  return bindingsOf(model.state, exchange).filter((b) => b.queue === queue);
}

/** Why `action` cannot be done in `model`, or undefined when it can. */
function unfit(model: RoutingModel, action: StudentAction): string | undefined {
  const queues = model.state.queueOrder;
  const hasQueue = (name: string): boolean => queues.includes(name);
  const has = (queue: string, b: BindingSpec): boolean =>
    bindingsOfQueue(model, queue).some((x) => sameBinding(x, b));
  switch (action.type) {
    case 'select':
      return exchangeKindOf(action.kind) === undefined
        ? `Нет такого типа exchange: «${action.kind.slice(0, 40)}».`
        : undefined;
    case 'publish': {
      const bytes = utf8Length(action.routingKey);
      return bytes > 255 ? `Routing key длиннее 255 байт (${bytes} байт).` : undefined;
    }
    case 'bind':
      if (!hasQueue(action.queue)) return `Очереди «${action.queue}» уже нет.`;
      if (bindingsOfQueue(model, action.queue).length >= MAX_BINDINGS_PER_QUEUE) {
        return `Не больше ${MAX_BINDINGS_PER_QUEUE} привязок у очереди.`;
      }
      return has(action.queue, action.binding)
        ? 'Такая привязка уже есть — измените её ключ.'
        : undefined;
    case 'unbind':
      return has(action.queue, action.binding) ? undefined : 'Этой привязки уже нет.';
    case 'rebind':
      if (!has(action.queue, action.from)) return 'Этой привязки уже нет.';
      return has(action.queue, action.to) ? 'Такая привязка у этой очереди уже есть.' : undefined;
    case 'add-queue':
      if (queues.length >= MAX_QUEUES) return `Не больше ${MAX_QUEUES} очередей на схеме.`;
      return hasQueue(action.queue) ? `Очередь «${action.queue}» уже есть.` : undefined;
  }
}

/** The frame a model shows. */
export function viewOf(model: RoutingModel, at: { step: number; actions: number }): RoutingView {
  const { scenario, state, kind, last, phase } = model;
  const exchangeName = scenario.exchanges[kind];
  const current = bindingsOf(state, exchangeName);
  const shown =
    last && last.exchange === exchangeName && last.bindingsAt === JSON.stringify(current)
      ? last
      : undefined;
  const inFlight = phase === 'at-exchange' || phase === 'matching';
  const unackedByQueue = new Map<string, number>();
  for (const channel of Object.values(state.channels)) {
    for (const u of channel.unacked) {
      unackedByQueue.set(u.queue, (unackedByQueue.get(u.queue) ?? 0) + 1);
    }
  }
  const queues = state.queueOrder.map((name): QueueView => {
    const got = shown?.queues.includes(name);
    const ready = own(state.queues, name)?.messages.length ?? 0;
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
      delivered: model.delivered.get(name) ?? 0,
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
    step: at.step,
    actions: at.actions,
  };
}

/** The model before the first step of `scenario`. */
export function initModel(scenario: RoutingScenario): RoutingModel {
  const empty: RoutingModel = {
    scenario,
    state: initRabbit(scenario.seed),
    kind: scenario.initialKind,
    last: undefined,
    delivered: new Map(),
    phase: undefined,
  };
  return send(empty, scenario.setup);
}

/** The exchange-routing widget's logic (three stories). */
export const routingLogic: WidgetLogic<RoutingModel, RoutingView, StudentAction, RoutingStory> = {
  init: (story) => initModel(ROUTING_STORIES[story]),
  play(model, _story, step) {
    const scripted = model.scenario.steps[step - 1];
    if (!scripted) return model;
    return { ...send(model, scripted.commands), kind: scripted.kind, phase: scripted.phase };
  },
  act(model, action) {
    const reason = unfit(model, action);
    if (reason !== undefined) return refuse(reason);
    const kind = action.type === 'select' ? exchangeKindOf(action.kind) : model.kind;
    if (kind === undefined) return refuse('Нет такого типа exchange.');
    try {
      const next = send(model, actionCommands(action, model.scenario.exchanges[kind]));
      return { ...next, kind, phase: undefined };
    } catch (error) {
      // The core refuses what a real broker would close the channel for: say it, change nothing.
      return refuse(error instanceof Error ? error.message : String(error));
    }
  },
  view: viewOf,
  caption,
};

/**
 * The frame after `step` scripted steps of `scenario` and the student's `actions`, from scratch
 * (actions that do not fit are skipped, as the kit does after a seek).
 */
export function routingView(
  scenario: RoutingScenario,
  step: number,
  actions: readonly StudentAction[],
): RoutingView {
  return replay(routingLogic, scenario.story, EXCHANGE_ROUTING_STEPS, step, actions).view;
}
