/**
 * The «predict, then see» box (issue 15 §2). In the lab: before a step with a question, the
 * question and its choices as buttons; the student picks one, the box says whether it was right
 * and why, and the step plays. On the stage (the projector, read from the back row): the same
 * question as a lettered list (А, Б, В, Г — text, no controls) the lecturer asks the hall; after
 * → plays the step, the same list with the right choice marked (✓ and the word, not colour only)
 * for that one step. Either face can show the hall's votes (live mode) as one bar per choice.
 */
import type { Disposer } from './disposer.ts';
import { actionButton, h, replaceChildren } from './dom.ts';
import type { Question } from './question.ts';
import './question.css';

/** Class names of the box's parts. */
export const QUESTION_CLASS = {
  box: 'w-question',
  stage: 'w-question--stage',
  text: 'w-question__text',
  choices: 'w-question__choices',
  verdict: 'w-question__verdict',
  list: 'w-question__list',
  letter: 'w-question__letter',
  choice: 'w-question__choice',
  mark: 'w-question__mark',
  bar: 'w-question__bar',
  count: 'w-question__count',
  tallyNote: 'w-question__tally',
  previous: 'w-question__previous',
} as const;

/** Choices this long or shorter fit four to a row with their bars (the stage's 1180 px). */
const SHORT_CHOICE = 8;

/** The letters the stage puts before its choices (a question has at most four). */
export const CHOICE_LETTERS = ['А', 'Б', 'В', 'Г'] as const;

/** The letter of choice `i` (А, Б, В, Г). */
export function choiceLetter(i: number): string {
  return CHOICE_LETTERS[i] ?? String(i + 1);
}

/** The hall's answers to one question (live mode): counts by choice, phones connected. */
export interface QuestionTally {
  /** The question's id; a tally of another question is not shown. */
  readonly question: string;
  readonly counts: readonly number[];
  /** Phones connected when counted («ответили 12 из 30»); absent: not said. */
  readonly followers?: number;
}

/** What the box shows. */
export type QuestionState =
  | { readonly kind: 'none' }
  /** Lab: a question to answer with a pick. */
  | { readonly kind: 'ask'; readonly question: Question }
  /** Lab: the student's pick and the verdict. */
  | { readonly kind: 'answered'; readonly question: Question; readonly chosen: number }
  /**
   * Stage: the question asked of the hall (`answered` false) or its answer after the step
   * played; `previous`, when the step that answered one question asks the next, is the one
   * just answered (a line above the new question); `tally`, the hall's votes when shown.
   */
  | {
      readonly kind: 'stage';
      readonly question: Question;
      readonly answered: boolean;
      readonly previous?: Question | undefined;
      readonly tally?: QuestionTally | undefined;
    };

/** Percent of `count` in `total`, rounded (0 when nobody answered). */
export function percentOf(count: number, total: number): number {
  return total > 0 ? Math.round((count / total) * 100) : 0;
}

/** «ответили 12 из 30» (or «ответили 12» when the hall's size is not known). */
export function answeredText(tally: QuestionTally): string {
  const total = tally.counts.reduce((sum, n) => sum + n, 0);
  return tally.followers === undefined
    ? `ответили ${total}`
    : `ответили ${total} из ${Math.max(total, tally.followers)}`;
}

/**
 * The stage's lettered choices (no controls): each `li` a letter, the choice, and once answered
 * the right one marked «✓ верно»; with `tally`, a bar, the count and the percent per choice.
 */
