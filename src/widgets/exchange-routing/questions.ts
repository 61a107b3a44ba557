/**
 * Predict, then see: before a step that publishes, «how many queues will get this key?». The
 * answer is the core's routing of the step's publish as the kit's next frame plays it (the story's
 * state, then the student's actions replayed); asked only while the student's queues and bindings
 * are the story's own, so what they see is what the publish goes through.
 */
import { makeQuestion, questionsOf, windowAround, type Asker } from '../runtime/question.ts';
import { routingLogic, type RoutingModel, type RoutingView, type StudentAction } from './logic.ts';
import { EXCHANGE_ROUTING_STEPS, ROUTING_STORIES, type RoutingStory } from './story.ts';
import { replay } from '../runtime/timeline.ts';

/** The steps asked before (0 = before step 1), per story: where the lecture stops to ask. */
export const ROUTING_QUESTION_STEPS: Readonly<Record<RoutingStory, readonly number[]>> = {
  architecture: [0, 4],
  guided: [0],
  topic: [0, 3],
};

/** Queues and bindings, as a comparable string. */
function topologyOf(model: RoutingModel): string {
  return JSON.stringify([model.state.queueOrder, model.state.bindings]);
}

const ask: Asker<RoutingModel, RoutingView, StudentAction, RoutingStory> = ({
  story,
  step,
  actions,
  now,
}) => {
  // Called only at ROUTING_QUESTION_STEPS (`questionsOf` checks before replaying a frame).
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
  // The kit's next frame publishes on the story's state, then replays the actions: its state
  // right after the step is the step played on the story's frame now.
  const after = routingLogic.play(scripted.model, story, step + 1);
  if (!after.last || after.last === scripted.model.last) return undefined;
  const reached = [...new Set(after.last.queues)];
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
export const routingQuestion = questionsOf(routingLogic, EXCHANGE_ROUTING_STEPS, ask, (s, n) =>
  ROUTING_QUESTION_STEPS[s].includes(n),
);
