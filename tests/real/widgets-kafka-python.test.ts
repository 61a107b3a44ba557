/**
 * The kafka-partitions widget against the lecture's client library itself: kafka-python 2.0.2's
 * DefaultPartitioner (kafka/partitioner/default.py), run with Debian's Python. Keyed records land
 * where the widget's formula line says; keyless records get a fresh random available partition
 * each time — no sticky batch — which is what slide 31's story now shows. No Kafka server needed.
 */
import { describe, expect, it } from 'vitest';
import { kafkaPartitionForKey } from '../../src/broker/kafka/index.ts';
import { KAFKA_PYTHON_SESSION_TIMEOUT_MS } from '../../src/widgets/kafka-partitions/story.ts';
import { pythonPackageVersions, runPython } from './helpers/python.ts';

const KEYS = ['user-42', 'user-7', 'user-13', 'user-99', 'user-5', 'order-1', 'клиент-1', ''];
const COUNTS = [1, 3, 4, 6, 12];

/** kafka-python's partitioner for every key and count, and 600 keyless picks among 6 partitions. */
const SCRIPT = `
import json, sys
from kafka.partitioner.default import DefaultPartitioner
p = DefaultPartitioner()
keys, counts = json.loads(sys.argv[1]), json.loads(sys.argv[2])
keyed = {f"{k}|{n}": p(k.encode("utf-8"), list(range(n)), list(range(n))) for k in keys for n in counts}
keyless = [p(None, list(range(6)), [0, 2, 3, 5]) for _ in range(600)]
runs = sum(1 for a, b in zip(keyless, keyless[1:]) if a != b)
print(json.dumps({"keyed": keyed, "keyless": sorted(set(keyless)), "changes": runs}))
`;

describe(`kafka-partitions and kafka-python (${pythonPackageVersions(['kafka'])})`, () => {
  it('keyed records: the widget’s partition is DefaultPartitioner’s for every key and partition count', async () => {
    const result = await runPython(['-c', SCRIPT, JSON.stringify(KEYS), JSON.stringify(COUNTS)], {
      cwd: process.cwd(),
    });
    expect(result.stderr).toBe('');
    const got = JSON.parse(result.stdout) as {
      keyed: Record<string, number>;
      keyless: number[];
      changes: number;
    };
    const widget: Record<string, number> = {};
    for (const k of KEYS) for (const n of COUNTS) widget[`${k}|${n}`] = kafkaPartitionForKey(k, n);
    expect(widget).toEqual(got.keyed);
    // Keyless: only available partitions, and the pick changes from record to record.
    expect(got.keyless).toEqual([0, 2, 3, 5]);
    expect(got.changes).toBeGreaterThan(300);
  });

  it('the consumer defaults the widget plays are kafka-python’s: 10 s session timeout, no cooperative assignor', async () => {
    const result = await runPython(
      [
        '-c',
        'import json; from kafka import KafkaConsumer as C; c = C.DEFAULT_CONFIG; ' +
          'print(json.dumps({"session": c["session_timeout_ms"], ' +
          '"assignors": [a.name for a in c["partition_assignment_strategy"]]}))',
      ],
      { cwd: process.cwd() },
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      session: KAFKA_PYTHON_SESSION_TIMEOUT_MS,
      assignors: ['range', 'roundrobin'],
    });
  });
});
