/**
 * The simulated Kafka cluster as a pure Model: step(state, command) → { state, events }.
 */
import { createClock, popDue, schedule, setNow, type ClockState } from '../core/clock.ts';
import { seedPrng, type PrngState } from '../core/prng.ts';
import { at } from '../core/at.ts';
import { own, put } from '../core/record.ts';
import type { Model, StepResult } from '../core/replay.ts';
import {
  kafkaPartitionForKey,
  initialSticky,
  stickyPartitionForKeyless,
  type StickyPartitionState,
} from './partitioner.ts';
import { appendRecords, applyRetention } from './partition-log.ts';
import {
  electLeader,
  onBrokerDown,
  rejoinAsFollower,
  replicateFollowers,
  shrinkLaggingIsr,
  updateHighWatermark,
} from './replication.ts';
import { expireMember, rebalance, type GroupContext } from './consumer-group.ts';
import { commitOffsets, findMember, poll, seek, seekAll } from './consumer-ops.ts';
import type { Acks, KafkaCommand, KafkaEvent, ProduceResult } from './events.ts';
import {
  defaultKafkaConfig,
  logEndOffset,
  type GroupState,
  type KafkaConfig,
  type KafkaState,
  type PartitionState,
  type QueuedBatch,
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
    accumulator: [],
  };
}

/** delivery.timeout.ms, the Java producer's default. */
const DEFAULT_DELIVERY_TIMEOUT_MS = 120_000;

/**
 * A copy-on-write working copy: a record (topics, groups, brokersUp) is copied on its first
 * write in this step, so a step that changes one topic copies neither the groups nor the
 * brokers; topics, partitions and groups are shared and replaced, never mutated.
 */
class Draft {
  topics: Readonly<Record<string, TopicState>>;
  groups: Readonly<Record<string, GroupState>>;
  brokersUp: Readonly<Record<string, boolean>>;
  clock: ClockState<TimerPayload>;
  prng: PrngState;
  nextProduceId: number;
  accumulator: readonly QueuedBatch[];
  readonly events: KafkaEvent[] = [];
  // A bound push, not an arrow field: compiled with keepNames (tsx, which runs the bench) a named
  // arrow costs a __name defineProperty on every step.
  readonly emit: (e: KafkaEvent) => void = this.events.push.bind(this.events);
  private ownTopics: Record<string, TopicState> | undefined;
  private ownGroups: Record<string, GroupState> | undefined;
  private ownBrokersUp: Record<string, boolean> | undefined;

  constructor(readonly base: KafkaState) {
    this.topics = base.topics;
    this.groups = base.groups;
    this.brokersUp = base.brokersUp;
    this.clock = base.clock;
    this.prng = base.prng;
    this.nextProduceId = base.nextProduceId;
    this.accumulator = base.accumulator;
  }

  ctx(): GroupContext {
    return { now: this.clock.now, topics: this.topics, emit: this.emit };
  }

  setTopic(name: string, t: TopicState): void {
    // A spread keeps an own `__proto__` key as data (CopyDataProperties defines, never sets), and
    // on these small records it runs faster than copyRecord's loop.
    if (this.ownTopics === undefined) this.topics = this.ownTopics = { ...this.topics };
    put(this.ownTopics, name, t);
  }

  setGroup(groupId: string, g: GroupState): void {
    if (this.ownGroups === undefined) this.groups = this.ownGroups = { ...this.groups };
    put(this.ownGroups, groupId, g);
  }

  setBrokerUp(broker: number, up: boolean): void {
    if (this.ownBrokersUp === undefined) this.brokersUp = this.ownBrokersUp = { ...this.brokersUp };
    this.ownBrokersUp[broker] = up; // a broker id is a number, never a prototype's name
  }

  setPartition(p: PartitionState): void {
    const t = topicIn(this.topics, p.topic);
    const partitions = t.partitions.slice();
    partitions[p.partition] = p;
    this.setTopic(p.topic, { name: t.name, config: t.config, partitions, sticky: t.sticky });
  }

