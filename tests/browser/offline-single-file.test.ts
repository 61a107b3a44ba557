/**
 * The one-file lecture (`npm run build:single`): one self-contained HTML file of at most
 * 1,000,000 B (`npm run bench:size` prints its parts), opened from file:// with every non-file
 * request aborted, walked slide by slide with the keyboard (notes, widgets mounting), the
 * speaker view opened — no errors, nothing asked of any host.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDGET_NAMES, isWidgetName } from '../../src/lecture/names.ts';
import { launchChromium, type TestBrowser } from './chromium.ts';
import {
  blockFile,
  COPY_FILE_BUTTON,
  copiedByCommand,
  copyAnnouncement,
  copyFirstFile,
  pressCopy,
  recordCopyCommands,
  sameAsOnDisk,
  withoutClipboardApi,
} from './copy-file.ts';
import {
  buildOneFile,
  currentSlide,
  deckReady,
  expectedSlides,
  openDeck,
  pageErrors,
  screenshotsDir,
} from './deck-page.ts';
import {
  guardOtherHosts,
  OTHER_HOST_DIRECTIVES,
  probeOtherHosts,
  type HostGuard,
} from './other-hosts.ts';

/** A chunk's code from its stored text (base64 of raw deflate). */
const inflated = (base64: string): string =>
  inflateRawSync(Buffer.from(base64, 'base64')).toString('utf8');

let outDir: string;
let file: string;
let fileUrl: string;
const visible = expectedSlides().filter((s) => !s.hidden);
const shots = screenshotsDir();
let browser: TestBrowser;
let guard: HostGuard;

beforeAll(async () => {
  ({ dir: outDir, file, url: fileUrl } = await buildOneFile('single'));
  browser = await launchChromium();
  guard = await guardOtherHosts(browser.context, 'file');
});
afterAll(async () => {
  await browser?.close();
});

