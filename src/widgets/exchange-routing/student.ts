/**
 * What a student does with the widget, kept as data (appended after the scripted commands, so a
 * step is still a pure function of scenario, step and actions), and its translation into the
 * AMQP commands the core's model executes.
 */
import type { ExchangeKind, RabbitCommand } from '../../broker/rabbitmq/index.ts';

/** One binding as the model stores it: a routing/binding key and the arguments (headers). */
export interface BindingSpec {
  readonly routingKey: string;
  readonly arguments: Readonly<Record<string, string>>;
}

/** A student's action. */
export type StudentAction =
  | { readonly type: 'select'; readonly kind: ExchangeKind }
  | {
      readonly type: 'publish';
      readonly routingKey: string;
      readonly headers?: Readonly<Record<string, string>>;
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
  | { readonly type: 'add-queue'; readonly queue: string };

/** At most this many queues and bindings per queue: the diagram stays legible on a projector. */
export const MAX_QUEUES = 6;
export const MAX_BINDINGS_PER_QUEUE = 3;

function bindCommand(
  type: 'queue.bind' | 'queue.unbind',
  exchange: string,
  queue: string,
  binding: BindingSpec,
): RabbitCommand {
  return { type, exchange, queue, routingKey: binding.routingKey, arguments: binding.arguments };
}

/** The commands one action sends to the exchange currently shown (`select` sends none). */
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
          ...(action.headers ? { properties: { headers: action.headers } } : {}),
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
      return [{ type: 'queue.declare', queue: action.queue }];
  }
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

/** Whether two bindings are the same (RabbitMQ treats a repeated bind as a no-op). */
export function sameBinding(a: BindingSpec, b: BindingSpec): boolean {
  if (a.routingKey !== b.routingKey) return false;
  const ka = Object.keys(a.arguments);
  const kb = Object.keys(b.arguments);
  return ka.length === kb.length && ka.every((k) => a.arguments[k] === b.arguments[k]);
}
