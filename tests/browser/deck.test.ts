/**
 * The built deck the way a lecturer drives it: every visible slide reached with the keyboard,
 * its title and number, its notes with the plan line, the plan's total for 90 and 60 minutes,
 * no console errors, no request to another host, a few screenshots and the time to first slide.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeFindings } from './axe.ts';
import { launchChromium, type TestBrowser } from './chromium.ts';
import { currentSlide, expectedSlides, foreignRequests, openDeck, repoRoot } from './deck-page.ts';

const deckUrl = inject('deckUrl');
const slides = expectedSlides();
const visible = slides.filter((s) => !s.hidden);
const shots = join(repoRoot, 'test-results', 'screenshots');
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('the built deck', () => {
  it('walks every visible slide with the keyboard: titles, numbers, notes, no errors, no foreign requests', async () => {
    const { page, requests, errors } = await openDeck(browser.context, deckUrl);
    const seen: number[] = [];
    for (let presses = 0; presses < 3000; presses++) {
      const view = await currentSlide(page);
      if (Number.isNaN(view.section)) {
        // The title screen (not a section) comes first and shows no slide number.
        expect(presses, 'the title screen is the first thing shown').toBe(0);
        expect(view.number).toBe('');
      } else if (seen[seen.length - 1] !== view.section) {
        const slide = visible.find((s) => s.section === view.section);
        expect(slide, `section ${view.section} should be visible`).toBeDefined();
        expect(view.title).toBe(slide?.title);
        expect(view.number).toBe(String(view.section));
        expect(view.notes.startsWith('План:'), `notes of ${view.section} start with the plan`).toBe(
          true,
        );
        expect(view.notes.length).toBeGreaterThan('План: 1 мин из 90 мин · в лекции: 1 мин'.length);
        seen.push(view.section);
      }
      if (view.last) break;
      await page.keyboard.press(presses % 2 === 0 ? 'ArrowRight' : 'Space');
      await page.waitForFunction(
        ([h, f]) => {
          const state = window.Reveal?.getState();
          return state !== undefined && (state.indexh !== h || (state.indexf ?? -1) !== f);
        },
        [view.indexh, view.fragment] as const,
      );
    }
    expect(seen).toEqual(visible.map((s) => s.section));
    expect(errors).toEqual([]);
    expect(foreignRequests(requests, deckUrl)).toEqual([]);
    await page.close();
  });

  it.each([
    ['', 90],
    ['?minutes=60', 60],
    ['?minutes=5', 90],
  ])(
    'plans the lecture length (query %s → %i min) and starts each note with the plan',
    async (query, minutes) => {
      const { page, errors } = await openDeck(browser.context, `${deckUrl}${query}`);
      const plan = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.reveal .slides > section[data-section]')].map(
          (s) => ({
            timing: Number(s.dataset['timing']),
            plan: s.querySelector('aside.notes')?.textContent?.trim().split('\n')[0] ?? '',
          }),
        ),
      );
      expect(plan.reduce((sum, s) => sum + s.timing, 0)).toBe(minutes * 60);
      for (const s of plan)
        expect(s.plan).toMatch(new RegExp(`^План: .+ из ${minutes} мин · в лекции: `));
      // A rejected length is announced with a warning, not an error.
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('shows the first slide quickly (benchmark, not an assertion on time)', async () => {
    const page = await browser.context.newPage();
    await page.goto(deckUrl);
    await page.waitForFunction(() => window.Reveal?.isReady() === true);
    const ms = await page.evaluate(() => {
      const ready = performance.getEntriesByName('deck-ready')[0]?.startTime ?? Number.NaN;
      const slide = document.querySelector('.reveal .slides > section.present');
      return slide && getComputedStyle(slide).visibility !== 'hidden' ? ready : Number.NaN;
    });
    console.log(
      `[bench] time to first slide (navigation start → Reveal ready, slide visible): ${ms.toFixed(0)} ms`,
    );
    expect(ms).toBeGreaterThan(0);
    await page.close();
  });

  it('every visible slide fits the 1280×720 frame with all its fragments shown', async () => {
    const { page } = await openDeck(browser.context, deckUrl);
    const overflowing: string[] = [];
    for (const slide of visible) {
      await page.evaluate((id) => {
        const deck = window.Reveal;
        const element = document.getElementById(id);
        if (deck && element) deck.slide(deck.getIndices(element).h, 0, 999);
      }, `s-${slide.section}`);
      // Widgets mount and the body is re-fitted after the slide change.
      await page.waitForTimeout(250);
      const bottom = await page.evaluate((id) => {
        const section = document.getElementById(id);
        const deck = window.Reveal;
        if (!section || !deck) return 0;
        const top = section.getBoundingClientRect().top;
        const scale = deck.getScale();
        let max = 0;
        for (const element of section.querySelectorAll('.slide-body *')) {
          // The content of a closed <details> keeps a layout box in Chromium but is not shown.
          const details = element.closest('details');
          if (details && !details.open && !element.closest('summary')) continue;
          const box = element.getBoundingClientRect();
          if (box.height > 0) max = Math.max(max, (box.bottom - top) / scale);
        }
        return Math.round(max);
      }, `s-${slide.section}`);
      if (bottom > 720) overflowing.push(`${slide.file}: content ends at ${bottom}px of 720`);
    }
    expect(overflowing, 'shorten these slides (or split a code block into steps)').toEqual([]);
    await page.close();
  });

  it('copies a code block with the keyboard: Enter on «Копировать» → the snippet, «Скопировано»', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(deckUrl).origin,
    });
    const { page, errors } = await openDeck(browser.context, deckUrl);
    const section = visible.find((s) => /file=/.test(s.body))?.section;
    expect(section, 'some slide includes a code file').toBeDefined();
    await page.evaluate((id) => {
      const deck = window.Reveal;
      const element = document.getElementById(id);
      if (deck && element) deck.slide(deck.getIndices(element).h);
    }, `s-${section}`);
    const button = page.locator(`#s-${section} .code-copy`).first();
    await expect
      .poll(() => button.getAttribute('aria-label'))
      .toBe('Копировать код в буфер обмена');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.textContent()).toBe('Скопировано');
    const shown = await page.locator(`#s-${section} .code-block pre code`).first().textContent();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);
    expect(copied).not.toMatch(/#\s*(region|endregion)\b/);
    // Space presses the focused button too, and the slide stays where it is.
    const before = await page.evaluate(() => JSON.stringify(window.Reveal?.getIndices()));
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await button.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
    expect(await page.evaluate(() => JSON.stringify(window.Reveal?.getIndices()))).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves screen readers in browse mode: no role="application" after start or navigation, the title is a heading, axe passes', async () => {
    const { page, errors } = await openDeck(browser.context, deckUrl);
    const role = (): Promise<string | null> =>
      page.evaluate(() => document.querySelector('.reveal')?.getAttribute('role') ?? null);
    expect(await role()).toBeNull();

    const cdp = await browser.context.newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { ignored: boolean; role?: { value?: unknown }; name?: { value?: unknown } }[];
    };
    const shown = nodes.filter((n) => !n.ignored);
    const headings = shown.filter((n) => n.role?.value === 'heading').map((n) => n.name?.value);
    // The deck opens on the title screen: the lecture's title is its heading.
    expect(headings.map((name) => String(name).replace(/\s+/g, ' ').trim())).toContain(
      'Брокеры сообщений — Redis, RabbitMQ, Kafka',
    );
    expect(shown.some((n) => n.role?.value === 'application')).toBe(false);
    await cdp.detach();
    expect(await axeFindings(page, '.reveal .present')).toEqual([]);

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageDown');
    await page.evaluate(() => window.Reveal?.slide(3));
    await page.waitForTimeout(300);
    expect(await role()).toBeNull();
    // Should reveal.js set the role again (a re-layout, a reconfigure), it is taken off at once.
    await page.evaluate(() =>
      document.querySelector('.reveal')?.setAttribute('role', 'application'),
    );
    expect(await role()).toBeNull();
    expect(await axeFindings(page, '.reveal .present')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves screenshots of a title, code-step, table and diagram slide', async () => {
    const { page } = await openDeck(browser.context, deckUrl);
    const pick = (test: (s: (typeof visible)[number]) => boolean): number | undefined =>
      visible.find(test)?.section;
    const targets: Array<[string, number | undefined, number]> = [
      ['title', visible[0]?.section, -1],
      ['code-step', pick((s) => /steps=/.test(s.body)), 0],
      ['table', pick((s) => /^\|.*\|\s*$/m.test(s.body)), -1],
      ['diagram', pick((s) => /class="flow"/.test(s.body)), -1],
    ];
    for (const [name, section, fragment] of targets) {
      if (section === undefined) continue;
      await page.evaluate(
        ([id, f]) => {
          const slide = document.getElementById(id);
          const deck = window.Reveal;
          if (!slide || !deck) return;
          const { h } = deck.getIndices(slide);
          deck.slide(h, 0, f);
        },
        [`s-${section}`, fragment] as const,
      );
      // Let the (fast) fade transition finish.
      await page.waitForTimeout(900);
      await page.screenshot({ path: join(shots, `${name}-${section}.png`) });
      if (name === 'code-step') {
        const active = await page.locator('.reveal .present .code-line--active').count();
        expect(active, 'the first step highlights its lines').toBeGreaterThan(0);
      }
    }
    await page.close();
  });
});
