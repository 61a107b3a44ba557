/**
 * A partition log as Kafka keeps it: records in offset order in segments; retention deletes whole
 * segments from the start, so the log start offset only moves forward. Pure: returns new objects.
 * Records sit in column chunks, one per append (see LogChunk), in pages of LOG_PAGE chunks: an
 * append copies the last page and the page list, never the log, and keeps no object per record.
 */
import {
  copyPartition,
  LOG_PAGE,
  logEndOffset,
  SMALL_CHUNK,
  type LogChunk,
  type PartitionDraft,
  type PartitionState,
  type Segment,
  type StoredRecord,
  type TopicConfig,
  timestampAt,
} from './state.ts';
import type { FetchedSlice } from './events.ts';
import { utf8Length } from './utf8.ts';
import { at } from '../core/at.ts';

/** Size counted for retention.bytes: UTF-8 bytes of key and value. */
function recordBytes(key: string | null, value: string): number {
  return utf8Length(value) + (key === null ? 0 : utf8Length(key));
}

/** A segment's size for retention.bytes: the bytes of its records still in the log. */
export function segmentBytes(p: PartitionState, s: Segment): number {
  let bytes = 0;
  forEachInRange(p, s.baseOffset, s.baseOffset + s.records, (c, i) => {
    const key = c.keys[i];
    const value = c.values[i];
    if (key === undefined || value === undefined) throw noRecord(c, i);
    bytes += recordBytes(key, value);
  });
  return bytes;
}

/** A chunk's columns are one record per index: a hole means a broken chunk, not a missing record. */
function noRecord(chunk: LogChunk, index: number): RangeError {
  return new RangeError(
    `chunk at offset ${chunk.baseOffset} has no record at index ${index} (length ${chunk.values.length})`,
  );
}

