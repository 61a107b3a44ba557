/**
 * Widget `order-flow` (slides 6 and 7): the same order handled synchronously and through a
 * broker, on one millisecond axis. Slide 6 walks the synchronous handler step by step, slide 7
 * the broker; the last step shows a failing mail server in both. The student may change
 * durations and make workers fail; every number comes from the core's order-flow model.
 */
import { h } from '../runtime/dom.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import type { WidgetModule } from '../runtime/types.ts';
import { DEFAULT_INPUT, type OrderFlowInput } from '../../broker/orderflow/index.ts';
import { SPAN_STYLE, ERROR_COLOR } from './labels.ts';
import { captionFor } from './captions.ts';
import { createInputs } from './inputs.ts';
import { sceneAt } from './layout.ts';
import { createTimeline } from './render.ts';
import { shapeSwatch } from './shapes.ts';
import { ORDER_FLOW_STEPS, frameAt, storyForSection, type StoryKind } from './story.ts';
import { durationFor, momentBetween, startOf, type Moment } from './animate.ts';
import './order-flow.css';

function legend(): HTMLElement {
  const item = (swatch: SVGSVGElement, text: string) =>
    h('li', { class: WIDGET_CLASS.legendItem }, swatch, text);
  const styles = [SPAN_STYLE.waitResponse, SPAN_STYLE.saveOrder, SPAN_STYLE.sendEmail];
  const more = [SPAN_STYLE.updateInventory, SPAN_STYLE.notifyWarehouse, SPAN_STYLE.publishEmail];
  return h(
    'ul',
    { class: `${WIDGET_CLASS.legend} w-of-legend`, 'aria-label': 'Легенда' },
    ...[...styles, ...more].map((st) => item(shapeSwatch(st.shape, st.color), st.name)),
    item(shapeSwatch('square', ERROR_COLOR, true), 'сбой'),
    item(shapeSwatch('bar', '#1e7a3c'), 'ответ клиенту'),
    // The boxes by the worker lanes are the tasks' Redis lists (render.ts).
    h('li', { class: WIDGET_CLASS.legendItem }, '✓ / ✕ у воркера — задача выполнена / потеряна'),
  );
}

export const orderFlowWidget: WidgetModule = {
  mount(host) {
    const timeline = createTimeline();
    let input: OrderFlowInput = DEFAULT_INPUT;
    let step = 0;
    let kind: StoryKind | undefined;
    let shown: Moment | undefined;
    let frameId: number | undefined;

    // The root joins its slide only after mount returns, so the slide is read on first show.
    const storyKind = (): StoryKind =>
      (kind ??= storyForSection(host.root.closest('section')?.dataset['section']));

    const stopAnimation = (): void => {
      if (frameId !== undefined) host.disposer.cancelFrame(frameId);
      frameId = undefined;
    };
    const draw = (moment: Moment): void => {
      shown = moment;
      timeline.draw(sceneAt(moment));
    };
    const animate = (from: Moment, to: Moment): void => {
      const duration = durationFor(from, to);
      let start: number | undefined;
      const tick = (now: number): void => {
        start ??= now;
        const t = Math.min(1, (now - start) / duration);
        draw(t < 1 ? momentBetween(from, to, t) : to);
        frameId = t < 1 ? host.disposer.frame(tick) : undefined;
      };
      draw(from);
      frameId = host.disposer.frame(tick);
    };
    const render = (n: number, withMotion: boolean): void => {
      stopAnimation();
      // Only a step forward plays; ← and jumps snap, as the clicker contract asks.
      const forward = n === step + 1;
      step = n;
      const frame = frameAt(storyKind(), input, n);
      host.root.dataset['story'] = storyKind();
      if (withMotion && forward && !host.reducedMotion && shown)
        animate(startOf(shown, frame), frame);
      else draw(frame);
      host.say(captionFor(storyKind(), n, frame));
    };

    const inputs = createInputs(
      host.disposer,
      () => input,
      (next, what) => {
        input = next;
        render(step, false);
        host.say(
          `Изменено — ${what}. ${captionFor(storyKind(), step, frameAt(storyKind(), input, step))}`,
        );
      },
    );
    host.root.classList.add('w-of');
    host.root.append(timeline.svg, legend(), inputs.element);
    return {
      stepCount: ORDER_FLOW_STEPS,
      show(n, withMotion) {
        render(n, withMotion);
      },
      destroy() {
        stopAnimation();
      },
    };
  },
};

export default orderFlowWidget;
