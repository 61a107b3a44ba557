/**
 * A partition log as Kafka keeps it: records in offset order in segments; retention deletes whole
 * segments from the start, so the log start offset only moves forward. Pure: returns new objects.
 * Records sit in chunks of LOG_CHUNK offsets (see PartitionState.chunks): an append copies the
 * last chunk and the chunk list, never the whole log.
 */
import {
  LOG_CHUNK,
  logEndOffset,
  type PartitionState,
  type Segment,
  type StoredRecord,
  type TopicConfig,
} from './state.ts';
import { utf8Length } from './utf8.ts';

/** Size counted for retention.bytes: UTF-8 bytes of key and value. */
export function recordBytes(r: StoredRecord): number {
  return utf8Length(r.value) + (r.key === null ? 0 : utf8Length(r.key));
}

/** A segment's size for retention.bytes: the bytes of its records still in the log. */
export function segmentBytes(p: PartitionState, s: Segment): number {
  let bytes = 0;
  for (const r of readRange(p, s.baseOffset, s.baseOffset + s.records)) bytes += recordBytes(r);
  return bytes;
}

/** Which chunk holds `offset` (the caller keeps it within [logStartOffset, log end)). */
function chunkIndex(p: PartitionState, offset: number): number {
  return Math.floor(offset / LOG_CHUNK) - Math.floor(p.logStartOffset / LOG_CHUNK);
}

/** The record at `offset`, or undefined when retention deleted it or it is not written yet. */
export function recordAt(p: PartitionState, offset: number): StoredRecord | undefined {
  if (!(offset >= p.logStartOffset) || offset >= logEndOffset(p)) return undefined;
  const chunk = p.chunks[chunkIndex(p, offset)] as readonly StoredRecord[];
  return chunk[offset - (chunk[0] as StoredRecord).offset];
}

/**
 * Writes the records in [from, to) that are still in the log into `out` from index `at` (default:
 * its end); returns how many.
 */
export function readInto(
  p: PartitionState,
  from: number,
  to: number,
  out: StoredRecord[],
  at = out.length,
): number {
  const start = Math.max(from, p.logStartOffset);
  const end = Math.min(to, logEndOffset(p));
  let k = at;
  for (let o = start; o < end;) {
    const chunk = p.chunks[chunkIndex(p, o)] as readonly StoredRecord[];
    const base = (chunk[0] as StoredRecord).offset;
    const stop = Math.min(end, base + chunk.length);
    for (let i = o - base, n = stop - base; i < n; i++) out[k++] = chunk[i] as StoredRecord;
    o = stop;
  }
  return k - at;
}

/** Records in [from, to) that are still in the log. */
export function readRange(p: PartitionState, from: number, to: number): StoredRecord[] {
  const out: StoredRecord[] = [];
  readInto(p, from, to, out);
  return out;
}

/** Every record still in the log, oldest first (a fresh array: fine for a widget's small log). */
export function logRecords(p: PartitionState): StoredRecord[] {
  return p.chunks.flat();
}

/**
 * Appends records at the log end (their offsets must continue it), rolling a new segment when the
 * active one holds `segmentRecords`. Copies only the last chunk, the chunk list and the segment list.
 */
export function appendRecords(
  p: PartitionState,
  records: readonly StoredRecord[],
  segmentRecords: number,
): PartitionState {
  if (records.length === 0) return p;
  const chunks = p.chunks.slice();
  let tail: StoredRecord[] | undefined;
  const leo = logEndOffset(p);
  if (chunks.length > 0 && leo % LOG_CHUNK !== 0) {
    tail = (chunks[chunks.length - 1] as readonly StoredRecord[]).slice();
    chunks[chunks.length - 1] = tail;
  }
  const segments = p.segments.slice();
  let last = (segments[segments.length - 1] ?? []).slice();
  segments[Math.max(0, segments.length - 1)] = last;
  const close = (s: Segment): void => {
    if (last.length >= SEGMENT_CHUNK) segments.push((last = []));
    last.push(s);
  };
  // The active segment, grown in locals and written back once per roll.
  const active = last.pop();
  let base = active?.baseOffset ?? -1;
  let count = active?.records ?? 0;
  let maxTimestamp = active?.maxTimestamp ?? -Infinity;
  for (const r of records) {
    if (r.offset % LOG_CHUNK === 0 || !tail) chunks.push((tail = []));
    tail.push(r);
    if (base < 0 || count >= segmentRecords) {
      if (base >= 0) close({ baseOffset: base, records: count, maxTimestamp });
      base = r.offset;
      count = 0;
      maxTimestamp = -Infinity;
    }
    count++;
    if (r.timestamp > maxTimestamp) maxTimestamp = r.timestamp;
  }
  close({ baseOffset: base, records: count, maxTimestamp });
  const end = (records[records.length - 1] as StoredRecord).offset + 1;
  const replicaLeo = p.leader >= 0 ? { ...p.replicaLeo, [p.leader]: end } : p.replicaLeo;
  return { ...p, chunks, segments, replicaLeo };
}

