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
  type KafkaStoryName,
} from '../../../../src/widgets/kafka-partitions/story.ts';
import {
  MAX_CONSUMERS,
  VISIBLE_CELLS,
  kafkaView,
  liveMembers,
  validateKafkaKey,
  type KafkaAction,
} from '../../../../src/widgets/kafka-partitions/logic.ts';
import {
  MAX_CAPTION,
  caption,
  listRu,
  numbersRu,
  plural,
} from '../../../../src/widgets/kafka-partitions/caption.ts';
import {
  HEADER_HEIGHT,
  ROW_MIN,
  ROWS_BUDGET,
  boundaryX,
  cellX,
  fitKey,
  layoutKafka,
  MEMBER_H,
  NARROW_WIDTH,
} from '../../../../src/widgets/kafka-partitions/layout.ts';
import { validatePartitions } from '../../../../src/widgets/kafka-partitions/lab.ts';
import { kafkaPartitionsLogic } from '../../../../src/widgets/kafka-partitions/logic.ts';
import { Timeline, isRefusal } from '../../../../src/widgets/runtime/timeline.ts';
import {
  MEMBER_COLOURS,
  memberLook,
  memberPartitions,
} from '../../../../src/widgets/kafka-partitions/picture.ts';

const stories = Object.values(KAFKA_STORIES);

