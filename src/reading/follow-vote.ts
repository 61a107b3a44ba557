/**
 * The phone's vote on the lecturer's open question (issue 15 §3, `?live`): the question and one
 * big button per choice while the vote is open; after a tap the student's answer, which a later
 * tap may change until the lecturer shows the votes; then the hall's tally as bars with counts
 * and percent, and, once the answer is in the state, which choice was right and whether the
 * student's was. The panel only shows; the follow view sends the vote and feeds what comes back.
 */
import type { LiveQuestion, LiveTally } from '../live/protocol.ts';
import { countOf } from '../lecture/russian.ts';
import { h } from '../widgets/runtime/dom.ts';
// The letters choices go by, as the stage's box shows them.
import { choiceLetter } from '../widgets/runtime/question-box.ts';

/** Classes of the vote panel (styles: ./follow.css). */
export const VOTE_CLASS = {
  panel: 'follow-vote',
  text: 'follow-vote-text',
  choices: 'follow-vote-choices',
  choice: 'follow-vote-choice',
  letter: 'follow-vote-letter',
  status: 'follow-vote-status',
  bars: 'follow-vote-bars',
  bar: 'follow-vote-bar',
  result: 'follow-vote-result',
} as const;

/** This phone's answer to one question: sent, then confirmed by the server's `voted`. */
export interface MyVote {
  readonly question: string;
  readonly choice: number;
  readonly confirmed: boolean;
}

/** What the panel shows now. */
export interface VoteView {
  readonly question: LiveQuestion | null;
  readonly revealed: boolean;
  /** The hall's tally of this question (sent to phones once revealed), or null. */
  readonly tally: LiveTally | null;
  readonly mine: MyVote | null;
  /** A refusal from the server or the link (plain text), shown under the buttons. */
  readonly problem: string | null;
  /**
   * The question this step answered while it asks the next (`LiveState.answered`), with this
   * phone's vote on it: its result shows above the new question.
   */
  readonly answered?: { readonly question: LiveQuestion; readonly mine: number | undefined };
}

/** The panel's element and how it is brought up to date. */
export interface VotePanel {
  readonly element: HTMLElement;
  /** Shows `view`; keeps the buttons (and their focus) while the same question stays open. */
  update(view: VoteView): void;
}

/** Builds the panel; `onChoose(i)` when the student taps choice i. */
export function createVotePanel(onChoose: (choice: number) => void): VotePanel {
  const element = h('section', {
    class: VOTE_CLASS.panel,
    'aria-label': 'Вопрос лектора',
    hidden: true,
  });
  /** The question and phase the buttons or bars were built for. */
  let builtFor = '';
  let buttons: HTMLButtonElement[] = [];
  const status = h('p', { class: VOTE_CLASS.status, role: 'status', 'aria-live': 'polite' });

  const buildOpen = (q: LiveQuestion, answered: VoteView['answered']): void => {
    buttons = q.choices.map((text, i) => {
      const button = h(
        'button',
        { type: 'button', class: VOTE_CLASS.choice, 'data-choice': i, 'aria-pressed': 'false' },
        h('span', { class: VOTE_CLASS.letter, 'aria-hidden': 'true' }, choiceLetter(i)),
        h('span', {}, text),
      );
      button.addEventListener('click', () => onChoose(i));
      return button;
    });
    element.replaceChildren(
      ...(answered
        ? [
            h(
              'p',
              { class: VOTE_CLASS.result, 'data-answered': answered.question.id },
              `Прошлый вопрос: ${resultLine(answered.question, answered.mine)}`,
            ),
          ]
        : []),
      h('h2', {}, 'Вопрос лектора'),
      h('p', { class: VOTE_CLASS.text }, q.text),
      h('div', { class: VOTE_CLASS.choices }, ...buttons),
      status,
    );
  };

  const buildRevealed = (view: VoteView, q: LiveQuestion): void => {
    buttons = [];
    const counts = view.tally?.question === q.id ? view.tally.counts : undefined;
    const total = counts?.reduce((a, b) => a + b, 0) ?? 0;
    const mine = view.mine?.question === q.id ? view.mine.choice : undefined;
    const rows = q.choices.map((text, i) => {
      const count = counts?.[i] ?? 0;
      const percent = total > 0 ? Math.round((count * 100) / total) : 0;
      const marks = [q.answer === i ? 'верный ответ' : '', mine === i ? 'ваш ответ' : ''].filter(
        Boolean,
      );
      return h(
        'li',
        {
          class: VOTE_CLASS.bar,
          'data-choice': i,
          'data-right': q.answer === undefined ? undefined : String(q.answer === i),
          'data-mine': String(mine === i),
        },
        h(
          'span',
          { class: `${VOTE_CLASS.bar}-label` },
          h('span', { class: VOTE_CLASS.letter, 'aria-hidden': 'true' }, choiceLetter(i)),
          h('span', {}, text),
          marks.length > 0 ? h('em', {}, ` — ${marks.join(', ')}`) : null,
        ),
        h(
          'span',
          { class: `${VOTE_CLASS.bar}-track`, 'aria-hidden': 'true' },
          h('span', { class: `${VOTE_CLASS.bar}-fill`, style: `width: ${percent}%` }),
        ),
        h('span', { class: `${VOTE_CLASS.bar}-count` }, `${count} · ${percent} %`),
      );
    });
    element.replaceChildren(
      h('h2', {}, 'Голоса зала'),
      h('p', { class: VOTE_CLASS.text }, q.text),
      counts
        ? h('p', {}, `Ответили ${countOf(total, ['человек', 'человека', 'человек'])}.`)
        : h('p', {}, 'Подсчитываем голоса…'),
      h('ol', { class: VOTE_CLASS.bars }, ...rows),
      h('p', { class: VOTE_CLASS.result }, resultLine(q, mine)),
    );
  };

  return {
    element,
    update(view) {
      const q = view.question;
      element.hidden = q === null;
      if (!q) {
        builtFor = '';
        element.replaceChildren();
        return;
      }
      if (view.revealed) {
        builtFor = `${q.id}:revealed`;
        buildRevealed(view, q);
        return;
      }
      const key = `${q.id}:open:${view.answered?.question.id ?? ''}:${view.answered?.mine ?? ''}`;
      if (builtFor !== key) {
        builtFor = key;
        buildOpen(q, view.answered);
      }
      const mine = view.mine?.question === q.id ? view.mine : null;
      buttons.forEach((b, i) => b.setAttribute('aria-pressed', String(mine?.choice === i)));
      status.textContent = view.problem ?? statusLine(mine);
    },
  };
}

function statusLine(mine: MyVote | null): string {
  if (!mine) return 'Выберите ответ — лектор покажет голоса зала.';
  const letter = choiceLetter(mine.choice);
  return mine.confirmed
    ? `Ваш ответ: ${letter} — можно изменить до показа`
    : `Ваш ответ: ${letter} — отправляем…`;
}

function resultLine(q: LiveQuestion, mine: number | undefined): string {
  if (q.answer === undefined)
    return mine === undefined ? 'Вы не ответили.' : `Ваш ответ: ${choiceLetter(mine)}.`;
  const right = `Правильный ответ: ${choiceLetter(q.answer)}.`;
  if (mine === undefined) return `${right} Вы не ответили.`;
  return mine === q.answer
    ? `${right} Вы ответили верно!`
    : `${right} Ваш ответ ${choiceLetter(mine)} — неверно.`;
}
