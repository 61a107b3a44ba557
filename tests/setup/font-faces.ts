/**
 * Test helpers for fonts: a woff2 face's code points and tables (HarfBuzz), and the @font-face
 * rules of a style sheet (family, weight, unicode-range, url).
 */
import { convert } from 'fontverter';
import { Blob, Face } from 'harfbuzzjs';

/** What a font file holds: the code points it maps to glyphs and its table tags. */
export interface FontContents {
  readonly codePoints: ReadonlySet<number>;
  hasTable(tag: string): boolean;
}

/** Reads a woff2 (or sfnt) face. */
export async function fontContents(font: Uint8Array): Promise<FontContents> {
  const sfnt = await convert(Buffer.from(font), 'sfnt');
  const face = new Face(new Blob(new Uint8Array(sfnt)));
  const codePoints = new Set(face.collectUnicodes());
  return {
    codePoints,
    hasTable: (tag) => (face.referenceTable(tag)?.length ?? 0) > 0,
  };
}

/** One @font-face rule. */
export interface FontFaceRule {
  readonly family: string;
  readonly weight: string;
  readonly style: string;
  readonly ranges: readonly (readonly [number, number])[];
  readonly url: string;
}

/** `U+0400-045F, U+2116` → [[0x400, 0x45f], [0x2116, 0x2116]]. */
export function unicodeRanges(text: string): [number, number][] {
  return [...text.matchAll(/U\+([0-9A-Fa-f?]+)(?:-([0-9A-Fa-f]+))?/g)].map((m) => {
    const first = m[1] ?? '0';
    if (first.includes('?'))
      return [parseInt(first.replaceAll('?', '0'), 16), parseInt(first.replaceAll('?', 'F'), 16)];
    return [parseInt(first, 16), parseInt(m[2] ?? first, 16)];
  });
}

/** The @font-face rules of a style sheet, in order. */
export function fontFaceRules(css: string): FontFaceRule[] {
  return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => {
    const body = m[1] ?? '';
    const value = (name: string): string =>
      new RegExp(`${name}\\s*:\\s*([^;]+)`).exec(body)?.[1]?.trim() ?? '';
    return {
      family: value('font-family').replace(/^["']|["']$/g, ''),
      weight: value('font-weight') || '400',
      style: value('font-style') || 'normal',
      ranges: unicodeRanges(value('unicode-range')),
      url: /url\(\s*["']?([^"')]+)["']?\s*\)/.exec(body)?.[1] ?? '',
    };
  });
}

/** Whether a rule's unicode-range takes the code point (no range: every code point). */
export function inRange(rule: FontFaceRule, code: number): boolean {
  return rule.ranges.length === 0 || rule.ranges.some(([a, b]) => code >= a && code <= b);
}
