/**
 * The widget's logic on the kit: the model is the core's Kafka state plus the settings that shape
 * the whole story (partition count, assignor) and the student's cluster actions so far. A step or
 * an action applies core commands; a settings change replays the story to the current step with
 * the new settings, then the student's actions that still fit — those that do not are named in
 * the lab's note (`skipped`, the kit's path for actions a frame leaves out). An action that does
 * not fit (a 17th consumer, a poll with nobody in the group) is refused with the reason, never
 * thrown.
 * Where a record goes and who owns which partition is decided by the core, never here.
 */
import {
  groupLag,
  initKafka,
  logEndOffset,
  readRange,
  recordAt,
  stepKafka,
  type AssignorName,
  type KafkaCommand,
  type KafkaEvent,
  type KafkaState,
  type LagRow,
} from '../../broker/kafka/index.ts';
import { stepAll } from '../../broker/core/replay.ts';
import { refuse, replay, type FrameAt, type WidgetLogic } from '../runtime/timeline.ts';
import { textProblem, utf8Length, type Validation } from '../runtime/validate.ts';
import { caption } from './caption.ts';
import {
  GROUP_A,
  GROUP_B,
  KAFKA_PYTHON_SESSION_TIMEOUT_MS,
  KAFKA_STEPS,
  KAFKA_STORIES,
  joinCommand,
  type KafkaSettings,
  type KafkaStory,
  type KafkaStoryName,
} from './story.ts';

/** Something a student does to the cluster on top of the scripted step. */
export type StudentAction =
  | { readonly kind: 'produce'; readonly key: string | null }
  | { readonly kind: 'addConsumer' }
  | { readonly kind: 'removeConsumer' }
  | { readonly kind: 'crashConsumer' }
  | { readonly kind: 'poll'; readonly group: 'A' | 'B' }
  | { readonly kind: 'commit' }
  | { readonly kind: 'seek'; readonly offset: number };

/** A student's action: one on the cluster, or a setting that replays the story. */
export type KafkaAction =
  | StudentAction
  | { readonly kind: 'partitions'; readonly partitions: number }
  | { readonly kind: 'assignor'; readonly assignor: AssignorName };

/** Consumers a group may have in the widget (issue 5: 0–16). */
export const MAX_CONSUMERS = 16;
/** Partitions a student may choose (issue 5: 1–64). */
export const MAX_PARTITIONS = 64;
/** Records one student poll reads per member, so several clicks are needed to catch up. */
export const STUDENT_POLL_RECORDS = 3;
/** Largest key the widget accepts, in UTF-8 bytes (a short text on a slide, not Kafka's limit). */
export const MAX_KEY_BYTES = 255;
/** Largest offset a student may seek to (the field's range). */
export const MAX_SEEK_OFFSET = 999_999;
/** Cells shown per partition row; older records collapse into a «…» marker. */
export const VISIBLE_CELLS = 5;

/** The widget's model. */
export interface KafkaModel {
  readonly story: KafkaStoryName;
  readonly settings: KafkaSettings;
  /** Scripted steps played. */
  readonly played: number;
  /** The student's cluster actions applied so far (replayed when a setting changes). */
  readonly done: readonly StudentAction[];
  readonly state: KafkaState;
  /** The state before the last step or action (for "what moved" captions). */
  readonly before: KafkaState;
  /** Events of that last step or action. */
  readonly events: readonly KafkaEvent[];
  /** The last scripted step's own lead sentence ('' after a student's action). */
  readonly lead: string;
  /** The student's actions the last settings change could not replay, with why (else empty). */
  readonly skipped: readonly string[];
}

/** One record cell. */
export interface CellView {
  readonly offset: number;
  readonly key: string | null;
}

/** One group's view of one partition. */
export interface GroupOnPartition {
  readonly memberId: string | null;
  readonly position: number | null;
  readonly committed: number | null;
  readonly lag: number | null;
}

/** One partition row. */
export interface PartitionView {
  readonly index: number;
  readonly logStart: number;
  readonly endOffset: number;
  /** The shown window, oldest first: at most VISIBLE_CELLS records ending at endOffset − 1. */
  readonly cells: readonly CellView[];
  /** True for the partition the last produced record went to. */
  readonly last: boolean;
  readonly a: GroupOnPartition | null;
  readonly b: GroupOnPartition | null;
}

