/**
 * «Весь файл» in the served deck and its reading view: every code block taken from a file copies
 * that whole file, byte for byte as on disk, by mouse and keyboard, announced in a live region,
 * with the file's text from the build (nothing fetched from examples/); both copy buttons are
 * readable at 1280×720 and cover no code; print shows neither.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type TestBrowser } from './chromium.ts';
import {
  blockFile,
  clearClipboard,
  COPY_FILE_BUTTON,
  copyAnnouncement,
  pressCopy,
  readClipboard,
  sameAsOnDisk,
} from './copy-file.ts';
import { axeFindings } from './axe.ts';
import { openDeck, pageErrors, screenshotsDir } from './deck-page.ts';

const deckUrl = inject('deckUrl');
const shots = screenshotsDir();
let browser: TestBrowser;

beforeAll(async () => {
  browser = await launchChromium();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(deckUrl).origin,
  });
});
afterAll(async () => {
  await browser?.close();
});

/** Every code block from a file: its slide's id and its index among the slide's code blocks. */
function fileBlocks(page: Page): Promise<{ slide: string; index: number; file: string }[]> {
  return page.$$eval('.reveal .slides > section', (sections) =>
    sections
      .filter((s) => s.dataset['visibility'] !== 'hidden')
      .flatMap((s) =>
        [...s.querySelectorAll<HTMLElement>('.code-block')].flatMap((block, index) =>
          block.dataset['file'] === undefined
            ? []
            : [{ slide: s.id, index, file: block.dataset['file'] }],
        ),
      ),
  );
}

async function showSlide(page: Page, id: string, fragment = 999): Promise<void> {
  await page.evaluate(
    ([slideId, f]) => {
      const deck = window.Reveal;
      const element = document.getElementById(slideId);
      if (deck && element) deck.slide(deck.getIndices(element).h, 0, f);
    },
    [id, fragment] as const,
  );
  await page.waitForFunction((slideId) => window.Reveal?.getCurrentSlide().id === slideId, id);
}

/**
 * Shows the slide at the first step where the block's buttons can be pressed: a block inside a
 * fragment appears with it, and a stage widget covers the body from its first step on.
 */
async function showBlock(page: Page, slide: string, index: number): Promise<Locator> {
  const block = page.locator(`#${slide} .code-block`).nth(index);
  for (let fragment = -1; fragment < 30; fragment++) {
    await showSlide(page, slide, fragment);
    // Fragments fade in.
    await page.waitForTimeout(350);
    const reachable = await block.evaluate((element) =>
      [...element.querySelectorAll('.code-copy')].every((button) => {
        const box = button.getBoundingClientRect();
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return hit === button && getComputedStyle(button).visibility === 'visible';
      }),
    );
    if (reachable) return block;
  }
  throw new Error(`no step of ${slide} shows its code block ${index} uncovered`);
}

/**
 * What keeps a code block's copy buttons from being read or pressed (runs in the page): text under
 * 13 px as rendered (the deck's scale and any zoom included), cut text, a button over the code,
 * the file name or the other button, outside its block or off screen.
 */
function buttonProblems(element: Element, id: string): string[] {
  const found: string[] = [];
  const overlap = (a: DOMRect, b: DOMRect): boolean =>
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const pre = element.querySelector('pre')?.getBoundingClientRect();
  const name = element.querySelector('.code-block__file')?.getBoundingClientRect();
  const outer = element.getBoundingClientRect();
  const buttons = [...element.querySelectorAll<HTMLButtonElement>('.code-copy')];
  if (buttons.length !== 2) found.push(`${id}: ${buttons.length} copy buttons`);
  for (const button of buttons) {
    const box = button.getBoundingClientRect();
    const label = `${id} «${button.textContent}»`;
    // A test glyph box of the button's font, measured on screen: its rendered size.
    const probe = document.createElement('span');
    probe.textContent = 'Ж';
    probe.style.cssText = 'font: inherit; line-height: 1; display: inline-block';
    button.append(probe);
    const px = probe.getBoundingClientRect().height;
    probe.remove();
    if (px < 13) found.push(`${label}: text ${px.toFixed(1)} px`);
    if (button.scrollWidth > button.clientWidth) found.push(`${label}: text cut`);
    if (pre && overlap(box, pre)) found.push(`${label}: covers the code`);
    if (name && overlap(box, name)) found.push(`${label}: covers the file name`);
    if (box.left < outer.left || box.right > outer.right || box.top < outer.top)
      found.push(`${label}: outside its block`);
    if (box.left < 0 || box.right > innerWidth || box.top < 0 || box.bottom > innerHeight)
      found.push(`${label}: off screen`);
    const other = buttons.find((b) => b !== button)?.getBoundingClientRect();
    if (other && overlap(box, other)) found.push(`${label}: covers the other button`);
  }
  return found;
}

