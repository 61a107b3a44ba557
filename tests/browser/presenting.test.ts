/**
 * Presenting (issue 12): the title screen before section 1, the Russian `?` shortcuts overlay and
 * no slide that opens blank. Screenshots go to test-results/screenshots/presenting-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeFindings } from './axe.ts';
import { launchChromium, type TestBrowser } from './chromium.ts';
import { currentSlide, expectedSlides, openDeck, screenshotsDir } from './deck-page.ts';

const deckUrl = inject('deckUrl');
const visible = expectedSlides().filter((s) => !s.hidden);
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the title screen', () => {
  it('comes before section 1, says title, audience and lecturer, and is not counted', async () => {
    const { page, errors } = await openDeck(browser.context, deckUrl);
    await page.setViewportSize({ width: 1280, height: 720 });
    const first = await page.evaluate(() => {
      const slide = window.Reveal?.getCurrentSlide();
      const number = document.querySelector<HTMLElement>('.reveal .slide-number');
      return {
        id: slide?.id,
        section: slide?.dataset['section'] ?? null,
        heading: slide?.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim(),
        meta: [...(slide?.querySelectorAll('.title-meta-row') ?? [])].map((row) =>
          row.textContent?.trim(),
        ),
        parts: slide?.querySelectorAll('.slide-part').length ?? -1,
        numberShown: number !== null && getComputedStyle(number).display !== 'none',
        hash: window.location.hash,
      };
    });
    expect(first).toEqual({
      id: 'title',
      section: null,
      heading: 'Брокеры сообщений — Redis, RabbitMQ, Kafka',
      meta: [
        'АудиторияСтуденты 4 курса, специальность «Информационные системы и технологии»',
        'ЛекторСеньор Python разработчик с опытом архитектора',
      ],
      parts: 0,
      numberShown: false,
      hash: '#/title',
    });
    await page.screenshot({ path: join(screenshotsDir(), 'presenting-title.png') });
    expect(await axeFindings(page, '.reveal .present')).toEqual([]);

    // → goes to section 1: number 1, its title once (no label repeating it).
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.Reveal?.getCurrentSlide()?.id === 's-1');
    const one = await currentSlide(page);
    expect(one.section).toBe(1);
    expect(one.number).toBe('1');
    expect(one.title).toBe(visible[0]?.title);
    expect(await page.locator('#s-1 .slide-part').count()).toBe(0);
    // reveal.js writes the hash at most once a second (Location's MAX_REPLACE_STATE_FREQUENCY),
    // so it may follow the slide by up to a second: a loaded CI run read '#/title' here.
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/s-1');
    // ← returns to the title screen; the deck's sections are still the lecture's 40.
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => window.Reveal?.getCurrentSlide()?.id === 'title');
    const counted = await page.evaluate(
      () => window.Reveal?.getSlides().filter((s) => s.dataset['section']).length,
    );
    expect(counted).toBe(visible.length);
    expect(visible).toHaveLength(40);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps deep links: #/s-1 opens section 1, #/s-13 section 13', async () => {
    for (const n of [1, 13]) {
      const { page, errors } = await openDeck(browser.context, `${deckUrl}#/s-${n}`);
      const view = await currentSlide(page);
      expect(view.section).toBe(n);
      expect(view.number).toBe(String(n));
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('is not in the reading view: its articles are the 40 visible slides', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${deckUrl}?view=read`);
    await page.locator('.reading-slide').first().waitFor();
    expect(await page.locator('.reading-slide').count()).toBe(visible.length);
    expect(await page.locator('.title-slide').count()).toBe(0);
    await page.close();
  });
});

describe('no slide opens blank', () => {
  it('every visible slide at its first state (fragment -1) shows body text besides the title', async () => {
    const { page, errors } = await openDeck(browser.context, deckUrl);
    await page.setViewportSize({ width: 1280, height: 720 });
    const blank: string[] = [];
    for (const slide of visible) {
      const text = await page.evaluate(async (id) => {
        const deck = window.Reveal;
        const section = document.getElementById(id);
        if (!deck || !section) throw new Error(`no ${id}`);
        deck.slide(deck.getIndices(section).h, 0, -1);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
        // A widget's code loads with its slide: wait for every slot to hold its widget.
        for (let i = 0; i < 60; i++) {
          const slots = section.querySelectorAll('.widget-slot').length;
          if (section.querySelectorAll('.widget-slot [data-widget]').length >= slots) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        // innerText leaves out what is not rendered: hidden fragments, a stage slot at step 0.
        const body = section.querySelector<HTMLElement>('.slide-body');
        const shown = body?.innerText.replace(/\s+/g, '') ?? '';
        // Against the text its fragments add (a widget's own text aside: it draws its steps).
        const all = [...(body?.querySelectorAll<HTMLElement>('.fragment') ?? [])]
          .filter((f) => !f.closest('[data-widget]'))
          .map((f) => f.textContent.replace(/\s+/g, ''))
          .join('');
        // A widget drawn at its first state (a chart's SVG) shows its text too.
        const drawn = [...(body?.querySelectorAll<HTMLElement>('[data-widget]') ?? [])]
          .filter((w) => w.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
          .map((w) => w.textContent.replace(/\s+/g, '').length)
          .reduce((a, b) => a + b, 0);
        return { shown: shown.length + drawn, added: all.length };
      }, `s-${slide.section}`);
      console.log(`[first-state] ${slide.section}: ${text.shown} shown, ${text.added} added`);
      // The frame: some text, and at least a fifth of what the steps will add to it.
      if (text.shown < 10 || text.shown < text.added / 5)
        blank.push(`${slide.section}: ${text.shown} chars shown, ${text.added} to come`);
    }
    for (const n of [8, 16]) {
      await page.goto(`${deckUrl}#/s-${n}/0/-1`);
      await page.waitForFunction(() => window.Reveal?.isReady() === true);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(screenshotsDir(), `presenting-first-state-${n}.png`) });
    }
    expect(blank).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** WCAG contrast of every text element in the overlay against the background it is drawn on. */
