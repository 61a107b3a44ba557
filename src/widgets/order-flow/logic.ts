/**
 * The widget's logic on the kit: the model is the input in force (durations and worker
 * failures; the slide's by default) and what the student changed last. A scripted step only
 * moves the clocks (./story.ts `frameAt`); a student's action changes the input, and the whole
 * story is then shown with it. Every number comes from the core's order-flow model.
 */
import {
  DEFAULT_INPUT,
  MAX_STEP_MS,
  resolveInput,
  type OrderDurations,
  type OrderFlowInput,
  type WorkerTask,
} from '../../broker/orderflow/index.ts';
import { refuse, replay, type WidgetLogic } from '../runtime/timeline.ts';
import { validateIntInRange, type Validation } from '../runtime/validate.ts';
import { captionFor } from './caption.ts';
import { WORKER_TITLE, pluralFailures } from './labels.ts';
import { ORDER_FLOW_STEPS, frameAt, type Frame, type StoryKind } from './story.ts';

/** The editable durations with their field names and labels. */
export const DURATION_FIELDS: readonly {
  readonly key: keyof OrderDurations;
  readonly name: string;
  readonly label: string;
}[] = [
  { key: 'saveOrder', name: 'save-ms', label: 'Запись в БД, мс' },
  { key: 'sendEmail', name: 'email-ms', label: 'Письмо, мс' },
  { key: 'updateInventory', name: 'inventory-ms', label: 'Остатки, мс' },
  { key: 'notifyWarehouse', name: 'warehouse-ms', label: 'Склад, мс' },
];

/** Whether a worker's handler fails: nothing retries (BRPOP, no ack), so one failure is the story. */
export const FAILURE_CHOICES = [0, 1] as const;

/** A student's action: a step's duration, a worker's failures, or the slide's input back. */
export type OrderFlowAction =
  | { readonly type: 'duration'; readonly key: keyof OrderDurations; readonly ms: number }
  | { readonly type: 'failures'; readonly task: WorkerTask; readonly count: number }
  | { readonly type: 'slide-input' };

/** The widget's model: the input in force and what the last action changed (for the caption). */
export interface OrderFlowModel {
  readonly input: OrderFlowInput;
  readonly changed: string | undefined;
}

/** Everything one frame shows. */
export interface OrderFlowFrameView {
  readonly story: StoryKind;
  readonly step: number;
  readonly actions: number;
  readonly frame: Frame;
  /** The input in force (the frame's may add the scripted failure of the last step). */
  readonly input: OrderFlowInput;
  readonly changed: string | undefined;
}

/** The field's label without its unit: «Письмо». */
export function durationName(key: keyof OrderDurations): string {
  const spec = DURATION_FIELDS.find((f) => f.key === key);
  return spec ? spec.label.replace(', мс', '') : key;
}

/** Checks one typed duration: an integer number of ms in [0, 60 000]. */
export function validateDuration(raw: string, label: string): Validation<number> {
  return validateIntInRange(raw, 0, MAX_STEP_MS, label);
}

function failureText(count: number): string {
  return count === 0 ? 'без сбоя' : pluralFailures(count);
}

/** The new input after `action`, what it changed, or why it cannot be done. */
function apply(model: OrderFlowModel, action: OrderFlowAction): OrderFlowModel | string {
  const { durations, failures } = model.input;
  switch (action.type) {
    case 'duration': {
      const checked = validateDuration(String(action.ms), durationName(action.key));
      if (!checked.ok) return checked.message;
      if (durations[action.key] === checked.value)
        return `${durationName(action.key)}: уже ${checked.value} мс.`;
      return {
        input: resolveInput({ durations: { ...durations, [action.key]: checked.value }, failures }),
        changed: `${durationName(action.key)}: ${checked.value} мс`,
      };
    }
    case 'failures': {
      if (!FAILURE_CHOICES.some((n) => n === action.count)) {
        return `${WORKER_TITLE[action.task]}: сбоев может быть 0 или 1.`;
      }
      return {
        input: resolveInput({ durations, failures: { ...failures, [action.task]: action.count } }),
        changed: `${WORKER_TITLE[action.task]}: ${failureText(action.count)}`,
      };
    }
    case 'slide-input':
      return { input: DEFAULT_INPUT, changed: 'длительности и сбои как на слайде' };
  }
}

/** The order-flow widget's logic (stories `sync` and `async`). */
export const orderFlowLogic: WidgetLogic<
  OrderFlowModel,
  OrderFlowFrameView,
  OrderFlowAction,
  StoryKind
> = {
  init: () => ({ input: DEFAULT_INPUT, changed: undefined }),
  // A step moves the clocks only; the frame is computed from the step in `view`.
  play: (model) => model,
  act(model, action) {
    const next = apply(model, action);
    return typeof next === 'string' ? refuse(next) : next;
  },
  view: (model, at) => ({
    story: at.story,
    step: at.step,
    actions: at.actions,
    frame: frameAt(at.story, model.input, at.step),
    input: model.input,
    changed: at.actions > 0 ? model.changed : undefined,
  }),
  caption: (view) =>
    `${view.changed ? `Изменено — ${view.changed}. ` : ''}${captionFor(view.story, view.step, view.frame)}`,
};

/** The frame of `story` after `step` steps and the student's `actions`, replayed from scratch. */
export function orderFlowView(
  story: StoryKind,
  step: number,
  actions: readonly OrderFlowAction[] = [],
): OrderFlowFrameView {
  return replay(orderFlowLogic, story, ORDER_FLOW_STEPS, step, actions).view;
}
