/**
 * The reading view (`?view=read`) as a student uses it after class: every visible slide with its
 * notes, a contents list by part, search across slides and notes (hostile input stays text),
 * playable widgets, and self-check questions checked in the page with a link back to the slide.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kafkaPartitionForKey } from '../../src/broker/index.ts';
import { axeFindings } from './axe.ts';
import { launchChromium, type TestBrowser } from './chromium.ts';
import { expectedSlides, foreignRequests } from './deck-page.ts';

const deckUrl = inject('deckUrl');
const readUrl = new URL('?view=read', deckUrl).href;
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openReading(
  url = readUrl,
  { highlightApi = true } = {},
): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.context.newPage();
  // A browser without the CSS Custom Highlight API: the search falls back to <mark>.
  if (!highlightApi) await page.addInitScript(() => Reflect.deleteProperty(CSS, 'highlights'));
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForSelector('.reading-slide');
  return { page, errors, requests };
}

/** Search matches painted: highlight ranges with the API, <mark> elements without it. */
async function painted(page: Page, highlightApi: boolean): Promise<number> {
  const seen = await page.evaluate(() => ({
    api: 'highlights' in CSS,
    ranges: 'highlights' in CSS ? (CSS.highlights.get('search')?.size ?? 0) : 0,
    marks: document.querySelectorAll('mark.reading-mark').length,
  }));
  expect(seen.api).toBe(highlightApi);
  if (highlightApi) expect(seen.marks, 'no <mark> where the API paints').toBe(0);
  return highlightApi ? seen.ranges : seen.marks;
}

/** The text of every painted match, in page order. */
function paintedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    if (!('highlights' in CSS))
      return [...document.querySelectorAll('mark.reading-mark')].map((m) => m.textContent ?? '');
    const ranges = [...(CSS.highlights.get('search') ?? [])].filter(
      (r): r is Range => r instanceof Range,
    );
    return ranges.map((r) => r.toString());
  });
}

