/**
 * The chooser's logic on the kit: the story's workload at each step (./story.ts), with the
 * student's answers, name and «Сбросить ответы» on top; the recommendation comes from the pure
 * rules (./rules.ts). Also the pure checks of the inputs: the workload's name (shown as text,
 * never markup) and a message rate typed as a number, mapped to the throughput answer.
 */
import { refuse, type FrameAt, type WidgetLogic } from '../runtime/timeline.ts';
import { isolate, textProblem, type Validation } from '../runtime/validate.ts';
import { clip } from '../runtime/quote.ts';
import { caption } from './caption.ts';
import {
  QUESTIONS,
  recommend,
  type Answers,
  type QuestionId,
  type Recommendation,
} from './rules.ts';
import { CHOOSER_STEPS, decidedBy, leadAt, workloadAt, type Workload } from './story.ts';

/** Longest workload name, in characters (it is a heading on a slide). */
export const MAX_NAME = 60;

/** A workload name: trimmed, not empty, at most {@link MAX_NAME} characters. */
export function validateWorkloadName(raw: string): Validation<string> {
  const text = raw.trim();
  const problem = textProblem(text, 'Название');
  if (problem) return { ok: false, message: problem };
  const chars = [...text].length;
  if (chars > MAX_NAME) {
    return { ok: false, message: `Название: не длиннее ${MAX_NAME} символов (сейчас ${chars}).` };
  }
  return { ok: true, value: text };
}

/** Largest rate a student may type: 100 million messages a second. */
export const MAX_RATE = 100_000_000;

/** Messages per second: a whole number from 1 to {@link MAX_RATE} (spaces as separators allowed). */
export function validateRate(raw: string): Validation<number> {
  const compact = raw.replace(/[\s\u00a0_]/g, '');
  // Twelve digits at most, so Number() stays exact and a pasted essay is rejected at once.
  if (!/^-?\d{1,12}$/.test(compact)) {
    return { ok: false, message: `Сообщений в секунду: введите целое число от 1 до ${MAX_RATE}.` };
  }
  const value = Number(compact);
  if (value < 1 || value > MAX_RATE) {
    return {
      ok: false,
      message: `Сообщений в секунду: допустимо от 1 до ${MAX_RATE}, введено ${value}.`,
    };
  }
  return { ok: true, value };
}

/** The throughput answer for a rate: the lecture's ~20 000 (RabbitMQ), 100 000+ (Redis), 1 000 000+ (Kafka). */
export function throughputFor(rate: number): 'moderate' | 'high' | 'huge' {
  if (rate <= 20_000) return 'moderate';
  if (rate < 1_000_000) return 'high';
  return 'huge';
}

/** A student's change on top of the step's workload. */
export type ChooserAction =
  | {
      readonly type: 'answer';
      readonly question: QuestionId;
      readonly answer: string;
      /** How the answer was given when not by its radio, e.g. «2 000 000 сообщ./с». */
      readonly via?: string;
    }
  | { readonly type: 'rename'; readonly name: string }
  | { readonly type: 'clear' };

/** The step shown and what the student changed on top of its workload. */
export interface ChooserModel {
  readonly step: number;
  readonly name: string | undefined;
  readonly answers: Answers;
  /** True once the student cleared the step's answers. */
  readonly cleared: boolean;
  /** What the last change was, for the caption ('' for none). */
  readonly note: string;
}

/** Everything one frame shows. */
export interface ChooserView {
  readonly step: number;
  readonly name: string;
  readonly answers: Answers;
  readonly result: Recommendation;
  /** The story's workloads decided so far (the system strip). */
  readonly decided: readonly { workload: Workload; result: Recommendation }[];
  /** The caption's lead: the student's last change, or the step's own sentence. */
  readonly lead: string;
  /** True on the story's last step with nothing changed: the caption adds the closing point. */
  readonly closing: boolean;
  readonly actions: number;
}

const START: ChooserModel = {
  step: 0,
  name: undefined,
  answers: {},
  cleared: false,
  note: '',
};

/** Why `action` cannot be done, or undefined. */
function unfit(action: ChooserAction): string | undefined {
  if (action.type === 'rename') {
    const checked = validateWorkloadName(action.name);
    return checked.ok ? undefined : checked.message;
  }
  if (action.type !== 'answer') return undefined;
  const question = QUESTIONS.find((q) => q.id === action.question);
  return question?.answers.some((a) => a.id === action.answer)
    ? undefined
    : `Нет такого ответа: «${action.answer}».`;
}

function noteOf(action: Exclude<ChooserAction, { type: 'clear' | 'rename' }>): string {
  const q = QUESTIONS.find((x) => x.id === action.question);
  const label = q?.answers.find((a) => a.id === action.answer)?.label ?? action.answer;
  return action.via ? `${action.via} → «${label}».` : `«${q?.title ?? ''}» — «${label}».`;
}

/** Applies a fitting action; never mutates `model`. */
function apply(model: ChooserModel, action: ChooserAction): ChooserModel {
  switch (action.type) {
    case 'answer':
      return {
        ...model,
        answers: { ...model.answers, [action.question]: action.answer },
        note: noteOf(action),
      };
    case 'rename':
      return {
        ...model,
        name: action.name.trim(),
        note: `Нагрузка ${isolate(`«${clip(action.name.trim(), 32)}»`)}.`,
      };
    case 'clear':
      return { ...model, answers: {}, cleared: true, note: 'Ответы сброшены.' };
  }
}

/** The frame a model shows. */
export function viewOf(model: ChooserModel, at: FrameAt<string>): ChooserView {
  const base = workloadAt(model.step);
  const answers: Answers = { ...(model.cleared ? {} : base.answers), ...model.answers };
  const changed = at.actions > 0;
  return {
    step: model.step,
    name: model.name ?? base.name,
    answers,
    result: recommend(answers),
    decided: decidedBy(model.step),
    lead: model.note || leadAt(model.step),
    closing: model.step === CHOOSER_STEPS && !changed,
    actions: at.actions,
  };
}

/** The chooser's logic (one story). */
export const chooserLogic: WidgetLogic<ChooserModel, ChooserView, ChooserAction, 'chooser'> = {
  init: () => START,
  play: (model, _story, step) => ({ ...model, step }),
  act(model, action) {
    const reason = unfit(action);
    return reason === undefined ? apply(model, action) : refuse(reason);
  },
  view: viewOf,
  caption,
};
