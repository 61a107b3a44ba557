/**
 * Widget `idempotent-consumer` (slide 41): RabbitMQ's at-least-once delivery under Celery's
 * acks_late makes a duplicate when a worker dies after the charge but before the ack; a naive
 * consumer charges twice, the idempotent one (SET processed:<id> NX, as process_once) once.
 * Students send their own payments, with the same id twice or with a crash.
 */
import { h, replaceChildren } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { animateTo } from '../runtime/motion.ts';
import type { WidgetModule } from '../runtime/types.ts';
import { MAX_EXTRA, createPaymentInputs } from './inputs.ts';
import type { Payment } from './run.ts';
import { renderView } from './render.ts';
import { IDEMPOTENT_STEPS, replay } from './story.ts';
import { captionOf, viewOf } from './view-model.ts';
import './idempotent-consumer.css';

function legend(): HTMLElement {
  const item = (mark: string, cls: string, text: string): HTMLElement =>
    h(
      'li',
      { class: WIDGET_CLASS.legendItem },
      h('span', { class: `w-ic-mark ${cls}`, 'aria-hidden': 'true' }, mark),
      ` ${text}`,
    );
  return h(
    'ul',
    { class: `${WIDGET_CLASS.legend} w-ic-legend`, 'aria-label': 'Легенда' },
    item('●', 'w-ic-first', 'первая доставка'),
    item('▲', 'w-ic-again', 'повторная доставка'),
    item('✕', 'w-ic-dead', 'воркер упал'),
    item('₽', 'w-ic-money', 'списание'),
    item('⊘', 'w-ic-skipped', 'дубликат пропущен'),
  );
}

/** The widget module the catalogue loads. */
export const idempotentConsumerWidget: WidgetModule = {
  mount(host) {
    let step = 0;
    let extra: Payment[] = [];
    const body = h('div', { class: 'w-ic-body' });
    let shownRows = 0;
    let running: Animation[] = [];

    const render = (animate: boolean, lead = ''): void => {
      const r = replay(step, extra);
      const from = extra.length > 0 ? replay(step, []).cut : replay(step - 1, []).cut;
      const view = viewOf(r);
      replaceChildren(body, renderView(view));
      host.root.dataset['naiveCharges'] = String(view.naive.charges);
      host.root.dataset['idempotentCharges'] = String(view.idempotent.charges);
      for (const a of running) a.cancel();
      running = [];
      const rows = body.querySelectorAll<HTMLElement>('.w-ic-delivery, .w-ic-crash');
      if (animate) {
        rows.forEach((row, i) => {
          if (i < shownRows) return;
          const a = animateTo(
            row,
            [{ opacity: 0, transform: 'translateX(-1em)' }, { opacity: 1 }],
            {
              duration: 400 / host.speed(),
              reduced: host.reducedMotion,
            },
          );
          if (a) running.push(a);
        });
      }
      shownRows = rows.length;
      // Long lists scroll; the newest row is the one the caption talks about.
      for (const list of body.querySelectorAll<HTMLElement>('.w-ic-list')) {
        list.scrollTop = list.scrollHeight;
      }
      host.say(`${lead}${captionOf(r, Math.max(0, from))}`);
    };

    const inputs = createPaymentInputs(host.disposer, (p) => {
      if (extra.length >= MAX_EXTRA)
        return `Не больше ${MAX_EXTRA} своих платежей — нажмите «Сначала».`;
      extra = [...extra, p];
      render(true, 'Ваш платёж. ');
      return undefined;
    });
    host.root.classList.add('w-ic');
    host.root.append(body, legend(), inputs.element);
    host.disposer.add(() => {
      for (const a of running) a.cancel();
    });

    return {
      stepCount: IDEMPOTENT_STEPS,
      show(n, animate) {
        if (n === 0) extra = [];
        const forward = n === step + 1;
        if (!forward) shownRows = 0;
        step = n;
        inputs.setLimitError(undefined);
        render(animate && forward);
      },
      reset() {
        extra = [];
      },
    };
  },
};

export default idempotentConsumerWidget;
