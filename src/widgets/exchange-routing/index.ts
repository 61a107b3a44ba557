/**
 * Widget `exchange-routing` (slides 17, 18, 26): a producer, an exchange of any of the four types,
 * bindings and queues, driven by the core's RabbitMQ model. Each slide has its own scripted story;
 * the student publishes, switches the type and edits bindings on top of it, as data.
 */
import type { ExchangeKind } from '../../broker/rabbitmq/index.ts';
import { h, s } from '../runtime/dom.ts';
import type { Field } from '../runtime/field.ts';
import type { WidgetModule } from '../runtime/types.ts';
import { validateRoutingKey } from '../runtime/validate.ts';
import { captionFor } from './caption.ts';
import { ER_CLASS } from './diagram-classes.ts';
import { drawDiagram } from './diagram.ts';
import { arrivalDelay, flightsBetween, fly, revealArrivals } from './flight.ts';
import { layoutDiagram } from './layout.ts';
import { createPanel } from './panel.ts';
import { parseHeaders, readBinding } from './parse.ts';
import { EXCHANGE_ROUTING_STEPS, scenarioForSection, type RoutingScenario } from './scenarios.ts';
import { routingView, type RoutingView } from './session.ts';
import {
  defaultBinding,
  MAX_BINDINGS_PER_QUEUE,
  MAX_QUEUES,
  nextQueueName,
  sameBinding,
  type StudentAction,
} from './student.ts';
import './exchange-routing.css';

/** A replay of this many student actions stays far below a frame; past it, ask for a reset. */
const MAX_ACTIONS = 400;

export const exchangeRoutingWidget: WidgetModule = {
  mount(host) {
    // The runtime attaches the root to its slide only after mount(), so the slide is read lazily.
    let chosen: RoutingScenario | undefined;
    const story = (): RoutingScenario =>
      (chosen ??= scenarioForSection(host.root.closest('section')?.dataset['section']));
    let actions: StudentAction[] = [];
    let step = 0;
    let view: RoutingView | undefined;
    let running: Animation[] = [];

    const svg = s('svg', {
      class: ER_CLASS.svg,
      role: 'img',
      'aria-label': 'Producer, exchange, привязки и очереди',
    });
    const flying = s('g', { 'aria-hidden': 'true' });
    const stopFlights = (): void => {
      for (const a of running) a.cancel();
      running = [];
      flying.replaceChildren();
    };
    host.disposer.add(stopFlights);

    const render = (animate: boolean): void => {
      const previous = view;
      const next = routingView(story(), step, actions);
      view = next;
      const layout = layoutDiagram(next.queues.map((q) => q.bindings.length));
      drawDiagram(svg, next, layout);
      svg.append(flying);
      panel.update(next);
      host.say(captionFor(next));
      stopFlights();
      if (animate && !host.reducedMotion) {
        running = fly(flying, flightsBetween(previous, next, layout), host.speed());
        const landing = arrivalDelay(previous, next);
        if (landing !== undefined) {
          running.push(...revealArrivals(svg, next.publish?.queues ?? [], landing, host.speed()));
        }
      }
    };

    /** Appends an action if the model accepts it; returns an error message otherwise. */
    const apply = (...more: StudentAction[]): string | undefined => {
      if (actions.length + more.length > MAX_ACTIONS) {
        return 'Слишком много действий подряд — нажмите «Сначала».';
      }
      try {
        routingView(story(), step, [...actions, ...more]);
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
      actions = [...actions, ...more];
      render(true);
      return undefined;
    };
    const kind = (): ExchangeKind => view?.exchange.kind ?? story().initialKind;
    const queueOf = (name: string) => view?.queues.find((q) => q.name === name);

    const panel = createPanel(host.disposer, {
      onSelect(next) {
        apply({ type: 'select', kind: next });
      },
      onPublish() {
        const routingKey = panel.keyField.read(validateRoutingKey);
        if (routingKey === undefined) return;
        let headers: Record<string, string> | undefined;
        if (kind() === 'headers') {
          headers = panel.headersField.read((raw) => parseHeaders(raw, false));
          if (headers === undefined) return;
        }
        const error = apply({
          type: 'publish',
          routingKey,
          mandatory: panel.mandatory.checked,
          ...(headers ? { headers } : {}),
        });
        panel.keyField.setError(error);
      },
      onBindingChange(queue, index, field: Field) {
        const bindings = queueOf(queue)?.bindings ?? [];
        const from = bindings[index];
        if (!from) return;
        const to = field.read((raw) => readBinding(kind(), raw, from));
        if (to === undefined || sameBinding(from, to)) return;
        if (bindings.some((b) => sameBinding(b, to))) {
          field.setError('Такая привязка у этой очереди уже есть.');
          return;
        }
        field.setError(apply({ type: 'rebind', queue, from, to }));
      },
      onRemoveBinding(queue, index) {
        const binding = queueOf(queue)?.bindings[index];
        if (binding) apply({ type: 'unbind', queue, binding });
      },
      onAddBinding(queue) {
        const bindings = queueOf(queue)?.bindings ?? [];
        if (bindings.length >= MAX_BINDINGS_PER_QUEUE) {
          return `Не больше ${MAX_BINDINGS_PER_QUEUE} привязок у очереди.`;
        }
        const typed = validateRoutingKey(panel.keyField.input.value);
        const binding = defaultBinding(kind(), typed.ok ? typed.value : '');
        if (bindings.some((b) => sameBinding(b, binding))) {
          return 'Такая привязка уже есть — измените её ключ.';
        }
        return apply({ type: 'bind', queue, binding });
      },
      onAddQueue() {
        const names = view?.queues.map((q) => q.name) ?? [];
        if (names.length >= MAX_QUEUES) return `Не больше ${MAX_QUEUES} очередей на схеме.`;
        const queue = nextQueueName(names);
        const typed = validateRoutingKey(panel.keyField.input.value);
        const binding = defaultBinding(kind(), typed.ok ? typed.value : '');
        return apply({ type: 'add-queue', queue }, { type: 'bind', queue, binding });
      },
    });

    host.root.append(panel.bar, h('figure', { class: 'w-er-figure' }, svg), panel.cards);
    return {
      stepCount: EXCHANGE_ROUTING_STEPS,
      // The runtime's «Сначала» clears what the student added, as the brief for widgets asks.
      reset() {
        actions = [];
      },
      show(next, animate) {
        step = next;
        render(animate);
      },
      destroy() {
        stopFlights();
      },
    };
  },
};

export default exchangeRoutingWidget;
