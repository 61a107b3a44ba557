/**
 * The cache-aside widget in the built deck (slide 13): a lecturer walks the code steps and then
 * every widget step (→, ←, a jump), each frame matching the handler run against the core in Node;
 * a student requests products, waits, changes TTL and DB latency, including invalid and hostile
 * input; the stage stays inside the slide at 1280×800 and 1920×1080; axe finds nothing serious.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, inject } from 'vitest';
import { CACHE_STEPS, DEFAULT_SETTINGS } from '../../src/widgets/cache-aside/story.ts';
import { cachedKeys, replayCache, statsOf } from '../../src/widgets/cache-aside/logic.ts';
import { axeFindings } from './axe.ts';
import { repoRoot } from './deck-page.ts';
import {
  jumpToFragment,
  openLab,
  pressToStep,
  useWidgetSlide,
  waitForStep,
} from './widget-page.ts';

const deckUrl = inject('deckUrl');
const ROOT = '#s-13 [data-widget="cache-aside"]';

const deck = useWidgetSlide(13, ROOT);

/** What the widget shows. */
function read(page: Page) {
  return page.evaluate((sel) => {
    const root = document.querySelector<HTMLElement>(sel);
    if (!root) throw new Error('no widget');
    return {
      step: Number(root.dataset['step']),
      requests: Number(root.dataset['requests']),
      hits: Number(root.dataset['hits']),
      lastSource: root.dataset['lastSource'] ?? '',
      lastMs: root.dataset['lastMs'] ?? '',
      keys: [...root.querySelectorAll<HTMLElement>('[data-key]')].map(
        (k) => `${k.dataset['key']}:${k.dataset['ttl']}`,
      ),
      ratio: root.querySelector('[data-hit-ratio]')?.textContent ?? '',
      caption: root.querySelector('[role="status"]')?.textContent ?? '',
    };
  }, ROOT);
}

/** The same frame computed by the core in Node. */
function expected(step: number) {
  const run = replayCache(DEFAULT_SETTINGS, step, []);
  const st = statsOf(run.requests);
  const last = run.last?.kind === 'request' ? run.last.record : undefined;
  return {
    requests: st.requests,
    hits: st.hits,
    lastSource: last?.source ?? '',
    lastMs: last ? String(last.ms) : '',
    keys: cachedKeys(run.redis).map((k) => `${k.key}:${Math.ceil(k.ttlMs / 1000)}`),
  };
}

async function stepTo(page: Page, key: string, step: number): Promise<void> {
  await pressToStep(page, ROOT, key, step);
}

async function fits(page: Page): Promise<{ rootBottom: number; slotBottom: number; vh: number }> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel) as HTMLElement;
    const slot = root.parentElement as HTMLElement;
    return {
      rootBottom: root.getBoundingClientRect().bottom,
      slotBottom: slot.getBoundingClientRect().bottom,
      vh: window.innerHeight,
    };
  }, ROOT);
}

