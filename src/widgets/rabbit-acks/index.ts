/**
 * Widget `rabbit-acks` (slides 19 and 24): a work queue, its dead-letter queue and worker
 * processes, driven by the core's RabbitMQ model — manual ack, a crash whose unacked tasks come
 * back with redelivered=true, prefetch, nack/reject with and without requeue. Each slide has its
 * own clicker story; the student's actions are data appended after it, so any frame can be
 * rebuilt by a replay (a click just steps the current simulation once more).
 */
import { h } from '../runtime/dom.ts';
import type { WidgetModule } from '../runtime/types.ts';
import { drawBoard } from './board.ts';
import { captionFor } from './captions.ts';
import { RA_CLASS } from './classes.ts';
import { chipMoves, chipPlaces, playMoves } from './flip.ts';
import { acksLegend } from './legend.ts';
import { createPanel, PUBLISH_BATCH, RUN_MS } from './panel.ts';
import { RABBIT_ACKS_STEPS, storyForSection, type AcksStory } from './scenarios.ts';
import { simAt, viewOf, type AcksView } from './session.ts';
import { stepSim, type AcksAction, type AcksSim, type Happening, type Settlement } from './sim.ts';
import './rabbit-acks.css';

/** A replay of this many student actions stays within a frame or two; past it, ask for a reset. */
const MAX_ACTIONS = 200;

export const rabbitAcksWidget: WidgetModule = {
  mount(host) {
    // The runtime attaches the root to its slide only after mount(), so the slide is read lazily.
    let chosen: AcksStory | undefined;
    const story = (): AcksStory =>
      (chosen ??= storyForSection(host.root.closest('section')?.dataset['section']));
    let actions: AcksAction[] = [];
    let step = 0;
    let requeue = true;
    let view: AcksView | undefined;
    let running: Animation[] = [];
    const board = h('div', { class: RA_CLASS.board });

    const stopMoves = (): void => {
      for (const a of running) a.cancel();
      running = [];
    };
    host.disposer.add(stopMoves);

    const render = (animate: boolean, ready?: AcksView): void => {
      const previous = view;
      const next = ready ?? viewOf(current().sim, current().log);
      view = next;
      stopMoves();
      const moving = animate && !host.reducedMotion && previous?.sceneKey === next.sceneKey;
      const before = moving ? chipPlaces(board) : undefined;
      drawBoard(board, next, requeue);
      if (before) running = playMoves(board, chipMoves(before, chipPlaces(board)), host.speed());
      panel.update(next.prefetch);
      host.root.dataset['now'] = String(next.now);
      const lead = actions.length === 0 ? story().steps[step - 1]?.lead : undefined;
      host.say(captionFor(next, lead));
    };

    // The simulation after the current step and the student's actions; a click steps it once
    // instead of replaying everything (a replay of the same actions gives the same state).
    let cached: { sim: AcksSim; log: readonly Happening[] } | undefined;
    const current = () => (cached ??= simAt(story(), step, actions));

    /** Applies an action if the simulation accepts it; returns a Russian error otherwise. */
    const apply = (action: AcksAction): string | undefined => {
      if (actions.length >= MAX_ACTIONS) {
        return 'Слишком много действий подряд — нажмите «Сначала».';
      }
      let sim: AcksSim;
      try {
        sim = stepSim(current().sim, action);
      } catch (error) {
        return error instanceof RangeError ? error.message : 'Это действие сейчас невозможно.';
      }
      actions = [...actions, action];
      cached = { sim, log: sim.log };
      render(true, viewOf(sim, sim.log));
      return undefined;
    };

    const panel = createPanel(host.disposer, {
      onPrefetch: (prefetch) => apply({ type: 'qos', prefetch }),
      onPublish: () => apply({ type: 'publish', count: PUBLISH_BATCH }),
      onRun: () => apply({ type: 'run', ms: RUN_MS }),
      onRequeue(value) {
        requeue = value;
        render(false);
      },
    });
    host.disposer.listen(board, 'click', (event) => {
      const button = (event.target as HTMLElement).closest('button');
      const worker = button?.dataset['worker'];
      if (!button || !worker || button.disabled) return;
      if (button.name === 'crash-worker') apply({ type: 'crash', worker });
      else if (button.name === 'revive-worker') apply({ type: 'revive', worker });
      else if (['ack', 'nack', 'reject'].includes(button.name)) {
        apply({ type: 'settle', worker, how: button.name as Settlement, requeue });
      }
    });

    host.root.classList.add(RA_CLASS.root);
    host.root.append(panel.element, board, acksLegend());
    return {
      stepCount: RABBIT_ACKS_STEPS,
      // The runtime's «Сначала» clears what the student added.
      reset() {
        actions = [];
        cached = undefined;
        requeue = true;
        panel.reset();
      },
      show(next, animate) {
        // Scripted steps replace the student's detour: the clicker always lands on the story.
        if (next !== step) actions = [];
        step = next;
        cached = undefined;
        render(animate);
      },
      destroy() {
        stopMoves();
      },
    };
  },
};

export default rabbitAcksWidget;
