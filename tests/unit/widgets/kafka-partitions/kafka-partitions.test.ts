import { describe, expect, it } from 'vitest';
import {
  kafkaPartitionForKey,
  logEndOffset,
  logRecords,
} from '../../../../src/broker/kafka/index.ts';
import { WIDGETS } from '../../../../src/lecture/names.ts';
import {
  GROUP_A,
  KAFKA_STEPS,
  KAFKA_STORIES,
  storyForSection,
} from '../../../../src/widgets/kafka-partitions/scenarios.ts';
import {
  MAX_CONSUMERS,
  liveMembers,
  replaySession,
  type StudentAction,
} from '../../../../src/widgets/kafka-partitions/session.ts';
import { buildView, VISIBLE_CELLS } from '../../../../src/widgets/kafka-partitions/view-model.ts';
import { captionFor, listRu, plural } from '../../../../src/widgets/kafka-partitions/captions.ts';
import {
  HEADER_HEIGHT,
  ROW_MIN,
  ROWS_BUDGET,
  boundaryX,
  cellX,
  fitKey,
  layoutKafka,
  MEMBER_H,
} from '../../../../src/widgets/kafka-partitions/layout.ts';
import {
  validateKafkaKey,
  validatePartitions,
} from '../../../../src/widgets/kafka-partitions/inputs.ts';
import { memberLook, MEMBER_COLOURS } from '../../../../src/widgets/kafka-partitions/marks.ts';

const stories = Object.values(KAFKA_STORIES);

describe('kafka-partitions stories', () => {
  it('has the catalogue step count on every slide (28, 29, 31, 32)', () => {
    expect(WIDGETS['kafka-partitions'].steps).toBe(KAFKA_STEPS);
    expect(stories.map((s) => s.slide)).toEqual([28, 29, 31, 32]);
    for (const s of stories) expect(s.steps).toHaveLength(KAFKA_STEPS);
    expect(storyForSection('31').slide).toBe(31);
    expect(storyForSection(undefined).slide).toBe(29);
  });

  it('puts every keyed record where the core partitioner says, for any partition count', () => {
    for (const s of stories) {
      for (const partitions of [1, 3, 6, 64]) {
        const r = replaySession(s, { partitions, assignor: 'range' }, KAFKA_STEPS, []);
        for (const p of r.state.topics[s.topic]?.partitions ?? []) {
          for (const rec of logRecords(p)) {
            if (rec.key !== null)
              expect(kafkaPartitionForKey(rec.key, partitions)).toBe(p.partition);
          }
        }
      }
    }
  });

  it('shows state that matches the core after each step (end offsets, one owner per partition)', () => {
    for (const s of stories) {
      for (let n = 0; n <= KAFKA_STEPS; n++) {
        const r = replaySession(
          s,
          { partitions: s.defaultPartitions, assignor: 'roundrobin' },
          n,
          [],
        );
        const view = buildView(r.state, s.topic, r.events);
        const core = r.state.topics[s.topic]?.partitions ?? [];
        expect(view.partitions.map((p) => p.endOffset)).toEqual(core.map(logEndOffset));
        for (const p of view.partitions) expect(p.cells.length).toBeLessThanOrEqual(VISIBLE_CELLS);
        const owned = (view.groupA?.members ?? []).flatMap((m) => m.partitions);
        expect(new Set(owned).size).toBe(owned.length);
      }
    }
  });

  // kafka-python 2.0.2, kafka/partitioner/default.py DefaultPartitioner.__call__: «if key is None:
  // return random.choice(available)» — a fresh pick per record, no sticky batch (that is the Java
  // client's KIP-480/KIP-794 behaviour, which the caption names as such).
  it('slide 31: the same key keeps its partition; keyless records are spread one by one, as kafka-python does', () => {
    for (const story of Object.values(KAFKA_STORIES)) expect(story.stickyBatchRecords).toBe(1);
    const s = KAFKA_STORIES[31];
    if (!s) throw new Error('no story');
    const r = replaySession(s, { partitions: 6, assignor: 'range' }, 4, []);
    const keyless = r.events.filter((e) => e.type === 'produce').map((e) => e.partition);
    expect(keyless).toHaveLength(4);
    expect(new Set(keyless).size).toBeGreaterThan(1);
    const caption = captionFor(r, 'range', 6);
    expect(caption).toContain('kafka-python 2.0.2 шлёт каждую запись в случайную партицию');
    expect(caption).not.toMatch(/sticky/);
    const next = replaySession(s, { partitions: 6, assignor: 'range' }, 5, []);
    expect(captionFor(next, 'range', 6)).toContain('Java-клиент (Kafka ≥ 2.4) шлёт такие пачкой');
    const last = replaySession(s, { partitions: 6, assignor: 'range' }, 6, []);
    const view = buildView(last.state, s.topic, last.events);
    expect(view.last?.partition).toBe(kafkaPartitionForKey('user-42', 6));
    expect(captionFor(last, 'range', 6)).toContain(
      `Запись с ключом user-42 → партиция ${kafkaPartitionForKey('user-42', 6)}, offset 6`,
    );
  });

  it('slide 32: the crash hands consumer-2’s partitions to consumer-1 and says so', () => {
    const s = KAFKA_STORIES[32];
    if (!s) throw new Error('no story');
    const before = replaySession(s, { partitions: 4, assignor: 'range' }, 5, []);
    const after = replaySession(s, { partitions: 4, assignor: 'range' }, 6, []);
    const lost = buildView(before.state, s.topic, []).groupA?.members.find(
      (m) => m.memberId === 'consumer-2',
    );
    expect(lost?.partitions).toEqual([2, 3]);
    expect(liveMembers(after.state, GROUP_A)).toEqual(['consumer-1']);
    expect(captionFor(after, 'range', 4)).toContain(
      'consumer-2 упал: через session_timeout_ms (10 с) его партиции 2 и 3 переданы consumer-1 (range)',
    );
    // Group B (latest) starts at the end; group A (earliest) at the start.
    const joined = buildView(
      replaySession(s, { partitions: 4, assignor: 'range' }, 2, []).state,
      s.topic,
      [],
    );
    for (const p of joined.partitions) {
      expect(p.a?.position).toBe(0);
      expect(p.b?.position).toBe(p.endOffset);
    }
  });

  it('cooperative-sticky revokes only what moves, and the caption says revoke then assign', () => {
    const s = KAFKA_STORIES[29];
    if (!s) throw new Error('no story');
    const r = replaySession(s, { partitions: 3, assignor: 'cooperative-sticky' }, 4, []);
    const revoked = r.events.filter((e) => e.type === 'partitionsRevoked');
    expect(revoked).toHaveLength(1);
    // kafka-python 2.0.2 offers range, roundrobin and an eager sticky only (kafka/coordinator/
    // assignors): the cooperative protocol is the Java client's, and the caption names it.
    expect(captionFor(r, 'cooperative-sticky', 3)).toMatch(
      /cooperative-sticky, Java-клиент: сначала отозваны только партиция \d, затем назначены/,
    );
  });
});

