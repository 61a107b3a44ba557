/**
 * The simulated Kafka cluster as a pure Model: step(state, command) → { state, events }.
 */
import { createClock, popDue, schedule, setNow, type ClockState } from '../core/clock.ts';
import { seedPrng, type PrngState } from '../core/prng.ts';
import { appendCapped } from '../core/capped.ts';
import type { Model, StepResult } from '../core/replay.ts';
import { kafkaPartitionForKey, initialSticky, stickyPartitionForKeyless } from './partitioner.ts';
import { appendRecord, applyRetention } from './partition-log.ts';
import { utf8Encode } from './utf8.ts';
import {
  electLeader,
  onBrokerDown,
  replicateFollowers,
  shrinkLaggingIsr,
  updateHighWatermark,
} from './replication.ts';
import { rebalance, type GroupContext } from './consumer-group.ts';
import { commitOffsets, findMember, poll, seek, seekAll } from './consumer-ops.ts';
import type { KafkaCommand, KafkaEvent } from './events.ts';
import {
  defaultKafkaConfig,
  logEndOffset,
  type GroupState,
  type KafkaConfig,
  type KafkaState,
  type PartitionState,
  type TimerPayload,
  type TopicConfig,
  type TopicState,
} from './state.ts';

const defaultTopicConfig: Omit<TopicConfig, 'partitions'> = {
  replicationFactor: 1,
  minInsyncReplicas: 1,
  retentionMs: 604_800_000,
  retentionBytes: -1,
  segmentRecords: 100,
  uncleanLeaderElection: false,
};

/** A fresh cluster: all brokers up, no topics, the retention checker scheduled. */
export function initKafka(seed: number, config: Partial<KafkaConfig> = {}): KafkaState {
  const cfg = { ...defaultKafkaConfig, ...config };
  const clock = schedule(createClock<TimerPayload>(), cfg.retentionCheckIntervalMs, {
    kind: 'retentionCheck',
  }).clock;
  return {
    config: cfg,
    clock,
    prng: seedPrng(seed),
    brokersUp: Object.fromEntries(cfg.brokers.map((b) => [String(b), true])),
    topics: {},
    groups: {},
    nextProduceId: 1,
    history: [],
  };
}

/** A copy-on-write working copy: containers are copied, records are shared and never mutated. */
class Draft {
  topics: Record<string, TopicState>;
  groups: Record<string, GroupState>;
  clock: ClockState<TimerPayload>;
  prng: PrngState;
  brokersUp: Record<string, boolean>;
  nextProduceId: number;
  readonly events: KafkaEvent[] = [];
  readonly emit = (e: KafkaEvent): void => {
    this.events.push(e);
  };

  constructor(readonly base: KafkaState) {
    this.topics = { ...base.topics };
    this.groups = { ...base.groups };
    this.clock = base.clock;
    this.prng = base.prng;
    this.brokersUp = { ...base.brokersUp };
    this.nextProduceId = base.nextProduceId;
  }

  ctx(): GroupContext {
    return { now: this.clock.now, topics: this.topics, emit: this.emit };
  }

  setPartition(p: PartitionState): void {
    const t = this.topics[p.topic] as TopicState;
    const partitions = t.partitions.slice();
    partitions[p.partition] = p;
    this.topics[p.topic] = { ...t, partitions };
  }

  finish(): StepResult<KafkaState, KafkaEvent> {
    const state: KafkaState = {
      ...this.base,
      topics: this.topics,
      groups: this.groups,
      clock: this.clock,
      prng: this.prng,
      brokersUp: this.brokersUp,
      nextProduceId: this.nextProduceId,
      history:
        this.events.length === 0
          ? this.base.history
          : appendCapped(this.base.history, this.events, this.base.config.historyCap),
    };
    return { state, events: this.events };
  }
}

function requireTopic(d: Draft, name: string): TopicState {
  const t = d.topics[name];
  if (!t) throw new RangeError(`unknown topic ${name}`);
  return t;
}

function requireGroup(d: Draft, groupId: string): GroupState {
  const g = d.groups[groupId];
  if (!g) throw new RangeError(`unknown group ${groupId}`);
  return g;
}

