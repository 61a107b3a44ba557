/**
 * Consumer groups: join, leave and crash trigger a rebalance with the group's assignor. Eager
 * assignors (range, roundrobin) revoke everything and then assign; cooperative-sticky revokes only
 * what moves and runs a follow-up rebalance to hand it over, as Kafka's ConsumerCoordinator does.
 */
import { assignRange } from './range-assignor.ts';
import { assignRoundRobin } from './round-robin-assignor.ts';
import { assignCooperativeSticky } from './cooperative-sticky-assignor.ts';
import {
  compareTopicPartition,
  tpKey,
  type Assignment,
  type Member,
  type TopicPartition,
} from './assignor-types.ts';
import type { KafkaEvent } from './events.ts';
import type { GroupState, MemberState, TopicState } from './state.ts';

/** What group code needs from the cluster. */
export interface GroupContext {
  readonly now: number;
  readonly topics: Readonly<Record<string, TopicState>>;
  readonly emit: (e: KafkaEvent) => void;
}

const ASSIGNORS = {
  range: assignRange,
  roundrobin: assignRoundRobin,
  'cooperative-sticky': assignCooperativeSticky,
} as const;

/** The offsets a consumer may read: [log start, high watermark]. */
export function readableRange(
  ctx: GroupContext,
  tp: TopicPartition,
): { start: number; end: number } | undefined {
  const p = ctx.topics[tp.topic]?.partitions[tp.partition];
  return p ? { start: p.logStartOffset, end: p.highWatermark } : undefined;
}

/** Commits the given offsets for a member (the caller checks ownership). */
export function commit(
  group: GroupState,
  memberId: string,
  offsets: readonly { topic: string; partition: number; offset: number }[],
  auto: boolean,
  ctx: GroupContext,
): GroupState {
  if (offsets.length === 0) return group;
  const committed = { ...group.committed };
  for (const o of offsets) committed[tpKey(o)] = o.offset;
  ctx.emit({ type: 'commitOffset', groupId: group.groupId, memberId, offsets, auto });
  return { ...group, committed };
}

/** The member's positions for `partitions`, as commit entries. */
export function positionsOf(
  member: MemberState,
  partitions: readonly TopicPartition[],
): { topic: string; partition: number; offset: number }[] {
  const out: { topic: string; partition: number; offset: number }[] = [];
  for (const tp of partitions) {
    const pos = member.positions[tpKey(tp)];
    if (pos !== undefined) out.push({ topic: tp.topic, partition: tp.partition, offset: pos });
  }
  return out;
}

/**
 * The position a newly assigned partition starts from: the committed offset if it is still in the
 * log, else auto.offset.reset (earliest = log start, latest = high watermark; none = no position).
 */
export function initialPosition(
  group: GroupState,
  memberId: string,
  tp: TopicPartition,
  ctx: GroupContext,
): number | undefined {
  const range = readableRange(ctx, tp);
  if (!range) return undefined;
  const committed = group.committed[tpKey(tp)];
  if (committed !== undefined && committed >= range.start && committed <= range.end)
    return committed;
  return resetPosition(
    group,
    memberId,
    tp,
    committed === undefined ? 'noCommittedOffset' : 'offsetOutOfRange',
    ctx,
  );
}

/** Applies auto.offset.reset and reports it. */
export function resetPosition(
  group: GroupState,
  memberId: string,
  tp: TopicPartition,
  reason: 'noCommittedOffset' | 'offsetOutOfRange',
  ctx: GroupContext,
): number | undefined {
  const range = readableRange(ctx, tp);
  if (!range) return undefined;
  if (group.autoOffsetReset === 'none') {
    ctx.emit({
      type: 'noOffsetForPartition',
      groupId: group.groupId,
      memberId,
      topic: tp.topic,
      partition: tp.partition,
    });
    return undefined;
  }
  const offset = group.autoOffsetReset === 'earliest' ? range.start : range.end;
  ctx.emit({
    type: 'offsetReset',
    groupId: group.groupId,
    memberId,
    topic: tp.topic,
    partition: tp.partition,
    policy: group.autoOffsetReset,
    offset,
    reason,
  });
  return offset;
}

