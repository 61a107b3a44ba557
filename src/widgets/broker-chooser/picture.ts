/**
 * The chooser's picture: the answers given (a short list the back row reads; in the lab the form
 * shows them), the recommendation in `[data-recommend]` (the contract) with each broker's
 * points as a number and a bar, the reasons from the lecture, fact-checks (lab), and the brokers
 * the story's workloads got so far («в одной системе — несколько брокеров»). Student text goes
 * in as text and wraps, however long its words.
 */
import { h } from '../runtime/dom.ts';
import { LAB_ONLY, type KitHost, type Painter } from '../runtime/kit.ts';
import { BC_CLASS } from './classes.ts';
import { BROKER_SHAPE, points } from './caption.ts';
import type { ChooserAction, ChooserView } from './logic.ts';
import { BROKERS, BROKER_TITLE, QUESTIONS, findAnswer, type Recommendation } from './rules.ts';
import type { Workload } from './story.ts';

function brokerTag(broker: Recommendation['broker']): HTMLElement {
  return h(
    'span',
    { class: `tag tag--${broker}` },
    `${BROKER_SHAPE[broker]} ${BROKER_TITLE[broker]}`,
  );
}

/** The answers of the frame, one short line per question («—» when not answered). */
function answersList(view: ChooserView): HTMLElement {
  const list = h('ul', { class: `${BC_CLASS.answers}`, 'aria-label': 'Ответы' });
  for (const q of QUESTIONS) {
    const answer = findAnswer(q, view.answers[q.id]);
    list.append(
      h(
        'li',
        { class: answer ? '' : BC_CLASS.unanswered, 'data-answer': answer?.id },
        h('span', { class: BC_CLASS.why }, `${q.short}: `),
        answer?.label ?? '—',
      ),
    );
  }
  return list;
}

/** The recommendation panel. */
export function resultPanel(name: string, r: Recommendation): HTMLElement {
  const max = Math.max(1, ...BROKERS.map((b) => r.scores[b]));
  const scores = h('ul', { class: BC_CLASS.scores, 'aria-label': 'Баллы' });
  for (const b of BROKERS) {
    const fill = h('span', { class: `${BC_CLASS.bar} ${BC_CLASS.bar}--${b}` });
    fill.style.width = `${((r.scores[b] / max) * 100).toFixed(0)}%`;
    scores.append(
      h(
        'li',
        { 'data-broker': b, 'data-score': r.scores[b], 'data-winner': String(b === r.broker) },
        h(
          'span',
          { class: `${BC_CLASS.shape} ${BC_CLASS.shape}--${b}`, 'aria-hidden': 'true' },
          BROKER_SHAPE[b],
        ),
        ` ${BROKER_TITLE[b]}: ${points(r.scores[b])}`,
        h('span', { class: BC_CLASS.barTrack, 'aria-hidden': 'true' }, fill),
      ),
    );
  }
  return h(
    // Not <section>: inside a slide reveal.js would take it for a vertical slide.
    'div',
    {
      class: BC_CLASS.result,
      'data-recommend': r.broker,
      role: 'region',
      'aria-label': 'Рекомендация',
    },
    h('p', { class: BC_CLASS.for }, 'Для «', h('bdi', {}, name), '»:'),
    h(
      'p',
      { class: BC_CLASS.winner },
      brokerTag(r.broker),
      r.tie ? ' (ничья — выбран более простой)' : '',
    ),
    scores,
  );
}

/** Why the winner won, in the lecture's words, and the fact-checks (lab only). */
function reasonsOf(r: Recommendation): HTMLElement {
  const reasons = h('ul', { class: BC_CLASS.reasons, 'aria-label': 'Почему' });
  for (const reason of r.reasons) reasons.append(h('li', {}, reason));
  const box = h('div', {}, reasons);
  if (r.caveats.length > 0) {
    box.append(
      h(
        'p',
        { class: `${BC_CLASS.caveat} ${LAB_ONLY}` },
        `Проверка фактов: ${r.caveats.join(' ')}`,
      ),
    );
  }
  return box;
}

/** The story's decided workloads, one line each: name → broker. */
export function systemStrip(
  decided: readonly { workload: Workload; result: Recommendation }[],
): HTMLElement {
  const list = h('ul', { class: BC_CLASS.system, 'aria-label': 'Брокеры системы' });
  if (decided.length === 0) return list;
  list.append(h('li', {}, h('strong', {}, 'Система:')));
  for (const d of decided) {
    list.append(
      h(
        'li',
        { 'data-workload-broker': d.result.broker },
        `${d.workload.short} → `,
        brokerTag(d.result.broker),
      ),
    );
  }
  return list;
}

/** Builds the board into the kit's picture. */
export function chooserPicture(host: KitHost<ChooserView, ChooserAction>): Painter<ChooserView> {
  const board = h('div', { class: BC_CLASS.board });
  host.element.append(board);
  return (view) => {
    board.replaceChildren(
      answersList(view),
      resultPanel(view.name, view.result),
      reasonsOf(view.result),
      systemStrip(view.decided),
    );
    host.root.dataset['answered'] = String(view.result.explained.length);
  };
}
