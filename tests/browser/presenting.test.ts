/**
 * Presenting (issue 12): the title screen before section 1, the Russian `?` shortcuts overlay and
 * no slide that opens blank. Screenshots go to test-results/screenshots/presenting-*.png.
 */
import { join } from 'node:path';
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
    expect(new URL(page.url()).hash).toBe('#/s-1');
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