describe('kafka-partitions captions read right', () => {
  const at = (slide: number, step: number) => {
    const s = KAFKA_STORIES[slide];
    if (!s) throw new Error('no story');
    return captionFor(
      replaySession(s, { partitions: s.defaultPartitions, assignor: 'range' }, step, []),
      'range',
      s.defaultPartitions,
    );
  };

  // Eager protocol: ConsumerCoordinator.onJoinPrepare revokes the partitions a member owns; a
  // group's first members own none, so nothing is given back.
  it('a group’s first join is a first assignment, not «все отдали партиции»: nobody had any', () => {
    expect(at(28, 2)).toContain('(range: первое назначение)');
    expect(at(29, 4)).toContain('(range: все отдали партиции и получили заново)');
  });

  // Kafka's GroupCoordinator keeps a crashed member's partitions until its session times out;
  // kafka-python 2.0.2's KafkaConsumer defaults session_timeout_ms to 10000 (kafka/consumer/group.py).
  it('a crash hands the partitions over only after kafka-python’s 10 s session timeout, and the caption says so', () => {
    expect(at(32, 6)).toContain(
      'consumer-2 упал: через session_timeout_ms (10 с) его партиции 2 и 3 переданы consumer-1 (range).',
    );
    const s = KAFKA_STORIES[32];
    if (!s) throw new Error('no story');
    const r = replaySession(s, { partitions: 4, assignor: 'range' }, 6, []);
    expect(r.state.groups['billing']?.sessionTimeoutMs).toBe(10_000);
  });

  it('replay says the group moved its position and read the records again', () => {
    expect(at(28, 6)).toMatch(/перемотала позицию \(seek\) на offset 0 и перечитала \d+ запис/);
  });

  it('every sentence of a caption starts with a capital, the second group’s too', () => {
    expect(at(32, 3)).toContain('Группа B (analytics) прочитала');
    for (const slide of [28, 29, 31, 32]) {
      for (let step = 1; step <= KAFKA_STEPS; step++) {
        expect(at(slide, step)).not.toMatch(/\. [а-я]/);
      }
    }
  });
});

