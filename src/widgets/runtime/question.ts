/**
 * Predict, then see (issue 15 §2): a question about what a widget's next scripted step will show,
 * asked before it plays. Pure: a widget's `questions.ts` computes it from the frame now and the
 * frame the kit will show after the step (its own logic replayed), so the answer is right by
 * construction; no DOM, no constants written by hand.
 */
import { replay, type Frame, type WidgetLogic } from './timeline.ts';

/** One question with 2–4 distinct choices; `answer` indexes the right one. */
export interface Question {
  /** Stable name of the question (widget, story and step), for tests, votes and logs. */
  readonly id: string;
  /** The question in Russian, at most {@link MAX_QUESTION_CHARS} characters. */
  readonly text: string;
  readonly choices: readonly string[];
  readonly answer: number;
  /** One Russian sentence shown after the answer is revealed. */
  readonly explain: string;
}

/** Choices a question has at least and at most. */
export const MIN_CHOICES = 2;
export const MAX_CHOICES = 4;
/** The longest question: one stage caption line at ≥ 24 px. */
export const MAX_QUESTION_CHARS = 90;

/** What a widget's asker sees: the kit's frame now and after the next step, same actions. */
export interface Moment<M, V, A, S extends string> {
  readonly story: S;
  /** Scripted steps shown now; the question is about step `step + 1`. */
  readonly step: number;
  /** The student's action log (empty: the scripted story as is). */
  readonly actions: readonly A[];
  readonly now: Frame<M, V>;
  readonly next: Frame<M, V>;
}

/** A widget's questions: the one for this moment, or undefined where none is worth asking. */
export type Asker<M, V, A, S extends string> = (moment: Moment<M, V, A, S>) => Question | undefined;

/** Natural order («Воркер 2» before «Воркер 10», «P3» before «P12»): choices never hint the answer. */
function natural(a: string, b: string): number {
  return a.localeCompare(b, 'ru', { numeric: true });
}

/**
 * A question whose right choice is `right` and wrong ones the first distinct `wrong` values (at
 * most three), shown in `order` (natural by default); undefined when fewer than two choices remain.
 */
export function makeQuestion(spec: {
  readonly id: string;
  readonly text: string;
  readonly right: string;
  readonly wrong: readonly string[];
  readonly explain: string;
  readonly order?: (a: string, b: string) => number;
}): Question | undefined {
  const wrong: string[] = [];
  for (const w of spec.wrong) {
    if (wrong.length === MAX_CHOICES - 1) break;
    if (w !== spec.right && !wrong.includes(w)) wrong.push(w);
  }
  if (wrong.length + 1 < MIN_CHOICES) return undefined;
  const choices = [spec.right, ...wrong].sort(spec.order ?? natural);
  return {
    id: spec.id,
    text: spec.text,
    choices,
    answer: choices.indexOf(spec.right),
    explain: spec.explain,
  };
}

/** A small stable hash of `text` (FNV-1a), so a question's layout never depends on a random draw. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Up to four consecutive integers in [`min`, `max`] holding `answer`, the answer's place among
 * them picked by `salt` (a question's id): a window always centred on it would give it away.
 */
export function windowAround(answer: number, min: number, max: number, salt: string): number[] {
  const size = Math.min(MAX_CHOICES, max - min + 1);
  const start = Math.max(min, Math.min(answer - (hashOf(salt) % size), max - size + 1));
  return Array.from({ length: size }, (_, i) => start + i);
}

/**
 * The question before scripted step `step + 1` of `story` with the student's `actions` in force,
 * asked of the frames the kit shows (steps 1..n, then the actions); undefined past the last step
 * or where `asks` says no question is asked (checked first: no frame is replayed then). `now`,
 * when the caller has it (the kit's current frame), is used instead of replaying it; both frames
 * are replayed only when the asker reads them.
 */
export function questionFor<M, V, A, S extends string>(
  logic: WidgetLogic<M, V, A, S>,
  stepCount: number,
  ask: Asker<M, V, A, S>,
  at: {
    readonly story: S;
    readonly step: number;
    readonly actions: readonly A[];
    readonly now?: Frame<M, V> | undefined;
  },
  asks: (story: S, step: number, actions: readonly A[]) => boolean = () => true,
): Question | undefined {
  const { story, step, actions } = at;
  if (!Number.isInteger(step) || step < 0 || step >= stepCount) return undefined;
  if (!asks(story, step, actions)) return undefined;
  let now = at.now?.step === step ? at.now : undefined;
  let next: Frame<M, V> | undefined;
  return ask({
    story,
    step,
    actions,
    get now() {
      now ??= replay(logic, story, stepCount, step, actions);
      return now;
    },
    get next() {
      next ??= replay(logic, story, stepCount, step + 1, actions);
      return next;
    },
  });
}

/** A widget's questions: before step `step + 1` of `story`, with the student's `actions`. */
export type QuestionAt<M, V, A, S extends string> = (
  story: S,
  step: number,
  actions?: readonly A[],
  now?: Frame<M, V>,
) => Question | undefined;

/**
 * The question function of a widget whose `logic` has `stepCount` steps: `ask` reads the frames,
 * `asks` says (cheaply, before any replay) where a question is asked at all.
 */
export function questionsOf<M, V, A, S extends string>(
  logic: WidgetLogic<M, V, A, S>,
  stepCount: number,
  ask: Asker<M, V, A, S>,
  asks?: (story: S, step: number, actions: readonly A[]) => boolean,
): QuestionAt<M, V, A, S> {
  return (story, step, actions = [], now) =>
    questionFor(logic, stepCount, ask, { story, step, actions, now }, asks);
}

/** A question about one scripted step, from the views before and after it (or none). */
export type StepQuestion<V, S extends string> = (
  story: S,
  step: number,
  now: V,
  next: V,
) => Question | undefined;

/** Which question is asked before which step (0: before step 1), per story. */
export type QuestionTable<V, S extends string> = Partial<
  Record<S, Readonly<Record<number, StepQuestion<V, S>>>>
>;

/** The asker of a question table, and where it asks (a lookup: no frame is replayed for it). */
export function questionTable<M, V, A, S extends string>(
  table: QuestionTable<V, S>,
): { ask: Asker<M, V, A, S>; asks: (story: S, step: number) => boolean } {
  return {
    ask: ({ story, step, now, next }) => table[story]?.[step]?.(story, step, now.view, next.view),
    asks: (story, step) => table[story]?.[step] !== undefined,
  };
}
