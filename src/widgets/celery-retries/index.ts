/**
 * Widget `celery-retries` (slides 37, 38, 39, 41): one Celery task on a timeline — its
 * AsyncResult.state PENDING → STARTED → RETRY → SUCCESS/FAILURE, retries with countdown and Celery's
 * backoff, max_retries, and what early or late ack does when a worker dies. Every frame is the
 * Celery model's run of the slide's story under the student's settings.
 */
import { h, replaceChildren } from '../runtime/dom.ts';
import { animateTo } from '../runtime/motion.ts';
import type { WidgetModule } from '../runtime/types.ts';
import { captionFor } from './captions.ts';
import { CR_CLASS } from './classes.ts';
import { createInputs } from './inputs.ts';
import { axisMaxFor, timelineOf } from './layout.ts';
import { celeryLegend } from './legend.ts';
import { STATE_LOOK, STATE_ORDER } from './look.ts';
import { replayStory, statesVisited, type Frame } from './replay.ts';
import { declaration, type CelerySettings } from './settings.ts';
import { CELERY_STEPS, storyForSection, type CeleryStory } from './stories.ts';
import { drawTimeline } from './timeline.ts';
import './celery-retries.css';

const BROKER = { redis: 'Redis', rabbitmq: 'RabbitMQ' } as const;

function statesRow(frame: Frame): HTMLElement {
  const visited = statesVisited(frame.events);
  const retries = frame.events.filter((e) => e.type === 'task-retried').length;
  return h(
    'ol',
    { class: CR_CLASS.states, 'aria-label': 'AsyncResult.state — состояние задачи' },
    ...STATE_ORDER.map((st) => {
      const look = STATE_LOOK[st];
      const current = (frame.taskState ?? 'PENDING') === st;
      const li = h(
        'li',
        {
          class: `${CR_CLASS.state}${visited.has(st) ? ` ${CR_CLASS.visited}` : ''}`,
          'data-task-state': st,
          'aria-current': current ? 'step' : undefined,
          style: `--w-cr-c:${look.colour}`,
        },
        h('span', { class: CR_CLASS.glyph, 'aria-hidden': 'true' }, look.glyph),
        ' ',
        st,
        st === 'RETRY' && retries > 0 ? ` ×${retries}` : '',
      );
      return li;
    }),
  );
}

function factsLine(frame: Frame, settings: CelerySettings): string {
  const runs = frame.events.filter((e) => e.type === 'task-started').length;
  const retries = frame.events.filter((e) => e.type === 'task-retried').length;
  const now = String(Math.round(frame.now / 100) / 10).replace('.', ',');
  const parts = [
    `брокер ${BROKER[settings.transport]}`,
    `t = ${now} с`,
    `запусков: ${runs}`,
    settings.retry === 'none'
      ? 'повтор не настроен'
      : `повторов: ${retries} из ${settings.maxRetries}`,
  ];
  if (frame.lost) parts.push('задача потеряна');
  return parts.join(' · ');
}

/** The widget module the catalogue loads. */
export const celeryRetriesWidget: WidgetModule = {
  mount(host) {
    let story: CeleryStory | null = null;
    let settings: CelerySettings | null = null;
    let frames: Frame[] = [];
    let step = 0;
    let shownRuns = new Set<string>();
    let running: Animation[] = [];

    const decl = h('code', { class: CR_CLASS.decl });
    const states = h('div');
    // What the list shows: the result backend's state, not the worker's events.
    const stateBar = h(
      'div',
      { class: CR_CLASS.statesRow },
      h('code', { class: CR_CLASS.statesTitle }, 'AsyncResult.state'),
      states,
    );
    const picture = h('div', { class: 'w-cr-picture' });
    const facts = h('p', { class: CR_CLASS.facts });

    // The slide is known only once the root sits in its slot (after mount returns).
    const current = (): CeleryStory => {
      if (!story) {
        story = storyForSection(host.root.closest('section')?.dataset['section']);
        host.root.dataset['story'] = String(story.slide);
      }
      return story;
    };
    const currentSettings = (): CelerySettings => (settings ??= current().settings);
    const recompute = (): void => {
      frames = replayStory(current(), currentSettings());
    };

    const render = (animate: boolean): void => {
      if (frames.length === 0) recompute();
      const s = currentSettings();
      const frame = frames[step] as Frame;
      const last = frames[frames.length - 1] as Frame;
      const model = timelineOf(frame, axisMaxFor(last.now));
      // Before delay() Celery answers PENDING too: for it an unknown id is a pending task.
      host.root.dataset['state'] = frame.taskState ?? 'PENDING';
      host.root.dataset['lost'] = String(frame.lost);
      decl.textContent = declaration(current().task, s);
      replaceChildren(states, statesRow(frame));
      facts.textContent = factsLine(frame, s);
      const caption = captionFor(frame, current().task, s);
      const svg = drawTimeline(model, `Шкала времени задачи: ${facts.textContent}`);
      for (const a of running) a.cancel();
      running = [];
      replaceChildren(picture, svg);
      const keys = new Set<string>();
      for (const g of svg.querySelectorAll<SVGGElement>('.w-cr-run')) {
        const key = `${g.dataset['lane']}#${g.dataset['run']}`;
        keys.add(key);
        if (!animate || shownRuns.has(key)) continue;
        const a = animateTo(
          g,
          [
            { transform: 'scaleX(0)', opacity: 0.3 },
            { transform: 'scaleX(1)', opacity: 1 },
          ],
          { duration: 500 / host.speed(), reduced: host.reducedMotion },
        );
        if (a) running.push(a);
      }
      shownRuns = keys;
      host.say(caption);
    };

    const inputs = createInputs(
      host.disposer,
      currentSettings,
      (next, what) => {
        settings = next;
        recompute();
        render(false);
        host.say(`Изменено: ${what}. ${captionFor(frames[step] as Frame, current().task, next)}`);
      },
      () => {
        settings = current().settings;
        inputs.sync(settings);
        recompute();
        render(false);
        host.say(
          `Настройки как на слайде. ${captionFor(frames[step] as Frame, current().task, settings)}`,
        );
      },
    );
    host.root.classList.add(CR_CLASS.root);
    host.root.append(decl, stateBar, picture, facts, celeryLegend(), inputs.element);
    host.disposer.add(() => {
      for (const a of running) a.cancel();
    });

    return {
      stepCount: CELERY_STEPS,
      show(n, animate) {
        if (!settings) inputs.sync(currentSettings());
        // Only a step forward plays; ← and jumps snap.
        const forward = n === step + 1;
        if (!forward) shownRuns = new Set();
        step = n;
        render(animate && forward);
      },
    };
  },
};

export default celeryRetriesWidget;
