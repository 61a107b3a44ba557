/**
 * Consumer groups: join, leave and a session timeout trigger a rebalance with the group's assignor.
 * Eager assignors (range, roundrobin) revoke everything and then assign; cooperative-sticky revokes
 * only what moves and runs a follow-up rebalance to hand it over, as Kafka's ConsumerCoordinator
 * does. A rebalance completes only when every member has rejoined or been removed (the broker's
 * GroupCoordinator.tryCompleteJoin): a crashed member never rejoins, so the group waits for its
 * session to time out.
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
import { own, put } from '../core/record.ts';
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
  const p = own(ctx.topics, tp.topic)?.partitions[tp.partition];
  return p ? { start: p.logStartOffset, end: p.highWatermark } : undefined;
}

/** Whether the partition has a leader to fetch from (a consumer skips it until it has one). */
export function hasLeader(ctx: GroupContext, tp: TopicPartition): boolean {
  return (own(ctx.topics, tp.topic)?.partitions[tp.partition]?.leader ?? -1) >= 0;
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
 * The position a newly assigned partition starts from: the committed offset as it is (from the
 * group coordinator, no leader needed; ConsumerCoordinator.refreshCommittedOffsets seeks to it
 * unchecked — a fetch finds out if retention has passed it), else auto.offset.reset (earliest =
 * log start, latest = high watermark; none = no position, NoOffsetForPartitionException). A
 * reset asks the leader (ListOffsets), so without one the partition has no position yet and the
 * next poll that finds a leader resets it (SubscriptionState keeps it AWAIT_RESET).
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
  if (committed !== undefined) return committed;
  if (group.autoOffsetReset !== 'none' && !hasLeader(ctx, tp)) return undefined;
  return resetPosition(group, memberId, tp, 'noCommittedOffset', ctx);
}

/**
 * Applies auto.offset.reset and reports it. With `none` there is nothing to apply: no committed
 * offset raises NoOffsetForPartitionException (SubscriptionState.resetInitializingPositions), a
 * position out of range OffsetOutOfRangeException (Fetcher.handleOffsetOutOfRange); the position
 * stays undefined, or as it was.
 */
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
    const where = { groupId: group.groupId, memberId, topic: tp.topic, partition: tp.partition };
    ctx.emit(
      reason === 'noCommittedOffset'
        ? { type: 'noOffsetForPartition', ...where }
        : { type: 'offsetOutOfRange', ...where },
    );
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

/**
 * ConsumerCoordinator.onJoinPrepare for every live member: auto-commit of all consumed positions
 * (subscriptions.allConsumed(), whatever the protocol), then under the eager protocol the revocation
 * of everything it owns. Cooperative members keep their partitions until the assignment says
 * otherwise; onJoinComplete then revokes what moved without committing again.
 */
function joinPrepare(group: GroupState, generation: number, ctx: GroupContext): GroupState {
  let g = group;
  const eager = g.assignor !== 'cooperative-sticky';
  for (const m of g.members) {
    if (!m.alive) continue;
    if (g.enableAutoCommit) g = commit(g, m.memberId, positionsOf(m, m.assigned), true, ctx);
    if (eager && m.assigned.length > 0) {
      ctx.emit({
        type: 'partitionsRevoked',
        groupId: g.groupId,
        memberId: m.memberId,
        generation,
        partitions: m.assigned,
      });
    }
  }
  if (!eager) return g;
  return {
    ...g,
    members: g.members.map((m) =>
      m.alive ? { ...m, assigned: [], positions: {}, pollCursor: 0 } : m,
    ),
  };
}

/** One JoinGroup/SyncGroup round: a new generation and its assignment. */
function oneRebalance(
  group: GroupState,
  prepared: boolean,
  ctx: GroupContext,
): { group: GroupState; revokedAny: boolean } {
  const cooperative = group.assignor === 'cooperative-sticky';
  let g: GroupState = { ...group, generation: group.generation + 1 };
  if (!prepared) g = joinPrepare(g, g.generation, ctx);
  ctx.emit({
    type: 'rebalance',
    groupId: g.groupId,
    generation: g.generation,
    protocol: cooperative ? 'cooperative' : 'eager',
    members: g.members.map((m) => m.memberId),
  });
  const partitionsPerTopic: Record<string, number> = {};
  for (const [name, t] of Object.entries(ctx.topics))
    put(partitionsPerTopic, name, t.partitions.length);
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
    const next = (own(assignment, m.memberId) ?? []).slice().sort(compareTopicPartition);
    const revoked = diff(m.assigned, next);
    const added = diff(next, m.assigned);
    let positions = { ...m.positions };
    if (revoked.length > 0) {
      // Committed already in joinPrepare; onJoinComplete only revokes (no commit here).
      revokedAny = true;
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
 * A membership change: the group rebalances. While a crashed member's session has not timed out,
 * the coordinator cannot complete the join (it waits for every known member), so the group only
 * prepares: live members run onJoinPrepare (auto-commit; eager members revoke everything) and wait;
 * the crashed member's partitions stay with it, unread. expireMember completes it. Cooperative
 * groups run a second round when the first revoked anything, so moved partitions reach their new
 * owners.
 */
export function rebalance(group: GroupState, ctx: GroupContext): GroupState {
  const waitingFor = group.members.filter((m) => !m.alive).map((m) => m.memberId);
  if (waitingFor.length > 0) {
    if (group.preparingRebalance) return group;
    ctx.emit({
      type: 'preparingRebalance',
      groupId: group.groupId,
      generation: group.generation + 1,
      waitingFor,
    });
    return { ...joinPrepare(group, group.generation + 1, ctx), preparingRebalance: true };
  }
  let round = oneRebalance(group, group.preparingRebalance, ctx);
  // Kafka's own cooperative tests allow a few follow-ups; in practice one is enough.
  for (let i = 0; i < 4 && group.assignor === 'cooperative-sticky' && round.revokedAny; i++) {
    round = oneRebalance(round.group, false, ctx);
  }
  return { ...round.group, preparingRebalance: false };
}

/**
 * session.timeout.ms passed without a heartbeat from a crashed member: the coordinator removes it
 * (GroupCoordinator.onExpireHeartbeat → removeMemberAndUpdateGroup) and the group rebalances, or
 * completes the rebalance it was waiting with.
 */
export function expireMember(group: GroupState, memberId: string, ctx: GroupContext): GroupState {
  ctx.emit({ type: 'sessionTimeout', groupId: group.groupId, memberId });
  const g = { ...group, members: group.members.filter((m) => m.memberId !== memberId) };
  return rebalance(g, ctx);
}
