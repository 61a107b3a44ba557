import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  redisGlobMatches,
  redisGlobMatchesBytes,
  utf8Bytes,
} from '../../../../src/broker/redis/index.ts';
import { generateGlobTable, type GlobFixture } from './glob-cases.ts';

const fixture = JSON.parse(
  readFileSync(new URL('../../../fixtures/broker/redis/glob-table.json', import.meta.url), 'utf8'),
) as GlobFixture;

describe('redisGlobMatches (Redis stringmatchlen)', () => {
  it('agrees with the real Redis on every pair of the committed table', () => {
    expect(fixture.patterns.length * fixture.channels.length).toBeGreaterThan(10_000);
    const disagreements: string[] = [];
    fixture.patterns.forEach((pattern, i) =>
      fixture.channels.forEach((channel, j) => {
        const real = fixture.matches[i]?.[j] === '1';
        if (redisGlobMatches(pattern, channel) !== real) {
          disagreements.push(`${JSON.stringify(pattern)} ~ ${JSON.stringify(channel)}`);
        }
      }),
    );
    expect(disagreements).toEqual([]);
  });

  it('the case generator still produces the committed table', () => {
    const { patterns, channels } = generateGlobTable();
    expect(patterns).toEqual(fixture.patterns);
    expect(channels).toEqual(fixture.channels);
  });

  it.each([
    ['*', '', false], // the matching loop never starts on an empty channel (real Redis agrees)
    ['', '', true],
    ['', 'a', false],
    ['news.*', 'news.sport', true],
    ['news.*', 'news', false],
    ['h?llo', 'hello', true],
    ['h?llo', 'hllo', false],
    ['h[ae]llo', 'hallo', true],
    ['h[^e]llo', 'hello', false],
    ['[a-c]', 'b', true],
    ['[c-a]', 'b', true], // reversed ranges are swapped
    ['\\*', '*', true],
    ['\\*', 'a', false],
    ['[\\]]', ']', true],
    ['[a', 'a', true], // an unterminated class ends at the end of the pattern
    ['[]', ']', false],
    ['a\\', 'a\\', true], // a trailing backslash is a literal backslash
    ['?', 'я', false], // 'я' is two bytes in UTF-8
    ['??', 'я', true],
    ['[a-я]', 'b', false], // 0xD1 is a negative signed char: the range is [-47, 97]
  ] as const)('%j ~ %j → %s', (pattern, channel, expected) => {
    expect(redisGlobMatches(pattern, channel)).toBe(expected);
  });

  it('gives up past 1,000 nested stars, as Redis does since CVE-2024-31228', () => {
    expect(redisGlobMatches('*a'.repeat(999), 'a'.repeat(999))).toBe(true);
    expect(redisGlobMatches('*a'.repeat(1001), 'a'.repeat(1001))).toBe(false);
  });

  it('stays fast on a pathological pattern (CVE-2022-36021)', () => {
    const started = performance.now();
    expect(redisGlobMatches('*a'.repeat(200) + 'b', 'a'.repeat(5000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('matches raw bytes, and encodes lone surrogates as U+FFFD like TextEncoder', () => {
    expect(
      redisGlobMatchesBytes(Uint8Array.of(0x5b, 0x80, 0x2d, 0xff, 0x5d), Uint8Array.of(0x90)),
    ).toBe(true);
    expect(Array.from(utf8Bytes('\ud800'))).toEqual(Array.from(new TextEncoder().encode('\ud800')));
    expect(Array.from(utf8Bytes('a😀я'))).toEqual(Array.from(new TextEncoder().encode('a😀я')));
  });
});
