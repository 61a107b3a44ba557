/**
 * The built sections as index.html carries them (src/lecture/later-slides.ts): the first
 * `KEPT_SECTIONS` whole, every later one as its opening tag and `<header>` only, its body and
 * notes in holders inside one data `<script>` after the sections, deflated (hidden sections stay
 * whole: reveal.js removes them, and the reading view shows them). Main-thread CPU to the first
 * slide (bench/first-slide-load.ts, 9 alternating loads): served 77 → 64 ms, one file from
 * file:// 95 → 81 ms, measured with the holders (then a template) as the only change. Deflated,
 * the 218 kB of text are 64 kB in the page, which leaves the one file room to keep its entry
 * code as plain text (src/pipeline/chunk-loader.ts).
 */
import { deflateRawSync } from 'node:zlib';
import {
  KEPT_SECTIONS,
  LATER_SLIDE_ATTRIBUTE,
  LATER_SLIDES_ID,
  LATER_SLIDES_SECTIONS,
  LATER_SLIDES_TYPE,
} from '../lecture/later-slides.ts';

/** A rendered section (src/pipeline/render-slide.ts, title-slide.ts): its end, as written. */
const SECTION_END = /(?<=<\/aside>\n<\/section>\n)/;
/** Opening tag and `<header>…</header>` line; the rest up to `</section>` is body and notes. */
const SHELL = /^(<section\b[^>]*>\n?(?:<header\b[\s\S]*?<\/header>\n?)?)([\s\S]*)(<\/section>\n)$/;

/** `html` (buildDeck's sections) with the later sections' content moved into the holder. */
export function deferLaterSlides(html: string, kept = KEPT_SECTIONS): string {
  const sections = html.split(SECTION_END);
  if (sections.join('') !== html) throw new Error('later slides: sections do not add up');
  const shells: string[] = [];
  const holders: string[] = [];
  const ids: string[] = [];
  for (const [i, section] of sections.entries()) {
    const match = SHELL.exec(section);
    const id = /^<section\b[^>]*\bid="([^"]+)"/.exec(section)?.[1];
    // A hidden section stays whole: reveal.js takes it out of the page when it starts.
    const hidden = /^<section\b[^>]*\bdata-visibility="hidden"/.test(section);
    if (i < kept || hidden || !match || id === undefined) {
      shells.push(section);
      continue;
    }
    const [, open = '', content = '', close = ''] = match;
    shells.push(`${open}${close}`);
    holders.push(`<div ${LATER_SLIDE_ATTRIBUTE}="${id}">${content}</div>`);
    ids.push(id);
  }
  if (holders.length === 0) return html;
  // Level 9: the page is built once and opened often.
  const held = deflateRawSync(holders.join('\n'), { level: 9 }).toString('base64');
  const attributes = `type="${LATER_SLIDES_TYPE}" id="${LATER_SLIDES_ID}" ${LATER_SLIDES_SECTIONS}="${ids.join(' ')}"`;
  return `${shells.join('')}<script ${attributes}>${held}</script>`;
}