function createTopic(d: Draft, cmd: Extract<KafkaCommand, { type: 'createTopic' }>): void {
  if (d.topics[cmd.name]) {
    d.emit({
      type: 'error',
      error: 'TOPIC_ALREADY_EXISTS',
      message: `Topic '${cmd.name}' already exists.`,
    });
    return;
  }
  const name = cmd.name;
  const overrides: Partial<TopicConfig> = { ...cmd };
  delete (overrides as { type?: string }).type;
  delete (overrides as { name?: string }).name;
  const config: TopicConfig = { ...defaultTopicConfig, partitions: 1, ...overrides };
  const brokers = d.base.config.brokers;
  if (!Number.isInteger(config.partitions) || config.partitions < 1)
    throw new RangeError(`createTopic: bad partitions ${config.partitions}`);
  if (config.replicationFactor < 1 || config.replicationFactor > brokers.length) {
    throw new RangeError(
      `createTopic: replication factor ${config.replicationFactor} needs that many brokers (have ${brokers.length})`,
    );
  }
  const partitions: PartitionState[] = [];
  for (let i = 0; i < config.partitions; i++) {
    // Round-robin replica placement, starting one broker further for each partition.
    const replicas = Array.from(
      { length: config.replicationFactor },
      (_, r) => brokers[(i + r) % brokers.length] as number,
    );
    const live = replicas.filter((b) => d.brokersUp[b]);
    partitions.push({
      topic: name,
      partition: i,
      logStartOffset: 0,
      records: [],
      segments: [],
      highWatermark: 0,
      replicas,
      leader: live[0] ?? -1,
      leaderEpoch: 0,
      isr: live.length > 0 ? live : replicas.slice(0, 1),
      replicaLeo: Object.fromEntries(replicas.map((b) => [String(b), 0])),
      lastCaughtUpMs: Object.fromEntries(replicas.map((b) => [String(b), d.clock.now])),
      pendingAcks: [],
    });
  }
  d.topics[name] = { name, config, partitions, sticky: initialSticky };
  d.emit({
    type: 'topicCreated',
    topic: name,
    partitions: config.partitions,
    replicationFactor: config.replicationFactor,
  });
}

function produce(d: Draft, cmd: Extract<KafkaCommand, { type: 'produce' }>): void {
  let t = requireTopic(d, cmd.topic);
  const acks = cmd.acks ?? 'all';
  const key = cmd.key ?? null;
  let partition: number;
  if (cmd.partition !== undefined) {
    if (
      !Number.isInteger(cmd.partition) ||
      cmd.partition < 0 ||
      cmd.partition >= t.partitions.length
    ) {
      throw new RangeError(`produce: partition ${cmd.partition} does not exist in ${cmd.topic}`);
    }
    partition = cmd.partition;
  } else if (key !== null) {
    partition = kafkaPartitionForKey(key, t.partitions.length);
  } else {
    const available = t.partitions.filter((p) => p.leader >= 0).map((p) => p.partition);
    const pick = stickyPartitionForKeyless(
      t.sticky,
      d.prng,
      available,
      t.partitions.length,
      d.base.config.stickyBatchRecords,
    );
    partition = pick.partition;
    d.prng = pick.prng;
    t = { ...t, sticky: pick.sticky };
    d.topics[cmd.topic] = t;
  }
  const id = d.nextProduceId++;
  let p = t.partitions[partition] as PartitionState;
  const base = { type: 'produce', id, topic: cmd.topic, partition, acks } as const;
  if (p.leader < 0) {
    // acks=0: the producer never learns the record went nowhere.
    d.emit({ ...base, offset: null, result: acks === 0 ? 'none' : 'NOT_LEADER_OR_FOLLOWER' });
    return;
  }
  if (acks === 'all' && p.isr.length < t.config.minInsyncReplicas) {
    d.emit({ ...base, offset: null, result: 'NOT_ENOUGH_REPLICAS' });
    return;
  }
  const size = utf8Encode(cmd.value).length + (key === null ? 0 : utf8Encode(key).length);
  const appended = appendRecord(p, key, cmd.value, d.clock.now, size, t.config.segmentRecords);
  p = appended.partition;
  const events: KafkaEvent[] = [];
  if (acks === 'all')
    p = { ...p, pendingAcks: p.pendingAcks.concat({ id, offset: appended.offset }) };
  p = updateHighWatermark(p, t.config.minInsyncReplicas, (e) => events.push(e));
  const ackedNow = events.some((e) => e.type === 'produceAcked' && e.id === id);
  const result = acks === 0 ? 'none' : acks === 1 || ackedNow ? 'ack' : 'pending';
  d.emit({ ...base, offset: appended.offset, result });
  for (const e of events) if (!(e.type === 'produceAcked' && e.id === id)) d.emit(e);
  const retained = applyRetention(
    p,
    { ...t.config, retentionMs: -1, retentionBytes: -1 },
    d.clock.now,
    d.base.config.maxRecordsPerPartition,
  );
  emitDeletions(d, retained.partition, retained.deleted);
  d.setPartition(retained.partition);
}

