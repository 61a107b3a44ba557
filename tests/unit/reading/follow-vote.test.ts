// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { LiveQuestion } from '../../../src/live/protocol.ts';
import { createVotePanel, type VoteView } from '../../../src/reading/follow-vote.ts';
import { clockText } from '../../../src/remote/remote-view.ts';

const QUESTION: LiveQuestion = {
  id: 'kafka-partitions/architecture/3',
  text: 'В группу вступает consumer-3: сколько из 3 партиций он получит?',
  choices: ['0', '1', '2', '3'],
};
const OPEN: VoteView = {
  question: QUESTION,
  revealed: false,
  tally: null,
  mine: null,
  problem: null,
};

function panel() {
  const chosen: number[] = [];
  const vote = createVotePanel((i) => chosen.push(i));
  const buttons = () => [...vote.element.querySelectorAll<HTMLButtonElement>('button')];
  const text = (selector: string) => vote.element.querySelector(selector)?.textContent ?? null;
  return { vote, chosen, buttons, text };
}

describe('the phone’s vote panel', () => {
  it('on a step that answers one question and asks the next, says the first one’s result above', () => {
    const { vote, text, buttons } = panel();
    const first: LiveQuestion = {
      id: 'order-flow/sync/3',
      text: 'Через сколько клиент получит ответ?',
      choices: ['100 мс', '2 900 мс'],
      answer: 1,
    };
    vote.update({ ...OPEN, answered: { question: first, mine: 0 } });
    expect(text('[data-answered]')).toBe(
      'Прошлый вопрос: Правильный ответ: Б. Ваш ответ А — неверно.',
    );
    expect(buttons()).toHaveLength(4);
    vote.update({ ...OPEN, answered: { question: first, mine: undefined } });
    expect(text('[data-answered]')).toBe('Прошлый вопрос: Правильный ответ: Б. Вы не ответили.');
    vote.update(OPEN);
    expect(text('[data-answered]')).toBeNull();
  });

  it('is hidden while no question is open', () => {
    const { vote } = panel();
    vote.update({ ...OPEN, question: null });
    expect(vote.element.hidden).toBe(true);
  });

  it('asks with one lettered button per choice and reports the tap', () => {
    const { vote, chosen, buttons, text } = panel();
    vote.update(OPEN);
    expect(vote.element.hidden).toBe(false);
    expect(text('.follow-vote-text')).toBe(QUESTION.text);
    expect(buttons().map((b) => b.textContent)).toEqual(['А0', 'Б1', 'В2', 'Г3']);
    expect(text('.follow-vote-status')).toBe('Выберите ответ — лектор покажет голоса зала.');
    buttons()[1]?.click();
    expect(chosen).toEqual([1]);
  });

  it('says the answer sent, then counted, and keeps the same buttons (and focus) meanwhile', () => {
    const { vote, buttons, text } = panel();
    vote.update(OPEN);
    const before = buttons();
    vote.update({ ...OPEN, mine: { question: QUESTION.id, choice: 1, confirmed: false } });
    expect(text('.follow-vote-status')).toBe('Ваш ответ: Б — отправляем…');
    vote.update({ ...OPEN, mine: { question: QUESTION.id, choice: 1, confirmed: true } });
    expect(text('.follow-vote-status')).toBe('Ваш ответ: Б — можно изменить до показа');
    expect(buttons()).toEqual(before);
    expect(buttons().map((b) => b.getAttribute('aria-pressed'))).toEqual([
      'false',
      'true',
      'false',
      'false',
    ]);
    vote.update({ ...OPEN, problem: 'Слишком много сообщений: подождите секунду.' });
    expect(text('.follow-vote-status')).toBe('Слишком много сообщений: подождите секунду.');
  });

  it('ignores a vote of another question', () => {
    const { vote, buttons, text } = panel();
    vote.update({ ...OPEN, mine: { question: 'other', choice: 2, confirmed: true } });
    expect(text('.follow-vote-status')).toBe('Выберите ответ — лектор покажет голоса зала.');
    expect(buttons().some((b) => b.getAttribute('aria-pressed') === 'true')).toBe(false);
  });

  it('after the reveal: bars with counts and percent, the right choice and the student’s verdict', () => {
    const { vote, buttons, text } = panel();
    const tally = { question: QUESTION.id, counts: [1, 3, 1, 0], followers: 7 };
    const revealed = { ...OPEN, question: { ...QUESTION, answer: 1 }, revealed: true, tally };
    vote.update({ ...revealed, mine: { question: QUESTION.id, choice: 1, confirmed: true } });
    expect(buttons()).toEqual([]);
    const counts = [...vote.element.querySelectorAll('.follow-vote-bar-count')].map(
      (c) => c.textContent,
    );
    expect(counts).toEqual(['1 · 20 %', '3 · 60 %', '1 · 20 %', '0 · 0 %']);
    expect(vote.element.querySelector('[data-right="true"]')?.getAttribute('data-choice')).toBe(
      '1',
    );
    expect(text('.follow-vote-result')).toBe('Правильный ответ: Б. Вы ответили верно!');
    vote.update({ ...revealed, mine: { question: QUESTION.id, choice: 0, confirmed: true } });
    expect(text('.follow-vote-result')).toBe('Правильный ответ: Б. Ваш ответ А — неверно.');
    vote.update(revealed);
    expect(text('.follow-vote-result')).toBe('Правильный ответ: Б. Вы не ответили.');
  });

  it('before the answer is in the state, or the tally has come, says so', () => {
    const { vote, text } = panel();
    vote.update({
      ...OPEN,
      revealed: true,
      mine: { question: QUESTION.id, choice: 2, confirmed: true },
    });
    expect(vote.element.textContent).toContain('Подсчитываем голоса…');
    expect(text('.follow-vote-result')).toBe('Ваш ответ: В.');
    expect(vote.element.querySelector('[data-right]')).toBeNull();
  });
});

describe('the remote’s clock', () => {
  it('reads minutes and seconds, and hours past the first', () => {
    expect(clockText(754_000)).toBe('12:34');
    expect(clockText(59_999)).toBe('0:59');
    expect(clockText(3_723_000)).toBe('1:02:03');
    expect(clockText(-5)).toBe('0:00');
  });
});