function overlayContrast(page: Page) {
  return page.evaluate(() => {
    const rgba = (c: string): number[] =>
      (c.match(/[\d.]+/g) ?? []).map(Number).concat([1]).slice(0, 4);
    const lum = ([r = 0, g = 0, b = 0]: number[]): number => {
      const ch = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if ((c[3] ?? 0) > 0.99) return c;
      }
      return [255, 255, 255, 1];
    };
    const dialog = document.querySelector('dialog.shortcuts');
    return [...(dialog?.querySelectorAll('h2, dt, dd, kbd, button') ?? [])].map((el) => {
      const fg = lum(rgba(getComputedStyle(el).color));
      const bg = lum(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      return { text: el.textContent?.trim() ?? '', ratio: Math.round(ratio * 100) / 100 };
    });
  });
}

describe('the ? shortcuts overlay', () => {
  it('lists our keys in Russian, readably, and closes with Esc or ?', async () => {
    const { page, errors } = await openDeck(browser.context, `${deckUrl}#/s-7`);
    await page.setViewportSize({ width: 1280, height: 720 });
    const before = await page.evaluate(() => JSON.stringify(window.Reveal?.getState()));
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Клавиши презентации' });
    await dialog.waitFor();
    expect(await page.locator('.r-overlay-help').count()).toBe(0);
    const rows = await page.$$eval('dialog.shortcuts .shortcuts__row', (all) =>
      all.map((row) => ({
        keys: [...row.querySelectorAll('kbd')].map((k) => k.textContent),
        action: row.querySelector('dd')?.textContent ?? '',
      })),
    );
    const keys = rows.flatMap((r) => r.keys);
    for (const key of ['→', '←', 'S', 'F', 'O', 'B', '?', 'L', '/']) expect(keys).toContain(key);
    for (const row of rows) expect(row.action).toMatch(/^[^A-Za-z]*[а-яё]/);
    expect(rows.find((r) => r.keys.includes('L'))?.action).toContain('лаборатори');
    expect(rows.find((r) => r.keys.includes('/'))?.action).toContain('режиме чтения');
    // Focus is in the overlay; keys do not move the deck behind it.
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog.shortcuts'))).toBe(
      true,
    );
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog.shortcuts'))).toBe(
      true,
    );
    expect(await page.evaluate(() => JSON.stringify(window.Reveal?.getState()))).toBe(before);
    await page.screenshot({ path: join(screenshotsDir(), 'presenting-shortcuts.png') });

    // Readable: axe finds nothing, and every row's text is at least 4.5:1 on its background.
    expect(await axeFindings(page, 'dialog.shortcuts')).toEqual([]);
    const contrast = await overlayContrast(page);
    expect(contrast.length).toBeGreaterThanOrEqual(rows.length * 2);
    for (const c of contrast) expect(c.ratio, c.text).toBeGreaterThanOrEqual(4.5);
    console.log(`[shortcuts] lowest contrast ${Math.min(...contrast.map((c) => c.ratio))}:1`);

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => window.Reveal?.isOverview())).toBe(false);
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(false);
    await page.keyboard.press('?');
    await dialog.waitFor();
    await page.keyboard.press('?');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => JSON.stringify(window.Reveal?.getState()))).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });
});
