/**
 * Widget `patterns` (slide 40): Pub/Sub vs Task Queue and Request-Reply on the core's RabbitMQ
 * model, Event Sourcing on its Kafka model. The clicker walks the three patterns in turn; a tab
 * jumps to a pattern's first step; the student's own actions replay on top of the shown step and
 * are dropped when the step changes, so every step always looks the same.
 */
import { animateTo } from '../runtime/motion.ts';
import { h } from '../runtime/dom.ts';
import type { WidgetModule } from '../runtime/types.ts';
import { fanoutCaption, rpcCaption, sourcingCaption } from './captions.ts';
import { PT_CLASS } from './classes.ts';
import { DEFAULT_RECEIVERS, fanoutView, type FanoutAction } from './fanout.ts';
import { createInputs } from './inputs.ts';
import { validateAmount, validateFibN, validateMessage, validateReceivers } from './input-rules.ts';
import { legendFor } from './legend.ts';
import { renderFanout } from './render-fanout.ts';
import { renderRpc } from './render-rpc.ts';
import { renderSourcing } from './render-sourcing.ts';
import { MAX_REQUESTS, rpcView, type RpcAction } from './rpc.ts';
import { MAX_READERS, sourcingView, type SourcingAction } from './sourcing.ts';
import { firstStepOf, patternAt, PATTERNS_STEPS } from './steps.ts';
import { createTabs } from './tabs.ts';
import './patterns.css';

/** Student actions per pattern before «Сначала» is asked for (each replay stays far below a frame). */
const MAX_ACTIONS = 40;
const TOO_MANY = 'Слишком много действий подряд — нажмите «Сначала».';

export const patternsWidget: WidgetModule = {
  mount(host) {
    let step = 0;
    let receivers = DEFAULT_RECEIVERS;
    let fanout: FanoutAction[] = [];
    let sourcing: SourcingAction[] = [];
    let rpc: RpcAction[] = [];
    let running: Animation[] = [];
    const stopAnimations = (): void => {
      for (const a of running) a.cancel();
      running = [];
    };
    host.disposer.add(stopAnimations);

    const tabs = createTabs(host.disposer, (id) => host.requestStep(firstStepOf(id)));
    const figure = h('div', { class: PT_CLASS.figure });
    const legend = h('div', {});
    const local = (): number => patternAt(step).local;

    const render = (animate: boolean): void => {
      const { id } = patternAt(step);
      tabs.select(id);
      inputs.show(id);
      host.root.dataset['pattern'] = id;
      const selected = tabs.element.querySelector<HTMLElement>('[aria-selected="true"]');
      if (selected) panel.setAttribute('aria-labelledby', selected.id);
      const focused = document.activeElement as HTMLElement | null;
      const focusId = figure.contains(focused) ? focused?.dataset['correlationId'] : undefined;
      if (id === 'fanout') {
        const view = fanoutView(receivers, local(), fanout);
        figure.replaceChildren(renderFanout(view));
        host.say(fanoutCaption(view));
      } else if (id === 'sourcing') {
        const view = sourcingView(local(), sourcing);
        figure.replaceChildren(renderSourcing(view));
        // The newest events are what just happened: keep the end of a long log in view.
        const log = figure.querySelector<HTMLElement>('[data-log]');
        if (log) log.scrollTop = log.scrollHeight;
        host.say(sourcingCaption(view));
      } else {
        const view = rpcView(local(), rpc);
        figure.replaceChildren(renderRpc(view));
        host.say(rpcCaption(view));
      }
      legend.replaceChildren(legendFor(id));
      if (focusId !== undefined) {
        const again = figure.querySelector<HTMLElement>(
          `[data-correlation-id="${CSS.escape(focusId)}"]`,
        );
        (again ?? inputs.n.input).focus();
      }
      stopAnimations();
      if (!animate || host.reducedMotion) return;
      const duration = 450 / host.speed();
      for (const el of figure.querySelectorAll('[data-new="true"]')) {
        const a = animateTo(
          el,
          [
            { opacity: 0, transform: 'translateX(-0.8em)' },
            { opacity: 1, transform: 'none' },
          ],
          { duration, reduced: host.reducedMotion },
        );
        if (a) running.push(a);
      }
    };

    const inputs = createInputs(host.disposer, {
      onReceivers() {
        const value = inputs.receivers.read(validateReceivers);
        if (value === undefined || value === receivers) return;
        // A new topology: the shown step replays on it, the student's publishes start over.
        receivers = value;
        fanout = [];
        render(false);
      },
      onPublish() {
        const body = inputs.message.read(validateMessage);
        if (body === undefined) return;
        if (fanout.length >= MAX_ACTIONS) return inputs.message.setError(TOO_MANY);
        fanout = [...fanout, { type: 'publish', body }];
        render(true);
      },
      onAppend() {
        const account = sourcingView(local(), sourcing).readers[0]?.account;
        if (!account) return;
        const event = inputs.amount.read((raw) => validateAmount(raw, account));
        if (event === undefined) return;
        if (sourcing.length >= MAX_ACTIONS) return inputs.amount.setError(TOO_MANY);
        inputs.setReplayError(undefined);
        sourcing = [...sourcing, { type: 'append', event }];
        render(true);
      },
      onReplay() {
        const readers = sourcingView(local(), sourcing).readers.length;
        if (readers >= MAX_READERS) {
          inputs.setReplayError(`Не больше ${MAX_READERS} читателей — нажмите «Сначала».`);
          return;
        }
        inputs.setReplayError(undefined);
        sourcing = [...sourcing, { type: 'replay' }];
        render(true);
      },
      onRequest() {
        const n = inputs.n.read(validateFibN);
        if (n === undefined) return;
        if (rpcView(local(), rpc).requests.length >= MAX_REQUESTS) {
          return inputs.n.setError(`Не больше ${MAX_REQUESTS} запросов — нажмите «Сначала».`);
        }
        rpc = [...rpc, { type: 'request', n }];
        render(true);
      },
    });
    host.disposer.listen(figure, 'click', (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>(
        'button[name="answer"]',
      );
      const correlationId = button?.dataset['correlationId'];
      if (!correlationId || rpc.length >= MAX_ACTIONS) return;
      rpc = [...rpc, { type: 'answer', correlationId }];
      render(true);
    });

    const panel = h(
      'div',
      { class: PT_CLASS.panel, role: 'tabpanel', id: tabs.panelId },
      inputs.element,
      figure,
      legend,
    );
    host.root.append(tabs.element, panel);

    const clearStudent = (): void => {
      fanout = [];
      sourcing = [];
      rpc = [];
      for (const field of [inputs.receivers, inputs.message, inputs.amount, inputs.n]) {
        field.setError(undefined);
      }
      inputs.setReplayError(undefined);
    };
    return {
      stepCount: PATTERNS_STEPS,
      reset() {
        clearStudent();
        receivers = DEFAULT_RECEIVERS;
        inputs.receivers.input.value = String(DEFAULT_RECEIVERS);
      },
      show(next, animate) {
        // The student's actions belong to the step they were made on; a new step starts clean.
        if (next !== step) clearStudent();
        step = next;
        render(animate);
      },
      destroy() {
        stopAnimations();
      },
    };
  },
};

export default patternsWidget;
