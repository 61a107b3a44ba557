/**
 * What a group member does between rebalances: poll (fetch from its positions up to the high
 * watermark), commit offsets, seek. Positions only move forward except by seek or an offset reset.
 */
import { tpKey, type TopicPartition } from './assignor-types.ts';
import { at } from '../core/at.ts';
import { own } from '../core/record.ts';
import type { FetchedSlice } from './events.ts';
import { sliceInto } from './partition-log.ts';
import { logEndOffset, type GroupState, type MemberState } from './state.ts';
import {
  commit,
  positionsOf,
  readableRange,
  resetPosition,
  type GroupContext,
} from './consumer-group.ts';

/** The live member, or undefined (the caller reports UNKNOWN_MEMBER_ID). */
export function findMember(group: GroupState, memberId: string): MemberState | undefined {
  return group.members.find((m) => m.memberId === memberId && m.alive);
}

function replaceMember(group: GroupState, member: MemberState): GroupState {
  return {
    ...group,
    members: group.members.map((m) => (m.memberId === member.memberId ? member : m)),
  };
}

/**
 * KafkaConsumer.poll: auto-commit if due, then up to max records from the assigned partitions.
 * A partition with no leader is skipped, its position kept, until one is elected (the Fetcher's
 * prepareFetchRequests: "missing the current leader node" → metadata update, no fetch). A position
 * beyond the high watermark but within the log fetches nothing; only one outside
 * [log start, log end] is OFFSET_OUT_OF_RANGE and reset by auto.offset.reset (Kafka's
 * LocalLog.read throws OffsetOutOfRangeException only for a start past the log end offset and
 * returns an empty read for a start at or past the high watermark).
 */
export function poll(
  group: GroupState,
  memberId: string,
  maxRecords: number,
  ctx: GroupContext,
): GroupState {
  let g = group;
  let m = findMember(g, memberId) as MemberState;
  if (g.enableAutoCommit && ctx.now - m.lastAutoCommitMs >= g.autoCommitIntervalMs) {
    g = commit(g, memberId, positionsOf(m, m.assigned), true, ctx);
    m = { ...m, lastAutoCommitMs: ctx.now };
  }
  const positions = { ...m.positions };
  const slices: FetchedSlice[] = [];
  let total = 0;
  const n = m.assigned.length;
  for (let i = 0; i < n && total < maxRecords; i++) {
    const tp = at(m.assigned, (m.pollCursor + i) % n);
    const key = tpKey(tp);
    const p = own(ctx.topics, tp.topic)?.partitions[tp.partition];
    if (!p || p.leader < 0) continue;
    let pos = positions[key];
    if (pos === undefined && g.autoOffsetReset !== 'none') {
      // Assigned while the partition had no leader to ask (ListOffsets): reset it now.
      pos = resetPosition(g, memberId, tp, 'noCommittedOffset', ctx);
    } else if (pos !== undefined && (pos < p.logStartOffset || pos > logEndOffset(p))) {
      // OFFSET_OUT_OF_RANGE: retention deleted the position (or a failover cut the log). With
      // auto.offset.reset=none the position stays and every poll raises the error again.
      const reset = resetPosition(g, memberId, tp, 'offsetOutOfRange', ctx);
      if (reset === undefined) continue;
      pos = reset;
    }
    if (pos === undefined) {
      delete positions[key];
      continue;
    }
    // LocalLog.read: a start at or past the high watermark reads nothing, the position stays.
    const to = Math.max(pos, Math.min(p.highWatermark, pos + maxRecords - total));
    positions[key] = to;
    if (to > pos) {
      sliceInto(p, pos, to, slices);
      total += to - pos;
    }
  }
  ctx.emit({ type: 'fetch', groupId: g.groupId, memberId, count: total, slices });
  return replaceMember(g, { ...m, positions, pollCursor: n === 0 ? 0 : (m.pollCursor + 1) % n });
}

