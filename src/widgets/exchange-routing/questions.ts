/**
 * Predict, then see: before a step that publishes, «how many queues will get this key?». The
 * answer is read from the kit's next frame (the queues the step's publish grew), so it is the
 * core's routing; asked only while the student's bindings are the story's own, which the step's
 * publish goes through.
 */
import {
  makeQuestion,
  questionFor,
  windowAround,
  type Asker,
  type Question,
} from '../runtime/question.ts';
import { routingLogic, type RoutingModel, type RoutingView, type StudentAction } from './logic.ts';
import { EXCHANGE_ROUTING_STEPS, ROUTING_STORIES, type RoutingStory } from './story.ts';
import { replay } from '../runtime/timeline.ts';

/** The steps asked before (0 = before step 1), per story: where the lecture stops to ask. */
export const ROUTING_QUESTION_STEPS: Readonly<Record<RoutingStory, readonly number[]>> = {
  architecture: [0, 4],
  guided: [0],
  topic: [0, 3],
};

/** Ready messages per queue. */
function depths(model: RoutingModel): Map<string, number> {
  return new Map(
    model.state.queueOrder.map((q) => [q, model.state.queues[q]?.messages.length ?? 0]),
  );
}

/** Queues and bindings, as a comparable string. */
function topologyOf(model: RoutingModel): string {
  return JSON.stringify([model.state.queueOrder, model.state.bindings]);
}

/** The queues a step grew by one message each (what its one publish reached). */
export function queuesReached(before: RoutingModel, after: RoutingModel): string[] {
  const was = depths(before);
  return [...depths(after)].filter(([q, n]) => n > (was.get(q) ?? 0)).map(([q]) => q);
}

const ask: Asker<RoutingModel, RoutingView, StudentAction, RoutingStory> = ({
  story,
  step,
  actions,
  now,
  next,
}) => {
  if (!ROUTING_QUESTION_STEPS[story].includes(step)) return undefined;
  const scenario = ROUTING_STORIES[story];
  const publishes = (scenario.steps[step]?.commands ?? []).filter(
    (c) => c.type === 'basic.publish',
  );
  const publish = publishes[0];
  if (publishes.length !== 1 || publish?.type !== 'basic.publish' || publish.routingKey === '')
    return undefined;
  // The step publishes through the story's bindings (the student's actions replay after it).
  const scripted =
    actions.length === 0 ? now : replay(routingLogic, story, EXCHANGE_ROUTING_STEPS, step, []);
  if (topologyOf(now.model) !== topologyOf(scripted.model)) return undefined;
  const reached = queuesReached(now.model, next.model);
  const kind = scenario.steps[step]?.kind ?? now.model.kind;
  const key = publish.routingKey;
  const count = reached.length;
  const explain =
    count === 0
      ? `Ни одна привязка ${kind} exchange не совпала с «${key}»: ${
          publish.mandatory
            ? 'mandatory вернул сообщение отправителю (312 NO_ROUTE).'
            : 'сообщение отброшено.'
        }`
      : `«${key}» совпал с привязками очередей: ${reached.join(', ')}.`;
  const id = `exchange-routing/${story}/${step}`;
  return makeQuestion({
    id,
    text: `Сколько очередей получат «${key}» через ${kind} exchange?`,
    right: String(count),
    wrong: windowAround(count, 0, now.model.state.queueOrder.length, id).map(String),
    explain,
  });
};

/** The question before step `step + 1` of `story` with the student's `actions`, or undefined. */
export function routingQuestion(
  story: RoutingStory,
  step: number,
  actions: readonly StudentAction[] = [],
): Question | undefined {
  return questionFor(routingLogic, EXCHANGE_ROUTING_STEPS, ask, { story, step, actions });
}
