/**
 * The page carries every section with its attributes and title, and the later sections' body and
 * notes as the text of one data script, deflated (src/pipeline/later-slides.ts; hidden sections
 * stay whole): nothing is lost or moved between slides, and putting each holder back into its
 * section gives the built sections byte for byte.
 */
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  KEPT_SECTIONS,
  LATER_SLIDE_ATTRIBUTE,
  LATER_SLIDES_ID,
  LATER_SLIDES_SECTIONS,
  LATER_SLIDES_TYPE,
} from '../../../src/lecture/later-slides.ts';
import { buildDeck } from '../../../src/pipeline/build-deck.ts';
import { deferLaterSlides } from '../../../src/pipeline/later-slides.ts';
import { readSlides, repoFileReader } from '../../../src/pipeline/read-slides.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const deck = buildDeck(readSlides(root, 'slides'), {
  slidesDir: 'slides',
  readFile: repoFileReader(root),
  lectureMinutes: 90,
});
const page = deferLaterSlides(deck.html);
const TEMPLATE = new RegExp(
  `<script type="${LATER_SLIDES_TYPE}" id="${LATER_SLIDES_ID}" ${LATER_SLIDES_SECTIONS}="([^"]*)">([\\s\\S]*)</script>$`,
);
const HOLDER = new RegExp(
  `<div ${LATER_SLIDE_ATTRIBUTE}="([^"]+)">([\\s\\S]*?)</div>(?=\\n<div ${LATER_SLIDE_ATTRIBUTE}=|$)`,
  'g',
);

describe('later slides in the page', () => {
  const [, listed = '', stored = ''] = TEMPLATE.exec(page) ?? [];
  const held = inflateRawSync(Buffer.from(stored, 'base64')).toString('utf8');
  const holders = [...held.matchAll(HOLDER)].map(([, id = '', content = '']) => ({ id, content }));
  const shells = page.slice(0, page.length - (TEMPLATE.exec(page)?.[0].length ?? 0));

  it('keeps every section in order, each with its opening tag and title', () => {
    const ids = (html: string): string[] =>
      [...html.matchAll(/<section\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(ids(shells)).toEqual(ids(deck.html));
    expect(ids(shells)).toHaveLength(deck.sectionCount + 1);
    for (const [tag] of deck.html.matchAll(/<section\b[^>]*>\n<header\b[\s\S]*?<\/header>/g))
      expect(shells).toContain(tag);
  });

  it(`holds the body and notes of every section after the first ${KEPT_SECTIONS}`, () => {
    const later = [...deck.html.matchAll(/<section\b([^>]*)\bid="([^"]+)"([^>]*)>/g)]
      .slice(KEPT_SECTIONS)
      .filter((m) => !`${m[1]}${m[3]}`.includes('data-visibility="hidden"'))
      .map((m) => m[2]);
    expect(later.length).toBeGreaterThan(30);
    expect(holders.map((h) => h.id)).toEqual(later);
    expect(listed.split(' ')).toEqual(later);
    for (const { content } of holders) {
      expect(content).toMatch(/^<div class="slide-body">/);
      expect(content).toMatch(/<aside class="notes">[\s\S]*<\/aside>\n$/);
    }
    // Only the kept and the hidden sections have their notes in place; the others are held.
    const hidden = deck.html.match(/data-visibility="hidden"/g)?.length ?? 0;
    expect(hidden).toBeGreaterThan(0);
    expect(shells.match(/<aside class="notes">/g)).toHaveLength(KEPT_SECTIONS + hidden);
  });

  it('gives back the built sections byte for byte when each holder goes into its section', () => {
    let restored = shells;
    for (const { id, content } of holders)
      restored = restored.replace(
        new RegExp(
          `(<section\\b[^>]*\\bid="${id}"[^>]*>\\n<header\\b[\\s\\S]*?</header>\\n)(</section>\\n)`,
        ),
        (_, open: string, close: string) => `${open}${content}${close}`,
      );
    expect(restored).toBe(deck.html);
  });

  it('stores the held text as base64 (nothing in it can end the script), a quarter of its size', () => {
    expect(stored).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(stored.length).toBeLessThan(held.length / 2.5);
    const [title = '', second = '', third = ''] = deck.html.split(/(?<=<\/aside>\n<\/section>\n)/);
    const risky = third.replace('</aside>', '<p><code></script><!--</code></p></aside>');
    const built = deferLaterSlides(title + second + risky);
    expect(built.slice(built.indexOf(`id="${LATER_SLIDES_ID}"`))).not.toMatch(/<\/script>[\s\S]/);
  });

  it('leaves a deck of no more sections than it keeps as it is', () => {
    const first = deck.html
      .split(/(?<=<\/aside>\n<\/section>\n)/)
      .slice(0, KEPT_SECTIONS)
      .join('');
    expect(deferLaterSlides(first)).toBe(first);
  });
});
