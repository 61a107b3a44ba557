import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keptText, subsetWoff2, textCharacters } from '../../../src/pipeline/font-subset.ts';
import { fontContents } from '../../setup/font-faces.ts';

const ptSansLatin = readFileSync(
  resolve('node_modules/@fontsource/pt-sans/files/pt-sans-latin-400-normal.woff2'),
);

describe('the characters a built text shows', () => {
  it('reads JS escapes and HTML character references as the characters they stand for', () => {
    const chars = textCharacters(
      String.raw`"\u2192" "\u{1F600}" "\xAB" &#8594; &#x2193; &nbsp; &amp; плюс`,
    );
    for (const char of ['→', '😀', '«', '↓', '\u00a0', '&', 'п', 'л', 'ю', 'с'])
      expect(chars.has(char), char).toBe(true);
    expect(chars.has('\\')).toBe(true);
  });
});

describe('the glyphs a face keeps', () => {
  it('keeps whole Latin and Cyrillic alphabets, punctuation and arrows, and what the deck adds', () => {
    const text = keptText(['★', '\n']);
    for (const char of 'AZaz09ЁёАЯая«»—–…№→↓−✓✗①€₽★') expect(text, char).toContain(char);
    expect(text).not.toContain('\n');
    expect(text).not.toContain('中');
  });

  it('subsets PT Sans to the text, without hinting, to under a third of its size', async () => {
    const subset = await subsetWoff2(ptSansLatin, keptText([]));
    const [before, after] = await Promise.all([fontContents(ptSansLatin), fontContents(subset)]);
    expect(before.hasTable('fpgm') && before.hasTable('prep')).toBe(true);
    expect(after.hasTable('fpgm') || after.hasTable('prep')).toBe(false);
    expect(subset.byteLength).toBeLessThan(ptSansLatin.byteLength / 3);
    const kept = [...keptText([])].map((c) => c.codePointAt(0) ?? 0);
    const lost = kept.filter((c) => before.codePoints.has(c) && !after.codePoints.has(c));
    expect(lost).toEqual([]);
    const small = await fontContents(await subsetWoff2(ptSansLatin, 'Ab'));
    expect([...small.codePoints].sort()).toEqual([0x41, 0x62]);
  });
});