describe('the one-file lecture', () => {
  it('is one HTML file of at most 1,000,000 B with scripts, styles and fonts inlined', () => {
    expect(readdirSync(outDir)).toEqual(['index.html']);
    expect(statSync(file).size).toBeLessThanOrEqual(1_000_000);
    const html = readFileSync(file, 'utf8');
    // A byte order mark first: from file:// Chromium then decodes the page faster.
    expect(html.startsWith('\uFEFF<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script\b[^>]*\bsrc=/);
    expect(html).not.toMatch(/<link\b[^>]*rel="?stylesheet/);
    // PT Sans and JetBrains Mono, 400 and 700, Cyrillic and Latin: eight woff2 faces.
    expect(html.match(/url\(data:font\/woff2;base64,/g)?.length).toBe(8);
    // No service worker in this build (it could not run from file:// anyway).
    expect(html).not.toContain('serviceWorker');
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toMatch(/script-src( 'sha256-[A-Za-z0-9+/=]+')+ blob:;/);
    expect(policy).toContain("connect-src 'none'");
  });

  it('walks every visible slide from file:// with the network blocked: notes, widgets, no errors', async () => {
    const { page, errors } = await openDeck(browser.context, fileUrl);
    const seen: number[] = [];
    const mounted = new Set<string>();
    for (let presses = 0; presses < 3000; presses++) {
      const view = await currentSlide(page);
      // The title screen (not a section) comes first.
      if (Number.isNaN(view.section)) expect(presses).toBe(0);
      else if (seen[seen.length - 1] !== view.section) {
        expect(view.title).toBe(visible.find((s) => s.section === view.section)?.title);
        expect(view.notes).toMatch(/^План: .+ из 90 мин · в лекции: /);
        seen.push(view.section);
        // Every widget of the slide that the catalogue knows mounts (its code is inlined too).
        const slots = await page.$$eval('.present .widget-slot', (all) =>
          all.map((s) => (s as HTMLElement).dataset['widgetSlot'] ?? ''),
        );
        const known = slots.filter(isWidgetName);
        if (known.length > 0) {
          await page.waitForFunction(
            (count) =>
              document.querySelectorAll('.present .widget-slot [data-widget]').length >= count,
            known.length,
          );
          for (const name of known) mounted.add(name);
        }
      }
      if (view.last) break;
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(
        ([h, f]) => {
          const state = window.Reveal?.getState();
          return state !== undefined && (state.indexh !== h || (state.indexf ?? -1) !== f);
        },
        [view.indexh, view.fragment] as const,
      );
    }
    expect(seen).toEqual(visible.map((s) => s.section));
    expect(seen).toHaveLength(40);
    expect([...mounted].sort()).toEqual([...WIDGET_NAMES].sort());
    // The inlined Cyrillic faces are the ones in use.
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts]
        .filter((face) => face.status === 'loaded')
        .map((face) => `${face.family} ${face.weight}`);
    });
    expect(new Set(fonts)).toEqual(
      new Set(['PT Sans 400', 'PT Sans 700', 'JetBrains Mono 400', 'JetBrains Mono 700']),
    );
    expect(errors).toEqual([]);
    expect(guard.blocked).toEqual([]);
    await page.close();
  });

  it("parses a widget's code with its slide, not before the first slide", async () => {
    const html = readFileSync(file, 'utf8');
    const chunks = [
      ...html.matchAll(/<script type="text\/x-lecture-chunk"([^>]*)>([\s\S]*?)<\/script>/g),
    ];
    // Chunks are stored deflated (base64); the browser parses the code they hold.
    const allCode = chunks.reduce((sum, [, attributes = '', text = '']) => {
      const code = attributes.includes('data-deflated') ? inflated(text) : text;
      return sum + code.length;
    }, 0);
    // One inline script runs (the loader); the code is inert text until it is imported.
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(
      // Besides the loader: the chunks and the later slides, as data (never run).
      html.match(/<script\b[^>]*>/g)?.filter((tag) => !/x-lecture-(?:chunk|slides|css)/.test(tag)),
    ).toEqual(['<script>']);
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    const parsed: { url: string; length: number }[] = [];
    cdp.on('Debugger.scriptParsed', (e) => parsed.push({ url: e.url, length: e.length ?? 0 }));
    await cdp.send('Debugger.enable');
    await page.goto(fileUrl);
    // Ready, with every slide's body in place (the later ones come after the first frame).
    await deckReady(page);
    const blobCode = (): number =>
      parsed.filter((s) => s.url.startsWith('blob:')).reduce((sum, s) => sum + s.length, 0);
    const atFirstSlide = blobCode();
    expect(atFirstSlide).toBeGreaterThan(0);
    expect(atFirstSlide).toBeLessThan(allCode / 2);
    // The throughput chart's slide brings Chart.js and the widget.
    await page.evaluate(() => {
      const slide = document
        .querySelector('[data-widget-slot="chart-throughput"]')
        ?.closest('section');
      if (slide && window.Reveal) window.Reveal.slide(window.Reveal.getIndices(slide).h);
    });
    await page.waitForSelector('.present [data-widget-slot="chart-throughput"] [data-widget]');
    expect(blobCode()).toBeGreaterThan(atFirstSlide + 100_000);
    expect(guard.blocked).toEqual([]);
    await cdp.detach();
    await page.close();
  });

  it('saves screenshots from file:// of a text, a code and a widget slide (inlined fonts)', async () => {
    const { page, errors } = await openDeck(browser.context, fileUrl);
    for (const [section, fragment] of [
      [2, -1],
      [13, 99],
      [29, 3],
    ] as const) {
      await page.evaluate(
        ([id, f]) => {
          const deck = window.Reveal;
          const slide = document.getElementById(`s-${id}`);
          if (deck && slide) deck.slide(deck.getIndices(slide).h, 0, f);
        },
        [section, fragment] as const,
      );
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(shots, `offline-single-file-${section}.png`) });
    }
    expect(errors).toEqual([]);
    expect(guard.blocked).toEqual([]);
    await page.close();
  });

  it('opens the speaker view from file:// with the notes of the current slide', async () => {
    const { page, errors } = await openDeck(browser.context, `${fileUrl}#/s-6`);
    const plan = await page.evaluate(
      () => window.Reveal?.getCurrentSlide().querySelector('.notes-plan')?.textContent ?? '',
    );
    expect(plan).toMatch(/^План: /);
    const popupPromise = browser.context.waitForEvent('page');
    await page.keyboard.press('s');
    const popup = await popupPromise;
    const popupErrors = pageErrors(popup, { withConsole: true });
    await expect
      .poll(() => popup.locator('body').textContent(), { timeout: 15_000 })
      .toContain(plan);
    // Let its previews (the same file in frames) load, then check nothing complained.
    await popup.waitForTimeout(1500);
    await popup.setViewportSize({ width: 1280, height: 800 });
    await popup.screenshot({ path: join(shots, 'offline-single-file-speaker.png') });
    expect(popupErrors).toEqual([]);
    expect(errors).toEqual([]);
    expect(guard.blocked).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('opens the reading view from file:// too: every slide, a widget playing, no errors', async () => {
    const page = await browser.context.newPage();
    const errors = pageErrors(page, { withConsole: true });
    await page.goto(`${fileUrl}?view=read#s-17`);
    await page.locator('#s-17 [data-widget]').waitFor();
    expect(await page.locator('.reading-slide').count()).toBe(visible.length);
    expect(errors).toEqual([]);
    expect(guard.blocked).toEqual([]);
    await page.close();
  });

  it('ships the example files for «Весь файл» once, as one lazy chunk after the first slide', () => {
    const html = readFileSync(file, 'utf8');
    const chunks = [
      ...html.matchAll(
        /<script type="text\/x-lecture-chunk" data-chunk="([^"]*lecture-examples[^"]*)"[^>]*>/g,
      ),
    ];
    expect(chunks.map((m) => m[1])).toHaveLength(1);
    // In <body>: read only when a «Весь файл» is approached, not parsed before the first slide.
    expect(chunks[0]?.index ?? 0).toBeGreaterThan(html.indexOf('<body'));
    const text =
      /<script type="text\/x-lecture-chunk" data-chunk="[^"]*lecture-examples[^"]*"[^>]*>([\s\S]*?)<\/script>/.exec(
        html,
      )?.[1] ?? '';
    // Stored deflated: every example file is in it.
    expect(inflated(text)).toContain('cache_aside.py');
    console.log(
      `[bench] one file ${statSync(file).size} B, of which the example files' chunk ${Buffer.byteLength(text)} B (${Buffer.byteLength(inflated(text))} B inflated)`,
    );
  });

  it('«Весь файл» copies the whole example file from file:// with the network blocked, with and without the Clipboard API', async () => {
    // The deck, through the Clipboard API (a file:// page is a secure context in Chromium).
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { page, errors } = await openDeck(browser.context, fileUrl);
    const { path, copied } = await copyFirstFile(page);
    expect(sameAsOnDisk(copied, path), path).toBe(true);
    expect(errors).toEqual([]);
    await page.close();

    // The reading view of the same file, with no Clipboard API: the fallback's copy command.
    const bare = await browser.context.newPage();
    const bareErrors = pageErrors(bare);
    await withoutClipboardApi(bare);
    await recordCopyCommands(bare);
    await bare.goto(`${fileUrl}?view=read`);
    const last = bare.locator(`.reading-main ${COPY_FILE_BUTTON}`).last();
    await last.scrollIntoViewIfNeeded();
    const lastPath = await blockFile(last);
    await pressCopy(bare, last, 'Enter');
    const commands = await copiedByCommand(bare);
    expect(commands).toHaveLength(1);
    expect(sameAsOnDisk(commands[0] ?? '', lastPath), lastPath).toBe(true);
    await expect
      .poll(() => copyAnnouncement(bare, '.reading-main'))
      .toBe(`Скопировано: весь файл ${lastPath}`);
    expect(bareErrors).toEqual([]);
    expect(guard.blocked).toEqual([]);
    await bare.close();
  });

  it("styles a widget with its chunk's stylesheet, linked with its slide, not before the first slide", async () => {
    const html = readFileSync(file, 'utf8');
    const held = [...html.matchAll(/<script type="text\/x-lecture-css" data-css="([^"]+)">/g)];
    expect(held.map(([, name]) => name)).toContainEqual(
      expect.stringMatching(/^exchange-routing-/),
    );
    // The page's own stylesheets, parsed before the first slide, have none of a widget's rules.
    const headCss = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
    expect(headCss).toContain('.reveal');
    expect(headCss).not.toContain('.w-er-node');
    const { page, errors } = await openDeck(browser.context, fileUrl);
    const sheets = (): Promise<string[]> =>
      page.evaluate(() => [...document.styleSheets].map((sheet) => sheet.href ?? 'inline'));
    expect(new Set(await sheets())).toEqual(new Set(['inline']));
    // Slide 17's exchange-routing diagram: its stylesheet comes with it, as the site's file does.
    await page.evaluate(() => {
      const slide = document.querySelector('#s-17');
      if (slide instanceof HTMLElement && window.Reveal)
        window.Reveal.slide(window.Reveal.getIndices(slide).h);
    });
    const node = page.locator('section.present [data-widget="exchange-routing"] .w-er-node rect');
    await node.first().waitFor({ state: 'attached' });
    expect((await sheets()).filter((href) => href.startsWith('data:text/css,'))).not.toEqual([]);
    expect(await node.first().evaluate((rect) => getComputedStyle(rect).strokeWidth)).toBe('2.5px');
    expect(errors).toEqual([]);
    expect(guard.blocked).toEqual([]);
    await page.close();
  });

  it('its Content-Security-Policy refuses every way to another host', async () => {
    const { page } = await openDeck(browser.context, fileUrl);
    const refused = await probeOtherHosts(page);
    for (const directive of OTHER_HOST_DIRECTIVES) expect(refused).toContain(directive);
    expect(guard.blocked).toEqual([]);
    await page.close();
  });

  it('the guard itself stops and reports a request that has no policy to stop it', async () => {
    const page = await browser.context.newPage();
    await page.goto('about:blank');
    await page.evaluate(() => fetch('http://other-host.invalid/leak').catch(() => undefined));
    expect(guard.blocked).toEqual(['http://other-host.invalid/leak']);
    guard.blocked.length = 0;
    await page.close();
  });
});