/** A member of a group with its partitions (ascending). */
export interface MemberView {
  readonly memberId: string;
  /** Position in join order: picks colour and shape. */
  readonly slot: number;
  readonly partitions: readonly number[];
}

/** A group as drawn. */
export interface GroupView {
  readonly groupId: string;
  readonly members: readonly MemberView[];
  /** Sum of lag over partitions with a committed offset. */
  readonly totalLag: number;
}

/** The last record produced, for the formula and the highlight. */
export interface LastRecord {
  readonly key: string | null;
  readonly partition: number;
  readonly offset: number;
}

/** What the picture draws. */
export interface KafkaView {
  readonly topic: string;
  readonly partitions: readonly PartitionView[];
  readonly groupA: GroupView | null;
  readonly groupB: GroupView | null;
  readonly last: LastRecord | null;
}

/** Everything one frame shows: the picture's view plus what the caption tells. */
export interface KafkaFrameView extends KafkaView {
  readonly story: KafkaStoryName;
  readonly settings: KafkaSettings;
  readonly state: KafkaState;
  readonly before: KafkaState;
  readonly events: readonly KafkaEvent[];
  readonly lead: string;
  readonly step: number;
  readonly actions: number;
}

/** A Kafka record key typed by a student: empty means «no key» (null), else at most 255 bytes. */
export function validateKafkaKey(raw: string): Validation<string | null> {
  if (raw.length === 0) return { ok: true, value: null };
  const problem = textProblem(raw, 'Ключ');
  if (problem) return { ok: false, message: problem };
  const bytes = utf8Length(raw);
  if (bytes > MAX_KEY_BYTES) {
    return { ok: false, message: `Ключ длиннее ${MAX_KEY_BYTES} байт (${bytes} байт).` };
  }
  return { ok: true, value: raw };
}

/** The live members of a group, in join order (empty when the group does not exist). */
export function liveMembers(state: KafkaState, groupId: string): string[] {
  return (state.groups[groupId]?.members ?? []).filter((m) => m.alive).map((m) => m.memberId);
}

/** Group A's session timeout: how long a crashed member keeps its partitions. */
export function sessionTimeout(state: KafkaState): number {
  return state.groups[GROUP_A]?.sessionTimeoutMs ?? KAFKA_PYTHON_SESSION_TIMEOUT_MS;
}