describe('cache-aside as a lecturer drives it (slide 13)', () => {
  it('walks the code steps, then every widget step → and back ←, each matching the core', async () => {
    const { page } = deck;
    await page.setViewportSize({ width: 1280, height: 800 });
    // The five code-line steps come first; the widget stays at step 0 and its stage closed.
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    expect((await read(page)).step).toBe(0);
    for (let n = 1; n <= CACHE_STEPS; n++) {
      await stepTo(page, 'ArrowRight', n);
      const shown = await read(page);
      const { keys, ...want } = expected(n);
      expect(shown).toMatchObject(want);
      expect(shown.keys).toEqual(keys);
      expect(shown.caption.length).toBeGreaterThan(20);
      const box = await fits(page);
      expect(box.rootBottom).toBeLessThanOrEqual(Math.min(box.slotBottom, box.vh) + 1);
    }
    expect((await read(page)).caption).toMatch(/ключ истёк по TTL/);
    await stepTo(page, 'ArrowLeft', CACHE_STEPS - 1);
    expect((await read(page)).keys).toEqual([]);
    await page.screenshot({
      path: join(repoRoot, 'test-results', 'screenshots', 'cache-aside-expired-1280.png'),
    });
  });

  it('snaps to a step on a jump (Reveal.slide) and fits at 1920×1080', async () => {
    const { page } = deck;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await jumpToFragment(page, 13, 7);
    await waitForStep(page, ROOT, 3);
    const shown = await read(page);
    expect(shown.ratio).toBe('3 из 5 · 60 %');
    expect(shown.keys).toEqual(expected(3).keys);
    const box = await fits(page);
    expect(box.rootBottom).toBeLessThanOrEqual(Math.min(box.slotBottom, box.vh) + 1);
    await page.screenshot({
      path: join(repoRoot, 'test-results', 'screenshots', 'cache-aside-hits-1920.png'),
    });
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('cache-aside as a student plays with it', () => {
  it('requests a product (button and Enter): a miss then a hit, counted in the ratio', async () => {
    const { page } = deck;
    await openLab(page, ROOT);
    const before = await read(page);
    await page.fill(`${ROOT} input[name="product-id"]`, '2');
    await page.click(`${ROOT} button[name="request"]`);
    let shown = await read(page);
    expect(shown.requests).toBe(before.requests + 1);
    expect(shown.lastSource).toBe('cache');
    await page.fill(`${ROOT} input[name="product-id"]`, '5');
    await page.press(`${ROOT} input[name="product-id"]`, 'Enter');
    shown = await read(page);
    expect(shown.lastSource).toBe('not-found');
    expect(shown.caption).toMatch(/404/);
    expect(shown.step).toBe(3);
  });

  it('waits on the virtual clock until the TTL runs out, then misses', async () => {
    const { page } = deck;
    await page.fill(`${ROOT} input[name="wait-seconds"]`, '3600');
    await page.click(`${ROOT} button[name="wait"]`);
    expect((await read(page)).keys).toEqual([]);
    await page.fill(`${ROOT} input[name="product-id"]`, '1');
    await page.click(`${ROOT} button[name="request"]`);
    const shown = await read(page);
    expect(shown.lastSource).toBe('db');
    expect(shown.lastMs).toBe('202');
  });

  it('PUT /products/1 invalidates: DEL removes the copy, the next GET caches the new price', async () => {
    const { page } = deck;
    await page.fill(`${ROOT} input[name="product-id"]`, '1');
    await page.fill(`${ROOT} input[name="price"]`, '79990');
    await page.press(`${ROOT} input[name="price"]`, 'Enter');
    let shown = await read(page);
    expect(shown.caption).toMatch(/DEL product:1 → 1/);
    expect(shown.keys).toEqual([]);
    await page.click(`${ROOT} button[name="request"]`);
    shown = await read(page);
    expect(shown.lastSource).toBe('db');
    expect(await page.locator(`${ROOT} [data-key="product:1"]`).textContent()).toMatch(/79\s990 ₽/);
  });

  it('replays with a new TTL and DB latency', async () => {
    const { page } = deck;
    await page.fill(`${ROOT} input[name="db-ms"]`, '900');
    await page.press(`${ROOT} input[name="db-ms"]`, 'Enter');
    await page.fill(`${ROOT} input[name="ttl"]`, '1');
    await page.press(`${ROOT} input[name="ttl"]`, 'Enter');
    const shown = await read(page);
    // With a 1 s TTL the story's second request a second later is a miss too.
    expect(shown.hits).toBe(0);
    expect(shown.lastMs).toBe('902');
  });

  it('shows hostile text as text and rejects invalid values without changing anything', async () => {
    const { page } = deck;
    const before = await read(page);
    const cases: [string, string, RegExp][] = [
      ['product-id', '<img src=x onerror=alert(1)>', /422/],
      ['product-id', '9'.repeat(5000), /Номер товара/],
      ['ttl', '0', /invalid expire time/],
      ['db-ms', '99999', /от 0 до 5000/],
      ['wait-seconds', '-1', /Пауза/],
      ['price', '1e9', /Цена/],
    ];
    for (const [name, value, message] of cases) {
      await page.fill(`${ROOT} input[name="${name}"]`, value);
      await page.press(`${ROOT} input[name="${name}"]`, 'Enter');
      const input = page.locator(`${ROOT} input[name="${name}"]`);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      const describedBy = await input.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(message);
      expect(await read(page)).toEqual(before);
    }
    expect(await page.locator(`${ROOT} img`).count()).toBe(0);
  });

  it('«Сначала» clears the student’s actions and settings', async () => {
    const { page } = deck;
    await page.click(`${ROOT} button[name="reset"]`);
    await page.waitForFunction(
      (sel) => document.querySelector<HTMLElement>(sel)?.dataset['step'] === '0',
      ROOT,
    );
    expect(await page.locator(`${ROOT} input[name="ttl"]`).inputValue()).toBe('3600');
    expect((await read(page)).requests).toBe(0);
  });

  it('passes axe (no serious or critical findings) and logs no errors', async () => {
    const { page, errors } = deck;
    await stepTo(page, 'ArrowRight', 1);
    const violations = await axeFindings(page, ROOT);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('cache-aside motion and lifecycle', () => {
  it('flies a request token only without reduced motion, and leaving the slide removes it all', async () => {
    const flight = async (reduced: boolean): Promise<number> => {
      const page = await deck.context.newPage();
      await page.emulateMedia({ reducedMotion: reduced ? 'reduce' : 'no-preference' });
      await page.goto(`${deckUrl}#/s-13/0/4`);
      await page.waitForFunction(() => window.Reveal?.isReady() === true);
      await page.waitForSelector(ROOT, { state: 'attached' });
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(
        (sel) => document.querySelector<HTMLElement>(sel)?.dataset['step'] === '1',
        ROOT,
      );
      const tokens = await page.locator(`${ROOT} .w-ca-token`).count();
      expect((await read(page)).lastSource).toBe('db');
      await page.keyboard.press('ArrowRight');
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.querySelector('#s-13 [data-widget]') === null);
      await page.close();
      return tokens;
    };
    expect(await flight(false)).toBe(1);
    expect(await flight(true)).toBe(0);
  });
});
