/** The fonts preloaded for the first slide are read from the built CSS's @font-face rules. */
import { describe, expect, it } from 'vitest';
import { firstSlideFontFiles } from '../../../src/pipeline/font-preload.ts';

const face = (family: string, weight: string, url: string, style = 'normal'): string =>
  `@font-face{font-family:${family};font-style:${style};font-weight:${weight};font-display:swap;src:url(${url})format("woff2");unicode-range:U+400-45F}`;

describe('firstSlideFontFiles', () => {
  it('takes PT Sans regular and bold, every subset, relative to the page', () => {
    const css = [
      face('PT Sans', '400', './pt-sans-cyrillic-400-normal-Bg.woff2'),
      face('PT Sans', '400', './pt-sans-latin-400-normal-Cw.woff2'),
      face("'PT Sans'", '700', './sans-bold-subset-X1.woff2'),
      face('JetBrains Mono', '400', './jetbrains-mono-cyrillic-400-normal-BE.woff2'),
      face('PT Sans', '400', './pt-sans-italic.woff2', 'italic'),
      face('PT Sans', '300', './pt-sans-light.woff2'),
    ].join('');
    expect(firstSlideFontFiles(css, 'assets/index-1K.css')).toEqual([
      'assets/pt-sans-cyrillic-400-normal-Bg.woff2',
      'assets/pt-sans-latin-400-normal-Cw.woff2',
      'assets/sans-bold-subset-X1.woff2',
    ]);
  });

  it('leaves out fonts inlined as data: URLs (the one file) and non-woff2 sources', () => {
    const css =
      face('PT Sans', '400', 'data:font/woff2;base64,d09GMgAB') +
      '@font-face{font-family:PT Sans;font-weight:700;src:url(./pt.ttf)format("truetype")}';
    expect(firstSlideFontFiles(css, 'index.css')).toEqual([]);
  });

  it('reads the built deck stylesheet as minified by Vite (quoted urls, no spaces)', () => {
    const css = `@font-face{font-family:"PT Sans";font-weight:700;src:url("../fonts/b.woff2") format("woff2")}`;
    expect(firstSlideFontFiles(css, 'assets/css/index.css')).toEqual(['assets/fonts/b.woff2']);
  });
});
