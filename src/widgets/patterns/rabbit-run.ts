/** Plays RabbitMQ commands through the core's model, collecting every event on the way. */
import {
  stepRabbit,
  type RabbitCommand,
  type RabbitEvent,
  type RabbitState,
} from '../../broker/rabbitmq/index.ts';
import { stepAll } from '../../broker/core/replay.ts';

/** The state after `commands` and the events they produced, in order. */
export function runRabbit(
  state: RabbitState,
  commands: readonly RabbitCommand[],
): { state: RabbitState; events: RabbitEvent[] } {
  return stepAll(stepRabbit, state, commands);
}

/** The event shape shared by basic.deliver and basic.get-ok. */
export type Delivery = Extract<RabbitEvent, { deliveryTag: number; body: string }>;

/** Deliveries to consumers among `events` (basic.deliver only, no basic.get-ok). */
export function deliveriesIn(events: readonly RabbitEvent[]): Delivery[] {
  return events.filter((e): e is Delivery => e.type === 'basic.deliver');
}
