/**
 * The PDF handout (`npm run pdf`): made from the built deck by the same script a lecturer runs;
 * every slide's title and notes are in its text, widget steps are printed as frames with their
 * captions, charts are drawn (not blank canvases); a few pages are rendered to PNG to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type TestBrowser } from './chromium.ts';
import { expectedSlides, pageErrors, repoRoot } from './deck-page.ts';
import { guardOtherHosts, type HostGuard } from './other-hosts.ts';

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

    // Pages to look at: the title, a chart and a widget step.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '6', pdf, join(outDir, 'page')]);
  }, 300_000);
});
