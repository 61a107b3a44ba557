import { describe, expect, it } from 'vitest';
import { WIDGETS } from '../../../../src/lecture/names.ts';
import {
  BROKERS,
  NO_ANSWERS_REASON,
  QUESTIONS,
  recommend,
  type Answers,
  type QuestionId,
} from '../../../../src/widgets/broker-chooser/rules.ts';
import {
  CHOOSER_STEPS,
  CLICKS,
  NOTIFICATIONS,
  ORDERS,
  decidedBy,
  leadAt,
  workloadAt,
} from '../../../../src/widgets/broker-chooser/story.ts';
import { captionFor, points } from '../../../../src/widgets/broker-chooser/caption.ts';
import {
  throughputFor,
  validateRate,
  validateWorkloadName,
} from '../../../../src/widgets/broker-chooser/logic.ts';

/** Every combination of answers, each question also left unanswered: 4·3·4·4·4 = 768. */
function allCombinations(): Answers[] {
  let out: Partial<Record<QuestionId, string>>[] = [{}];
  for (const q of QUESTIONS) {
    const next: Partial<Record<QuestionId, string>>[] = [];
    for (const partial of out) {
      next.push(partial);
      for (const a of q.answers) next.push({ ...partial, [q.id]: a.id });
    }
    out = next;
  }
  return out;
}

describe('broker-chooser rules', () => {
  const combos = allCombinations();

  it('enumerates every answer path, unanswered questions included', () => {
    expect(combos).toHaveLength(4 * 3 * 4 * 4 * 4);
  });

  it('gives every combination a broker and at least one reason for it', () => {
    for (const answers of combos) {
      const r = recommend(answers);
      expect(BROKERS).toContain(r.broker);
      expect(r.reasons.length).toBeGreaterThan(0);
      for (const reason of r.reasons) expect(reason.length).toBeGreaterThan(10);
      // The winner has the most points; a tie goes to the simpler broker (listed first).
      const best = Math.max(...BROKERS.map((b) => r.scores[b]));
      expect(r.scores[r.broker]).toBe(best);
      expect(BROKERS.find((b) => r.scores[b] === best)).toBe(r.broker);
      expect(r.explained.length + r.unanswered.length).toBe(QUESTIONS.length);
    }
  });

  it('explains every answer: each broker an answer gives points to has a reason naming why', () => {
    for (const q of QUESTIONS) {
      for (const a of q.answers) {
        const favoured = BROKERS.filter((b) => a.points[b] > 0);
        expect(favoured.length, `${q.id}:${a.id}`).toBeGreaterThan(0);
        for (const b of favoured) expect(a.why[b], `${q.id}:${a.id}:${b}`).toBeTruthy();
      }
    }
  });

  it('quotes the reason of each answered question that favours the winner', () => {
    for (const answers of combos) {
      const r = recommend(answers);
      const expected = r.explained.flatMap((e) =>
        e.answer.points[r.broker] > 0 ? [e.answer.why[r.broker]] : [],
      );
      expect(r.reasons).toEqual(expected.length > 0 ? expected : [NO_ANSWERS_REASON]);
    }
  });

  it('recommends Redis with the simple-start reason when nothing is answered', () => {
    const r = recommend({});
    expect(r.broker).toBe('redis');
    expect(r.reasons).toEqual([NO_ANSWERS_REASON]);
    expect(r.unanswered).toHaveLength(QUESTIONS.length);
  });

  it('follows the lecture: replay and big data point to Kafka, complex routing to RabbitMQ, loss-tolerant speed to Redis', () => {
    expect(recommend({ throughput: 'huge', replay: 'yes' }).broker).toBe('kafka');
    expect(recommend({ routing: 'complex', delivery: 'at-least-once' }).broker).toBe('rabbitmq');
    expect(recommend({ throughput: 'high', delivery: 'loss-ok' }).broker).toBe('redis');
    expect(recommend(ORDERS.answers).broker).toBe('rabbitmq');
    expect(recommend(CLICKS.answers).broker).toBe('kafka');
    expect(recommend(NOTIFICATIONS.answers).broker).toBe('redis');
  });

  it('ignores an unknown answer id as unanswered instead of failing', () => {
    const r = recommend({ throughput: 'nonsense' });
    expect(r.unanswered.map((q) => q.id)).toContain('throughput');
  });

  it('carries the fact-checks of dated claims (replay, exactly once, ZooKeeper)', () => {
    expect(recommend(CLICKS.answers).caveats.join(' ')).toMatch(/RabbitMQ Streams/);
    expect(recommend({ delivery: 'exactly-once' }).caveats.join(' ')).toMatch(/идемпотентн/);
    expect(recommend({ operations: 'cluster' }).caveats.join(' ')).toMatch(/KRaft/);
  });
});

describe('broker-chooser story', () => {
  it('has the catalogue step count and ends with three workloads on three brokers', () => {
    expect(WIDGETS['broker-chooser'].steps).toBe(CHOOSER_STEPS);
    expect(Object.keys(workloadAt(0).answers)).toHaveLength(0);
    expect(Object.keys(workloadAt(1).answers)).toEqual(['throughput', 'replay']);
    expect(workloadAt(2)).toBe(ORDERS);
    expect(decidedBy(CHOOSER_STEPS).map((d) => d.result.broker)).toEqual([
      'rabbitmq',
      'kafka',
      'redis',
    ]);
    expect(decidedBy(1)).toEqual([]);
    for (let n = 1; n <= CHOOSER_STEPS; n++) expect(leadAt(n).length).toBeGreaterThan(10);
    expect(workloadAt(99)).toEqual(workloadAt(CHOOSER_STEPS));
  });
});

