/**
 * Widget `kafka-partitions` (slides 28, 29, 31, 32): a topic's partitions as offset logs, keys
 * hashed to partitions, consumer group A with rebalances, group B reading independently, lag and
 * replay. show(n) replays the slide's story to step n plus the student's actions, from scratch.
 */
import { h } from '../runtime/dom.ts';
import type { WidgetModule } from '../runtime/types.ts';
import type { AssignorName } from '../../broker/kafka/index.ts';
import {
  KAFKA_STEPS,
  GROUP_A,
  storyForSection,
  type KafkaSettings,
  type KafkaStory,
} from './scenarios.ts';
import { MAX_CONSUMERS, liveMembers, replaySession, type StudentAction } from './session.ts';
import { buildView, type KafkaView } from './view-model.ts';
import { renderKafka } from './render.ts';
import { captionFor } from './captions.ts';
import { animateFrame } from './animate.ts';
import { createKafkaInputs } from './inputs.ts';
import { kafkaLegend } from './legend.ts';
import { WIDGET_CLASS } from '../runtime/classes.ts';
import { KP_CLASS } from './classes.ts';
import './kafka-partitions.css';

/** The widget module the catalogue loads. */
export const kafkaPartitionsWidget: WidgetModule = {
  mount(host) {
    let story: KafkaStory | null = null;
    let settings: KafkaSettings = { partitions: 3, assignor: 'range' };
    let step = 0;
    let actions: StudentAction[] = [];
    let shown: KafkaView | null = null;
    let running: Animation[] = [];
    const scroll = h('div', {
      class: `${KP_CLASS.scroll} ${WIDGET_CLASS.stageFill}`,
      tabindex: 0,
      role: 'region',
      'aria-label': "Партиции топика и consumer'ы",
    });

    // The slide is known only once the root is in its slot (after mount returns).
    const current = (): KafkaStory => {
      if (!story) {
        story = storyForSection(host.root.closest('section')?.dataset['section']);
        settings = { ...settings, partitions: story.defaultPartitions };
      }
      return story;
    };
    const replay = () => replaySession(current(), settings, step, actions);

    const render = (animate: boolean): void => {
      const r = replay();
      const view = buildView(r.state, current().topic, r.events);
      const { svg } = renderKafka(view);
      for (const a of running) a.cancel();
      scroll.replaceChildren(svg);
      running = animate && !host.reducedMotion ? animateFrame(svg, shown, view) : [];
      const lastRow = svg.querySelector('[data-last="true"]');
      if (
        lastRow &&
        typeof lastRow.scrollIntoView === 'function' &&
        scroll.scrollHeight > scroll.clientHeight
      ) {
        lastRow.scrollIntoView({ block: 'nearest' });
      }
      shown = view;
      host.say(captionFor(r, settings.assignor, settings.partitions));
      inputs.sync({
        partitions: settings.partitions,
        assignor: settings.assignor,
        hasGroupB: view.groupB !== null,
        consumers: view.groupA?.members.length ?? 0,
      });
    };
    const act = (action: StudentAction): void => {
      actions = actions.concat(action);
      render(true);
    };
    const consumers = (): number => liveMembers(replay().state, GROUP_A).length;

    const inputs = createKafkaInputs(host.disposer, {
      partitions(n) {
        settings = { ...settings, partitions: n };
        shown = null;
        render(false);
      },
      produce: (key) => act({ kind: 'produce', key }),
      assignor(name: AssignorName) {
        settings = { ...settings, assignor: name };
        render(false);
      },
      addConsumer() {
        if (consumers() >= MAX_CONSUMERS)
          return `В группе уже ${MAX_CONSUMERS} consumer'ов — это предел виджета (0–16).`;
        act({ kind: 'addConsumer' });
        return undefined;
      },
      removeConsumer() {
        if (consumers() === 0) return "В группе A нет consumer'ов (0–16).";
        act({ kind: 'removeConsumer' });
        return undefined;
      },
      crashConsumer() {
        if (consumers() === 0) return "В группе A нет consumer'ов (0–16).";
        act({ kind: 'crashConsumer' });
        return undefined;
      },
      poll: (group) => act({ kind: 'poll', group }),
      commit: () => act({ kind: 'commit' }),
      seek(offset) {
        if (consumers() === 0) return 'Seek делает consumer: сначала добавьте его в группу A.';
        act({ kind: 'seek', offset });
        return undefined;
      },
    });
    host.root.append(inputs.element, scroll, kafkaLegend());
    host.disposer.add(() => {
      for (const a of running) a.cancel();
    });

    return {
      stepCount: KAFKA_STEPS,
      show(n, animate) {
        // Going back to the start (or reset) clears what the student added on top.
        if (n === 0) actions = [];
        step = n;
        render(animate);
      },
    };
  },
};

export default kafkaPartitionsWidget;
