/**
 * The widget's whole state as data: a story, the student's settings and actions. `replaySession`
 * turns (story, settings, step, actions) into the cluster state and the events of the last thing
 * that happened, always from scratch — so show(n) is a pure function and jumps agree with clicks.
 */
import {
  initKafka,
  stepKafka,
  type KafkaCommand,
  type KafkaEvent,
  type KafkaState,
} from '../../broker/kafka/index.ts';
import {
  GROUP_A,
  GROUP_B,
  KAFKA_PYTHON_SESSION_TIMEOUT_MS,
  joinCommand,
  type KafkaSettings,
  type KafkaStory,
} from './scenarios.ts';

/** Something a student did on top of the scripted step. */
export type StudentAction =
  | { readonly kind: 'produce'; readonly key: string | null }
  | { readonly kind: 'addConsumer' }
  | { readonly kind: 'removeConsumer' }
  | { readonly kind: 'crashConsumer' }
  | { readonly kind: 'poll'; readonly group: 'A' | 'B' }
  | { readonly kind: 'commit' }
  | { readonly kind: 'seek'; readonly offset: number };

/** Consumers a group may have in the widget (issue 5: 0–16). */
export const MAX_CONSUMERS = 16;

/** Records one student poll reads per member, so several clicks are needed to catch up. */
export const STUDENT_POLL_RECORDS = 3;

/** What the view needs after a replay. */
export interface Replayed {
  readonly state: KafkaState;
  /** The state before the last scripted step or student action (for "what moved" captions). */
  readonly before: KafkaState;
  /** Events of that last step or action. */
  readonly events: readonly KafkaEvent[];
  /** The last step's or action's own lead sentence (scripted lead, or none for students). */
  readonly lead: string;
}

/** The live members of a group, in join order (empty when the group does not exist). */
export function liveMembers(state: KafkaState, groupId: string): string[] {
  return (state.groups[groupId]?.members ?? []).filter((m) => m.alive).map((m) => m.memberId);
}

/** Group A's session timeout: how long a crashed member keeps its partitions. */
export function sessionTimeout(state: KafkaState): number {
  return state.groups[GROUP_A]?.sessionTimeoutMs ?? KAFKA_PYTHON_SESSION_TIMEOUT_MS;
}

/** The core commands one student action means in `state`; [] when it cannot apply (a no-op). */
export function commandsFor(
  action: StudentAction,
  state: KafkaState,
  story: KafkaStory,
  settings: KafkaSettings,
): KafkaCommand[] {
  const a = liveMembers(state, GROUP_A);
  const lastA = a[a.length - 1];
  switch (action.kind) {
    case 'produce':
      return [{ type: 'produce', topic: story.topic, key: action.key, value: 'от студента' }];
    case 'addConsumer':
      return a.length >= MAX_CONSUMERS ? [] : [joinCommand(story, 'A', settings.assignor)];
    case 'removeConsumer':
      return lastA ? [{ type: 'leaveGroup', groupId: GROUP_A, memberId: lastA }] : [];
    case 'crashConsumer':
      // A crashed member leaves only when its session times out; the widget skips the wait.
      return lastA
        ? [
            { type: 'crash', groupId: GROUP_A, memberId: lastA },
            { type: 'advance', ms: sessionTimeout(state) },
          ]
        : [];
    case 'poll': {
      const groupId = action.group === 'A' ? GROUP_A : GROUP_B;
      return liveMembers(state, groupId).map((memberId) => ({
        type: 'poll',
        groupId,
        memberId,
        maxRecords: STUDENT_POLL_RECORDS,
      }));
    }
    case 'commit':
      return a.map((memberId) => ({ type: 'commitOffset', groupId: GROUP_A, memberId }));
    case 'seek': {
      const topic = state.topics[story.topic];
      const out: KafkaCommand[] = [];
      for (const m of state.groups[GROUP_A]?.members ?? []) {
        if (!m.alive) continue;
        for (const tp of m.assigned) {
          const hw = topic?.partitions[tp.partition]?.highWatermark ?? 0;
          out.push({
            type: 'seek',
            groupId: GROUP_A,
            memberId: m.memberId,
            topic: tp.topic,
            partition: tp.partition,
            offset: Math.min(action.offset, hw),
          });
        }
      }
      return out;
    }
  }
}

/** The cluster after the topic is created with the student's partition count. */
function initial(story: KafkaStory, settings: KafkaSettings): KafkaState {
  const state = initKafka(story.seed, { stickyBatchRecords: story.stickyBatchRecords });
  return stepKafka(state, {
    type: 'createTopic',
    name: story.topic,
    partitions: settings.partitions,
  }).state;
}

function apply(
  state: KafkaState,
  commands: readonly KafkaCommand[],
): { state: KafkaState; events: KafkaEvent[] } {
  let s = state;
  const events: KafkaEvent[] = [];
  for (const c of commands) {
    const r = stepKafka(s, c);
    s = r.state;
    events.push(...r.events);
  }
  return { state: s, events };
}

/** Replays the story to `step` (clamped) and then the student's actions, from a fresh cluster. */
export function replaySession(
  story: KafkaStory,
  settings: KafkaSettings,
  step: number,
  actions: readonly StudentAction[],
): Replayed {
  const n = Math.max(0, Math.min(story.steps.length, Math.floor(step)));
  let state = initial(story, settings);
  let before = state;
  let events: readonly KafkaEvent[] = [];
  let lead = '';
  for (let i = 0; i < n; i++) {
    const scripted = story.steps[i];
    if (!scripted) break;
    before = state;
    const r = apply(state, scripted.commands(settings));
    state = r.state;
    events = r.events;
    lead = scripted.lead;
  }
  for (const action of actions) {
    before = state;
    const r = apply(state, commandsFor(action, state, story, settings));
    state = r.state;
    events = r.events;
    lead = '';
  }
  return { state, before, events, lead };
}
