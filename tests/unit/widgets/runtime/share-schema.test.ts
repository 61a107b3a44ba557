import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WIDGET_NAMES } from '../../../../src/lecture/names.ts';
import { fitsActionShape } from '../../../../src/widgets/runtime/share-schema.ts';
import { SHARE_SAMPLES } from './share-samples.ts';

describe('the action shapes of shared links', () => {
  it('every action a lab makes has its widget’s shape', () => {
    for (const name of WIDGET_NAMES) {
      for (const action of SHARE_SAMPLES[name].actions) {
        expect(fitsActionShape(name, action), `${name} ${JSON.stringify(action)}`).toBe(true);
      }
    }
  });

  it('a forged action of the right kind but a wrong type, value or field does not', () => {
    const forged: [Parameters<typeof fitsActionShape>[0], unknown][] = [
      ['kafka-replication', { type: 'send', value: 'x', acks: 7 }],
      ['redis-list-queue', { type: 'lpush', value: 5 }],
      ['redis-list-queue', { type: 'lpush' }],
      ['redis-list-queue', { type: 'lpush', value: 'x', extra: 1 }],
      ['redis-list-queue', JSON.parse('{"type":"requeue","__proto__":{"x":1}}')],
      ['redis-list-queue', ['lpush', 'x']],
      ['redis-list-queue', null],
      ['idempotent-consumer', { id: 'p', amount: 100, crash: 'yes' }],
      ['kafka-partitions', { kind: 'produce', key: 5 }],
      ['kafka-partitions', { kind: 'seek', offset: Number.NaN }],
      [
        'exchange-routing',
        { type: 'publish', routingKey: 'a', headers: new Map([['k', 1]]), mandatory: false },
      ],
      [
        'exchange-routing',
        { type: 'bind', queue: 'q', binding: { routingKey: '#', arguments: { a: 1 } } },
      ],
      ['patterns', { type: 'append', event: { kind: 'stolen', amount: 5 } }],
      ['chart-brokers', {}],
    ];
    for (const [name, action] of forged) expect(fitsActionShape(name, action), name).toBe(false);
  });

  it('a lab action with one field changed to another JSON type no longer fits', () => {
    const named = WIDGET_NAMES.flatMap((name) =>
      SHARE_SAMPLES[name].actions
        .filter((a) => Object.keys(a).some((k) => k !== 'type' && k !== 'kind'))
        .map((a) => ({ name, action: a as Record<string, unknown> })),
    );
    const other = (value: unknown): fc.Arbitrary<unknown> =>
      fc
        .oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer()))
        .filter((v) => typeof v !== typeof value && !(v === null && value === null));
    fc.assert(
      fc.property(
        fc
          .constantFrom(...named)
          .chain(({ name, action }) =>
            fc
              .constantFrom(...Object.keys(action).filter((k) => k !== 'type' && k !== 'kind'))
              .chain((key) =>
                other(action[key]).map((value) => ({ name, action: { ...action, [key]: value } })),
              ),
          ),
        ({ name, action }) => {
          // produce's key may be a string or null: both are valid keys.
          const key = action['key'];
          if (name === 'kafka-partitions' && (key === null || typeof key === 'string')) return;
          expect(fitsActionShape(name, action)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