describe('broker-chooser words and inputs', () => {
  it('says points in Russian and names the score in the caption', () => {
    expect([1, 2, 5, 11, 21, 22].map(points)).toEqual([
      '1 балл',
      '2 балла',
      '5 баллов',
      '11 баллов',
      '21 балл',
      '22 балла',
    ]);
    const text = captionFor('', 'Мой сервис', recommend({ routing: 'complex' }));
    expect(text).toContain('«Мой сервис» — RabbitMQ: 3 балла');
    // A name with right-to-left letters is isolated (FSI…PDI): it cannot reorder the caption.
    const rtl = captionFor('', 'שירות', recommend({ routing: 'complex' }));
    expect(rtl).toContain('\u2068«שירות»\u2069 — RabbitMQ');
    expect(text).toMatch(/Без ответа 4 вопроса/);
  });

  it('validates the workload name and the message rate with Russian messages', () => {
    expect(validateWorkloadName('  Платежи  ')).toEqual({ ok: true, value: 'Платежи' });
    expect(validateWorkloadName('   ').ok).toBe(false);
    const long = validateWorkloadName('я'.repeat(61));
    expect(long.ok === false && long.message).toMatch(/не длиннее 60/);
    expect(validateRate('50 000')).toEqual({ ok: true, value: 50000 });
    for (const bad of ['0', '-5', 'abc', '1e6', '100000001', '9'.repeat(40), '<b>1</b>']) {
      const r = validateRate(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/Сообщений в секунду/);
    }
  });

  it('maps a rate to the lecture’s bands: ~20 000 RabbitMQ, 100 000+ Redis, 1 000 000+ Kafka', () => {
    expect(throughputFor(20_000)).toBe('moderate');
    expect(throughputFor(20_001)).toBe('high');
    expect(throughputFor(999_999)).toBe('high');
    expect(throughputFor(1_000_000)).toBe('huge');
  });
});

describe('broker-chooser reasons agree with the brokers’ docs', () => {
  const why = (q: string, a: string) =>
    QUESTIONS.find((x) => x.id === q)?.answers.find((x) => x.id === a);

  // RabbitMQ, «AMQP 0-9-1 Model Explained» → Fanout Exchange: routes a copy to every bound
  // queue; Redis Pub/Sub; Kafka «Introduction»: each consumer group reads the whole topic.
  it('«всем подписчикам сразу» gives RabbitMQ (fanout) as many points as Redis and Kafka', () => {
    const broadcast = why('routing', 'broadcast');
    expect(broadcast?.points).toEqual({ redis: 2, rabbitmq: 2, kafka: 2 });
    expect(broadcast?.why.rabbitmq).toMatch(/Fanout exchange/);
    expect(recommend({ routing: 'broadcast' }).tie).toBe(true);
  });

  // Kafka docs, Topic Configs → min.insync.replicas: «create a topic with a replication factor
  // of 3, set min.insync.replicas to 2, and produce with acks of "all"»; with acks=1 the leader
  // answers before followers copy the record, so a leader failure loses it.
  it('Kafka’s at-least-once reason is replication with acks=all and min.insync.replicas, not «всё на диск»', () => {
    const text = why('delivery', 'at-least-once')?.why.kafka ?? '';
    expect(text).toMatch(/acks=all/);
    expect(text).toMatch(/min\.insync\.replicas ≥ 2/);
    expect(text).toMatch(/acks=1 .*теряется/);
    expect(text).not.toMatch(/пишет всё на диск/);
  });

  // RabbitMQ «Reliability Guide»: durable queues, persistent messages, publisher confirms and
  // manual consumer acks together give at-least-once.
  it('RabbitMQ’s at-least-once reason names every piece it needs', () => {
    expect(why('delivery', 'at-least-once')?.why.rabbitmq).toMatch(
      /durable.*persistent.*publisher confirms.*ack/,
    );
  });

  // Kafka docs, log.retention.hours = 168: the log is kept for the retention, not for ever.
  it('Kafka’s replay reason says the log is kept for the retention, not «все сообщения»', () => {
    const text = why('replay', 'yes')?.why.kafka ?? '';
    expect(text).toMatch(/retention \(по умолчанию 7 дней\)/);
    expect(text).not.toMatch(/все сообщения/);
  });
});

describe('broker-chooser ties', () => {
  it('calls a tie only when answers produced one, and then picks the simpler broker', () => {
    expect(recommend({}).tie).toBe(false);
    // 100k/s with a simple queue: Redis 4, RabbitMQ 1, Kafka 1 — no tie.
    expect(recommend({ throughput: 'high', routing: 'simple' }).tie).toBe(false);
    // Exactly once alone: RabbitMQ 1, Kafka 2; plus a queue without replay: 1+1 vs 2 → tie.
    const r = recommend({ delivery: 'exactly-once', replay: 'no' });
    expect(r.scores).toEqual({ redis: 1, rabbitmq: 2, kafka: 2 });
    expect(r.tie).toBe(true);
    expect(r.broker).toBe('rabbitmq');
  });
});
