/**
 * The PDF handout (`npm run pdf`): made from the built deck by the same script a lecturer runs;
 * every slide's title and notes are in its text, widget steps are printed as frames with their
 * captions, charts are drawn (not blank canvases); a few pages are rendered to PNG to look at.
 * It reports the handout's figures (pages, pages under a third full, the smallest text on a
 * widget frame) and holds them: a cover, a contents page whose numbers are the pages the slides
 * start on, no page under a third full unless a part ends there, no form controls and no text
 * under 8 pt on a widget frame, no step frame that shows nothing new.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type TestBrowser } from './chromium.ts';
import { expectedSlides, pageErrors, repoRoot } from './deck-page.ts';
import { guardOtherHosts, type HostGuard } from './other-hosts.ts';
import { PARTS } from '../../src/lecture/names.ts';

const deckUrl = inject('deckUrl');
const outDir = join(repoRoot, 'test-results', 'pdf');
const pdf = join(outDir, 'lecture.pdf');
let browser: TestBrowser;
let guard: HostGuard;

beforeAll(async () => {
  browser = await launchChromium();
  guard = await guardOtherHosts(browser.context, new URL(deckUrl).origin);
});
afterAll(async () => {
  await browser?.close();
});

const squash = (text: string): string => text.replace(/\s+/g, ' ');
/** Text as compared: Markdown marks and brackets dropped on both sides, spaces collapsed. */
const plain = (text: string): string => squash(text.replace(/[*_`#>[\]()]/g, ' ')).trim();

/** How far down each page ink reaches, as a share of the area inside the 10-mm margins. */
function pageFills(pdf: string): number[] {
  const dir = join(outDir, 'fill');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('pdftoppm', ['-gray', '-r', '24', pdf, join(dir, 'p')]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pgm'))
    .sort()
    .map((f) => {
      const data = readFileSync(join(dir, f));
      // P5 header: magic, width, height, maxval, each followed by one whitespace byte.
      const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 40).toString('latin1'));
      if (!header?.[0] || !header[1] || !header[2]) throw new Error(`${f}: not a PGM`);
      const width = Number(header[1]);
      const height = Number(header[2]);
      const pixels = data.subarray(header[0].length);
      let last = 0;
      for (let y = 0; y < height; y++) {
        const row = pixels.subarray(y * width, (y + 1) * width);
        if (row.some((v) => v < 235)) last = y;
      }
      const margin = (height * 10) / 210;
      return (last + 1 - margin) / (height - 2 * margin);
    });
}

describe('PDF handout', () => {
  it('the print page draws every chart and mounts every widget step before it prints', async () => {
    const page = await browser.context.newPage();
    const errors = pageErrors(page);
    await page.goto(new URL('?view=print', deckUrl).href);
    await page.waitForFunction(() => document.documentElement.dataset['printReady'] === 'true');
    await page.waitForTimeout(500);
    const canvases = await page.$$eval('canvas', (all) =>
      all.map((c) => {
        const ctx = (c as HTMLCanvasElement).getContext('2d');
        if (!ctx || c.width === 0 || c.height === 0) return 0;
        const { data } = ctx.getImageData(0, 0, c.width, c.height);
        let inked = 0;
        for (let i = 0; i < data.length; i += 4) if ((data[i + 3] ?? 0) > 0) inked++;
        return inked;
      }),
    );
    expect(canvases.length).toBeGreaterThan(0);
    for (const inked of canvases) expect(inked).toBeGreaterThan(500);
    const frames = await page.$$eval('.print-step [data-widget]', (all) =>
      all.map(
        (r) => `${(r as HTMLElement).dataset['widget']}:${(r as HTMLElement).dataset['step']}`,
      ),
    );
    expect(frames).toContain('order-flow:5');
    expect(frames).toContain('kafka-partitions:6');

    // Every widget prints its stage face: no form control, nothing under 8 pt (1 px = 0.75 pt).
    const widgets = await page.$$eval('[data-widget]', (roots) =>
      roots.map((root) => {
        let smallest = Infinity;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!el || !(n.textContent ?? '').trim()) continue;
          const box = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          if (box.width === 0 || style.visibility === 'hidden' || style.opacity === '0') continue;
          let size = parseFloat(style.fontSize);
          if (el instanceof SVGGraphicsElement) {
            const m = el.getScreenCTM();
            if (m) size *= Math.hypot(m.a, m.b);
          } else {
            for (let e: Element | null = el; e; e = e.parentElement)
              size *= parseFloat(getComputedStyle(e).zoom) || 1;
          }
          smallest = Math.min(smallest, size);
        }
        const controls = [...root.querySelectorAll('button, input, select, textarea')].filter(
          (c) => c.getBoundingClientRect().width > 0,
        ).length;
        const el = root as HTMLElement;
        return {
          id: `${el.dataset['widget']}:${el.dataset['step']}`,
          face: el.dataset['face'],
          pt: smallest * 0.75,
          controls,
        };
      }),
    );
    const smallest = Math.min(...widgets.map((w) => w.pt));
    const labOnly = [...new Set(widgets.filter((w) => w.face !== 'stage').map((w) => w.id))];
    console.log(
      `handout widget frames: ${widgets.length}, smallest text ${smallest.toFixed(1)} pt, ` +
        `printed as their lab (not on the kit): ${labOnly.join(', ') || 'none'}`,
    );
    for (const w of widgets) {
      expect(w.controls, `${w.id}: form controls`).toBe(0);
      expect(w.pt, `${w.id}: smallest text, pt`).toBeGreaterThanOrEqual(8);
    }
    // A stage widget is not in its slide at step 0 (the deck shows it from step 1 on).
    expect(
      await page.locator('.print-slide-head .widget-slot[data-widget-layout="stage"]').count(),
    ).toBe(0);
    // Only steps that show something: no step-0 frame, each frame labelled with its step.
    const steps = await page.$$eval('.print-step', (all) =>
      all.map((f) => ({
        step: Number((f as HTMLElement).dataset['printStep']),
        label: f.querySelector('.print-step-label')?.textContent ?? '',
      })),
    );
    for (const { step, label } of steps) {
      expect(step).toBeGreaterThan(0);
      expect(label).toMatch(new RegExp(`^Шаг ${step} из \\d+$`));
    }
    expect(errors).toEqual([]);
    expect(guard.blocked, 'requests to another host').toEqual([]);
    await page.close();
  });

  it('npm run pdf writes a PDF with each slide, its notes and the widget steps', () => {
    mkdirSync(outDir, { recursive: true });
    const log = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'scripts', 'pdf.ts'), '--no-build', pdf],
      {
        cwd: repoRoot,
        env: { ...process.env, DECK_DIR: process.env['DECK_OUT_DIR'] ?? 'dist' },
        encoding: 'utf8',
      },
    );
    console.log(log.trim());
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    const visible = expectedSlides().filter((s) => !s.hidden);
    expect(pages).toBeGreaterThanOrEqual(visible.length);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts/);

    const text = plain(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
    for (const slide of visible) {
      expect(text, `title of ${slide.section}`).toContain(plain(slide.title));
      // Four plain words from the notes' first line.
      const firstWords = plain(slide.notes.split('\n')[0] ?? '')
        .split(' ')
        .slice(0, 4)
        .join(' ');
      expect(text, `notes of ${slide.section}`).toContain(firstWords);
    }
    expect(text).toContain('Шаг 5 из 5');
    expect(text).toContain('ТЕКСТ ЛЕКЦИИ');

    const pageTexts = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      .split('\f')
      .slice(0, pages);
    const linesOf = (i: number): string[] =>
      (pageTexts[i] ?? '')
        .split('\n')
        .map((l) => squash(l).trim())
        .filter((l) => l !== '');
    // The cover: the title and what the handout is, and no slide yet.
    const coverText = squash(pageTexts[0] ?? '');
    expect(coverText).toContain('Брокеры сообщений');
    expect(coverText).toContain('Раздаточный материал');
    expect(coverText).not.toMatch(/Слайд \d+\./);
    // The contents: each slide's number, title and the page its «Слайд N.» line is on.
    const tocPages = pageTexts.flatMap((t, i) => (i > 0 && t.includes('Содержание') ? [i] : []));
    expect(tocPages.length).toBeGreaterThan(0);
    const toc = tocPages.map((i) => pageTexts[i] ?? '').join('\n');
    for (const slide of visible) {
      const entry = new RegExp(`(?:^|\\s)${slide.section}\\. [^\\n]*?[.…]\\s+(\\d+)(?=\\s|$)`, 'm');
      const at = Number(entry.exec(toc)?.[1]);
      expect(at, `contents entry for slide ${slide.section}`).toBeGreaterThan(0);
      expect(
        linesOf(at - 1).some((l) => l.startsWith(`Слайд ${slide.section}. `)),
        `slide ${slide.section} starts on page ${at}`,
      ).toBe(true);
    }
    // Each slide's «ТЕКСТ ЛЕКЦИИ» heading is on its slide's page: never alone at the bottom of
    // the page before, never printed ahead of its slide.
    const heads: number[] = [];
    const notesAt: number[] = [];
    pageTexts.forEach((t, i) => {
      heads.push(...(t.match(/^\s*Слайд \d+\. /gm) ?? []).map(() => i + 1));
      notesAt.push(...(t.match(/ТЕКСТ ЛЕКЦИИ/g) ?? []).map(() => i + 1));
    });
    expect(heads.length).toBe(visible.length);
    expect(notesAt).toEqual(heads);
    // Fill: a page under a third full only where a part ends (the next page opens a part), on
    // the cover, at the contents' end or at the end of the handout.
    const partTitles = new Set<string>(Object.values(PARTS));
    const fills = pageFills(pdf);
    expect(fills.length).toBe(pages);
    const short = fills.flatMap((fill, i) => (fill < 1 / 3 ? [i] : []));
    const excused = (i: number): boolean =>
      i === 0 ||
      i === pages - 1 ||
      i === (tocPages.at(-1) ?? -1) ||
      partTitles.has(linesOf(i + 1)[0] ?? '');
    console.log(
      `handout: ${pages} pages, ${short.length} under a third full ` +
        `(pages ${short.map((i) => i + 1).join(', ') || '—'}), of them not at a part's end: ` +
        `${
          short
            .filter((i) => !excused(i))
            .map((i) => i + 1)
            .join(', ') || 'none'
        }`,
    );
    expect(short.filter((i) => !excused(i)).map((i) => i + 1)).toEqual([]);

    // Pages to look at: the cover, the contents, a chart and widget steps.
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '50',
      '-f',
      '1',
      '-l',
      '12',
      pdf,
      join(outDir, 'page'),
    ]);
  }, 300_000);
});
