/**
 * From a cluster state to what the widget draws: partition logs (the latest cells), each group's
 * position, committed offset and lag per partition (the core's groupLag), and who owns what.
 */
import {
  groupLag,
  logEndOffset,
  readRange,
  recordAt,
  type KafkaEvent,
  type KafkaState,
  type LagRow,
} from '../../broker/kafka/index.ts';
import { GROUP_A, GROUP_B } from './scenarios.ts';

/** Cells shown per partition row; older records collapse into a «…» marker. */
export const VISIBLE_CELLS = 7;

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

/** Everything one frame of the widget shows. */
export interface KafkaView {
  readonly topic: string;
  readonly partitions: readonly PartitionView[];
  readonly groupA: GroupView | null;
  readonly groupB: GroupView | null;
  readonly last: LastRecord | null;
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

/** The frame for `state`; `last` comes from the events of the last step or action. */
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