describe('«Весь файл» in the deck', () => {
  it('copies the whole example file from every code block that shows one, byte for byte, by mouse and keyboard', async () => {
    const { page, errors, requests } = await openDeck(browser.context, deckUrl);
    const blocks = await fileBlocks(page);
    expect(blocks.length).toBeGreaterThan(20);
    // Space is the deck's «next step» (a clicker's key) even on a focused button; Enter presses it.
    const ways = ['Enter', 'click'] as const;
    for (const [n, block] of blocks.entries()) {
      const copyFile = (await showBlock(page, block.slide, block.index)).locator(COPY_FILE_BUTTON);
      expect(await blockFile(copyFile)).toBe(block.file);
      expect(await copyFile.getAttribute('aria-label')).toBe(
        `Копировать весь файл ${block.file} в буфер обмена`,
      );
      await clearClipboard(page);
      await pressCopy(page, copyFile, ways[Math.min(n, ways.length - 1)] ?? 'click');
      const copied = await readClipboard(page);
      expect(sameAsOnDisk(copied, block.file), `${block.slide}: ${block.file}`).toBe(true);
      await expect
        .poll(() => copyAnnouncement(page, '.reveal'))
        .toBe(`Скопировано: весь файл ${block.file}`);
    }
    // The files came with the build, in one chunk loaded once; examples/ itself is never asked.
    expect(requests.filter((url) => url.includes('/examples/'))).toEqual([]);
    expect(requests.filter((url) => url.includes('lecture-examples'))).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('«Копировать» still copies only the shown region, announced as such', async () => {
    const { page, errors } = await openDeck(browser.context, deckUrl);
    const [block] = (await fileBlocks(page)).filter((b) => b.file.endsWith('tasks.py'));
    expect(block, 'a slide shows a region of examples/celery/tasks.py').toBeDefined();
    if (!block) return;
    const code = await showBlock(page, block.slide, block.index);
    await clearClipboard(page);
    await pressCopy(page, code.locator('button[name="copy"]'), 'click');
    const copied = await readClipboard(page);
    expect(copied).toBe(await code.locator('pre code').textContent());
    expect(sameAsOnDisk(copied, block.file)).toBe(false);
    await expect.poll(() => copyAnnouncement(page, '.reveal')).toBe('Скопировано: код со слайда');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('both copy buttons are readable at 1280×720 and cover no code on any code slide', async () => {
    const { page } = await openDeck(browser.context, deckUrl);
    await page.setViewportSize({ width: 1280, height: 720 });
    const problems: string[] = [];
    for (const { slide, index } of await fileBlocks(page)) {
      const block = await showBlock(page, slide, index);
      problems.push(...(await block.evaluate(buttonProblems, slide)));
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a code slide with both buttons and their live region passes axe, and looks right at 1280×720', async () => {
    const { page, errors } = await openDeck(browser.context, deckUrl);
    await page.setViewportSize({ width: 1280, height: 720 });
    for (const block of (await fileBlocks(page)).filter((b) => b.index === 0).slice(0, 3)) {
      await showBlock(page, block.slide, block.index);
      expect(await axeFindings(page, `#${block.slide}`), block.slide).toEqual([]);
      await page.screenshot({ path: join(shots, `copy-file-${block.slide}.png`) });
    }
    expect(await axeFindings(page, '.reveal .code-copy-status')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('printing the deck shows neither copy button', async () => {
    const { page } = await openDeck(browser.context, deckUrl);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.$$eval('.code-copy', (all) =>
      all.filter((b) => getComputedStyle(b).display !== 'none').map((b) => b.textContent),
    );
    expect(await page.locator(COPY_FILE_BUTTON).count()).toBeGreaterThan(20);
    expect(shown).toEqual([]);
    await page.close();
  });
});

describe('«Весь файл» in the reading view', () => {
  it('copies the whole file from the reading view, by mouse and keyboard, announced', async () => {
    const page = await browser.context.newPage();
    const errors = pageErrors(page);
    await page.goto(new URL('?view=read', deckUrl).href);
    await page.waitForSelector('.reading-slide');
    const buttons = page.locator(`.reading-main ${COPY_FILE_BUTTON}`);
    const count = await buttons.count();
    expect(count).toBeGreaterThan(20);
    for (const [how, index] of [
      ['click', 0],
      ['Enter', 1],
      ['Space', count - 1],
    ] as const) {
      const button = buttons.nth(index);
      const path = await blockFile(button);
      await button.scrollIntoViewIfNeeded();
      await clearClipboard(page);
      await pressCopy(page, button, how);
      expect(sameAsOnDisk(await readClipboard(page), path), path).toBe(true);
      await expect
        .poll(() => copyAnnouncement(page, '.reading-main'))
        .toBe(`Скопировано: весь файл ${path}`);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await buttons.nth(1).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'copy-file-reading-view.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('both copy buttons are readable at 1280×720 in the reading view and cover no code', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(new URL('?view=read', deckUrl).href);
    await page.waitForSelector('.reading-slide');
    const blocks = page.locator('.reading-main .code-block[data-file]');
    const problems: string[] = [];
    for (let i = 0; i < (await blocks.count()); i++) {
      await blocks.nth(i).scrollIntoViewIfNeeded();
      problems.push(...(await blocks.nth(i).evaluate(buttonProblems, `block ${i}`)));
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the print view (the PDF handout) shows neither copy button', async () => {
    const page = await browser.context.newPage();
    await page.goto(new URL('?view=print', deckUrl).href);
    await page.waitForFunction(() => document.documentElement.dataset['printReady'] === 'true');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator(COPY_FILE_BUTTON).count()).toBeGreaterThan(20);
    const shown = await page.$$eval('.code-copy', (all) =>
      all.filter((b) => (b as HTMLElement).offsetParent !== null).map((b) => b.textContent),
    );
    expect(shown).toEqual([]);
    await page.close();
  });
});
