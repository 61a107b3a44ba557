/**
 * The installable site (the normal build): its manifest (Russian name, our icons), a service
 * worker that precaches every file of the build, and the deck still working after the network
 * goes away and the page is reloaded — widgets, deep links and the plan included. Any request to
 * another host fails the test; the Content-Security-Policy refuses every way to one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type TestBrowser } from './chromium.ts';
import { copyFirstFile, sameAsOnDisk } from './copy-file.ts';
import { currentSlide, expectedSlides, openDeck, repoRoot, type DeckPage } from './deck-page.ts';
import {
  guardOtherHosts,
  OTHER_HOST_DIRECTIVES,
  probeOtherHosts,
  type HostGuard,
} from './other-hosts.ts';

const deckUrl = inject('deckUrl');
const distDir = resolve(repoRoot, process.env['DECK_OUT_DIR'] ?? 'dist');
const visible = expectedSlides().filter((s) => !s.hidden);
let browser: TestBrowser;
let guard: HostGuard;

beforeAll(async () => {
  browser = await launchChromium();
  guard = await guardOtherHosts(browser.context, new URL(deckUrl).origin);
});
afterAll(async () => {
  await browser?.close();
});

/** Every file of the build, relative to it. */
function builtFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** Waits until the page's service worker controls it: the build is precached from then on. */
async function controlledByServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
}

/**
 * Visits the deck once, then reloads it with the network off and runs `use` on it; the network
 * comes back afterwards, whatever `use` did. Returns the page for the test to close.
 */
async function offlineAfterOneVisit(use: (deck: DeckPage) => Promise<void>): Promise<DeckPage> {
  const deck = await openDeck(browser.context, deckUrl);
  await controlledByServiceWorker(deck.page);
  await browser.context.setOffline(true);
  try {
    await deck.page.reload();
    await deck.page.waitForFunction(() => window.Reveal?.isReady() === true);
    await use(deck);
  } finally {
    await browser.context.setOffline(false);
  }
  return deck;
}

/** PNG width × height from its IHDR chunk. */
function pngSize(file: string): string {
  const data = readFileSync(file);
  return `${data.readUInt32BE(16)}x${data.readUInt32BE(20)}`;
}

describe('the installable site', () => {
  it('has a manifest with the Russian name and icons that exist at their stated sizes', () => {
    const manifest = JSON.parse(readFileSync(join(distDir, 'manifest.webmanifest'), 'utf8')) as {
      name: string;
      lang: string;
      start_url: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest.name).toBe('Брокеры сообщений — Redis, RabbitMQ, Kafka');
    expect(manifest.lang).toBe('ru');
    expect(manifest.start_url).toBe('./');
    expect(manifest.icons.length).toBeGreaterThanOrEqual(3);
    for (const icon of manifest.icons) {
      const file = join(distDir, icon.src);
      if (icon.type === 'image/png') expect(pngSize(file)).toBe(icon.sizes);
      else expect(readFileSync(file, 'utf8')).toMatch(/^<svg /);
    }
    const html = readFileSync(join(distDir, 'index.html'), 'utf8');
    expect(html).toContain('<link rel="manifest" href="./manifest.webmanifest">');
  });

  it('precaches every file of the build on the first visit', async () => {
    const { page, errors } = await openDeck(browser.context, deckUrl);
    await controlledByServiceWorker(page);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      return urls.map((url) => new URL(url).pathname.slice(1));
    });
    // The worker's own files are kept by the browser, not in the cache.
    const expected = builtFiles(distDir).filter((f) => !/^(sw|workbox-[\w-]+)\.js$/.test(f));
    expect(cached.sort()).toEqual(expected.sort());
    expect(errors).toEqual([]);
    await page.close();
  });

  it('after one visit opens and works with no network: every slide, widgets, deep links, reading view', async () => {
    const { page } = await offlineAfterOneVisit(async ({ page, errors }) => {
      // Every visible slide is there with its title and notes.
      const titles = await page.$$eval(
        '.reveal .slides > section[data-section]:not([data-visibility="hidden"])',
        (all) => all.map((s) => s.querySelector('h2')?.textContent?.trim() ?? ''),
      );
      expect(titles).toEqual(visible.map((s) => s.title));
      // A widget slide: its code (a separate chunk) comes from the cache and the widget mounts.
      await page.evaluate(() => {
        const deck = window.Reveal;
        const slide = document.querySelector<HTMLElement>('.widget-slot')?.closest('section');
        if (deck && slide) deck.slide(deck.getIndices(slide).h, 0, 0);
      });
      await page.waitForSelector('.present .widget-slot [data-widget]', { timeout: 15_000 });
      // A deep link with another lecture length, typed into the address bar while offline.
      const linked = visible[10];
      await page.goto(`${deckUrl}?minutes=60#/s-${linked?.section}`);
      await page.waitForFunction(() => window.Reveal?.isReady() === true);
      const view = await currentSlide(page);
      expect(view.section).toBe(linked?.section);
      expect(view.notes).toMatch(/^План: .+ из 60 мин · в лекции: /);
      expect(await page.evaluate(() => document.fonts.check('700 32px "PT Sans"', 'Брокер'))).toBe(
        true,
      );
      // The reading view is the same page: it opens offline too, with its widgets.
      await page.goto(`${deckUrl}?view=read#s-17`);
      await page.locator('#s-17 [data-widget]').waitFor();
      expect(await page.locator('.reading-slide').count()).toBe(visible.length);
      // Only the deck's own page falls back to the cache; another path is simply unreachable.
      await expect(page.goto(`${deckUrl}elsewhere.html`)).rejects.toThrow(/INTERNET_DISCONNECTED/);
      expect(errors).toEqual([]);
    });
    expect(guard.blocked).toEqual([]);
    await page.close();
  });

  it('after one visit «Весь файл» copies a whole example file with no network (its text is precached)', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(deckUrl).origin,
    });
    const { page } = await offlineAfterOneVisit(async ({ page, errors }) => {
      const { path, copied } = await copyFirstFile(page);
      expect(sameAsOnDisk(copied, path), path).toBe(true);
      expect(errors).toEqual([]);
    });
    expect(guard.blocked).toEqual([]);
    await page.close();
  });

  it('its Content-Security-Policy refuses every way to another host', async () => {
    const { page } = await openDeck(browser.context, deckUrl);
    const refused = await probeOtherHosts(page);
    for (const directive of OTHER_HOST_DIRECTIVES) expect(refused).toContain(directive);
    expect(guard.blocked).toEqual([]);
    await page.close();
  });
});