/** The core commands a student's cluster action means in `state` (it fits: see `unfit`). */
export function commandsFor(
  action: StudentAction,
  state: KafkaState,
  story: KafkaStory,
  settings: KafkaSettings,
): KafkaCommand[] {
  const a = liveMembers(state, GROUP_A);
  const lastA = a.at(-1);
  switch (action.kind) {
    case 'produce':
      return [{ type: 'produce', topic: story.topic, key: action.key, value: 'от студента' }];
    case 'addConsumer':
      return [joinCommand(story, 'A', settings.assignor)];
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

/** Why `action` cannot be done in `model`, or undefined when it can. */
function unfit(model: KafkaModel, action: KafkaAction): string | undefined {
  const a = liveMembers(model.state, GROUP_A).length;
  switch (action.kind) {
    case 'partitions': {
      const n = action.partitions;
      if (!Number.isInteger(n) || n < 1 || n > MAX_PARTITIONS) {
        return `Партиций: допустимо от 1 до ${MAX_PARTITIONS}, введено ${n}.`;
      }
      return n === model.settings.partitions ? `В топике уже ${n} партиций.` : undefined;
    }
    case 'assignor':
      return action.assignor === model.settings.assignor
        ? `Стратегия уже ${action.assignor}.`
        : undefined;
    case 'produce':
      return undefined;
    case 'addConsumer':
      return a >= MAX_CONSUMERS
        ? `В группе уже ${MAX_CONSUMERS} consumer'ов — это предел виджета (0–16).`
        : undefined;
    case 'removeConsumer':
    case 'crashConsumer':
      return a === 0 ? "В группе A нет consumer'ов (0–16)." : undefined;
    case 'poll': {
      const groupId = action.group === 'A' ? GROUP_A : GROUP_B;
      if (liveMembers(model.state, groupId).length > 0) return undefined;
      return action.group === 'B'
        ? 'Группы B в этой истории нет — poll B делать некому.'
        : "В группе A нет consumer'ов — poll делать некому.";
    }
    case 'commit':
      return a === 0 ? "В группе A нет consumer'ов — фиксировать нечего." : undefined;
    case 'seek':
      if (
        !Number.isInteger(action.offset) ||
        action.offset < 0 ||
        action.offset > MAX_SEEK_OFFSET
      ) {
        return `Offset: допустимо от 0 до ${MAX_SEEK_OFFSET}, введено ${action.offset}.`;
      }
      return a === 0 ? 'Seek делает consumer: сначала добавьте его в группу A.' : undefined;
  }
}

/** The model before the first step of `story` with `settings`: the topic is created. */
export function initWith(story: KafkaStoryName, settings?: KafkaSettings): KafkaModel {
  const s = KAFKA_STORIES[story];
  const chosen = settings ?? { partitions: s.defaultPartitions, assignor: 'range' };
  const fresh = initKafka(s.seed, { stickyBatchRecords: s.stickyBatchRecords });
  const { state } = stepAll(stepKafka, fresh, [
    { type: 'createTopic', name: s.topic, partitions: chosen.partitions },
  ]);
  return {
    story,
    settings: chosen,
    played: 0,
    done: [],
    state,
    before: state,
    events: [],
    lead: '',
    skipped: [],
  };
}

function play(model: KafkaModel, step: number): KafkaModel {
  const scripted = KAFKA_STORIES[model.story].steps[step - 1];
  if (!scripted) return model;
  const r = stepAll(stepKafka, model.state, scripted.commands(model.settings));
  return {
    ...model,
    played: step,
    before: model.state,
    state: r.state,
    events: r.events,
    lead: scripted.lead,
    skipped: [],
  };
}

function actOnCluster(model: KafkaModel, action: StudentAction): KafkaModel {
  const story = KAFKA_STORIES[model.story];
  const r = stepAll(
    stepKafka,
    model.state,
    commandsFor(action, model.state, story, model.settings),
  );
  return {
    ...model,
    done: [...model.done, action],
    before: model.state,
    state: r.state,
    events: r.events,
    lead: '',
    skipped: [],
  };
}

/** How the lab names a student's action (in the note about one a settings change left out). */
function actionName(action: StudentAction): string {
  switch (action.kind) {
    case 'produce':
      return action.key === null ? '«Отправить» без ключа' : `«Отправить» ${action.key}`;
    case 'addConsumer':
      return '«+ consumer»';
    case 'removeConsumer':
      return '«− consumer»';
    case 'crashConsumer':
      return '«Упал»';
    case 'poll':
      return `«poll ${action.group}»`;
    case 'commit':
      return '«commit A»';
    case 'seek':
      return `«Seek» на ${action.offset}`;
  }
}

/**
 * The story replayed to the same step with `settings`, then the student's actions that fit; the
 * others are left out and named in `skipped` (the kit shows them in the lab's note).
 */
function replayWith(model: KafkaModel, settings: KafkaSettings): KafkaModel {
  let next = initWith(model.story, settings);
  for (let step = 1; step <= model.played; step++) next = play(next, step);
  const skipped: string[] = [];
  for (const action of model.done) {
    const reason = unfit(next, action);
    if (reason === undefined) next = actOnCluster(next, action);
    else skipped.push(`${actionName(action)}: ${reason}`);
  }
  return { ...next, skipped };
}

/** The last written record among `events` (produce events that got an offset). */
export function lastProduced(state: KafkaState, events: readonly KafkaEvent[]): LastRecord | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e?.type !== 'produce' || e.offset === null) continue;
    const p = state.topics[e.topic]?.partitions[e.partition];
    const rec = p && recordAt(p, e.offset);
    return { key: rec?.key ?? null, partition: e.partition, offset: e.offset };
  }
  return null;
}