/** The largest index whose item starts at or before `offset` (items ascend; the first ≤ offset). */
function search<T>(items: readonly T[], offset: number, start: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1; // lo < mid <= hi < length: always an item
    const item = items[mid];
    if (item === undefined) throw new RangeError(`search: no item at ${mid} of ${items.length}`);
    if (start(item) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const pageStart = (page: readonly LogChunk[]): number => at(page, 0).baseOffset;
const chunkStart = (chunk: LogChunk): number => chunk.baseOffset;

/** Where the chunk holding `offset` is (the caller keeps it within [logStartOffset, log end)). */
function locate(p: PartitionState, offset: number): { page: number; chunk: number } {
  // Consumers mostly read near the log end: try the last page before searching them all.
  const last = p.pages.length - 1;
  const page =
    last > 0 && offset >= pageStart(at(p.pages, last)) ? last : search(p.pages, offset, pageStart);
  return { page, chunk: search(at(p.pages, page), offset, chunkStart) };
}

/**
 * Calls `visit(chunk, start, end)` for each chunk's share of the records in [from, to) still in
 * the log (indices [start, end) of the chunk), in offset order.
 */
function forEachChunk(
  p: PartitionState,
  from: number,
  to: number,
  visit: (chunk: LogChunk, start: number, end: number) => void,
): void {
  const end = Math.min(to, logEndOffset(p));
  let o = Math.max(from, p.logStartOffset);
  if (o >= end) return;
  let { page: pi, chunk: ci } = locate(p, o);
  while (o < end) {
    // o < log end, so page pi and chunk ci exist: the checks only guard a broken page list.
    const page = p.pages[pi];
    const chunk = page?.[ci];
    if (page === undefined || chunk === undefined) {
      throw new RangeError(`partition log: no chunk ${ci} on page ${pi} for offset ${o}`);
    }
    const stop = Math.min(end, chunk.baseOffset + chunk.values.length);
    visit(chunk, o - chunk.baseOffset, stop - chunk.baseOffset);
    o = stop;
    if (++ci === page.length) {
      pi++;
      ci = 0;
    }
  }
}

/** Calls `visit(chunk, index)` for each record in [from, to) still in the log, in offset order. */
function forEachInRange(
  p: PartitionState,
  from: number,
  to: number,
  visit: (chunk: LogChunk, index: number) => void,
): void {
  forEachChunk(p, from, to, (chunk, start, end) => {
    for (let i = start; i < end; i++) visit(chunk, i);
  });
}

/** The record at `offset`, or undefined when retention deleted it or it is not written yet. */
export function recordAt(p: PartitionState, offset: number): StoredRecord | undefined {
  if (!(offset >= p.logStartOffset) || offset >= logEndOffset(p)) return undefined;
  return readRange(p, offset, offset + 1)[0];
}

/** Appends to `out` the chunk slices that hold the records in [from, to) still in the log. */
export function sliceInto(p: PartitionState, from: number, to: number, out: FetchedSlice[]): void {
  const { topic, partition } = p;
  forEachChunk(p, from, to, (chunk, start, end) => {
    out.push({ topic, partition, chunk, start, end });
  });
}

/** The records of chunk slices (a fetch event's), in their order, as consumers see them. */
export function fetchedRecords(fetch: {
  readonly slices: readonly FetchedSlice[];
}): StoredRecord[] {
  const out: StoredRecord[] = [];
  for (const { topic, partition, chunk, start, end } of fetch.slices) {
    for (let i = start; i < end; i++) {
      const key = chunk.keys[i];
      const value = chunk.values[i];
      if (key === undefined || value === undefined) throw noRecord(chunk, i);
      out.push({
        topic,
        partition,
        offset: chunk.baseOffset + i,
        key,
        value,
        timestamp: timestampAt(chunk, i),
      });
    }
  }
  return out;
}

/** Records in [from, to) that are still in the log. */
export function readRange(p: PartitionState, from: number, to: number): StoredRecord[] {
  const slices: FetchedSlice[] = [];
  sliceInto(p, from, to, slices);
  return fetchedRecords({ slices });
}

/** Every record still in the log, oldest first (a fresh array: fine for a widget's small log). */
export function logRecords(p: PartitionState): StoredRecord[] {
  return readRange(p, p.logStartOffset, logEndOffset(p));
}

/**
 * Appends records at the log end, all with CreateTime `timestamp`, rolling a new segment when the
 * active one holds `segmentRecords`. `keys[i]` and `values[i]` are one record. The arrays become
 * the new chunk's columns as they are (the caller hands over fresh arrays and never changes them);
 * a last chunk smaller than TAIL_CHUNK is grown instead, with a copy. Copies only the last page,
 * the page list and the last segment chunk. The result is a fresh copy the caller may change.
 */
export function appendRecords(
  p: PartitionState,
  keys: readonly (string | null)[],
  values: readonly string[],
  timestamp: number,
  segmentRecords: number,
): PartitionDraft {
  const count = values.length;
  if (count === 0) return copyPartition(p);
  const leo = logEndOffset(p);
  const pages = p.pages.slice();
  const lastPage = pages[pages.length - 1];
  const last = lastPage?.[lastPage.length - 1];
  const prev = lastPage?.[lastPage.length - 2];
  if (lastPage && last && last.values.length < TAIL_CHUNK) {
    const page = lastPage.slice();
    page[page.length - 1] = {
      baseOffset: last.baseOffset,
      keys: joined(last.keys, keys),
      values: joined(last.values, values),
      timestamps: withRun(last.timestamps, last.values.length, timestamp),
    };
    pages[pages.length - 1] = page;
  } else {
    const chunk: LogChunk = { baseOffset: leo, keys, values, timestamps: [0, timestamp] };
    if (lastPage && last && prev && prev.values.length + last.values.length <= SMALL_CHUNK) {
      // The tail is full: fold it into the small chunk before it and start a new tail, so one-
      // record appends copy about TAIL_CHUNK records each, not a SMALL_CHUNK-sized chunk.
      const page = lastPage.slice(0, -1);
      page[page.length - 1] = joinChunks(prev, last);
      page.push(chunk);
      pages[pages.length - 1] = page;
    } else if (lastPage && lastPage.length < LOG_PAGE) {
      pages[pages.length - 1] = lastPage.concat(chunk);
    } else pages.push([chunk]);
  }
  const end = leo + count;
  const next = copyPartition(p);
  next.pages = pages;
  next.segments = growSegments(p.segments, leo, end, timestamp, segmentRecords);
  if (p.leader >= 0) {
    // Broker ids are numbers: never a name Object.prototype has.
    const replicaLeo = { ...p.replicaLeo };
    replicaLeo[p.leader] = end;
    next.replicaLeo = replicaLeo;
  }
  return next;
}

/** Records per tail chunk: a smaller last chunk grows (a copy) instead of adding a chunk. */
const TAIL_CHUNK = 8;

/** `a` then `b` in a new array: a copy and pushes, as concat's generic path costs more on short columns. */
function joined<T>(a: readonly T[], b: readonly T[]): T[] {
  const out = a.slice();
  for (let i = 0; i < b.length; i++) out.push(b[i] as T); // i < b.length: always an item
  return out;
}

/** Two adjacent chunks as one (`b` starts where `a` ends). */
function joinChunks(a: LogChunk, b: LogChunk): LogChunk {
  const shift = a.values.length;
  let timestamps = a.timestamps;
  for (let k = 0; k + 1 < b.timestamps.length; k += 2) {
    timestamps = withRun(timestamps, at(b.timestamps, k) + shift, at(b.timestamps, k + 1));
  }
  return {
    baseOffset: a.baseOffset,
    keys: joined(a.keys, b.keys),
    values: joined(a.values, b.values),
    timestamps,
  };
}

/** Timestamp runs with records from index `at` on stamped `timestamp` (shared when unchanged). */
function withRun(runs: readonly number[], at: number, timestamp: number): readonly number[] {
  return runs.length > 0 && runs[runs.length - 1] === timestamp ? runs : runs.concat(at, timestamp);
}

/**
 * The segment list after offsets [from, to) are appended with one timestamp: the active segment
 * grows, and a new one rolls each time it holds `segmentRecords`.
 */
function growSegments(
  segments: readonly (readonly Segment[])[],
  from: number,
  to: number,
  timestamp: number,
  segmentRecords: number,
): (readonly Segment[])[] {
  const out = segments.slice();
  let lastChunk = (out[out.length - 1] ?? []).slice();
  out[Math.max(0, out.length - 1)] = lastChunk;
  const active = lastChunk.pop();
  let base = active?.baseOffset ?? from;
  let records = active?.records ?? 0;
  let maxTimestamp = active?.maxTimestamp ?? -Infinity;
  for (let offset = from; offset < to;) {
    if (records >= segmentRecords) {
      lastChunk = closeSegment(out, lastChunk, { baseOffset: base, records, maxTimestamp });
      base = offset;
      records = 0;
      maxTimestamp = -Infinity;
    }
    const take = Math.min(to - offset, segmentRecords - records);
    records += take;
    offset += take;
    if (timestamp > maxTimestamp) maxTimestamp = timestamp;
  }
  closeSegment(out, lastChunk, { baseOffset: base, records, maxTimestamp });
  return out;
}

/**
 * Adds `s` to `last`, the last chunk of `out`, or starts a new chunk when that one is full; returns
 * the last chunk after. growSegments owns the last chunk (a fresh copy), so it may grow in place;
 * a helper, not a closure per append.
 */
function closeSegment(out: (readonly Segment[])[], last: Segment[], s: Segment): Segment[] {
  if (last.length < SEGMENT_CHUNK) {
    last.push(s);
    return last;
  }
  const next = [s];
  out.push(next);
  return next;
}

/** The pages from `start` on (start ≥ logStartOffset): leading chunks dropped, the first trimmed. */
function pagesFrom(p: PartitionState, start: number): (readonly LogChunk[])[] {
  if (start >= logEndOffset(p)) return [];
  const where = locate(p, start);
  const pages = p.pages.slice(where.page);
  const first = at(pages, 0).slice(where.chunk);
  const chunk = at(first, 0);
  const skip = start - chunk.baseOffset;
  if (skip > 0) first[0] = sliceChunk(chunk, skip, chunk.values.length);
  pages[0] = first;
  return pages;
}

/** The pages before `end` (end ≤ log end): trailing chunks dropped, the last trimmed. */
function pagesBefore(p: PartitionState, end: number): (readonly LogChunk[])[] {
  if (end <= p.logStartOffset) return [];
  const where = locate(p, end - 1);
  const pages = p.pages.slice(0, where.page + 1);
  const last = at(pages, where.page).slice(0, where.chunk + 1);
  const chunk = at(last, where.chunk);
  if (end - chunk.baseOffset < chunk.values.length)
    last[where.chunk] = sliceChunk(chunk, 0, end - chunk.baseOffset);
  pages[where.page] = last;
  return pages;
}

/** The timestamp runs of indices [from, to), re-based to start at 0. */
function sliceRuns(runs: readonly number[], from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k];
    const timestamp = runs[k + 1];
    if (start === undefined || timestamp === undefined) {
      throw new RangeError(`timestamp runs come in pairs, got ${runs.length} numbers`);
    }
    const end = runs[k + 2] ?? Infinity; // the next run's start; the last run runs to the end
    if (end > from && start < to) out.push(Math.max(start, from) - from, timestamp);
  }
  return out;
}

/** Indices [from, to) of a chunk as a chunk of its own. */
function sliceChunk(c: LogChunk, from: number, to: number): LogChunk {
  return {
    baseOffset: c.baseOffset + from,
    keys: c.keys.slice(from, to),
    values: c.values.slice(from, to),
    timestamps: sliceRuns(c.timestamps, from, to),
  };
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
  for (let chunk = segments[0]; chunk !== undefined && left >= chunk.length; chunk = segments[++i])
    left -= chunk.length;
  const out = segments.slice(i);
  if (left > 0) out[0] = at(out, 0).slice(left);
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
      pages: pagesFrom(cur, logStartOffset),
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
    let records = 0;
    let maxTimestamp = -Infinity;
    forEachInRange(p, s.baseOffset, Math.min(s.baseOffset + s.records, offset), (c, i) => {
      records++;
      maxTimestamp = Math.max(maxTimestamp, timestampAt(c, i));
    });
    segments.push({ baseOffset: s.baseOffset, records, maxTimestamp });
  }
  return {
    partition: { ...p, pages: pagesBefore(p, offset), segments: chunkSegments(segments) },
    lost,
  };
}
