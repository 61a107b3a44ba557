/**
 * The PSUBSCRIBE glob table: patterns × channels covering Redis's glob edge cases, plus seeded
 * random ones. The unit test checks the model against the committed answers; the real test
 * regenerates the answers from a real Redis and compares.
 */
import { nextInt, seedPrng, type PrngState } from '../../../../src/broker/core/prng.ts';

/** The committed answer table: `matches[i][j]` is '1' when patterns[i] matches channels[j]. */
export interface GlobFixture {
  readonly redisVersion: string;
  readonly patterns: readonly string[];
  readonly channels: readonly string[];
  readonly matches: readonly string[];
}

const HAND_PATTERNS = [
  '',
  '*',
  '**',
  '***a',
  '?',
  '??',
  'a',
  'a*',
  '*a',
  '*a*',
  'a?c',
  'a*c',
  'a**c',
  'a*b*c',
  'news.*',
  'news.?',
  'news.[st]*',
  '[abc]',
  '[a-c]',
  '[c-a]',
  '[z-a]',
  '[^a]',
  '[^a-c]',
  '[^]',
  '[]',
  '[]]',
  '[]a]',
  '[a-]',
  '[-a]',
  '[a-c-e]',
  '[\\]]',
  '[\\-]',
  '[a\\-z]',
  '[\\',
  '[a\\',
  '[',
  '[a',
  '[^',
  '[^a',
  '[a-',
  '[a-c',
  'a[',
  '*[',
  '\\',
  'a\\',
  '\\*',
  '\\?',
  '\\[',
  '\\a',
  '\\\\',
  'a\\*b',
  '*\\*',
  '[*]',
  '[?]',
  '[[]',
  '[^^]',
  '[\\^]',
  '??*',
  '*?',
  '?*?',
  'я',
  '?я',
  '??',
  '????',
  '[я]',
  '[^я]',
  '[а-я]',
  '[a-я]',
  '[я-a]',
  '[\x7f-a]',
  'é*',
  '*😀',
  '?😀',
  '😀',
  'канал.*',
  '*.*',
  '.',
  ':',
  'user:*:events',
  'user:???:events',
  'a'.repeat(255),
  `*${'a'.repeat(254)}`,
  '*a'.repeat(999),
  '*a'.repeat(1001),
  'a*'.repeat(40) + 'b',
];

const HAND_CHANNELS = [
  '',
  'a',
  'b',
  'c',
  'z',
  'ab',
  'abc',
  'aXc',
  'abbc',
  'a*c',
  'ac',
  'news.sport',
  'news.tech',
  'news.s',
  'news.',
  'news',
  '-',
  '^',
  ']',
  '[',
  '\\',
  '*',
  '?',
  '.',
  ':',
  '\x7f',
  'я',
  'ё',
  'é',
  'aя',
  '😀',
  'a😀',
  'канал.новости',
  'user:42:events',
  'user:123:events',
  'a'.repeat(255),
  'a'.repeat(999),
  'a'.repeat(1001),
];

const PATTERN_ALPHABET = ['a', 'b', 'c', 'z', '*', '?', '[', ']', '^', '-', '\\', 'я', 'é', '.'];
const CHANNEL_ALPHABET = ['a', 'b', 'c', 'z', '-', '^', ']', '[', '\\', '*', '?', 'я', 'é', '😀'];

function randomString(
  prng: PrngState,
  alphabet: readonly string[],
  maxLen: number,
): [string, PrngState] {
  let [len, next] = nextInt(prng, 0, maxLen);
  let text = '';
  while (len-- > 0) {
    let i: number;
    [i, next] = nextInt(next, 0, alphabet.length - 1);
    text += alphabet[i];
  }
  return [text, next];
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** Hand-picked edge cases first, then `randomPatterns`/`randomChannels` seeded random strings. */
export function generateGlobTable(
  seed = 20261125,
  randomPatterns = 120,
  randomChannels = 40,
): { patterns: string[]; channels: string[] } {
  let prng = seedPrng(seed);
  const patterns = [...HAND_PATTERNS];
  const channels = [...HAND_CHANNELS];
  let text: string;
  for (let i = 0; i < randomPatterns; i++) {
    [text, prng] = randomString(prng, PATTERN_ALPHABET, 6);
    patterns.push(text);
  }
  for (let i = 0; i < randomChannels; i++) {
    [text, prng] = randomString(prng, CHANNEL_ALPHABET, 5);
    channels.push(text);
  }
  return { patterns: unique(patterns), channels: unique(channels) };
}
