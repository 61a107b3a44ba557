/** Words for the chooser: points in Russian, the shape mark of each broker, and the caption. */
import type { ChooserView } from './logic.ts';
import { BROKERS, BROKER_TITLE, type Broker, type Recommendation } from './rules.ts';
import { SYSTEM_NOTE } from './story.ts';
import { clip } from '../runtime/quote.ts';
import { isolate } from '../runtime/validate.ts';
import { countOf, pluralWord } from '../../lecture/russian.ts';

/** Shape beside each broker's name, so colour is never the only cue. */
export const BROKER_SHAPE: Readonly<Record<Broker, string>> = {
  redis: '◆',
  rabbitmq: '●',
  kafka: '■',
};

/** «1 балл», «3 балла», «5 баллов». */
export function points(n: number): string {
  return countOf(n, ['балл', 'балла', 'баллов']);
}

/** «вопрос», «вопроса», «вопросов» after a number. */
export function questionsWord(n: number): string {
  return pluralWord(n, ['вопрос', 'вопроса', 'вопросов']);
}

/** The caption for a frame: lead, the recommendation with its score, what is still open. */
export function captionFor(lead: string, fullName: string, r: Recommendation): string {
  // Shortened for the caption (the panel shows it in full).
  const name = clip(fullName, 32);
  const others = BROKERS.filter((b) => b !== r.broker)
    .map((b) => `${BROKER_TITLE[b]} ${r.scores[b]}`)
    .join(', ');
  const head = lead ? `${lead} ` : '';
  if (r.explained.length === 0) {
    return `${head}Пока ответов нет — для ${isolate(`«${name}»`)} простейший вариант: ${BROKER_TITLE[r.broker]}.`;
  }
  const subject = lead ? '→' : `Для ${isolate(`«${name}»`)} —`;
  let text = `${head}${subject} ${BROKER_TITLE[r.broker]}: ${points(r.scores[r.broker])} (${others}).`;
  if (r.tie) text += ' Ничья — выбран более простой.';
  if (r.unanswered.length > 0) {
    const n = r.unanswered.length;
    text += ` Без ответа ${n} ${questionsWord(n)}.`;
  }
  return text;
}

/** The one caption of a frame (the story's last step adds the lecture's closing point). */
export function caption(view: ChooserView): string {
  const text = captionFor(view.lead, view.name, view.result);
  return view.closing ? `${text} ${SYSTEM_NOTE}` : text;
}
