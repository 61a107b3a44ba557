/**
 * Widget `redis-pubsub` (slide 12): a publisher, Redis's channel and pattern subscriptions and the
 * subscribers, driven by the core's Redis model. show(n) replays the story to step n plus the
 * student's actions from scratch; the last PUBLISH's reply is on the root as `data-receivers`.
 */
import { h } from '../runtime/dom.ts';
import type { WidgetModule } from '../runtime/types.ts';
import { animateBoard, motionOf } from './animate.ts';
import { captionFor } from './captions.ts';
import { PS_CLASS } from './classes.ts';
import { pubsubLegend } from './legend.ts';
import { createPanel } from './panel.ts';
import { renderBoard } from './render.ts';
import { PUBSUB_STEPS } from './scenarios.ts';
import { pubsubView, type PubSubView } from './session.ts';
import {
  MAX_STUDENT_SUBSCRIBERS,
  studentSubscriber,
  validateChannel,
  validateMessage,
  validatePattern,
  type PubSubAction,
} from './student.ts';
import './redis-pubsub.css';

/** A replay of this many actions stays far below a frame; past it, ask for a reset. */
const MAX_ACTIONS = 300;
const TOO_MANY = 'Слишком много действий подряд — нажмите «Сначала».';

export const redisPubSubWidget: WidgetModule = {
  mount(host) {
    let step = 0;
    let actions: PubSubAction[] = [];
    let view: PubSubView | undefined;
    let running: Animation[] = [];
    const board = h('div', {
      class: PS_CLASS.board,
      role: 'group',
      'aria-label': 'Издатель, Redis и подписчики',
    });
    const stop = (): void => {
      for (const a of running) a.cancel();
      running = [];
    };
    host.disposer.add(stop);

    const render = (animate: boolean): void => {
      const next = pubsubView(step, actions);
      view = next;
      const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.['focusKey'];
      renderBoard(board, next);
      if (focusKey) {
        board.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
      }
      if (next.publish) host.root.dataset['receivers'] = String(next.publish.receivers);
      else delete host.root.dataset['receivers'];
      host.say(captionFor(next));
      stop();
      if (animate && !host.reducedMotion)
        running = animateBoard(board, motionOf(next), host.speed());
    };

    const apply = (action: PubSubAction): string | undefined => {
      if (actions.length >= MAX_ACTIONS) return TOO_MANY;
      actions = [...actions, action];
      render(true);
      return undefined;
    };

    const panel = createPanel(host.disposer, {
      onPublish() {
        const channel = panel.channel.read(validateChannel);
        const message = panel.message.read(validateMessage);
        if (channel === undefined || message === undefined) return;
        panel.channel.setError(apply({ type: 'publish', channel, message }));
      },
      onAddSubscriber() {
        const pattern = panel.pattern.read(validatePattern);
        if (pattern === undefined) return;
        const added = new Set(
          actions.flatMap((a) => (a.type === 'join' && /^S\d+$/.test(a.client) ? [a.client] : [])),
        );
        if (added.size >= MAX_STUDENT_SUBSCRIBERS) {
          panel.pattern.setError(
            `Не больше ${MAX_STUDENT_SUBSCRIBERS} своих подписчиков — отпишите или подпишите снова тех, что есть.`,
          );
          return;
        }
        const { client } = studentSubscriber(added.size + 1);
        panel.pattern.setError(apply({ type: 'join', client, pattern }));
      },
    });

    host.disposer.listen(board, 'click', (event) => {
      const button = (event.target as HTMLElement).closest('button');
      const client = button?.dataset['client'];
      const sub = view?.subscribers.find((s) => s.client === client);
      if (!button || !sub) return;
      const type = button.name === 'leave' ? 'leave' : 'join';
      const error = apply({ type, client: sub.client, pattern: sub.pattern });
      if (error) host.say(error);
    });

    host.root.append(panel.element, board, pubsubLegend());
    return {
      stepCount: PUBSUB_STEPS,
      reset() {
        actions = [];
        for (const field of [panel.channel, panel.message, panel.pattern])
          field.setError(undefined);
      },
      show(next, animate) {
        step = next;
        render(animate);
      },
      destroy() {
        stop();
      },
    };
  },
};

export default redisPubSubWidget;