  finish(): StepResult<KafkaState, KafkaEvent> {
    // Every field listed, in initKafka's order: one allocation of a known shape, no spread.
    const state: KafkaState = {
      config: this.base.config,
      clock: this.clock,
      prng: this.prng,
      brokersUp: this.brokersUp,
      topics: this.topics,
      groups: this.groups,
      nextProduceId: this.nextProduceId,
      accumulator: this.accumulator,
    };
    return { state, events: this.events };
  }
}

/** The topic named `name`, an own key only (a topic named `constructor` is not the prototype's). */
function topicIn(topics: Readonly<Record<string, TopicState>>, name: string): TopicState {
  const t = own(topics, name);
  if (t === undefined) throw new RangeError(`unknown topic ${name}`);
  return t;
}

function partitionIn(t: TopicState, partition: number): PartitionState {
  const p = t.partitions[partition];
  if (p === undefined) {
    throw new RangeError(`topic ${t.name} has no partition ${partition} (${t.partitions.length})`);
  }
  return p;
}

function requireTopic(d: Draft, name: string): TopicState {
  return topicIn(d.topics, name);
}

function requireGroup(d: Draft, groupId: string): GroupState {
  const g = own(d.groups, groupId);
  if (!g) throw new RangeError(`unknown group ${groupId}`);
  return g;
}

function createTopic(d: Draft, cmd: Extract<KafkaCommand, { type: 'createTopic' }>): void {
  if (own(d.topics, cmd.name)) {
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
    const replicas = Array.from({ length: config.replicationFactor }, (_, r) =>
      at(brokers, (i + r) % brokers.length),
    );
    const live = replicas.filter((b) => d.brokersUp[b]);
    partitions.push({
      topic: name,
      partition: i,
      logStartOffset: 0,
      pages: [],
      segments: [],
      highWatermark: 0,
      replicas,
      leader: live[0] ?? -1,
      leaderEpoch: 0,
      leaderEpochStartOffset: 0,
      isr: live.length > 0 ? live : replicas.slice(0, 1),
      replicaLeo: Object.fromEntries(replicas.map((b) => [String(b), 0])),
      lastCaughtUpMs: Object.fromEntries(replicas.map((b) => [String(b), d.clock.now])),
      pendingAcks: [],
      strandedTails: {},
    });
  }
  d.setTopic(name, { name, config, partitions, sticky: initialSticky });
  d.emit({
    type: 'topicCreated',
    topic: name,
    partitions: config.partitions,
    replicationFactor: config.replicationFactor,
  });
}

/** The keyless partitioner's working state during one command. */
interface KeylessPicker {
  sticky: StickyPartitionState;
  available: readonly number[] | undefined;
}

/** The partition a record goes to: explicit, by key (murmur2), or sticky for keyless records. */
function partitionFor(
  d: Draft,
  t: TopicState,
  picker: KeylessPicker,
  key: string | null,
  explicit: number | undefined,
): number {
  const n = t.partitions.length;
  if (explicit !== undefined) {
    if (!Number.isInteger(explicit) || explicit < 0 || explicit >= n)
      throw new RangeError(`produce: partition ${explicit} does not exist in ${t.name}`);
    return explicit;
  }
  if (key !== null) return kafkaPartitionForKey(key, n);
  picker.available ??= t.partitions.filter((p) => p.leader >= 0).map((p) => p.partition);
  const pick = stickyPartitionForKeyless(
    picker.sticky,
    d.prng,
    picker.available,
    n,
    d.base.config.stickyBatchRecords,
  );
  d.prng = pick.prng;
  picker.sticky = pick.sticky;
  return pick.partition;
}

/** Stores the keyless partitioner's state back on the topic, if it moved. */
function keepSticky(d: Draft, t: TopicState, picker: KeylessPicker): void {
  if (picker.sticky !== t.sticky) {
    d.setTopic(t.name, {
      name: t.name,
      config: t.config,
      partitions: t.partitions,
      sticky: picker.sticky,
    });
  }
}

