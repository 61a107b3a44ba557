/**
 * The kafka-replication widget's logic (slide 27) in Node: the story's frames as the core's Kafka
 * model computes them — ISR shrinking while the high watermark holds, NOT_ENOUGH_REPLICAS below
 * min.insync.replicas, an acks=1 record lost with its leader — the caption of each step, refusals
 * for actions that do not fit, and, for any seeded sequence of actions, no throw and the view's
 * invariants (HW ≤ every ISR member's log end, the leader in the ISR, lost records gone).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WIDGETS } from '../../../../src/lecture/names.ts';
import { caption } from '../../../../src/widgets/kafka-replication/caption.ts';
import {
  MAX_SENT,
  replicationLogic,
  replicationView,
  validateValue,
  type ReplicationAction,
} from '../../../../src/widgets/kafka-replication/logic.ts';
import { STEPS } from '../../../../src/widgets/kafka-replication/story.ts';
import { Timeline, isRefusal } from '../../../../src/widgets/runtime/timeline.ts';

const frame = (step: number, actions: ReplicationAction[] = []) => {
  const v = replicationView(step, actions);
  return {
    isr: v.isr,
    hw: v.highWatermark,
    leader: v.leader,
    up: v.replicas.map((r) => r.up),
    leo: v.replicas.map((r) => r.leo),
    heard: v.sent.map((s) => `${s.value}:${s.lost ? 'lost' : s.heard}`),
  };
};

describe('kafka-replication story (slide 27)', () => {
  it('has as many steps as the catalogue says', () => {
    expect(STEPS).toHaveLength(WIDGETS['kafka-replication'].steps);
  });

  it('starts with three in-sync replicas and nothing written', () => {
    expect(frame(0)).toEqual({
      isr: [1, 2, 3],
      hw: 0,
      leader: 1,
      up: [true, true, true],
      leo: [0, 0, 0],
      heard: [],
    });
  });

  it('acks=all is acknowledged once every ISR member has the record; HW moves', () => {
    expect(frame(1)).toMatchObject({ hw: 1, leo: [1, 1, 1], heard: ['заказ 1:ack'] });
  });

  it('a stopped broker leaves the ISR and the high watermark holds', () => {
    expect(frame(2)).toMatchObject({ isr: [1, 2], hw: 1, up: [true, true, false] });
    expect(caption(replicationView(2))).toBe(
      'Брокер 3 остановлен: ISR = {1, 2}, HW держится на 1.',
    );
  });

  it('with two in sync and min.insync.replicas=2, acks=all still succeeds', () => {
    expect(frame(3)).toMatchObject({ isr: [1, 2], hw: 2, heard: ['заказ 1:ack', 'заказ 2:ack'] });
  });

  it('with one in sync, acks=all is refused: NOT_ENOUGH_REPLICAS, nothing written', () => {
    const f = frame(4);
    expect(f).toMatchObject({ isr: [1], hw: 2, leo: [2, 2, 1] });
    expect(f.heard.at(-1)).toBe('заказ 3:NOT_ENOUGH_REPLICAS');
    expect(caption(replicationView(4))).toContain('NOT_ENOUGH_REPLICAS');
  });

  it('acks=1 is acknowledged by the leader alone; the leader dies and the record is gone', () => {
    expect(frame(5)).toMatchObject({ isr: [1, 2, 3], hw: 2, leo: [3, 2, 2] });
    expect(frame(5).heard.at(-1)).toBe('заказ 4:ack');
    const last = frame(6);
    expect(last).toMatchObject({ leader: 2, isr: [2, 3], hw: 2 });
    expect(last.heard.at(-1)).toBe('заказ 4:lost');
    expect(caption(replicationView(6))).toContain('«заказ 4» потерян, хотя ack был');
  });

  it('the stopped leader still holds «заказ 4» on its disk; the new leader does not (KIP-101)', () => {
    const v = replicationView(6);
    const [one, two, three] = v.replicas;
    expect(one).toMatchObject({ broker: 1, up: false, inIsr: false, leo: 2 });
    expect(one?.stranded).toEqual([{ offset: 2, value: 'заказ 4' }]);
    expect(one?.records.map((r) => r.value)).toEqual(['заказ 1', 'заказ 2']);
    for (const r of [two, three]) {
      expect(r?.stranded).toEqual([]);
      expect(r?.records.map((x) => x.value)).not.toContain('заказ 4');
    }
    // Never readable: above the HW and not in the partition's log.
    expect(v.highWatermark).toBe(2);
    // Back as a follower, it truncates to the leader's log: only now is «заказ 4» gone.
    const back = replicationView(6, [{ type: 'start', broker: 1 }]);
    expect(back.replicas[0]?.stranded).toEqual([]);
    expect(back.replicas[0]?.records.map((r) => r.value)).toEqual(['заказ 1', 'заказ 2']);
    expect(caption(back)).toContain(
      'Брокер 1 запущен и удалил записи от смещения 2: у лидера их нет.',
    );
  });

  it('every caption is at most two short lines', () => {
    for (let step = 0; step <= STEPS.length; step++) {
      expect(caption(replicationView(step)).length).toBeLessThanOrEqual(120);
    }
  });
});

describe('kafka-replication as a student plays with it', () => {
  it('acks=all after the leader’s followers are stopped waits, then fails over to no leader', () => {
    const stopAll: ReplicationAction[] = [
      { type: 'stop', broker: 2 },
      { type: 'stop', broker: 3 },
      { type: 'send', value: 'x', acks: 1 },
      { type: 'stop', broker: 1 },
    ];
    const v = replicationView(0, stopAll);
    expect(v.leader).toBe(-1);
    expect(v.sent.at(-1)).toMatchObject({ value: 'x', lost: false });
    expect(
      replicationView(0, [...stopAll, { type: 'send', value: 'y', acks: 'all' }]).sent.at(-1)
        ?.heard,
    ).toBe('queued');
  });

  it('refuses what does not fit, with a reason; the timeline logs only what was done', () => {
    const t = new Timeline(replicationLogic, 'replication', STEPS.length);
    expect(t.act({ type: 'start', broker: 1 })).toBe('Брокер 1 уже работает.');
    expect(t.act({ type: 'stop', broker: 9 })).toBe('Брокера 9 нет.');
    expect(t.act({ type: 'stop', broker: 3 })).toBeUndefined();
    expect(t.act({ type: 'stop', broker: 3 })).toBe('Брокер 3 уже остановлен.');
    expect(t.actions).toHaveLength(1);
    for (let i = 0; i < MAX_SENT; i++) t.act({ type: 'send', value: `m${i}`, acks: 0 });
    expect(t.act({ type: 'send', value: 'one more', acks: 0 })).toMatch(/40 сообщений/);
  });

  it('after a seek back, a start that no longer fits is skipped with its reason, not thrown', () => {
    const t = new Timeline(replicationLogic, 'replication', STEPS.length);
    t.seek(2);
    expect(t.act({ type: 'start', broker: 3 })).toBeUndefined();
    expect(t.seek(0).dropped).toEqual(['Брокер 3 уже работает.']);
  });

  it('validates the text with the one rule of every field', () => {
    expect(validateValue('  заказ 7 ')).toEqual({ ok: true, value: 'заказ 7' });
    expect(validateValue('\u202eзаказ').ok).toBe(false);
    expect(validateValue('я'.repeat(30)).ok).toBe(false);
  });

  it('any seeded sequence of actions: no throw, the input never mutated, the invariants hold', () => {
    const action: fc.Arbitrary<ReplicationAction> = fc.oneof(
      fc.record({
        type: fc.constant('send' as const),
        value: fc.constantFrom('a', 'b', 'заказ'),
        acks: fc.constantFrom(0 as const, 1 as const, 'all' as const),
      }),
      fc.record({ type: fc.constant('stop' as const), broker: fc.constantFrom(1, 2, 3) }),
      fc.record({ type: fc.constant('start' as const), broker: fc.constantFrom(1, 2, 3) }),
      fc.constant({ type: 'replicate' as const }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.array(action, { maxLength: 30 }),
        (step, actions) => {
          let model = replicationLogic.init('replication');
          for (let i = 1; i <= step; i++) model = replicationLogic.play(model, 'replication', i);
          for (const a of actions) {
            const before = JSON.stringify(model.sent);
            const next = replicationLogic.act(model, a);
            expect(JSON.stringify(model.sent)).toBe(before);
            if (!isRefusal(next)) model = next;
          }
          const v = replicationLogic.view(model, {
            story: 'replication',
            step,
            actions: actions.length,
          });
          for (const r of v.replicas)
            if (r.inIsr) expect(v.highWatermark).toBeLessThanOrEqual(r.leo);
          if (v.leader >= 0) expect(v.isr).toContain(v.leader);
          const leaderLog = v.replicas.find((r) => r.leader)?.records ?? [];
          // A lost record's offset holds nothing now, or a record sent after it (a new write).
          for (const lost of v.sent.filter((s) => s.lost)) {
            const now = leaderLog.find((r) => r.offset === lost.offset);
            if (!now) continue;
            const later = v.sent.filter(
              (s) => !s.lost && s.offset === lost.offset && s.id > lost.id,
            );
            expect(later.length).toBeGreaterThan(0);
          }
          expect(caption(v).length).toBeGreaterThan(0);
        },
      ),
      { seed: 27, numRuns: 150 },
    );
  });
});
