/**
 * A partition log as Kafka keeps it: records in offset order in segments; retention deletes whole
 * segments from the start, so the log start offset only moves forward. Pure: returns new objects.
 */
import {
  logEndOffset,
  type PartitionState,
  type Segment,
  type StoredRecord,
  type TopicConfig,
} from './state.ts';

/** Appends one record at the log end, rolling a new segment when the active one is full. */
export function appendRecord(
  p: PartitionState,
  key: string | null,
  value: string,
  timestamp: number,
  size: number,
  segmentRecords: number,
): { partition: PartitionState; offset: number } {
  const offset = logEndOffset(p);
  const record: StoredRecord = { offset, key, value, timestamp, size };
  const segments = p.segments.slice();
  const last = segments[segments.length - 1];
  if (!last || last.records >= segmentRecords) {
    segments.push({ baseOffset: offset, records: 1, bytes: size, maxTimestamp: timestamp });
  } else {
    segments[segments.length - 1] = {
      ...last,
      records: last.records + 1,
      bytes: last.bytes + size,
      maxTimestamp: Math.max(last.maxTimestamp, timestamp),
    };
  }
  const replicaLeo = p.leader >= 0 ? { ...p.replicaLeo, [p.leader]: offset + 1 } : p.replicaLeo;
  return { partition: { ...p, records: p.records.concat(record), segments, replicaLeo }, offset };
}

/** Why segments were deleted. */
export type DeletionReason = 'retention.ms' | 'retention.bytes' | 'memory-cap';

/**
 * Kafka's deleteOldSegments: first by retention.ms (segment's largest timestamp older than the
 * limit), then by retention.bytes (delete while the log stays at or above the limit without the
 * segment). A segment goes only if the high watermark has passed its end; the active segment can
 * go too (Kafka rolls a new empty one), but never an empty last segment.
 */
export function applyRetention(
  p: PartitionState,
  config: TopicConfig,
  now: number,
  maxRecords: number,
): { partition: PartitionState; deleted: { reason: DeletionReason; count: number }[] } {
  let cur = p;
  const deleted: { reason: DeletionReason; count: number }[] = [];
  const drop = (
    reason: DeletionReason,
    shouldDelete: (s: Segment, bytesLeft: number) => boolean,
  ): void => {
    let i = 0;
    let removed = 0;
    let bytesLeft = cur.segments.reduce((sum, s) => sum + s.bytes, 0);
    while (i < cur.segments.length) {
      const seg = cur.segments[i] as Segment;
      const upper = seg.baseOffset + seg.records;
      if (cur.highWatermark < upper || seg.records === 0 || !shouldDelete(seg, bytesLeft)) break;
      bytesLeft -= seg.bytes;
      removed += seg.records;
      i++;
    }
    if (i === 0) return;
    cur = {
      ...cur,
      logStartOffset: cur.logStartOffset + removed,
      records: cur.records.slice(removed),
      segments: cur.segments.slice(i),
    };
    deleted.push({ reason, count: removed });
  };
  if (config.retentionMs >= 0)
    drop('retention.ms', (s) => now - s.maxTimestamp > config.retentionMs);
  if (config.retentionBytes >= 0)
    drop('retention.bytes', (s, left) => left - config.retentionBytes - s.bytes >= 0);
  // Not Kafka: keeps a long simulation's memory flat whatever the retention settings.
  let excess = cur.records.length - maxRecords;
  drop('memory-cap', (s) => {
    if (excess <= 0) return false;
    excess -= s.records;
    return true;
  });
  return { partition: cur, deleted };
}

/** Records in [from, to) that are still in the log. */
export function readRange(p: PartitionState, from: number, to: number): readonly StoredRecord[] {
  const start = Math.max(from, p.logStartOffset) - p.logStartOffset;
  const end = Math.min(to, logEndOffset(p)) - p.logStartOffset;
  return start < end ? p.records.slice(start, end) : [];
}

/** Cuts the log back to `offset` (leader failover without the tail): returns the lost records. */
export function truncateTo(
  p: PartitionState,
  offset: number,
): { partition: PartitionState; lost: readonly StoredRecord[] } {
  const leo = logEndOffset(p);
  if (offset >= leo) return { partition: p, lost: [] };
  const keep = Math.max(0, offset - p.logStartOffset);
  const lost = p.records.slice(keep);
  const segments: Segment[] = [];
  for (const s of p.segments) {
    if (s.baseOffset >= offset) break;
    const kept = p.records.slice(
      s.baseOffset - p.logStartOffset,
      Math.min(s.baseOffset + s.records, offset) - p.logStartOffset,
    );
    segments.push({
      baseOffset: s.baseOffset,
      records: kept.length,
      bytes: kept.reduce((sum, r) => sum + r.size, 0),
      maxTimestamp: kept.reduce((m, r) => Math.max(m, r.timestamp), -Infinity),
    });
  }
  return { partition: { ...p, records: p.records.slice(0, keep), segments }, lost };
}