describe('student actions', () => {
  const s = storyForSection('29');
  const settings = { partitions: 3, assignor: 'range' as const };

  it('replays the same actions to the same state (pure) and never mutates', () => {
    const actions: StudentAction[] = [
      { kind: 'produce', key: '<img src=x onerror=alert(1)>' },
      { kind: 'addConsumer' },
      { kind: 'poll', group: 'A' },
      { kind: 'commit' },
      { kind: 'seek', offset: 0 },
      { kind: 'crashConsumer' },
      { kind: 'removeConsumer' },
    ];
    const a = replaySession(s, settings, 3, actions);
    const b = replaySession(s, settings, 3, actions);
    expect(JSON.stringify(a.state)).toBe(JSON.stringify(b.state));
    const view = buildView(a.state, s.topic, []);
    const hostile = view.partitions.flatMap((p) => p.cells).find((c) => c.key?.startsWith('<img'));
    expect(hostile?.key).toBe('<img src=x onerror=alert(1)>');
  });

  it('caps the group at 16 consumers and ignores removal from an empty group', () => {
    const many: StudentAction[] = Array.from({ length: 20 }, () => ({ kind: 'addConsumer' }));
    const r = replaySession(s, settings, 0, many);
    expect(liveMembers(r.state, GROUP_A)).toHaveLength(MAX_CONSUMERS);
    const empty = replaySession(s, settings, 0, [
      { kind: 'removeConsumer' },
      { kind: 'crashConsumer' },
    ]);
    expect(liveMembers(empty.state, GROUP_A)).toEqual([]);
  });

  it('a keyless produce reports the random partition kafka-python picked', () => {
    const r = replaySession(s, settings, 0, [{ kind: 'produce', key: null }]);
    expect(captionFor(r, 'range', 3)).toMatch(
      /^Запись без ключа → партиция \d, offset 0 \(kafka-python: случайная\)/,
    );
  });
});

describe('layout', () => {
  it('keeps rows legible for 64 partitions (the widget scrolls)', () => {
    const l = layoutKafka(64, 16, true);
    expect(l.rowPitch).toBe(ROW_MIN);
    expect(l.rows).toHaveLength(64);
    for (let i = 1; i < l.rows.length; i++) {
      expect((l.rows[i]?.y ?? 0) - (l.rows[i - 1]?.y ?? 0)).toBe(ROW_MIN);
    }
    for (let i = 1; i < l.members.length; i++) {
      expect((l.members[i] ?? 0) - (l.members[i - 1] ?? 0)).toBeGreaterThanOrEqual(MEMBER_H);
    }
    expect(l.height).toBeGreaterThan(64 * ROW_MIN);
  });

  it('ends the picture at its lowest row or box, and fits six partitions in normal type', () => {
    const rowsOnly = layoutKafka(3, 0, false);
    expect(rowsOnly.height).toBe(HEADER_HEIGHT + 3 * rowsOnly.rowPitch + 8);
    const withMembers = layoutKafka(3, 3, false);
    expect(withMembers.height).toBe(
      Math.max(
        HEADER_HEIGHT + 3 * withMembers.rowPitch,
        ...withMembers.members.map((y) => y + MEMBER_H),
      ) + 8,
    );
    const withB = layoutKafka(6, 1, true);
    expect(withB.height).toBe(
      Math.max(HEADER_HEIGHT + 6 * withB.rowPitch, withB.groupB! + MEMBER_H) + 8,
    );
    // Slide 31's story has six partitions: they share ROWS_BUDGET without the dense type.
    const six = layoutKafka(6, 0, false);
    expect(six.rowPitch * 6).toBeLessThanOrEqual(ROWS_BUDGET);
    expect(six.dense).toBe(false);
    expect(fitKey('user-42', false)).toBe('user-42');
  });

  it('fills the budget for few partitions and places markers on offset boundaries', () => {
    expect(layoutKafka(3, 2, false).rowPitch).toBeGreaterThan(layoutKafka(12, 2, false).rowPitch);
    expect(boundaryX(5, 3, 4).x).toBeCloseTo(cellX(2) - 2);
    expect(boundaryX(1, 3, 4)).toMatchObject({ clipped: true });
    expect(fitKey('user-42', false)).toBe('user-42');
    expect(fitKey('<img src=x onerror=alert(1)>', false)).toBe('<img s…');
    expect(fitKey(null, false)).toBe('∅');
  });

  it('gives members a colour and a shape each, repeating only after the palette', () => {
    const looks = MEMBER_COLOURS.map((_, i) => memberLook(i));
    expect(new Set(looks.map((l) => l.shape)).size).toBe(MEMBER_COLOURS.length);
    expect(memberLook(MEMBER_COLOURS.length)).toEqual(memberLook(0));
  });
});

describe('validation and wording', () => {
  it('accepts 1–64 partitions only', () => {
    expect(validatePartitions('6')).toEqual({ ok: true, value: 6 });
    expect(validatePartitions('0').ok).toBe(false);
    expect(validatePartitions('65').ok).toBe(false);
    expect(validatePartitions('abc').ok).toBe(false);
  });

  it('accepts any key up to 255 bytes; empty means no key', () => {
    expect(validateKafkaKey('')).toEqual({ ok: true, value: null });
    expect(validateKafkaKey('<img src=x onerror=alert(1)>').ok).toBe(true);
    expect(validateKafkaKey('я'.repeat(128)).ok).toBe(false);
  });

  it('speaks Russian plurals and lists', () => {
    expect([1, 2, 5, 11, 21, 22].map((n) => plural(n, 'запись', 'записи', 'записей'))).toEqual([
      'запись',
      'записи',
      'записей',
      'записей',
      'запись',
      'записи',
    ]);
    expect(listRu([1, 4])).toBe('1 и 4');
    expect(listRu([0, 2, 5])).toBe('0, 2 и 5');
  });
});