export function stageChoices(
  question: Question,
  answered: boolean,
  tally: QuestionTally | undefined,
): HTMLOListElement {
  const counts = tally?.question === question.id ? tally.counts : undefined;
  const total = counts?.reduce((sum, n) => sum + n, 0) ?? 0;
  // Short choices (numbers, partitions) keep one row with their bars; longer ones take two.
  const short = question.choices.every((choice) => choice.length <= SHORT_CHOICE);
  return h(
    'ol',
    {
      class: QUESTION_CLASS.list,
      'data-tally': counts !== undefined,
      'data-answered': answered,
      'data-columns': short ? question.choices.length : 2,
    },
    ...question.choices.map((choice, i) => {
      const right = answered && i === question.answer;
      const count = counts?.[i] ?? 0;
      const percent = percentOf(count, total);
      return h(
        'li',
        { 'data-choice': i, 'data-right': right },
        h('span', { class: QUESTION_CLASS.letter }, `${choiceLetter(i)}.`),
        h('span', { class: QUESTION_CLASS.choice }, choice),
        // With the bars there is room for the tick only; the words go to screen readers.
        ...(right
          ? [
              h(
                'strong',
                { class: QUESTION_CLASS.mark, ...(counts ? { 'aria-label': 'верно' } : {}) },
                counts ? '✓' : '✓ верно',
              ),
            ]
          : []),
        ...(counts === undefined
          ? []
          : [
              h(
                'span',
                { class: QUESTION_CLASS.bar, 'aria-hidden': 'true' },
                h('span', { style: `width: ${percent}%` }),
              ),
              h('span', { class: QUESTION_CLASS.count }, `${count} · ${percent} %`),
            ]),
      );
    }),
  );
}

/** The box's element and how to show a state; `pick` runs when the student chooses (lab). */
export function questionBox(
  disposer: Disposer,
  labOnly: string,
  pick: (question: Question, chosen: number) => void,
): { readonly element: HTMLElement; show(state: QuestionState): void } {
  // A div, never a <section>: reveal.js takes any section inside a slide for a vertical slide
  // (a deep link to a widget slide then landed on the box, and jumps to a step never arrived).
  const element = h('div', {
    class: `${QUESTION_CLASS.box} ${labOnly}`,
    role: 'group',
    'aria-label': 'Предскажите следующий шаг',
    hidden: true,
  });
  let shown: Question | undefined;
  disposer.listen(element, 'click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('button') : null;
    const chosen = Number(target?.dataset['choice']);
    if (!shown || !target || target.disabled || !Number.isInteger(chosen)) return;
    pick(shown, chosen);
  });
  return {
    element,
    show(state) {
      // The lab's box shows only in the lab; the stage's is the stage's own (no controls).
      element.classList.toggle(labOnly, state.kind !== 'stage');
      element.classList.toggle(QUESTION_CLASS.stage, state.kind === 'stage');
      if (state.kind === 'none') {
        shown = undefined;
        element.hidden = true;
        replaceChildren(element);
        return;
      }
      const { question } = state;
      element.hidden = false;
      if (state.kind === 'stage') {
        shown = undefined;
        element.dataset['question'] = question.id;
        element.setAttribute('aria-label', state.answered ? 'Ответ на вопрос' : 'Вопрос залу');
        const tally = state.tally?.question === question.id ? state.tally : undefined;
        replaceChildren(
          element,
          ...(state.previous
            ? [
                h(
                  'p',
                  { class: QUESTION_CLASS.previous },
                  `✓ Ответ: ${choiceLetter(state.previous.answer)}. ${
                    state.previous.choices[state.previous.answer] ?? ''
                  }`,
                ),
              ]
            : []),
          h('p', { class: QUESTION_CLASS.text }, question.text),
          stageChoices(question, state.answered, tally),
          ...(tally ? [h('p', { class: QUESTION_CLASS.tallyNote }, answeredText(tally))] : []),
        );
        return;
      }
      delete element.dataset['question'];
      element.setAttribute('aria-label', 'Предскажите следующий шаг');
      const answered = state.kind === 'answered' ? state.chosen : undefined;
      shown = answered === undefined ? question : undefined;
      const buttons = question.choices.map((choice, i) =>
        actionButton('question-choice', choice, {
          'data-choice': i,
          'data-focus-key': `question/${i}`,
          disabled: answered !== undefined,
          'data-right': answered !== undefined && i === question.answer,
          'data-wrong': answered === i && i !== question.answer,
          'data-chosen': answered === i,
        }),
      );
      const verdict =
        answered === undefined
          ? []
          : [
              h(
                'p',
                { class: QUESTION_CLASS.verdict, role: 'status' },
                answered === question.answer
                  ? `Верно. ${question.explain}`
                  : `Нет: ${question.choices[question.answer] ?? ''}. ${question.explain}`,
              ),
            ];
      replaceChildren(
        element,
        h('p', { class: QUESTION_CLASS.text }, question.text),
        h('div', { class: QUESTION_CLASS.choices }, ...buttons),
        ...verdict,
      );
    },
  };
}