describe('reading view', () => {
  it('shows every visible slide with its notes, grouped by part, with a contents list', async () => {
    const { page, errors, requests } = await openReading();
    const visible = expectedSlides().filter((s) => !s.hidden);
    const articles = await page.$$eval('.reading-slide', (all) =>
      all.map((a) => ({
        section: Number((a as HTMLElement).dataset['section']),
        title: a.querySelector('.slide-title')?.textContent?.trim() ?? '',
        notes: a.querySelector('.reading-notes')?.textContent?.length ?? 0,
      })),
    );
    expect(articles.map((a) => a.section)).toEqual(visible.map((s) => s.section));
    expect(articles.map((a) => a.title)).toEqual(visible.map((s) => s.title));
    for (const a of articles) expect(a.notes, `notes of ${a.section}`).toBeGreaterThan(40);
    const parts = await page.$$eval('.reading-toc-part-link', (all) =>
      all.map((a) => a.textContent),
    );
    expect(parts).toEqual([
      'Введение',
      'Redis',
      'RabbitMQ',
      'Kafka',
      'Сравнение и выбор',
      'Celery',
      'Паттерны и практики',
    ]);
    expect(await page.$$eval('.reading-toc li a', (all) => all.length)).toBe(visible.length);
    expect(await page.evaluate(() => window.Reveal)).toBeUndefined();
    expect(foreignRequests(requests, deckUrl)).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/reading-view-1280.png' });
    await page.close();
  });

  it('hides the lecturer’s timing line («План: … из 90 мин») in the reading view and the handout', async () => {
    for (const view of ['read', 'print']) {
      const { page, errors } = await openReading(new URL(`?view=${view}`, deckUrl).href);
      const notes = await page.$$eval('.reading-notes', (all) => all.map((n) => n.textContent));
      expect(notes.length, view).toBeGreaterThan(30);
      expect(
        notes.filter((text) => /План:|из \d+ мин/.test(text ?? '')),
        view,
      ).toEqual([]);
      expect(await page.locator('.notes-plan').count(), view).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('the contents list follows the scroll (current slide and part marked, kept in sight) and scrolls itself', async () => {
    const { page, errors } = await openReading();
    const current = (): Promise<string | null> =>
      page.evaluate(
        () =>
          document.querySelector('.reading-toc a[aria-current="location"]')?.getAttribute('href') ??
          null,
      );
    const scrollTo = async (section: number): Promise<void> => {
      await page.evaluate((s) => {
        const top = document.getElementById(`s-${s}`)?.getBoundingClientRect().top ?? 0;
        window.scrollBy(0, top - 20);
      }, section);
      await page.waitForFunction(
        (s) =>
          document
            .querySelector('.reading-toc a[aria-current="location"]')
            ?.getAttribute('href') === `#s-${s}`,
        section,
      );
    };
    // Where the nav is on screen, and whether an entry is inside its visible box.
    const geometry = (section: number) =>
      page.evaluate((s) => {
        const nav = document.querySelector('.reading-toc') as HTMLElement;
        const item = document.querySelector(`[data-toc-section="${s}"]`) as HTMLElement;
        const box = nav.getBoundingClientRect();
        const at = item.getBoundingClientRect();
        return {
          navBottom: box.bottom,
          scrolls: nav.scrollHeight > nav.clientHeight,
          scrollTop: nav.scrollTop,
          itemInside: at.top >= box.top && at.bottom <= box.bottom,
          itemClass: item.className,
          part: item.closest('.reading-toc-part')?.classList.contains('reading-toc-current'),
          windowY: window.scrollY,
        };
      }, section);

    await page.waitForFunction(() => document.querySelector('.reading-toc [aria-current]'));
    await expect(current()).resolves.toBe('#s-1');
    const visible = expectedSlides().filter((s) => !s.hidden);
    const last = visible[visible.length - 1]?.section ?? 0;
    for (const section of [24, 31, last]) {
      await scrollTo(section);
      const g = await geometry(section);
      expect(g.itemInside, `entry ${section} in sight`).toBe(true);
      expect(g.itemClass).toContain('reading-toc-current');
      expect(g.part, `part of ${section} marked`).toBe(true);
      // The list is its own scroller and ends on the screen (it was cut off at the bottom).
      expect(g.scrolls).toBe(true);
      expect(g.navBottom).toBeLessThanOrEqual(800);
      if (section !== 24) expect(g.scrollTop).toBeGreaterThan(0);
    }
    // Only the list scrolled: following the page never moves the page itself. Read where the
    // last slide sits on screen, not window.scrollY: a widget above mounting as it nears the view
    // grows the page, and the browser's scroll anchoring then moves scrollY (a CI run: +776 px)
    // so that what the reader sees stays put.
    const onScreen = () =>
      page.evaluate((s) => document.getElementById(`s-${s}`)?.getBoundingClientRect().top, last);
    const top = (await onScreen()) ?? Number.NaN;
    await page.waitForTimeout(300);
    // Anchoring keeps it within a pixel (a CI run: 20.11 → 19.58 px); a page the list moved
    // would be off by a slide's height.
    const after = (await onScreen()) ?? Number.NaN;
    expect(Math.abs(after - top)).toBeLessThanOrEqual(2);
    await page.screenshot({ path: 'test-results/screenshots/reading-toc-1280.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a phone (390×844) the contents fold into one sticky line that says where you are', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(readUrl);
    await page.waitForSelector('.reading-slide');
    // Folded: the first slide is on the first screen, not after fifty contents entries.
    await expect(page.locator('.reading-toc-list').isVisible()).resolves.toBe(false);
    const firstTop = await page.evaluate(
      () => document.getElementById('s-1')?.getBoundingClientRect().top ?? Infinity,
    );
    expect(firstTop).toBeLessThan(844);

    await page.evaluate(() => {
      const top = document.getElementById('s-24')?.getBoundingClientRect().top ?? 0;
      window.scrollBy(0, top);
    });
    await page.waitForFunction(() =>
      document.querySelector('.reading-toc-here')?.textContent?.startsWith('24. '),
    );
    const bar = await page.locator('.reading-toc').boundingBox();
    expect(bar?.y).toBe(0);
    expect(bar?.height ?? 0).toBeLessThan(60);
    await page.screenshot({ path: 'test-results/screenshots/reading-toc-390.png' });

    await page.locator('.reading-toc-summary').click();
    await expect(page.locator('.reading-toc-list').isVisible()).resolves.toBe(true);
    const inside = await page.evaluate(() => {
      const list = document.querySelector('.reading-toc-list') as HTMLElement;
      const item = document.querySelector('.reading-toc li.reading-toc-current') as HTMLElement;
      const box = list.getBoundingClientRect();
      const at = item.getBoundingClientRect();
      return { inside: at.top >= box.top && at.bottom <= box.bottom, bottom: box.bottom };
    });
    expect(inside.inside).toBe(true);
    expect(inside.bottom).toBeLessThanOrEqual(844);
    await page.screenshot({ path: 'test-results/screenshots/reading-toc-390-open.png' });

    await page.locator('.reading-toc a[href="#s-31"]').click();
    await expect(page.locator('.reading-toc-list').isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => window.location.hash)).resolves.toBe('#s-31');
    // The slide's heading lands below the sticky line, not under it.
    const under = await page.evaluate(() => ({
      bar: document.querySelector('.reading-toc')?.getBoundingClientRect().bottom ?? 0,
      slide: document.getElementById('s-31')?.getBoundingClientRect().top ?? 0,
    }));
    expect(under.slide).toBeGreaterThanOrEqual(under.bar - 1);
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const [mode, highlightApi] of [
    ['CSS Custom Highlight API', true],
    ['<mark> fallback', false],
  ] as const) {
    it(`search filters slides and notes, marks matches, validates, and keeps hostile text as text (${mode})`, async () => {
      const { page, errors } = await openReading(readUrl, { highlightApi });
      const search = page.locator('input[name="search"]');
      await search.fill('prefetch');
      await search.press('Enter');
      const shown = await page.$$eval('.reading-slide:not([hidden])', (all) =>
        all.map((a) => Number((a as HTMLElement).dataset['section'])),
      );
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.length).toBeLessThan(40);
      expect(shown).toContain(24);
      expect(await painted(page, highlightApi)).toBeGreaterThan(0);
      await expect(page.locator('.reading-search-status').textContent()).resolves.toBe(
        `Найдено слайдов: ${shown.length}`,
      );

      // Text found only in the notes (the lecturer's words) counts too.
      await search.fill('Ozon');
      await search.press('Enter');
      expect(await page.locator('.reading-slide:not([hidden])').count()).toBeGreaterThan(0);

      await search.fill('я');
      await search.press('Enter');
      await expect(search.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(page.locator('#reading-search-error').textContent()).resolves.toBe(
        'Введите хотя бы 2 символа',
      );

      await search.fill('<img src=x onerror=alert(1)>');
      await search.press('Enter');
      expect(await page.locator('.reading-main img').count()).toBe(0);
      await expect(page.locator('.reading-search-status').textContent()).resolves.toBe(
        'Ничего не найдено',
      );

      await search.press('Escape');
      expect(await page.locator('.reading-slide[hidden]').count()).toBe(0);
      expect(await painted(page, highlightApi)).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    });

    it(`a too-short query after a valid one clears the old results and every highlight (${mode})`, async () => {
      const { page, errors } = await openReading(readUrl, { highlightApi });
      const search = page.locator('input[name="search"]');
      await search.fill('prefetch');
      await search.press('Enter');
      expect(await painted(page, highlightApi)).toBeGreaterThan(0);
      expect(await page.locator('.reading-slide[hidden]').count()).toBeGreaterThan(0);

      await search.fill('я');
      await search.press('Enter');
      await expect(page.locator('#reading-search-error').textContent()).resolves.toBe(
        'Введите хотя бы 2 символа',
      );
      expect(await page.locator('#reading-search-error').isVisible()).toBe(true);
      expect(await painted(page, highlightApi)).toBe(0);
      // No result list is left: no slide or contents entry filtered out, no count announced.
      expect(await page.locator('.reading-slide[hidden]').count()).toBe(0);
      expect(await page.locator('.reading-toc-miss').count()).toBe(0);
      await expect(page.locator('.reading-search-status').textContent()).resolves.toBe('');
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('the Highlight API paints the same matches as the <mark> fallback without touching the page’s text', async () => {
    const api = await openReading();
    const fallback = await openReading(readUrl, { highlightApi: false });
    // Every change to the text while searching: a text node split, replaced or wrapped.
    await api.page.evaluate(() => {
      const changes: string[] = [];
      (window as unknown as { textChanges: string[] }).textChanges = changes;
      new MutationObserver((records) => {
        for (const r of records) {
          // Widgets (never searched) redraw their own text as they mount and play.
          const target = r.target instanceof Element ? r.target : r.target.parentElement;
          if (target?.closest('.widget-slot')) continue;
          if (r.type === 'characterData') changes.push('characterData');
          const nodes = [...r.addedNodes, ...r.removedNodes];
          if (nodes.some((n) => n.nodeType === Node.TEXT_NODE || n.nodeName === 'MARK'))
            changes.push(`${r.type} in ${(r.target as Element).className}`);
        }
      }).observe(document.querySelector('.reading-main') as Element, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    const texts: string[][] = [];
    const statuses: string[] = [];
    for (const { page } of [api, fallback]) {
      const search = page.locator('input[name="search"]');
      await search.fill('очеред');
      await search.press('Enter');
      texts.push(await paintedTexts(page));
      statuses.push((await page.locator('.reading-search-status').textContent()) ?? '');
    }
    expect(texts[0]?.length).toBeGreaterThan(100);
    expect(texts[0]).toEqual(texts[1]);
    expect(new Set(texts[0]?.map((t) => t.toLowerCase()))).toEqual(new Set(['очеред']));
    expect(statuses[0]).toMatch(/^Найдено слайдов: \d+$/);
    expect(statuses[0]).toBe(statuses[1]);
    await api.page.locator('#s-24').scrollIntoViewIfNeeded();
    await api.page.screenshot({ path: 'test-results/screenshots/reading-search-highlight.png' });
    await api.page.locator('input[name="search"]').press('Escape');
    await expect(
      api.page.evaluate(() => (window as unknown as { textChanges: string[] }).textChanges),
    ).resolves.toEqual([]);
    await expect(api.page.evaluate(() => CSS.highlights.has('search'))).resolves.toBe(false);
    expect([...api.errors, ...fallback.errors]).toEqual([]);
    await api.page.close();
    await fallback.page.close();
  });

  it('a widget is playable: the Kafka widget puts a key where murmur2 says', async () => {
    const { page, errors } = await openReading(`${readUrl}#s-31`);
    // A kit widget's lab sits under its slide frame, in the slide's article (not in #s-31).
    const root = page.locator('.reading-slide[data-section="31"] [data-widget="kafka-partitions"]');
    await root.waitFor();
    await root.locator('input[name="partitions"]').fill('6');
    await root.locator('input[name="partitions"]').press('Enter');
    await root.locator('input[name="key"]').fill('user-42');
    await root.locator('button[name="produce"]').click();
    const last = await root
      .locator('[data-partition][data-last="true"]')
      .getAttribute('data-partition');
    expect(Number(last)).toBe(kafkaPartitionForKey('user-42', 6));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('every widget mounts in the reading view at a usable size, no scroll region collapsed', async () => {
    const { page, errors } = await openReading();
    const sections = await page.$$eval('.reading-slide:has(.widget-slot)', (all) =>
      all.map((a) => Number((a as HTMLElement).dataset['section'])),
    );
    expect(sections.length).toBeGreaterThanOrEqual(20);
    const collapsed: string[] = [];
    for (const section of sections) {
      await page.locator(`#s-${section}`).scrollIntoViewIfNeeded();
      await page.waitForFunction(
        (s) =>
          [...document.querySelectorAll(`.reading-slide[data-section="${s}"] .widget-slot`)].every(
            (slot) => slot.querySelector('[data-widget]'),
          ),
        section,
      );
      collapsed.push(
        ...(await page.$$eval(`.reading-slide[data-section="${section}"] [data-widget]`, (roots) =>
          roots.flatMap((root) => {
            const name = (root as HTMLElement).dataset['widget'];
            const bad: string[] = [];
            if (root.getBoundingClientRect().height < 150) bad.push(`${name}: root`);
            for (const el of root.querySelectorAll('*')) {
              const { overflowY } = getComputedStyle(el);
              const scrolls = overflowY === 'auto' || overflowY === 'scroll';
              if (scrolls && el.childElementCount > 0 && el.clientHeight < 20)
                bad.push(`${name}: ${el.className}`);
            }
            const slide = root.closest<HTMLElement>('.reading-slide')?.dataset['section'];
            return bad.map((b) => `slide ${slide} ${b}`);
          }),
        )),
      );
    }
    expect(collapsed).toEqual([]);
    // With every widget mounted, ids are unique, and each label or ARIA reference inside a widget
    // names a control of that same widget (three exchange-routing labs once shared w-er-type).
    const ids = await page.evaluate(() => {
      const all = [...document.querySelectorAll('[id]')].map((e) => e.id);
      const refs = [
        ...document.querySelectorAll(
          '[data-widget] :is([for], [aria-describedby], [aria-labelledby], [aria-controls])',
        ),
      ].flatMap((el) =>
        ['for', 'aria-describedby', 'aria-labelledby', 'aria-controls'].flatMap((attr) =>
          (el.getAttribute(attr) ?? '')
            .split(/\s+/)
            .filter((id) => id !== '')
            .filter((id) => {
              const target = document.getElementById(id);
              return !target || target.closest('[data-widget]') !== el.closest('[data-widget]');
            })
            .map((id) => `${attr}=${id}`),
        ),
      );
      return {
        repeated: all.filter((id, i) => all.indexOf(id) !== i),
        widgets: document.querySelectorAll('[data-widget]').length,
        refs,
      };
    });
    expect(ids.widgets).toBeGreaterThanOrEqual(sections.length);
    expect(ids.repeated).toEqual([]);
    expect(ids.refs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('self-check: no answer gets a message, a wrong one the right answer, a right one «Верно», with a link back', async () => {
    const { page, errors } = await openReading(`${readUrl}#part-kafka`);
    const question = page.locator('[data-question="kafka-partition"]');
    await question.scrollIntoViewIfNeeded();
    await question.locator('button[name="check"]').click();
    await expect(question.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(question.locator('.quiz-error').textContent()).resolves.toBe(
      'Выберите один ответ',
    );

    const right = kafkaPartitionForKey('user-42', 6);
    const wrong = (right + 1) % 6;
    await question.locator(`input[value="${wrong}"]`).check();
    await question.locator('button[name="check"]').click();
    await expect(question.locator('.quiz-result').textContent()).resolves.toContain(
      `Неверно. Правильный ответ: P${right}`,
    );
    await question.locator(`input[value="${right}"]`).check();
    await question.locator('button[name="check"]').click();
    await expect(question.locator('.quiz-result').textContent()).resolves.toContain('Верно.');
    await question.locator('.quiz-result a').click();
    await expect(page.evaluate(() => window.location.hash)).resolves.toBe('#s-31');
    await expect(
      page
        .locator('[data-question="kafka-partition"]')
        .locator('xpath=ancestor::section[1]')
        .locator('.quiz-score')
        .textContent(),
    ).resolves.toMatch(/^Верно: 1 из 3/);
    await page
      .locator('#part-kafka .quiz')
      .screenshot({ path: 'test-results/screenshots/reading-quiz-kafka.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('passes axe on the page with a part’s widgets mounted and its quiz answered', async () => {
    const { page, errors } = await openReading(`${readUrl}#s-17`);
    await page.locator('.reading-slide[data-section="17"] [data-widget]').first().waitFor();
    const question = page.locator('[data-question="rabbit-unacked"]');
    await question.locator('input[value="lost"]').check();
    await question.locator('button[name="check"]').click();
    const violations = await axeFindings(page);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