describe('kafka-partitions stories', () => {
  it('has the catalogue step count and stories (architecture, usage, producer, consumer)', () => {
    expect(WIDGETS['kafka-partitions'].steps).toBe(KAFKA_STEPS);
    expect(stories.map((s) => s.name)).toEqual(WIDGETS['kafka-partitions'].stories);
    for (const s of stories) expect(s.steps).toHaveLength(KAFKA_STEPS);
  });

  it('puts every keyed record where the core partitioner says, for any partition count', () => {
    for (const s of stories) {
      for (const partitions of [1, 3, 6, 64]) {
        const r = kafkaView(s.name, KAFKA_STEPS, [], { partitions, assignor: 'range' });
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
        const view = kafkaView(s.name, n, [], {
          partitions: s.defaultPartitions,
          assignor: 'roundrobin',
        });
        const core = view.state.topics[s.topic]?.partitions ?? [];
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
    const r = kafkaView('producer', 4);
    const keyless = r.events.filter((e) => e.type === 'produce').map((e) => e.partition);
    expect(keyless).toHaveLength(4);
    expect(new Set(keyless).size).toBeGreaterThan(1);
    const text = caption(r);
    expect(text).toContain('kafka-python 2.0.2 шлёт каждую запись в случайную партицию');
    expect(text).not.toMatch(/sticky/);
    expect(caption(kafkaView('producer', 5))).toContain(
      'Java-клиент (Kafka ≥ 2.4) шлёт такие пачкой',
    );
    const view = kafkaView('producer', 6);
    expect(view.last?.partition).toBe(kafkaPartitionForKey('user-42', 6));
    expect(caption(view)).toContain(
      `Запись с ключом user-42 → партиция ${kafkaPartitionForKey('user-42', 6)}, offset 6`,
    );
  });

  it('slide 32: the crash hands consumer-2’s partitions to consumer-1 and says so', () => {
    const before = kafkaView('consumer', 5);
    const after = kafkaView('consumer', 6);
    const lost = before.groupA?.members.find((m) => m.memberId === 'consumer-2');
    expect(lost?.partitions).toEqual([2, 3]);
    expect(liveMembers(after.state, GROUP_A)).toEqual(['consumer-1']);
    expect(caption(after)).toContain(
      'consumer-2 упал: через 10 с (session_timeout_ms) партиции 2 и 3 → consumer-1',
    );
    // Group B (latest) starts at the end; group A (earliest) at the start.
    const joined = kafkaView('consumer', 2);
    for (const p of joined.partitions) {
      expect(p.a?.position).toBe(0);
      expect(p.b?.position).toBe(p.endOffset);
    }
  });

  it('cooperative-sticky revokes only what moves, and the caption says revoke then assign', () => {
    const r = kafkaView('architecture', 4, [], { partitions: 3, assignor: 'cooperative-sticky' });
    const revoked = r.events.filter((e) => e.type === 'partitionsRevoked');
    expect(revoked).toHaveLength(1);
    // kafka-python 2.0.2 offers range, roundrobin and an eager sticky only (kafka/coordinator/
    // assignors): the cooperative protocol is the Java client's, and the caption names it.
    expect(caption(r)).toMatch(/cooperative-sticky, Java-клиент: отозвана только партиция \d\)/);
  });
});

describe('kafka-partitions captions read right', () => {
  const STORY_OF: Record<number, KafkaStoryName> = {
    28: 'usage',
    29: 'architecture',
    31: 'producer',
    32: 'consumer',
  };
  const at = (slide: number, step: number) => caption(kafkaView(STORY_OF[slide] ?? 'usage', step));

  // Eager protocol: ConsumerCoordinator.onJoinPrepare revokes the partitions a member owns; a
  // group's first members own none, so nothing is given back.
  it('a group’s first join is a first assignment, not «все отдали партиции»: nobody had any', () => {
    expect(at(28, 2)).toContain('(range: первое назначение)');
    expect(at(29, 4)).toContain('(range: все отдали и получили заново)');
  });

  // Kafka's GroupCoordinator keeps a crashed member's partitions until its session times out;
  // kafka-python 2.0.2's KafkaConsumer defaults session_timeout_ms to 10000 (kafka/consumer/group.py).
  it('a crash hands the partitions over only after kafka-python’s 10 s session timeout, and the caption says so', () => {
    expect(at(32, 6)).toContain(
      'consumer-2 упал: через 10 с (session_timeout_ms) партиции 2 и 3 → consumer-1.',
    );
    const r = kafkaView('consumer', 6);
    expect(r.state.groups['billing']?.sessionTimeoutMs).toBe(10_000);
  });

  it('replay says the group moved its position and read the records again', () => {
    expect(at(28, 6)).toMatch(/перемотала позицию \(seek\) на offset 0 и перечитала \d+ запис/);
  });

  it('every sentence of a caption starts with a capital, the second group’s too', () => {
    expect(at(32, 3)).toContain('Группа B прочитала');
    for (const slide of [28, 29, 31, 32]) {
      for (let step = 1; step <= KAFKA_STEPS; step++) {
        expect(at(slide, step)).not.toMatch(/\. [а-я]/);
      }
    }
  });
});

describe('student actions', () => {
  const settings = { partitions: 3, assignor: 'range' as const };
  const play = (step: number, actions: KafkaAction[]) =>
    kafkaView('architecture', step, actions, settings);

  it('replays the same actions to the same state (pure) and never mutates', () => {
    const actions: KafkaAction[] = [
      { kind: 'produce', key: '<img src=x onerror=alert(1)>' },
      { kind: 'addConsumer' },
      { kind: 'poll', group: 'A' },
      { kind: 'commit' },
      { kind: 'seek', offset: 0 },
      { kind: 'crashConsumer' },
      { kind: 'removeConsumer' },
    ];
    const a = play(3, actions);
    const b = play(3, actions);
    expect(JSON.stringify(a.state)).toBe(JSON.stringify(b.state));
    const hostile = a.partitions.flatMap((p) => p.cells).find((c) => c.key?.startsWith('<img'));
    expect(hostile?.key).toBe('<img src=x onerror=alert(1)>');
    const model = kafkaPartitionsLogic.init('architecture');
    const frozen = JSON.stringify(model);
    kafkaPartitionsLogic.act(model, { kind: 'produce', key: 'k' });
    kafkaPartitionsLogic.act(model, { kind: 'partitions', partitions: 5 });
    expect(JSON.stringify(model)).toBe(frozen);
  });

  it('caps the group at 16 consumers and refuses removal from an empty group, with the reason', () => {
    const many: KafkaAction[] = Array.from({ length: 20 }, () => ({ kind: 'addConsumer' }));
    expect(liveMembers(play(0, many).state, GROUP_A)).toHaveLength(MAX_CONSUMERS);
    const empty = kafkaPartitionsLogic.init('architecture');
    for (const kind of ['removeConsumer', 'crashConsumer'] as const) {
      const refused = kafkaPartitionsLogic.act(empty, { kind });
      expect(isRefusal(refused) && refused.reason).toBe("В группе A нет consumer'ов (0–16).");
    }
    const seek = kafkaPartitionsLogic.act(empty, { kind: 'seek', offset: 0 });
    expect(isRefusal(seek) && seek.reason).toMatch(/сначала добавьте его в группу A/);
    expect(isRefusal(kafkaPartitionsLogic.act(empty, { kind: 'poll', group: 'B' }))).toBe(true);
    expect(isRefusal(kafkaPartitionsLogic.act(empty, { kind: 'partitions', partitions: 65 }))).toBe(
      true,
    );
  });

  it('a new partition count replays the story to the step, then the student’s actions', () => {
    const view = play(2, [
      { kind: 'produce', key: 'user-42' },
      { kind: 'addConsumer' },
      { kind: 'partitions', partitions: 6 },
    ]);
    expect(view.partitions).toHaveLength(6);
    expect(view.settings).toEqual({ partitions: 6, assignor: 'range' });
    expect(view.groupA?.members.map((m) => m.memberId)).toEqual([
      'consumer-1',
      'consumer-2',
      'consumer-3',
    ]);
    const p = kafkaPartitionForKey('user-42', 6);
    expect(view.partitions[p]?.cells.some((c) => c.key === 'user-42')).toBe(true);
    // The same count again is no action.
    const again = kafkaPartitionsLogic.act(kafkaPartitionsLogic.init('producer'), {
      kind: 'partitions',
      partitions: 6,
    });
    expect(isRefusal(again)).toBe(true);
  });

  it('going back to the start keeps the student’s actions (the kit resets, not show(0))', () => {
    const timeline = new Timeline(kafkaPartitionsLogic, 'architecture', KAFKA_STEPS);
    timeline.seek(2);
    expect(timeline.act({ kind: 'addConsumer' })).toBeUndefined();
    timeline.seek(0);
    expect(timeline.actions).toHaveLength(1);
    expect(timeline.frame.view.groupA?.members).toHaveLength(1);
    expect(timeline.seek(2).view.groupA?.members).toHaveLength(3);
    timeline.reset();
    expect(timeline.actions).toHaveLength(0);
  });

  it('a keyless produce reports the random partition kafka-python picked', () => {
    expect(caption(play(0, [{ kind: 'produce', key: null }]))).toMatch(
      /^Запись без ключа → партиция \d, offset 0 \(kafka-python: случайная\)/,
    );
  });

  it('keeps every caption short (two stage lines), at 64 partitions and 16 consumers too', () => {
    for (const s of stories) {
      for (let n = 0; n <= KAFKA_STEPS; n++) {
        expect(caption(kafkaView(s.name, n)).length, `${s.name} ${n}`).toBeLessThanOrEqual(
          MAX_CAPTION,
        );
      }
    }
    const big: KafkaAction[] = [{ kind: 'partitions', partitions: 64 }];
    for (let i = 0; i < 16; i++) {
      big.push({ kind: 'addConsumer' });
      expect(caption(play(6, big)).length, `consumer ${i + 1}`).toBeLessThanOrEqual(MAX_CAPTION);
    }
    for (const kind of ['commit', 'crashConsumer', 'removeConsumer'] as const) {
      expect(caption(play(6, [...big, { kind }])).length, kind).toBeLessThanOrEqual(MAX_CAPTION);
    }
    expect(numbersRu([0, 1, 2, 3, 5])).toBe('0–3 и 5');
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

  it('draws a narrow picture for a phone: members below the rows, every box inside the width', () => {
    const l = layoutKafka(64, 16, true, true);
    expect(l.narrow).toBe(true);
    expect(l.width).toBe(NARROW_WIDTH);
    const rowsBottom = (l.rows.at(-1)?.y ?? 0) + l.rowPitch;
    for (const [i, top] of l.members.entries()) {
      expect(top).toBeGreaterThanOrEqual(rowsBottom);
      expect((l.memberLeft[i] ?? 0) + l.memberWidth).toBeLessThanOrEqual(NARROW_WIDTH);
    }
    expect(l.groupB).toBeGreaterThan(Math.max(...l.members));
    expect(l.height).toBeGreaterThanOrEqual((l.groupB ?? 0) + MEMBER_H);
    // «lag — · B 0» is 111 units wide in the deck's font at 25 (measured in Chromium).
    expect(l.lagX + 118).toBeLessThanOrEqual(NARROW_WIDTH);
    // With nobody in group A and a group B, its note takes the first line below the rows, group
    // B the next; without group B the note is on the header's second line (note: null).
    const empty = layoutKafka(6, 0, true, true);
    expect(empty.note?.midY).toBeGreaterThan((empty.rows.at(-1)?.y ?? 0) + empty.rowPitch);
    expect(empty.groupB).toBeGreaterThanOrEqual((empty.note?.midY ?? 0) + MEMBER_H / 2);
    expect(layoutKafka(6, 0, false, true).note).toBeNull();
  });

  it('names a member’s partitions in a few characters, whatever it owns (no overlap at 64)', () => {
    expect(memberPartitions([0, 1, 2])).toBe('P0–P2');
    expect(memberPartitions([1, 3])).toBe('P1 P3');
    expect(memberPartitions([])).toBe('простой');
    expect(memberPartitions(Array.from({ length: 64 }, (_, i) => i))).toBe('P0–P63');
    expect(memberPartitions([0, 16, 32, 48])).toBe('4 парт.');
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

describe('a settings change and the student’s earlier actions', () => {
  it('names an earlier action it cannot replay (kit’s skipped), never drops it silently', () => {
    // A model whose earlier actions include one that cannot be replayed on the story: nobody is
    // in group A at step 0 of «consumer», so «− consumer» has no one to remove.
    const start = kafkaPartitionsLogic.init('consumer');
    const model = { ...start, done: [{ kind: 'produce', key: 'k' }, { kind: 'removeConsumer' }] };
    const next = kafkaPartitionsLogic.act(model as typeof start, {
      kind: 'partitions',
      partitions: 5,
    });
    if (isRefusal(next)) throw new Error(next.reason);
    expect(next.done).toEqual([{ kind: 'produce', key: 'k' }]);
    expect(kafkaPartitionsLogic.skipped?.(next)).toEqual([
      "«− consumer»: В группе A нет consumer'ов (0–16).",
    ]);
    // The next action or step reports nothing new.
    const after = kafkaPartitionsLogic.act(next, { kind: 'produce', key: 'x' });
    if (isRefusal(after)) throw new Error(after.reason);
    expect(kafkaPartitionsLogic.skipped?.(after)).toEqual([]);
    expect(kafkaPartitionsLogic.skipped?.(kafkaPartitionsLogic.play(next, 'consumer', 1))).toEqual(
      [],
    );
  });

  it('replays every earlier action that fits with the new settings (none skipped)', () => {
    const t = new Timeline(kafkaPartitionsLogic, 'consumer', KAFKA_STEPS);
    t.seek(3);
    for (const action of [
      { kind: 'addConsumer' },
      { kind: 'produce', key: 'user-1' },
      { kind: 'poll', group: 'A' },
      { kind: 'removeConsumer' },
    ] as const) {
      expect(t.act(action)).toBeUndefined();
    }
    expect(t.act({ kind: 'partitions', partitions: 2 })).toBeUndefined();
    expect(t.act({ kind: 'assignor', assignor: 'roundrobin' })).toBeUndefined();
    expect(t.frame.dropped).toEqual([]);
    expect(t.frame.model.done).toHaveLength(4);
  });
});