/** A stable colour/shape slot: consumer-3 keeps its look across rebalances. */
export function memberSlot(memberId: string, fallback: number): number {
  const n = /^consumer-(\d+)$/.exec(memberId);
  return n ? Number(n[1]) - 1 : fallback;
}

function groupView(state: KafkaState, groupId: string): GroupView | null {
  const g = state.groups[groupId];
  if (!g) return null;
  const alive = g.members.filter((m) => m.alive);
  const rows = groupLag(g, state);
  return {
    groupId,
    members: alive.map((m, slot) => ({
      memberId: m.memberId,
      slot: memberSlot(m.memberId, slot),
      partitions: m.assigned.map((tp) => tp.partition).sort((x, y) => x - y),
    })),
    totalLag: rows.reduce((sum, r) => sum + (r.lag ?? 0), 0),
  };
}

function onPartition(rows: readonly LagRow[] | null, index: number): GroupOnPartition | null {
  const r = rows?.find((x) => x.partition === index);
  if (!r) return null;
  return { memberId: r.memberId, position: r.position, committed: r.committed, lag: r.lag };
}

/** The picture's view of `state`; `last` comes from the events of the last step or action. */
export function buildView(
  state: KafkaState,
  topic: string,
  events: readonly KafkaEvent[],
): KafkaView {
  const t = state.topics[topic];
  const last = lastProduced(state, events);
  const ga = state.groups[GROUP_A];
  const gb = state.groups[GROUP_B];
  const rowsA = ga ? groupLag(ga, state) : null;
  const rowsB = gb ? groupLag(gb, state) : null;
  const partitions: PartitionView[] = (t?.partitions ?? []).map((p) => {
    const end = logEndOffset(p);
    const from = Math.max(p.logStartOffset, end - VISIBLE_CELLS);
    const cells = readRange(p, from, end).map((r) => ({ offset: r.offset, key: r.key }));
    return {
      index: p.partition,
      logStart: p.logStartOffset,
      endOffset: end,
      cells,
      last: last?.partition === p.partition,
      a: onPartition(rowsA, p.partition),
      b: onPartition(rowsB, p.partition),
    };
  });
  return {
    topic,
    partitions,
    groupA: groupView(state, GROUP_A),
    groupB: groupView(state, GROUP_B),
    last,
  };
}

/** The frame a model shows. */
export function viewOf(model: KafkaModel, at: FrameAt<KafkaStoryName>): KafkaFrameView {
  const topic = KAFKA_STORIES[model.story].topic;
  return {
    ...buildView(model.state, topic, model.events),
    story: model.story,
    settings: model.settings,
    state: model.state,
    before: model.before,
    events: model.events,
    lead: model.lead,
    step: at.step,
    actions: at.actions,
  };
}

/** The logic with the story's own settings at the start (`settings` overrides them: tests). */
export function kafkaLogic(
  settings?: KafkaSettings,
): WidgetLogic<KafkaModel, KafkaFrameView, KafkaAction, KafkaStoryName> {
  return {
    init: (story) => initWith(story, settings),
    play: (model, _story, step) => play(model, step),
    act(model, action) {
      const reason = unfit(model, action);
      if (reason !== undefined) return refuse(reason);
      switch (action.kind) {
        case 'partitions':
          return replayWith(model, { ...model.settings, partitions: action.partitions });
        case 'assignor':
          return replayWith(model, { ...model.settings, assignor: action.assignor });
        default:
          return actOnCluster(model, action);
      }
    },
    view: viewOf,
    caption,
    skipped: (model) => model.skipped,
  };
}

/** The widget's logic: each story starts with its own partition count and the range assignor. */
export const kafkaPartitionsLogic = kafkaLogic();

/**
 * The frame after `step` scripted steps of `story` and the student's `actions`, replayed from
 * scratch (with `settings` from the start when given).
 */
export function kafkaView(
  story: KafkaStoryName,
  step: number,
  actions: readonly KafkaAction[] = [],
  settings?: KafkaSettings,
): KafkaFrameView {
  const logic = settings ? kafkaLogic(settings) : kafkaPartitionsLogic;
  return replay(logic, story, KAFKA_STEPS, step, actions).view;
}
