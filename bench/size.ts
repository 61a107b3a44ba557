/**
 * Size report of the one-file lecture (`npm run bench:size`): the bytes of dist-single/index.html
 * by part — fonts, styles, the entry's code, slide text, notes, example files, Chart.js, widgets,
 * the reading view, the loader, the rest of the page — as stored in the file and, for the
 * deflated chunks, as code. `sizeByPart(html)` is the same table for other benches to print.
 * Usage: npm run bench:size [-- --no-build] [-- --file path/to/index.html]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { LATER_SLIDES_ID } from '../src/lecture/later-slides.ts';
import { DEFLATED } from '../src/pipeline/chunk-loader.ts';

/** One part of the file: bytes in the file, and bytes of the text it holds (inflated). */
export interface SizePart {
  readonly part: string;
  readonly stored: number;
  readonly text: number;
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
const FONT = /url\(data:font\/woff2;base64,[A-Za-z0-9+/=]+\)/g;
const NOTES = /<aside class="notes"[\s\S]*?<\/aside>/g;
/** A section, or (inflated) the later sections' body and notes (src/lecture/later-slides.ts). */
const SECTION =
  /<section\b[\s\S]*?<\/section>|<div data-later-slide="[^"]*">[\s\S]*?<\/div>(?=\n<div data-later-slide=|$)/g;
/** The holder of the later sections' body and notes: deflated, base64. */
const LATER = new RegExp(`<script\\b[^>]*\\bid="${LATER_SLIDES_ID}"[^>]*>([\\s\\S]*?)</script>`);
/** A chunk element: its name, its other attributes (data-deflated, data-leaf), its text. */
const CHUNK =
  /<script type="text\/x-lecture-chunk" data-chunk="([^"]+)"([^>]*)>([\s\S]*?)<\/script>/g;

/** The chunk a file name belongs to, by what the lecture's build calls it. */
function chunkPart(name: string, entry: boolean): string {
  if (entry) return 'script: entry (reveal.js, deck runtime)';
  if (name.startsWith('_virtual_lecture-examples')) return 'example files («Весь файл»)';
  if (name.startsWith('chart-setup')) return 'script: Chart.js';
  if (name.startsWith('reading-view')) return 'script: reading view';
  return 'script: widgets and models';
}

/** Slide HTML and notes inside a text (the deck module, or the page), and what is left. */
function splitSlides(text: string): { slides: number; notes: number; rest: number } {
  const notes = [...text.matchAll(NOTES)].reduce((sum, m) => sum + bytes(m[0]), 0);
  const sections = [...text.matchAll(SECTION)].reduce((sum, m) => sum + bytes(m[0]), 0);
  const slides = Math.max(0, sections - notes);
  return { slides, notes, rest: bytes(text) - slides - notes };
}

/**
 * The one file's bytes by part. The parts add up to the file's size: markup between them is
 * counted as «page». Slide text and notes are counted where they are (entry chunk or page).
 */
export function sizeByPart(html: string): SizePart[] {
  const parts = new Map<string, { stored: number; text: number }>();
  const add = (part: string, stored: number, text = stored): void => {
    const sum = parts.get(part) ?? { stored: 0, text: 0 };
    parts.set(part, { stored: sum.stored + stored, text: sum.text + text });
  };
  let page = html;
  const later = LATER.exec(page);
  if (later) {
    const [element, body = ''] = later;
    const text = inflateRawSync(Buffer.from(body, 'base64')).toString('utf8');
    const { slides, notes } = splitSlides(text);
    const ratio = bytes(body) / bytes(text);
    add('slides (HTML)', Math.round(slides * ratio), slides);
    add('notes', bytes(body) - Math.round(slides * ratio), notes);
    add('page: markup', bytes(element) - bytes(body));
    page = page.replace(element, '');
  }
  const entry = /const entry = "([^"]+)"/.exec(html)?.[1];
  for (const m of html.matchAll(CHUNK)) {
    const [element, name = '', attributes = '', body = ''] = m;
    const deflated = attributes.includes(DEFLATED);
    const code = deflated ? inflateRawSync(Buffer.from(body, 'base64')).toString('utf8') : body;
    const overhead = bytes(element) - bytes(body);
    add('page: markup', overhead);
    if (name === entry) {
      const { slides, notes, rest } = splitSlides(code);
      // Stored bytes follow the text's share where the chunk is deflated.
      const ratio = bytes(body) / bytes(code);
      add('slides (HTML)', Math.round(slides * ratio), slides);
      add('notes', Math.round(notes * ratio), notes);
      add(chunkPart(name, true), bytes(body) - Math.round((slides + notes) * ratio), rest);
    } else add(chunkPart(name, false), bytes(body), bytes(code));
    page = page.replace(element, '');
  }
  for (const m of page.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) {
    const css = m[1] ?? '';
    const fonts = [...css.matchAll(FONT)].reduce((sum, f) => sum + bytes(f[0]), 0);
    add('fonts (woff2, base64)', fonts);
    add('styles (CSS)', bytes(css) - fonts);
    page = page.replace(css, '');
  }
  // A lazy chunk's stylesheet, held as text until its chunk loads (src/pipeline/single-file.ts).
  for (const m of page.matchAll(/<script type="text\/x-lecture-css"[^>]*>([\s\S]*?)<\/script>/g)) {
    add('styles (CSS, with their chunks)', bytes(m[1] ?? ''));
    page = page.replace(m[1] ?? '', '');
  }
  for (const m of page.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    add('script: one-file loader', bytes(m[1] ?? ''));
    page = page.replace(m[1] ?? '', '');
  }
  const { slides, notes, rest } = splitSlides(page);
  add('slides (HTML)', slides);
  add('notes', notes);
  add('page: markup', rest);
  return [...parts].map(([part, size]) => ({ part, ...size }));
}

/** The table as text: part, stored bytes, text bytes, share of the file. */
export function sizeTable(parts: readonly SizePart[]): string {
  const total = parts.reduce((sum, p) => sum + p.stored, 0);
  const n = (x: number): string => x.toLocaleString('en-US').padStart(11);
  const rows = [...parts]
    .sort((a, b) => b.stored - a.stored)
    .map((p) => {
      const share = `${((100 * p.stored) / total).toFixed(1)} %`.padStart(7);
      return `${p.part.padEnd(42)}${n(p.stored)}${n(p.text)}${share}`;
    });
  const text = parts.reduce((sum, p) => sum + p.text, 0);
  return [
    `${'part'.padEnd(42)}${'in file, B'.padStart(11)}${'as text, B'.padStart(11)}  share`,
    ...rows,
    `${'total'.padEnd(42)}${n(total)}${n(text)}`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--file');
  const dir = resolve(process.env['SINGLE_DIR'] ?? 'dist-single');
  const file = at > 0 ? resolve(process.argv[at + 1] ?? '') : resolve(dir, 'index.html');
  if (at < 0 && !process.argv.includes('--no-build')) {
    const { build } = await import('vite');
    await build({ logLevel: 'warn', mode: 'single', build: { outDir: dir, emptyOutDir: true } });
  }
  const html = readFileSync(file, 'utf8');
  console.log(`${file}: ${bytes(html).toLocaleString('en-US')} B (limit 1,000,000 B)\n`);
  console.log(sizeTable(sizeByPart(html)));
}