/** The chunks from `start` on (start ≥ logStartOffset): leading chunks dropped, the first trimmed. */
function chunksFrom(p: PartitionState, start: number): (readonly StoredRecord[])[] {
  if (start >= logEndOffset(p)) return [];
  const chunks = p.chunks.slice(chunkIndex(p, start));
  const first = chunks[0] as readonly StoredRecord[];
  const skip = start - (first[0] as StoredRecord).offset;
  if (skip > 0) chunks[0] = first.slice(skip);
  return chunks;
}

/** The chunks before `end` (end ≤ log end): trailing chunks dropped, the last trimmed. */
function chunksBefore(p: PartitionState, end: number): (readonly StoredRecord[])[] {
  if (end <= p.logStartOffset) return [];
  const i = chunkIndex(p, end - 1);
  const chunks = p.chunks.slice(0, i + 1);
  const last = chunks[i] as readonly StoredRecord[];
  chunks[i] = last.slice(0, end - (last[0] as StoredRecord).offset);
  return chunks;
}

/** Segments per chunk of PartitionState.segments. */
const SEGMENT_CHUNK = 32;

/** Cuts a segment list into chunks of SEGMENT_CHUNK. */
function chunkSegments(list: readonly Segment[]): Segment[][] {
  const out: Segment[][] = [];
  for (let i = 0; i < list.length; i += SEGMENT_CHUNK) out.push(list.slice(i, i + SEGMENT_CHUNK));
  return out;
}

/** The segment chunks without the first `n` segments. */
function dropSegments(
  segments: readonly (readonly Segment[])[],
  n: number,
): (readonly Segment[])[] {
  let i = 0;
  let left = n;
  while (i < segments.length && left >= (segments[i] as readonly Segment[]).length)
    left -= (segments[i++] as readonly Segment[]).length;
  const out = segments.slice(i);
  if (left > 0) out[0] = (out[0] as readonly Segment[]).slice(left);
  return out;
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
    shouldDelete: (s: Segment, bytesLeft: number, bytes: number) => boolean,
  ): void => {
    let i = 0;
    let removed = 0;
    const sizes =
      reason === 'retention.bytes' ? cur.segments.flat().map((s) => segmentBytes(cur, s)) : [];
    let bytesLeft = sizes.reduce((sum, b) => sum + b, 0);
    scan: for (const chunk of cur.segments) {
      for (const seg of chunk) {
        const upper = seg.baseOffset + seg.records;
        const bytes = sizes[i] ?? 0;
        if (cur.highWatermark < upper || seg.records === 0 || !shouldDelete(seg, bytesLeft, bytes))
          break scan;
        bytesLeft -= bytes;
        removed += seg.records;
        i++;
      }
    }
    if (i === 0) return;
    const logStartOffset = cur.logStartOffset + removed;
    cur = {
      ...cur,
      logStartOffset,
      chunks: chunksFrom(cur, logStartOffset),
      segments: dropSegments(cur.segments, i),
    };
    deleted.push({ reason, count: removed });
  };
  if (config.retentionMs >= 0)
    drop('retention.ms', (s) => now - s.maxTimestamp > config.retentionMs);
  if (config.retentionBytes >= 0)
    drop('retention.bytes', (_s, left, bytes) => left - config.retentionBytes - bytes >= 0);
  // Not Kafka: keeps a long simulation's memory flat whatever the retention settings. Past the
  // cap, the oldest segments go until at most 7/8 of it is left: rare bulk drops, not one per append.
  let excess = logEndOffset(cur) - cur.logStartOffset - maxRecords;
  if (excess > 0) {
    excess += Math.floor(maxRecords / 8);
    drop('memory-cap', (s) => {
      if (excess <= 0) return false;
      excess -= s.records;
      return true;
    });
  }
  return { partition: cur, deleted };
}

/** Cuts the log back to `offset` (leader failover without the tail): returns the lost records. */
export function truncateTo(
  p: PartitionState,
  offset: number,
): { partition: PartitionState; lost: readonly StoredRecord[] } {
  const leo = logEndOffset(p);
  if (offset >= leo) return { partition: p, lost: [] };
  const lost = readRange(p, offset, leo);
  const segments: Segment[] = [];
  for (const s of p.segments.flat()) {
    if (s.baseOffset >= offset) break;
    const kept = readRange(p, s.baseOffset, Math.min(s.baseOffset + s.records, offset));
    segments.push({
      baseOffset: s.baseOffset,
      records: kept.length,
      maxTimestamp: kept.reduce((m, r) => Math.max(m, r.timestamp), -Infinity),
    });
  }
  return {
    partition: { ...p, chunks: chunksBefore(p, offset), segments: chunkSegments(segments) },
    lost,
  };
}
