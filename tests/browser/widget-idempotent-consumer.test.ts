/**
 * Slide 41 in the built deck: two widgets on one slide. The clicker walks the code, then every
 * idempotent-consumer step, then every celery-retries step, in that order, and back; the later
 * stage hides the earlier; `L` opens the lab of the one on screen (the first at step 0). A
 * student sends payments (the same id again, a crash, hostile text, invalid amounts); axe finds
 * nothing serious; screenshots at 1280×800 and 1920×1080.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WIDGETS } from '../../src/lecture/names.ts';
import { IDEMPOTENT_STEPS } from '../../src/widgets/idempotent-consumer/story.ts';
import { replay, viewOf } from '../../src/widgets/idempotent-consumer/logic.ts';
import { axeFindings } from './axe.ts';
import { repoRoot } from './deck-page.ts';
import { heapAcrossWalks } from './slide-walk.ts';
import { jumpToFragment, openLab, useWidgetSlide, waitForStep } from './widget-page.ts';

const IC = '#s-41 [data-widget="idempotent-consumer"]';
const CELERY_STEPS = WIDGETS['celery-retries'].steps;
const CR = '#s-41 [data-widget="celery-retries"]';
const shots = join(repoRoot, 'test-results', 'screenshots');

const deck = useWidgetSlide(41, IC, CR);

function read(page: Page) {
  return page.evaluate(
    ([ic, cr]) => {
      const a = document.querySelector<HTMLElement>(ic as string);
      const b = document.querySelector<HTMLElement>(cr as string);
      if (!a || !b) throw new Error('no widgets');
      const visible = (el: HTMLElement) =>
        getComputedStyle(el.parentElement as HTMLElement).visibility === 'visible';
      return {
        ic: Number(a.dataset['step']),
        cr: Number(b.dataset['step']),
        icVisible: visible(a),
        crVisible: visible(b),
        naive: Number(a.dataset['naiveCharges']),
        idem: Number(a.dataset['idempotentCharges']),
        redelivered: [...a.querySelectorAll<HTMLElement>('[data-redelivered]')].map(
          (e) => e.dataset['redelivered'],
        ),
        caption: a.querySelector('[role="status"]')?.textContent ?? '',
      };
    },
    [IC, CR] as const,
  );
}

async function right(page: Page): Promise<Awaited<ReturnType<typeof read>>> {
  const before = await read(page);
  const fragment = await page.evaluate(() => window.Reveal?.getState().indexf ?? -1);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((f) => (window.Reveal?.getState().indexf ?? -1) === f + 1, fragment);
  await page.waitForTimeout(30);
  const after = await read(page);
  expect(after).not.toBe(before);
  return after;
}

describe('slide 41 as a lecturer drives it: two widgets, one after the other', () => {
  it('→ walks the code, then idempotent-consumer, then celery-retries; ← comes back', async () => {
    const { page } = deck;
    let shown = await read(page);
    expect([shown.ic, shown.cr]).toEqual([0, 0]);
    // The slide's own code fragments (retry, autoretry) come first.
    await right(page);
    shown = await right(page);
    expect([shown.ic, shown.cr]).toEqual([0, 0]);
    for (let n = 1; n <= IDEMPOTENT_STEPS; n++) {
      shown = await right(page);
      expect([shown.ic, shown.cr]).toEqual([n, 0]);
      const want = viewOf(replay(n, []));
      expect([shown.naive, shown.idem]).toEqual([want.naive.charges, want.idempotent.charges]);
      expect(shown.icVisible).toBe(true);
      if (n === 4) {
        expect(shown.redelivered).toEqual(['false', 'true']);
        expect(shown.caption).toMatch(/SET NX вернул nil/);
        await page.screenshot({ path: join(shots, 'idempotent-consumer-41-1280.png') });
      }
    }
    for (let n = 1; n <= CELERY_STEPS; n++) {
      shown = await right(page);
      expect([shown.ic, shown.cr]).toEqual([IDEMPOTENT_STEPS, n]);
      // The later stage covers the earlier one, which is hidden (not reachable beneath).
      expect([shown.icVisible, shown.crVisible]).toEqual([false, true]);
    }
    expect(await page.evaluate(() => window.Reveal?.availableFragments().next)).toBe(false);
    for (let n = CELERY_STEPS - 1; n >= 0; n--) {
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(
        ([sel, k]) =>
          document.querySelector<HTMLElement>(sel as string)?.dataset['step'] === String(k),
        [CR, n] as const,
      );
    }
    shown = await read(page);
    expect([shown.ic, shown.cr, shown.icVisible]).toEqual([IDEMPOTENT_STEPS, 0, true]);
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(
      (sel) => document.querySelector<HTMLElement>(sel)?.dataset['step'] === String(5),
      IC,
    );
  });
});

describe('idempotent-consumer as a student plays with it', () => {
  it('re-sends the same id, adds a crash; hostile and invalid input change nothing else', async () => {
    const { page } = deck;
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (sel) => document.querySelector<HTMLElement>(sel)?.dataset['step'] === '6',
      IC,
    );
    await openLab(page, IC);
    await page.fill(`${IC} input[name="payment-id"]`, 'pay-2');
    await page.fill(`${IC} input[name="amount"]`, '250');
    await page.click(`${IC} button[name="send-payment"]`);
    let shown = await read(page);
    expect([shown.naive, shown.idem]).toEqual([4, 2]);
    await page.fill(`${IC} input[name="payment-id"]`, '<img src=x onerror=alert(1)>');
    await page.check(`${IC} input[name="crash"]`);
    await page.press(`${IC} input[name="payment-id"]`, 'Enter');
    shown = await read(page);
    expect([shown.naive, shown.idem]).toEqual([6, 3]);
    expect(await page.locator(`${IC} img`).count()).toBe(0);
    expect(await page.locator(IC).textContent()).toContain('<img src=x onerror=alert(1)>');
    for (const bad of ['0', '-5', '1000001', 'сто', '']) {
      await page.fill(`${IC} input[name="amount"]`, bad);
      await page.click(`${IC} button[name="send-payment"]`);
      const input = page.locator(`${IC} input[name="amount"]`);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect(await read(page)).toEqual(shown);
    }
    await page.fill(`${IC} input[name="amount"]`, '1');
    await page.fill(`${IC} input[name="payment-id"]`, '   ');
    await page.click(`${IC} button[name="send-payment"]`);
    expect(await page.locator(`${IC} input[name="payment-id"]`).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await read(page)).toEqual(shown);
    await page.screenshot({ path: join(shots, 'idempotent-consumer-student-1280.png') });
  });

  it('fits at 1920×1080, passes axe and logs no errors', async () => {
    const { page, errors } = deck;
    await page.setViewportSize({ width: 1920, height: 1080 });
    const box = await page.evaluate((sel) => {
      const root = document.querySelector(sel) as HTMLElement;
      const slide = root.closest('section') as HTMLElement;
      return [root.getBoundingClientRect().bottom, slide.getBoundingClientRect().bottom];
    }, IC);
    expect(box[0]).toBeLessThanOrEqual((box[1] ?? 0) + 1);
    await page.screenshot({ path: join(shots, 'idempotent-consumer-41-1920.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    const violations = await axeFindings(page, IC);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('walking slide 41 there and back three times leaves the heap within 10 % and one root each', async () => {
    const { page } = deck;
    const { before, after } = await heapAcrossWalks(page, 41, -1);
    console.log(
      `[bench] slide 41 widgets heap ${(before / 1e6).toFixed(2)} → ${(after / 1e6).toFixed(2)} MB`,
    );
    expect(after).toBeLessThanOrEqual(before * 1.1);
    await page.waitForSelector(CR, { state: 'attached' });
    expect(await page.locator('[data-widget="idempotent-consumer"]').count()).toBe(1);
    expect(await page.locator('[data-widget="celery-retries"]').count()).toBe(1);
  });
});

describe('slide 41: `L` opens the lab of the widget the hall is looking at', () => {
  it('at step 0 idempotent-consumer (the first stage), in celery-retries’ steps celery-retries', async () => {
    const { page, errors } = deck;
    await page.setViewportSize({ width: 1280, height: 720 });
    await jumpToFragment(page, 41, -1);
    await waitForStep(page, IC, 0);
    await waitForStep(page, CR, 0);
    const faces = (): Promise<[string | null, string | null]> =>
      Promise.all([page.getAttribute(IC, 'data-face'), page.getAttribute(CR, 'data-face')]);
    // `L` from the page, never from a field the lab may have focused.
    const pressL = async (): Promise<void> => {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const before = await faces();
      await page.keyboard.press('l');
      // Whichever widget it opens or closes, then the faces are compared.
      await page.waitForFunction(
        ([ic, cr, was]) =>
          [ic, cr].some(
            (sel, i) =>
              document.querySelector<HTMLElement>(sel as string)?.dataset['face'] !==
              (was as (string | null)[])[i],
          ),
        [IC, CR, before] as const,
      );
    };
    // Step 0: the slide's code is on screen; → shows idempotent-consumer next, so `L` opens its lab.
    await pressL();
    expect(await faces()).toEqual(['lab', 'stage']);
    expect(await page.getAttribute(IC, 'data-step')).toBe('0');
    await pressL();
    expect(await faces()).toEqual(['stage', 'stage']);
    // Past the code and idempotent-consumer's steps, into celery-retries' first one.
    await right(page);
    await right(page);
    for (let n = 1; n <= IDEMPOTENT_STEPS; n++) await right(page);
    await right(page);
    const shown = await read(page);
    expect([shown.ic, shown.cr, shown.icVisible, shown.crVisible]).toEqual([
      IDEMPOTENT_STEPS,
      1,
      false,
      true,
    ]);
    await pressL();
    expect(await faces()).toEqual(['stage', 'lab']);
    expect(await page.getAttribute(CR, 'data-step')).toBe('1');
    await pressL();
    expect(await faces()).toEqual(['stage', 'stage']);
    expect(errors).toEqual([]);
  });
});