/** commitSync: the member's positions, or explicit offsets for partitions it owns. */
export function commitOffsets(
  group: GroupState,
  memberId: string,
  offsets: readonly { topic: string; partition: number; offset: number }[] | undefined,
  ctx: GroupContext,
): GroupState {
  const m = findMember(group, memberId) as MemberState;
  if (!offsets) return commit(group, memberId, positionsOf(m, m.assigned), false, ctx);
  for (const o of offsets) {
    if (!m.assigned.some((tp) => tp.topic === o.topic && tp.partition === o.partition)) {
      throw new RangeError(`commitOffset: ${memberId} does not own ${o.topic}-${o.partition}`);
    }
    const range = readableRange(ctx, o);
    // The model keeps committed ≤ high watermark; Kafka would store any offset and reset on read.
    if (!range || !Number.isInteger(o.offset) || o.offset < 0 || o.offset > range.end) {
      throw new RangeError(
        `commitOffset: offset ${o.offset} is outside [0, ${range?.end}] for ${o.topic}-${o.partition}`,
      );
    }
  }
  return commit(group, memberId, offsets, false, ctx);
}

/** KafkaConsumer.seek: the next poll reads from `offset` (out of range → reset on poll, as Kafka). */
export function seek(
  group: GroupState,
  memberId: string,
  tp: TopicPartition,
  offset: number,
  ctx: GroupContext,
): GroupState {
  const m = findMember(group, memberId) as MemberState;
  if (!m.assigned.some((a) => a.topic === tp.topic && a.partition === tp.partition)) {
    throw new RangeError(`seek: no current assignment for partition ${tp.topic}-${tp.partition}`);
  }
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`seek: bad offset ${offset}`);
  ctx.emit({
    type: 'seek',
    groupId: group.groupId,
    memberId,
    topic: tp.topic,
    partition: tp.partition,
    offset,
  });
  return replaceMember(group, { ...m, positions: { ...m.positions, [tpKey(tp)]: offset } });
}

/** seekToBeginning / seekToEnd over all assigned partitions. */
export function seekAll(
  group: GroupState,
  memberId: string,
  to: 'beginning' | 'end',
  ctx: GroupContext,
): GroupState {
  let g = group;
  const m = findMember(g, memberId) as MemberState;
  for (const tp of m.assigned) {
    const range = readableRange(ctx, tp);
    if (range) g = seek(g, memberId, tp, to === 'beginning' ? range.start : range.end, ctx);
  }
  return g;
}

/** One row of `kafka-consumer-groups --describe`. */
export interface LagRow {
  readonly topic: string;
  readonly partition: number;
  /** The high watermark (what the tool calls LOG-END-OFFSET). */
  readonly logEndOffset: number;
  readonly committed: number | null;
  /** logEndOffset − committed, or null with no committed offset. */
  readonly lag: number | null;
  readonly memberId: string | null;
  readonly position: number | null;
  /** logEndOffset − position: what the consumer has yet to fetch. */
  readonly positionLag: number | null;
}

/** Lag per partition of every topic the group's members subscribe to. */
export function groupLag(group: GroupState, ctx: Pick<GroupContext, 'topics'>): LagRow[] {
  const topics = [...new Set(group.members.flatMap((m) => m.topics))].sort();
  const rows: LagRow[] = [];
  for (const topic of topics) {
    const t = own(ctx.topics, topic);
    if (!t) continue;
    for (const p of t.partitions) {
      const key = tpKey(p);
      const owner = group.members.find((m) =>
        m.assigned.some((a) => a.topic === topic && a.partition === p.partition),
      );
      const committed = group.committed[key] ?? null;
      const position = owner?.positions[key] ?? null;
      rows.push({
        topic,
        partition: p.partition,
        logEndOffset: p.highWatermark,
        committed,
        lag: committed === null ? null : p.highWatermark - committed,
        memberId: owner?.memberId ?? null,
        position,
        positionLag: position === null ? null : p.highWatermark - position,
      });
    }
  }
  return rows;
}
