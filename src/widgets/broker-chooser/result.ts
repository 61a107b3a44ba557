/**
 * The recommendation panel: the broker in `[data-recommend]` (the contract), each
 * broker's points as a number and a bar, the reasons from the lecture, fact-checks, and the
 * brokers the story's workloads got so far («в одной системе — несколько брокеров»).
 */
import { h } from '../runtime/dom.ts';
import { BC_CLASS } from './classes.ts';
import { BROKER_SHAPE, points } from './captions.ts';
import { BROKERS, BROKER_TITLE, type Recommendation } from './rules.ts';
import type { Workload } from './story.ts';

/** Builds the panel for a recommendation. */
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
        h('span', { class: `${BC_CLASS.bar}-track`, 'aria-hidden': 'true' }, fill),
      ),
    );
  }
  const reasons = h('ul', { class: BC_CLASS.reasons });
  for (const reason of r.reasons) reasons.append(h('li', {}, reason));
  const panel = h(
    // Not <section>: inside a slide reveal.js would take it for a vertical slide.
    'div',
    {
      class: BC_CLASS.result,
      'data-recommend': r.broker,
      role: 'region',
      'aria-label': 'Рекомендация',
    },
    h('p', { class: BC_CLASS.for }, `Для «${name}»:`),
    h(
      'p',
      { class: BC_CLASS.winner },
      h(
        'span',
        { class: `tag tag--${r.broker}` },
        `${BROKER_SHAPE[r.broker]} ${BROKER_TITLE[r.broker]}`,
      ),
      r.tie ? ' (ничья — выбран более простой)' : '',
    ),
    scores,
    h('p', { class: 'w-bc-why' }, 'Почему:'),
    reasons,
  );
  if (r.caveats.length > 0) {
    panel.append(h('p', { class: BC_CLASS.caveat }, `Проверка фактов: ${r.caveats.join(' ')}`));
  }
  return panel;
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
        h(
          'span',
          { class: `tag tag--${d.result.broker}` },
          `${BROKER_SHAPE[d.result.broker]} ${BROKER_TITLE[d.result.broker]}`,
        ),
      ),
    );
  }
  return list;
}