/**
 * Why a partition does not take a write now, or null when it does. With no leader the producer
 * does not send at all: RecordAccumulator.ready() skips a partition whose leader is unknown, so
 * the records wait ('queued') for a leader or for delivery.timeout.ms, whatever the acks.
 */
function writeError(p: PartitionState, t: TopicState, acks: Acks): ProduceResult | null {
  if (p.leader < 0) return 'queued';
  if (acks === 'all' && p.isr.length < t.config.minInsyncReplicas) return 'NOT_ENOUGH_REPLICAS';
  return null;
}

/** Holds records in the producer's accumulator and arms their delivery.timeout.ms. */
function enqueue(d: Draft, batch: QueuedBatch): void {
  if (!(batch.deliveryTimeoutMs >= 0) || !Number.isFinite(batch.deliveryTimeoutMs))
    throw new RangeError(`produce: bad deliveryTimeoutMs ${batch.deliveryTimeoutMs}`);
  d.accumulator = d.accumulator.concat(batch);
  d.clock = schedule(d.clock, batch.deliveryTimeoutMs, {
    kind: 'deliveryTimeout',
    id: batch.id,
  }).clock;
}

/** The produce or produceBatch event (as the command that queued `q` reports) for its send now. */
function queuedResult(q: QueuedBatch, offset: number | null, result: ProduceResult): KafkaEvent {
  const { id, topic, partition, acks } = q;
  return q.kind === 'produce'
    ? { type: 'produce', id, topic, partition, acks, offset, result }
    : {
        type: 'produceBatch',
        id,
        topic,
        partition,
        acks,
        count: q.values.length,
        baseOffset: offset,
        result,
      };
}

/**
 * Sends the queued records whose partition has a leader now, oldest first (the Sender drains the
 * accumulator once metadata names a leader); each gets a produce/produceBatch event with its id.
 */
function drainAccumulator(d: Draft): void {
  if (d.accumulator.length === 0) return;
  const waiting: QueuedBatch[] = [];
  for (const q of d.accumulator) {
    const t = topicIn(d.topics, q.topic);
    const p = partitionIn(t, q.partition);
    const error = writeError(p, t, q.acks);
    if (error === 'queued') {
      waiting.push(q);
      continue;
    }
    if (error !== null) {
      d.emit(queuedResult(q, null, error));
      continue;
    }
    const offset = logEndOffset(p);
    appendToPartition(d, q.topic, q.partition, q.keys, q.values, q.id, q.acks, (result) =>
      d.emit(queuedResult(q, offset, result)),
    );
  }
  d.accumulator = waiting;
}

/**
 * delivery.timeout.ms passed: records still waiting for a leader fail in the producer with
 * TimeoutException (RecordAccumulator.expiredBatches / ProducerBatch.hasReachedDeliveryTimeout).
 */
function expireQueued(d: Draft, id: number): void {
  const q = d.accumulator.find((x) => x.id === id);
  if (!q) return;
  d.accumulator = d.accumulator.filter((x) => x !== q);
  const count = q.values.length;
  d.emit({
    type: 'produceExpired',
    id,
    topic: q.topic,
    partition: q.partition,
    acks: q.acks,
    count,
    message: `Expiring ${count} record(s) for ${q.topic}-${q.partition}:${d.clock.now - q.createdMs} ms has passed since batch creation`,
  });
}

/**
 * Appends one partition's records (keys[i], values[i]) at the log end as produce `id`: `announce`
 * reports what the producer hears, then come the high-watermark events, then any memory-cap
 * deletions. The arrays may become the log's new chunk as they are: pass fresh ones, never reused.
 */