function emitDeletions(
  d: Draft,
  p: PartitionState,
  deleted: readonly { reason: 'retention.ms' | 'retention.bytes' | 'memory-cap'; count: number }[],
): void {
  for (const x of deleted) {
    d.emit({
      type: 'logSegmentsDeleted',
      topic: p.topic,
      partition: p.partition,
      reason: x.reason,
      records: x.count,
      logStartOffset: p.logStartOffset,
    });
  }
}

function forEachPartition(d: Draft, f: (p: PartitionState, t: TopicState) => PartitionState): void {
  for (const name of Object.keys(d.topics).sort()) {
    const t = d.topics[name] as TopicState;
    for (const p of t.partitions) {
      const next = f(p, d.topics[name] as TopicState);
      if (next !== p) d.setPartition(next);
    }
  }
}

function fireTimer(d: Draft, payload: TimerPayload): void {
  if (payload.kind === 'retentionCheck') {
    forEachPartition(d, (p, t) => {
      const r = applyRetention(p, t.config, d.clock.now, d.base.config.maxRecordsPerPartition);
      emitDeletions(d, r.partition, r.deleted);
      return r.partition;
    });
    d.clock = schedule(d.clock, d.base.config.retentionCheckIntervalMs, {
      kind: 'retentionCheck',
    }).clock;
    return;
  }
  const g = d.groups[payload.groupId];
  const m = g?.members.find((x) => x.memberId === payload.memberId);
  if (g && m && !m.alive) d.groups[g.groupId] = rebalance(g, d.ctx());
}

function advanceTo(d: Draft, to: number): void {
  if (!(to >= d.clock.now) || !Number.isFinite(to))
    throw new RangeError(`time cannot go back or be infinite (${to})`);
  for (;;) {
    const due = popDue(d.clock, to);
    if (!due) break;
    d.clock = due.clock;
    fireTimer(d, due.timer.payload);
  }
  d.clock = setNow(d.clock, to);
  forEachPartition(d, (p, t) =>
    shrinkLaggingIsr(
      p,
      d.clock.now,
      d.base.config.replicaLagTimeMaxMs,
      t.config.minInsyncReplicas,
      d.emit,
    ),
  );
}

function joinGroup(d: Draft, cmd: Extract<KafkaCommand, { type: 'joinGroup' }>): void {
  let g: GroupState = d.groups[cmd.groupId] ?? {
    groupId: cmd.groupId,
    assignor: cmd.assignor ?? 'range',
    autoOffsetReset: cmd.autoOffsetReset ?? 'latest',
    enableAutoCommit: cmd.enableAutoCommit ?? true,
    autoCommitIntervalMs: cmd.autoCommitIntervalMs ?? 5000,
    sessionTimeoutMs: cmd.sessionTimeoutMs ?? 45_000,
    maxPollRecords: cmd.maxPollRecords ?? 500,
    generation: 0,
    members: [],
    committed: {},
    nextMemberSeq: 1,
  };
  const memberId = cmd.memberId ?? `consumer-${g.nextMemberSeq}`;
  if (g.members.some((m) => m.memberId === memberId))
    throw new RangeError(`joinGroup: member ${memberId} already in ${cmd.groupId}`);
  const member = {
    memberId,
    ...(cmd.groupInstanceId !== undefined ? { groupInstanceId: cmd.groupInstanceId } : {}),
    topics: cmd.topics.slice(),
    alive: true,
    assigned: [],
    positions: {},
    lastAutoCommitMs: d.clock.now,
    pollCursor: 0,
  };
  g = { ...g, members: g.members.concat(member), nextMemberSeq: g.nextMemberSeq + 1 };
  d.emit({ type: 'joinGroup', groupId: g.groupId, memberId });
  d.groups[g.groupId] = rebalance(g, d.ctx());
}

function withMember(
  d: Draft,
  groupId: string,
  memberId: string,
  f: (g: GroupState) => GroupState,
): void {
  const g = requireGroup(d, groupId);
  if (!findMember(g, memberId)) {
    d.emit({
      type: 'error',
      error: 'UNKNOWN_MEMBER_ID',
      message: `${memberId} is not a live member of ${groupId}`,
    });
    return;
  }
  d.groups[groupId] = f(g);
}

