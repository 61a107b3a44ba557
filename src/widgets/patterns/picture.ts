/**
 * The picture: on the stage a strip naming the three patterns with the one on screen marked (the
 * lab has the tabs instead), then the pattern's own picture (./picture-*.ts); the pattern's legend
 * is the kit's (./legend.ts, drawn with the frame).
 * Whatever arrived in this frame fades in where it lands; all text goes in as text nodes.
 */
import { h } from '../runtime/dom.ts';
import type { KitHost, Painter } from '../runtime/kit.ts';
import { animateTo } from '../runtime/motion.ts';
import { PT_CLASS } from './classes.ts';
import type { PatternsAction, PatternsView } from './logic.ts';
import { renderFanout } from './picture-fanout.ts';
import { renderRpc } from './picture-rpc.ts';
import { renderSourcing } from './picture-sourcing.ts';
import { PATTERNS } from './story.ts';

/** The stage's strip: which of the three patterns is on screen (not a control). */
function strip(view: PatternsView): HTMLElement {
  return h(
    'ol',
    { class: PT_CLASS.strip, 'aria-label': 'Паттерны' },
    ...PATTERNS.map((p) =>
      h(
        'li',
        {
          class: p.id === view.pattern ? PT_CLASS.stripOn : undefined,
          'aria-current': p.id === view.pattern ? 'step' : undefined,
        },
        p.id === view.pattern ? `▸ ${p.label}` : p.label,
      ),
    ),
  );
}

function figureOf(view: PatternsView): HTMLElement {
  if (view.pattern === 'fanout') return renderFanout(view.fanout);
  if (view.pattern === 'sourcing') return renderSourcing(view.sourcing);
  return renderRpc(view.rpc);
}

/** Builds the picture into the kit's element; the lab's tabs control its `role="tabpanel"`. */
export function patternsPicture(
  host: KitHost<PatternsView, PatternsAction>,
): Painter<PatternsView> {
  const top = h('div', {});
  const figure = h('div', { class: PT_CLASS.figure, role: 'tabpanel', id: host.id('w-pt-panel') });
  host.element.append(top, figure);
  return (view, _previous, animate) => {
    host.root.dataset['pattern'] = view.pattern;
    top.replaceChildren(strip(view));
    figure.replaceChildren(figureOf(view));
    // The newest events are what just happened: keep the end of a long log in view.
    const log = figure.querySelector<HTMLElement>('[data-log]');
    if (log) log.scrollTop = log.scrollHeight;
    if (!animate) return [];
    const running: Animation[] = [];
    const duration = 450 / host.speed();
    for (const el of figure.querySelectorAll('[data-new="true"]')) {
      const a = animateTo(
        el,
        [
          // In place (no sliding): nothing moving crosses a label.
          { opacity: 0, transform: 'scale(0.8)' },
          { opacity: 1, transform: 'none' },
        ],
        { duration, reduced: host.reducedMotion },
      );
      if (a) running.push(a);
    }
    return running;
  };
}