function appendToPartition(
  d: Draft,
  topic: string,
  partition: number,
  keys: readonly (string | null)[],
  values: readonly string[],
  id: number,
  acks: Acks,
  announce: (result: ProduceResult) => void,
): void {
  const t = topicIn(d.topics, topic);
  const before = partitionIn(t, partition);
  const lastOffset = logEndOffset(before) + values.length - 1;
  const appended = appendRecords(before, keys, values, d.clock.now, t.config.segmentRecords);
  let p: PartitionState;
  if (acks !== 'all') {
    // The leader answers at once: what the producer hears comes first, then the high watermark.
    announce(acks === 0 ? 'none' : 'ack');
    p = updateHighWatermark(appended, t.config.minInsyncReplicas, d.emit);
  } else {
    // appendRecords returned a fresh copy: the pending ack goes straight into it.
    appended.pendingAcks = appended.pendingAcks.concat({ id, offset: lastOffset });
    const events: KafkaEvent[] = [];
    p = updateHighWatermark(appended, t.config.minInsyncReplicas, (e) => events.push(e));
    const ackedNow = events.some((e) => e.type === 'produceAcked' && e.id === id);
    announce(ackedNow ? 'ack' : 'pending');
    for (const e of events) if (!(e.type === 'produceAcked' && e.id === id)) d.emit(e);
  }
  // Only the memory cap applies here, and it deletes nothing until the log passes it: skip the
  // retention pass (a config copy and closures per append) on the one-record-per-command path.
  const cap = d.base.config.maxRecordsPerPartition;
  if (logEndOffset(p) - p.logStartOffset <= cap) {
    d.setPartition(p);
    return;
  }
  const retained = applyRetention(
    p,
    { ...t.config, retentionMs: -1, retentionBytes: -1 },
    d.clock.now,
    cap,
  );
  emitDeletions(d, retained.partition, retained.deleted);
  d.setPartition(retained.partition);
}

function produce(d: Draft, cmd: Extract<KafkaCommand, { type: 'produce' }>): void {
  const t = requireTopic(d, cmd.topic);
  const acks = cmd.acks ?? 'all';
  const key = cmd.key ?? null;
  const picker: KeylessPicker = { sticky: t.sticky, available: undefined };
  const partition = partitionFor(d, t, picker, key, cmd.partition);
  keepSticky(d, t, picker);
  const id = d.nextProduceId++;
  const p = partitionIn(t, partition);
  const base = { type: 'produce', id, topic: cmd.topic, partition, acks } as const;
  const error = writeError(p, t, acks);
  if (error !== null) {
    d.emit({ ...base, offset: null, result: error });
    if (error === 'queued') {
      enqueue(d, {
        id,
        kind: 'produce',
        topic: cmd.topic,
        partition,
        acks,
        keys: [key],
        values: [cmd.value],
        createdMs: d.clock.now,
        deliveryTimeoutMs: cmd.deliveryTimeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS,
      });
    }
    return;
  }
  const offset = logEndOffset(p);
  appendToPartition(d, cmd.topic, partition, [key], [cmd.value], id, acks, (result) =>
    d.emit({ type: 'produce', id, topic: cmd.topic, partition, acks, offset, result }),
  );
}