function diff(a: readonly TopicPartition[], b: readonly TopicPartition[]): TopicPartition[] {
  const keys = new Set(b.map(tpKey));
  return a.filter((tp) => !keys.has(tpKey(tp)));
}

/** One JoinGroup/SyncGroup round: a new generation and its assignment. */
function oneRebalance(
  group: GroupState,
  ctx: GroupContext,
): { group: GroupState; revokedAny: boolean } {
  const cooperative = group.assignor === 'cooperative-sticky';
  let g: GroupState = { ...group, generation: group.generation + 1 };
  // Eager protocol: every member revokes everything before rejoining (committing first if auto-commit is on).
  if (!cooperative) {
    for (const m of g.members) {
      if (m.assigned.length === 0) continue;
      if (g.enableAutoCommit) g = commit(g, m.memberId, positionsOf(m, m.assigned), true, ctx);
      ctx.emit({
        type: 'partitionsRevoked',
        groupId: g.groupId,
        memberId: m.memberId,
        generation: g.generation,
        partitions: m.assigned,
      });
    }
    g = {
      ...g,
      members: g.members.map((m) => ({ ...m, assigned: [], positions: {}, pollCursor: 0 })),
    };
  }
  ctx.emit({
    type: 'rebalance',
    groupId: g.groupId,
    generation: g.generation,
    protocol: cooperative ? 'cooperative' : 'eager',
    members: g.members.map((m) => m.memberId),
  });
  const partitionsPerTopic: Record<string, number> = {};
  for (const [name, t] of Object.entries(ctx.topics))
    partitionsPerTopic[name] = t.partitions.length;
  const input: Member[] = g.members.map((m) => ({
    memberId: m.memberId,
    topics: m.topics,
    ...(m.groupInstanceId !== undefined ? { groupInstanceId: m.groupInstanceId } : {}),
    ownedPartitions: m.assigned,
  }));
  const assignment: Assignment =
    g.members.length === 0 ? {} : ASSIGNORS[g.assignor](input, partitionsPerTopic);
  let revokedAny = false;
  const members: MemberState[] = [];
  for (const m of g.members) {
    const next = (assignment[m.memberId] ?? []).slice().sort(compareTopicPartition);
    const revoked = diff(m.assigned, next);
    const added = diff(next, m.assigned);
    let positions = { ...m.positions };
    if (revoked.length > 0) {
      revokedAny = true;
      if (g.enableAutoCommit) g = commit(g, m.memberId, positionsOf(m, revoked), true, ctx);
      for (const tp of revoked) delete positions[tpKey(tp)];
      ctx.emit({
        type: 'partitionsRevoked',
        groupId: g.groupId,
        memberId: m.memberId,
        generation: g.generation,
        partitions: revoked,
      });
    }
    ctx.emit({
      type: 'partitionsAssigned',
      groupId: g.groupId,
      memberId: m.memberId,
      generation: g.generation,
      partitions: added,
    });
    for (const tp of added) {
      const pos = initialPosition(g, m.memberId, tp, ctx);
      if (pos !== undefined) positions = { ...positions, [tpKey(tp)]: pos };
    }
    members.push({ ...m, assigned: next, positions });
  }
  return { group: { ...g, members }, revokedAny };
}

/**
 * Rebalances the group. Crashed members that have not yet timed out cannot rejoin and are dropped
 * (the coordinator evicts members that miss the rebalance). Cooperative groups run a second round
 * when the first revoked anything, so moved partitions reach their new owners.
 */
export function rebalance(group: GroupState, ctx: GroupContext): GroupState {
  let g = group;
  const dead = g.members.filter((m) => !m.alive);
  if (dead.length > 0) {
    for (const m of dead)
      ctx.emit({ type: 'sessionTimeout', groupId: g.groupId, memberId: m.memberId });
    g = { ...g, members: g.members.filter((m) => m.alive) };
  }
  let round = oneRebalance(g, ctx);
  // Kafka's own cooperative tests allow a few follow-ups; in practice one is enough.
  for (let i = 0; i < 4 && g.assignor === 'cooperative-sticky' && round.revokedAny; i++) {
    round = oneRebalance(round.group, ctx);
  }
  return round.group;
}