/** Applies one command; never mutates `state`. */
export function stepKafka(
  state: KafkaState,
  cmd: KafkaCommand,
): StepResult<KafkaState, KafkaEvent> {
  const d = new Draft(state);
  switch (cmd.type) {
    case 'createTopic':
      createTopic(d, cmd);
      break;
    case 'produce':
      produce(d, cmd);
      break;
    case 'replicate': {
      const max = cmd.maxRecords ?? Number.MAX_SAFE_INTEGER;
      forEachPartition(d, (p, t) =>
        (cmd.topic !== undefined && cmd.topic !== p.topic) ||
        (cmd.partition !== undefined && cmd.partition !== p.partition)
          ? p
          : replicateFollowers(
              p,
              d.brokersUp,
              d.clock.now,
              max,
              cmd.broker,
              t.config.minInsyncReplicas,
              d.emit,
            ),
      );
      break;
    }
    case 'brokerDown':
      if (!d.base.config.brokers.includes(cmd.broker))
        throw new RangeError(`unknown broker ${cmd.broker}`);
      if (!d.brokersUp[cmd.broker]) break;
      d.brokersUp[cmd.broker] = false;
      d.emit({ type: 'brokerDown', broker: cmd.broker });
      forEachPartition(d, (p, t) =>
        onBrokerDown(
          p,
          cmd.broker,
          d.brokersUp,
          t.config.uncleanLeaderElection,
          t.config.minInsyncReplicas,
          d.emit,
        ),
      );
      break;
    case 'brokerUp':
      if (!d.base.config.brokers.includes(cmd.broker))
        throw new RangeError(`unknown broker ${cmd.broker}`);
      if (d.brokersUp[cmd.broker]) break;
      d.brokersUp[cmd.broker] = true;
      d.emit({ type: 'brokerUp', broker: cmd.broker });
      forEachPartition(d, (p, t) =>
        p.leader < 0 && p.replicas.includes(cmd.broker)
          ? electLeader(
              p,
              d.brokersUp,
              t.config.uncleanLeaderElection,
              t.config.minInsyncReplicas,
              d.emit,
            )
          : p,
      );
      break;
    case 'joinGroup':
      joinGroup(d, cmd);
      break;
    case 'leaveGroup':
      withMember(d, cmd.groupId, cmd.memberId, (g) => {
        d.emit({ type: 'leaveGroup', groupId: g.groupId, memberId: cmd.memberId });
        const m = findMember(g, cmd.memberId);
        // close(): auto-commit before leaving, then LeaveGroup triggers the rebalance at once.
        let next = g;
        if (m && g.enableAutoCommit) next = commitOffsets(next, cmd.memberId, undefined, d.ctx());
        next = { ...next, members: next.members.filter((x) => x.memberId !== cmd.memberId) };
        return rebalance(next, d.ctx());
      });
      break;
    case 'crash':
      withMember(d, cmd.groupId, cmd.memberId, (g) => {
        d.emit({ type: 'memberCrashed', groupId: g.groupId, memberId: cmd.memberId });
        d.clock = schedule(d.clock, g.sessionTimeoutMs, {
          kind: 'sessionTimeout',
          groupId: g.groupId,
          memberId: cmd.memberId,
        }).clock;
        return {
          ...g,
          members: g.members.map((m) => (m.memberId === cmd.memberId ? { ...m, alive: false } : m)),
        };
      });
      break;
    case 'poll':
      withMember(d, cmd.groupId, cmd.memberId, (g) =>
        poll(g, cmd.memberId, cmd.maxRecords ?? g.maxPollRecords, d.ctx()),
      );
      break;
    case 'commitOffset':
      withMember(d, cmd.groupId, cmd.memberId, (g) =>
        commitOffsets(g, cmd.memberId, cmd.offsets, d.ctx()),
      );
      break;
    case 'seek':
      withMember(d, cmd.groupId, cmd.memberId, (g) =>
        seek(g, cmd.memberId, { topic: cmd.topic, partition: cmd.partition }, cmd.offset, d.ctx()),
      );
      break;
    case 'seekToBeginning':
    case 'seekToEnd':
      withMember(d, cmd.groupId, cmd.memberId, (g) =>
        seekAll(g, cmd.memberId, cmd.type === 'seekToBeginning' ? 'beginning' : 'end', d.ctx()),
      );
      break;
    case 'advance':
      if (!(cmd.ms >= 0)) throw new RangeError(`advance: ms must be >= 0, got ${cmd.ms}`);
      advanceTo(d, d.clock.now + cmd.ms);
      break;
    case 'tick':
      advanceTo(d, cmd.to);
      break;
  }
  return d.finish();
}

/** The Kafka model for stateAt/replayAll; cluster settings are the defaults (use initKafka for others). */
export const kafkaModel: Model<KafkaState, KafkaCommand, KafkaEvent> = {
  init: (seed) => initKafka(seed),
  step: stepKafka,
};

/** Builds a Model with custom cluster settings (brokers, sticky batch, caps…). */
export function kafkaModelWith(
  config: Partial<KafkaConfig>,
): Model<KafkaState, KafkaCommand, KafkaEvent> {
  return { init: (seed) => initKafka(seed, config), step: stepKafka };
}

export { logEndOffset };