function produceBatch(d: Draft, cmd: Extract<KafkaCommand, { type: 'produceBatch' }>): void {
  const t = requireTopic(d, cmd.topic);
  const acks = cmd.acks ?? 'all';
  const topic = cmd.topic;
  const n = t.partitions.length;
  const errors = t.partitions.map((p) => writeError(p, t, acks));
  const counts = new Array<number>(n).fill(0);
  const input = cmd.records;
  // Pass 1 partitions every record; pass 2 lays each partition's keys and values out in exactly
  // sized arrays, which the log keeps as that partition's new chunk (columns, no record objects).
  const partitionOf = new Int32Array(input.length);
  const picker: KeylessPicker = { sticky: t.sticky, available: undefined };
  for (let i = 0; i < input.length; i++) {
    const r = input[i];
    if (r === undefined) throw new RangeError(`produceBatch: no record ${i} of ${input.length}`);
    const partition = partitionFor(d, t, picker, r.key ?? null, r.partition);
    const count = counts[partition];
    if (count === undefined)
      throw new RangeError(`produceBatch: no partition ${partition} of ${n}`);
    partitionOf[i] = partition;
    counts[partition] = count + 1;
  }
  keepSticky(d, t, picker);
  // Queued partitions keep their records too: the producer holds them for a leader.
  const kept = errors.map((e) => e === null || e === 'queued');
  const keys = counts.map((c, i) => new Array<string | null>(kept[i] ? c : 0));
  const values = counts.map((c, i) => new Array<string>(kept[i] ? c : 0));
  const filled = new Array<number>(n).fill(0);
  for (let i = 0; i < input.length; i++) {
    // Pass 1 checked every record and partition: these only narrow the types.
    const partition = partitionOf[i];
    const r = input[i];
    if (partition === undefined || r === undefined) {
      throw new RangeError(`produceBatch: no record ${i} of ${input.length}`);
    }
    if (!kept[partition]) continue;
    const k = filled[partition];
    const partitionKeys = keys[partition];
    const partitionValues = values[partition];
    if (k === undefined || partitionKeys === undefined || partitionValues === undefined) {
      throw new RangeError(`produceBatch: no partition ${partition} of ${n}`);
    }
    filled[partition] = k + 1;
    partitionKeys[k] = r.key ?? null;
    partitionValues[k] = r.value;
  }
  for (let partition = 0; partition < n; partition++) {
    const count = at(counts, partition);
    if (count === 0) continue;
    const id = d.nextProduceId++;
    const base = { type: 'produceBatch', id, topic, partition, acks, count } as const;
    const error = at(errors, partition);
    const partitionKeys = at(keys, partition);
    const partitionValues = at(values, partition);
    if (error !== null) {
      d.emit({ ...base, baseOffset: null, result: error });
      if (error === 'queued') {
        enqueue(d, {
          id,
          kind: 'produceBatch',
          topic,
          partition,
          acks,
          keys: partitionKeys,
          values: partitionValues,
          createdMs: d.clock.now,
          deliveryTimeoutMs: cmd.deliveryTimeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS,
        });
      }
      continue;
    }
    const baseOffset = logEndOffset(partitionIn(t, partition));
    appendToPartition(d, topic, partition, partitionKeys, partitionValues, id, acks, (result) =>
      d.emit({ type: 'produceBatch', id, topic, partition, acks, count, baseOffset, result }),
    );
  }
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
    const t = topicIn(d.topics, name);
    for (const p of t.partitions) {
      // Re-read: setPartition replaces the topic, and `f` sees the one with the partitions so far.
      const next = f(p, topicIn(d.topics, name));
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
  if (payload.kind === 'deliveryTimeout') {
    expireQueued(d, payload.id);
    return;
  }
  const g = own(d.groups, payload.groupId);
  const m = g?.members.find((x) => x.memberId === payload.memberId);
  if (g && m && !m.alive) d.setGroup(g.groupId, expireMember(g, m.memberId, d.ctx()));
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
  let g: GroupState = own(d.groups, cmd.groupId) ?? {
    groupId: cmd.groupId,
    assignor: cmd.assignor ?? 'range',
    autoOffsetReset: cmd.autoOffsetReset ?? 'latest',
    enableAutoCommit: cmd.enableAutoCommit ?? true,
    autoCommitIntervalMs: cmd.autoCommitIntervalMs ?? 5000,
    sessionTimeoutMs: cmd.sessionTimeoutMs ?? 45_000,
    maxPollRecords: cmd.maxPollRecords ?? 500,
    generation: 0,
    preparingRebalance: false,
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
  d.setGroup(g.groupId, rebalance(g, d.ctx()));
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
  d.setGroup(groupId, f(g));
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
    case 'produceBatch':
      produceBatch(d, cmd);
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
      d.setBrokerUp(cmd.broker, false);
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
      d.setBrokerUp(cmd.broker, true);
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
          : rejoinAsFollower(p, cmd.broker, d.emit),
      );
      drainAccumulator(d);
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
