import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileTopicRouter,
  splitTopicKey,
  topicMatches,
} from '../../../../src/broker/rabbitmq/index.ts';
import { topicCases, type TopicTable } from '../../../fixtures/broker/rabbitmq/cases.ts';

const fixture = JSON.parse(
  readFileSync(
    new URL('../../../fixtures/broker/rabbitmq/topic-table.json', import.meta.url),
    'utf8',
  ),
) as TopicTable;

/** A from-scratch oracle: RabbitMQ's own recursive definition (exponential, fine for short keys). */
function oracle(p: readonly string[], w: readonly string[]): boolean {
  if (p.length === 0) return w.length === 0;
  const [head, ...rest] = p;
  if (head === '#') return oracle(rest, w) || (w.length > 0 && oracle(p, w.slice(1)));
  if (w.length === 0) return false;
  return (head === '*' || head === w[0]) && oracle(rest, w.slice(1));
}

describe('topic matching', () => {
  it('splits keys as split_topic_key: the empty key has no words, empty words are kept', () => {
    expect(splitTopicKey('')).toEqual([]);
    expect(splitTopicKey('.')).toEqual(['', '']);
    expect(splitTopicKey('a..b')).toEqual(['a', '', 'b']);
    expect(splitTopicKey('a.')).toEqual(['a', '']);
  });

  it.each([
    ['#', '', true],
    ['*', '', false],
    ['', '', true],
    ['', 'a', false],
    ['*', '.', false],
    ['*.*', '.', true],
    ['a.*.b', 'a..b', true],
    ['#.#', '', true],
    ['*.#.*', 'a', false],
    ['*.#.*', 'a.b', true],
    ['*.#.*', 'a.x.y.b', true],
    ['#.a.#', 'a', true],
    ['#.a.#', 'b.a.c', true],
    ['#.a.#', 'b.c', false],
    ['a*', 'ab', false],
    ['a*', 'a*', true],
    ['a#', 'a.b', false],
    ['a.#', 'a', true],
    ['#.', 'a', false],
    ['#.', 'a.', true],
    ['ключ.*', 'ключ.значение', true],
  ])('%j matches %j: %s', (pattern, key, expected) => {
    expect(topicMatches(pattern, key)).toBe(expected);
    expect(
      compileTopicRouter([{ bindingKey: pattern, destination: 'q' }]).match(key).length === 1,
    ).toBe(expected);
  });

  it('agrees with the committed table from a real RabbitMQ 3.10 (every pattern × key)', () => {
    const cases = topicCases();
    expect(fixture.patterns).toEqual(cases.patterns);
    expect(fixture.keys).toEqual(cases.keys);
    const viaFunction = fixture.patterns.map((p) =>
      fixture.keys.flatMap((k, i) => (topicMatches(p, k) ? [i] : [])),
    );
    expect(viaFunction).toEqual(fixture.matches);
    // The trie router, all bindings at once: each key reaches exactly the queues of matching patterns.
    const router = compileTopicRouter(
      fixture.patterns.map((p, i) => ({ bindingKey: p, destination: String(i) })),
    );
    const viaTrie: number[][] = fixture.patterns.map(() => []);
    fixture.keys.forEach((k, i) => router.match(k).forEach((q) => viaTrie[Number(q)]?.push(i)));
    expect(viaTrie).toEqual(fixture.matches);
  });

  it('agrees with the recursive definition on random patterns and keys', () => {
    const word = fc.constantFrom('a', 'b', '', '*', '#', 'a*');
    const key = fc.array(word, { maxLength: 7 }).map((w) => w.join('.'));
    fc.assert(
      fc.property(key, key, (pattern, routingKey) => {
        const expected = oracle(splitTopicKey(pattern), splitTopicKey(routingKey));
        expect(topicMatches(pattern, routingKey)).toBe(expected);
        expect(
          compileTopicRouter([{ bindingKey: pattern, destination: 'q' }]).match(routingKey).length,
        ).toBe(expected ? 1 : 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('stays fast on a 10,000-word pattern full of # (no exponential backtracking)', () => {
    const pattern = Array.from({ length: 10_000 }, (_, i) => (i % 2 ? 'a' : '#')).join('.') + '.b';
    const key = Array.from({ length: 10_000 }, () => 'a').join('.');
    const started = performance.now();
    expect(topicMatches(pattern, key)).toBe(false);
    expect(topicMatches(pattern, key + '.b')).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('keeps a trie with #.a.#.a… bindings polynomial', () => {
    const pattern = Array.from({ length: 40 }, () => '#.a').join('.') + '.b';
    const router = compileTopicRouter([{ bindingKey: pattern, destination: 'q' }]);
    const key = Array.from({ length: 120 }, () => 'a').join('.');
    const started = performance.now();
    expect(router.match(key)).toEqual([]);
    expect(router.match(key + '.b')).toEqual(['q']);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('routes one copy per destination even when several bindings of it match', () => {
    const router = compileTopicRouter([
      { bindingKey: 'a.*', destination: 'q1' },
      { bindingKey: '#', destination: 'q1' },
      { bindingKey: 'a.#', destination: 'q2' },
      { bindingKey: 'b.#', destination: 'q3' },
    ]);
    expect(router.match('a.x')).toEqual(['q1', 'q2']);
    expect(router.match('a.x')).toEqual(['q1', 'q2']);
    expect(router.match('b')).toEqual(['q1', 'q3']);
  });

  it('tells apart literal words whose trie hashes collide ("7yzl" and "e6ap")', () => {
    const router = compileTopicRouter([
      { bindingKey: 'x.7yzl', destination: 'q1' },
      { bindingKey: 'x.e6ap', destination: 'q2' },
      { bindingKey: 'e6ap.#', destination: 'q3' },
    ]);
    expect(router.match('x.7yzl')).toEqual(['q1']);
    expect(router.match('x.e6ap')).toEqual(['q2']);
    expect(router.match('7yzl')).toEqual([]);
    expect(router.match('e6ap.7yzl')).toEqual(['q3']);
  });

  it('routes through the same router in turn with keys of different lengths', () => {
    const router = compileTopicRouter([
      { bindingKey: '*.b.#', destination: 'q1' },
      { bindingKey: 'a', destination: 'q2' },
    ]);
    const long = Array.from({ length: 100 }, (_, i) => (i === 1 ? 'b' : 'w')).join('.');
    expect(router.match(long)).toEqual(['q1']);
    expect(router.match('a')).toEqual(['q2']);
    expect(router.match('a.b')).toEqual(['q1']);
    expect(router.match('')).toEqual([]);
  });
});
