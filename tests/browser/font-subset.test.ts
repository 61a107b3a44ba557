/**
 * The bundled fonts are cut to the lecture's glyphs at build time (src/pipeline/font-subset.ts).
 * This checks the built site (DECK_OUT_DIR) against what the audience can see: every character of
 * the slides, notes, reading view and every string in the code (widget labels, captions,
 * messages), plus whole Latin and Cyrillic alphabets, must be in each built face that the
 * original face drew it with. A new symbol on a slide that the subset lost fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAst } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type TestBrowser } from './chromium.ts';
import { repoRoot } from './deck-page.ts';
import { fontContents, fontFaceRules, inRange, type FontFaceRule } from '../setup/font-faces.ts';

const distDir = resolve(repoRoot, process.env['DECK_OUT_DIR'] ?? 'dist');
const assetsDir = join(distDir, 'assets');
const assets = readdirSync(assetsDir);
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Every string literal and template text in a chunk, as the code means it (escapes read). */
function codeStrings(code: string): string[] {
  const found: string[] = [];
  const stack: unknown[] = [parseAst(code)];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...(node as unknown[]));
    else if (typeof node === 'object' && node !== null) {
      const n = node as { type?: string; value?: unknown };
      if (n.type === 'Literal' && typeof n.value === 'string') found.push(n.value);
      if (n.type === 'TemplateElement') {
        const value = n.value as { cooked?: string | null; raw: string };
        found.push(value.cooked ?? value.raw);
      }
      for (const child of Object.values(node)) if (typeof child === 'object') stack.push(child);
    }
  }
  return found;
}

/** The text of the presentation (all slides and notes) and of the reading view, from the page. */
async function pageText(): Promise<string> {
  const page = await browser.context.newPage();
  const deckUrl = inject('deckUrl');
  await page.goto(`${deckUrl}#/s-1`);
  await page.waitForSelector('.reveal.ready');
  const visible = (): string => {
    const attributes = [...document.querySelectorAll('[placeholder], [aria-label], [title]')]
      .map((e) => ['placeholder', 'aria-label', 'title'].map((a) => e.getAttribute(a) ?? ''))
      .flat();
    return `${document.body.innerText}\n${document.body.textContent}\n${attributes.join('\n')}`;
  };
  const deck = await page.evaluate(visible);
  await page.goto(`${deckUrl}?view=read`);
  await page.waitForSelector('.reading-toc');
  const reading = await page.evaluate(visible);
  await page.close();
  return `${deck}\n${reading}`;
}

/** A built face and the face it was made from (src/styles/fonts.css names the originals). */
interface FacePair {
  readonly rule: FontFaceRule;
  readonly built: string;
  readonly original: string;
}

function facePairs(): FacePair[] {
  const key = (r: FontFaceRule): string =>
    `${r.family}|${r.weight}|${r.style}|${JSON.stringify(r.ranges)}`;
  const sources = new Map(
    fontFaceRules(readFileSync(resolve(repoRoot, 'src/styles/fonts.css'), 'utf8')).map((r) => [
      key(r),
      resolve(repoRoot, 'src/styles', r.url),
    ]),
  );
  const css = assets
    .filter((f) => f.endsWith('.css'))
    .map((f) => readFileSync(join(assetsDir, f), 'utf8'));
  return css.flatMap(fontFaceRules).map((rule) => {
    const original = sources.get(key(rule));
    if (original === undefined) throw new Error(`built @font-face not in fonts.css: ${key(rule)}`);
    return { rule, built: join(assetsDir, rule.url.replace(/^.*\//, '')), original };
  });
}

describe('the fonts cut to the lecture', () => {
  it('draw every character the deck shows that the full fonts drew', async () => {
    const code = assets
      .filter((f) => f.endsWith('.js'))
      .flatMap((f) => codeStrings(readFileSync(join(assetsDir, f), 'utf8')));
    const css = assets
      .filter((f) => f.endsWith('.css'))
      .map((f) => readFileSync(join(assetsDir, f), 'utf8'));
    const alphabets =
      'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789' +
      'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя';
    const text = [await pageText(), ...code, ...css, alphabets].join('\n');
    const used = new Set([...text].map((c) => c.codePointAt(0) ?? 0).filter((c) => c >= 0x20));
    const pairs = facePairs();
    expect(pairs).toHaveLength(8);
    const missing: string[] = [];
    const nowhere = new Set(used);
    for (const { rule, built, original } of pairs) {
      const [full, cut] = await Promise.all([
        fontContents(readFileSync(original)),
        fontContents(readFileSync(built)),
      ]);
      for (const c of used) {
        if (!inRange(rule, c) || !full.codePoints.has(c)) continue;
        nowhere.delete(c);
        if (!cut.codePoints.has(c))
          missing.push(
            `${String.fromCodePoint(c)} U+${c.toString(16)} ${rule.family} ${rule.weight}`,
          );
      }
    }
    expect(missing).toEqual([]);
    // Characters no bundled face has (drawn by the system's fonts, as before the subsetting).
    console.log(
      `[fonts] ${used.size} characters used; not in the bundled fonts: ${[...nowhere]
        .map((c) => String.fromCodePoint(c))
        .join('')}`,
    );
  });

  it('are a fraction of the originals: no hinting, only the glyphs kept', () => {
    const pairs = facePairs();
    const size = (file: string): number => readFileSync(file).byteLength;
    const built = pairs.reduce((sum, p) => sum + size(p.built), 0);
    const original = pairs.reduce((sum, p) => sum + size(p.original), 0);
    console.log(`[fonts] ${pairs.length} faces: ${original} B → ${built} B`);
    expect(built).toBeLessThan(original / 2);
  });
});
