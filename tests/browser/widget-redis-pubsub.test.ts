/**
 * The redis-pubsub widget in the built deck (slide 12): a lecturer walks the code steps and then
 * every widget step with →, goes back with ← and jumps, and what is shown matches the core's
 * model; a student subscribes with a channel and a glob, publishes, leaves, with invalid and
 * hostile input; reduced motion runs no animation; axe finds nothing serious; no console errors.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PUBSUB_STEPS } from '../../src/widgets/redis-pubsub/story.ts';
import { pubsubView } from '../../src/widgets/redis-pubsub/logic.ts';
import { axeFindings } from './axe.ts';
import { repoRoot } from './deck-page.ts';
import { heapAcrossWalks } from './slide-walk.ts';
import { jumpToFragment, openLab, useWidgetSlide, settled, waitForStep } from './widget-page.ts';

const sel = '#s-12 [data-widget="redis-pubsub"]';
const shots = join(repoRoot, 'test-results', 'screenshots');

const deck = useWidgetSlide(12, sel);

/** What the widget shows. */
function read(page: Page) {
  return page.evaluate((s) => {
    const el = document.querySelector<HTMLElement>(s);
    if (!el) throw new Error('no widget');
    return {
      step: Number(el.dataset['step']),
      receivers: el.dataset['receivers'],
      subscribers: [...el.querySelectorAll<HTMLElement>('[data-subscriber]')].map((x) => ({
        client: x.dataset['subscriber'],
        active: x.dataset['active'] === 'true',
        fate: x.dataset['fate'],
        received: Number(x.dataset['received']),
      })),
      caption: el.querySelector('[role="status"]')?.textContent ?? '',
    };
  }, sel);
}

/** The same frame from the core's model, in Node. */
function expected(step: number) {
  const view = pubsubView(step, []);
  return {
    receivers: view.publish ? String(view.publish.receivers) : undefined,
    subscribers: view.subscribers.map((s) => ({
      client: s.client,
      active: s.active,
      fate: s.fate,
      received: s.received,
    })),
  };
}

async function waitStep(page: Page, step: number): Promise<void> {
  await waitForStep(page, sel, step);
}

async function jump(page: Page, fragment: number): Promise<void> {
  await jumpToFragment(page, 12, fragment);
}

describe('redis-pubsub as a lecturer drives it', () => {
  it('→ through the code, then every widget step as the core computes it; ← back', async () => {
    const { page } = deck;
    // The slide first walks through its code (three highlight steps); the stage stays closed.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect((await read(page)).step).toBe(0);
    expect(await page.isVisible(sel)).toBe(false);
    for (let n = 1; n <= PUBSUB_STEPS; n++) {
      await page.keyboard.press('ArrowRight');
      await waitStep(page, n);
      const shown = await read(page);
      expect({ receivers: shown.receivers, subscribers: shown.subscribers }).toEqual(expected(n));
      if (n === 1) {
        expect(shown.caption).toMatch(/→ 0: .*пропало навсегда/);
        await settled(page);
        await page.screenshot({ path: join(shots, 'redis-pubsub-12-lost-1280.png') });
      }
    }
    expect((await read(page)).caption).toContain('пропало навсегда');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await waitStep(page, 5);
    const back = await read(page);
    expect({ receivers: back.receivers, subscribers: back.subscribers }).toEqual(expected(5));
  });

  it('a jump lands on the step with both kinds of subscriber receiving', async () => {
    const { page } = deck;
    await jump(page, 3 + 5 - 1);
    await waitStep(page, 5);
    const shown = await read(page);
    expect(shown.receivers).toBe('2');
    expect(shown.caption).toContain('Подписчик B (шаблон notif*)');
    const fit = await page.evaluate((s) => {
      const el = document.querySelector(s) as HTMLElement;
      const slide = el.closest('section') as HTMLElement;
      return [el.getBoundingClientRect().bottom, slide.getBoundingClientRect().bottom];
    }, sel);
    expect(fit[0]).toBeLessThanOrEqual((fit[1] ?? 0) + 1);
    await settled(page);
    await page.screenshot({ path: join(shots, 'redis-pubsub-12-1280.png') });
  });
});

describe('redis-pubsub as a student plays with it', () => {
  const field = (name: string) => `${sel} input[name="${name}"]`;

  it('subscribes by channel and by glob, publishes, and the count is the core’s', async () => {
    const { page } = deck;
    await openLab(page, sel);
    await page.fill(field('pattern'), 'orders.[ab]*');
    await page.click(`${sel} button[name="add-subscriber"]`);
    await page.fill(field('pattern'), 'orders.a1');
    await page.press(field('pattern'), 'Enter');
    await page.fill(field('channel'), 'orders.a1');
    await page.fill(field('message'), 'новый заказ');
    await page.click(`${sel} button[name="publish"]`);
    let shown = await read(page);
    expect(shown.receivers).toBe('2');
    expect(shown.subscribers.filter((s) => s.fate === 'got').map((s) => s.client)).toEqual([
      'S1',
      'S2',
    ]);
    await page.fill(field('channel'), 'orders.c1');
    await page.press(field('message'), 'Enter');
    expect((await read(page)).receivers).toBe('0');
    await page.click(`${sel} [data-subscriber="S1"] button[name="leave"]`);
    await page.fill(field('channel'), 'orders.a1');
    await page.click(`${sel} button[name="publish"]`);
    shown = await read(page);
    expect(shown.receivers).toBe('1');
    expect(shown.subscribers.find((s) => s.client === 'S1')?.active).toBe(false);
  });

  it('refuses invalid input next to the field; hostile text stays text', async () => {
    const { page } = deck;
    const before = await read(page);
    for (const [name, bad, button] of [
      ['channel', '   ', 'publish'],
      ['message', 'я'.repeat(500), 'publish'],
      ['pattern', '*'.repeat(10_000), 'add-subscriber'],
    ] as const) {
      const keep = await page.inputValue(field(name));
      await page.fill(field(name), bad);
      await page.click(`${sel} button[name="${button}"]`);
      expect(await page.getAttribute(field(name), 'aria-invalid')).toBe('true');
      const id = await page.getAttribute(field(name), 'aria-describedby');
      expect(await page.locator(`[id="${id}"]`).textContent()).toMatch(/байт|пуст/);
      expect(await read(page)).toEqual(before);
      await page.fill(field(name), keep);
    }
    const evil = '<img src=x onerror=alert(1)>';
    await page.fill(field('pattern'), evil);
    await page.click(`${sel} button[name="add-subscriber"]`);
    await page.fill(field('channel'), evil);
    await page.fill(field('message'), evil);
    await page.click(`${sel} button[name="publish"]`);
    expect(await page.locator(`${sel} img`).count()).toBe(0);
    const shown = await read(page);
    expect(shown.receivers).toBe('1');
    expect(shown.caption).toContain(evil);
    await settled(page);
    await page.screenshot({ path: join(shots, 'redis-pubsub-12-student-1280.png') });
  });

  it('looks right at 1920×1080 too', async () => {
    const { page } = deck;
    await page.setViewportSize({ width: 1920, height: 1080 });
    // reveal.js re-scales the slide on resize, one frame later.
    await page.waitForFunction(() => (window.Reveal?.getScale() ?? 0) > 1.2);
    await page.waitForTimeout(100);
    const fit = await page.evaluate((s) => {
      const el = document.querySelector(s) as HTMLElement;
      const slide = el.closest('section') as HTMLElement;
      return [el.getBoundingClientRect().bottom, slide.getBoundingClientRect().bottom];
    }, sel);
    await settled(page);
    await page.screenshot({ path: join(shots, 'redis-pubsub-12-1920.png') });
    expect(fit[0]).toBeLessThanOrEqual((fit[1] ?? 0) + 1);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('reset clears the student’s work and the story is back', async () => {
    const { page } = deck;
    await page.click(`${sel} button[name="reset"]`);
    await waitStep(page, 0);
    await jump(page, 3 + PUBSUB_STEPS - 1);
    await waitStep(page, PUBSUB_STEPS);
    const shown = await read(page);
    expect({ receivers: shown.receivers, subscribers: shown.subscribers }).toEqual(
      expected(PUBSUB_STEPS),
    );
  });

  it('with reduced motion, a step runs no animation', async () => {
    const { page } = deck;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // The preference is read at mount: leave the slide and come back.
    await page.keyboard.press('End');
    await page.evaluate(() => window.Reveal?.slide(0));
    await jump(page, 3 + 3);
    await waitStep(page, 4);
    await page.keyboard.press('ArrowRight');
    await waitStep(page, 5);
    const running = await page.evaluate(
      () => document.getAnimations().filter((a) => a.playState === 'running').length,
    );
    expect(running).toBe(0);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('walking its steps there and back three times leaves the heap within 10 %', async () => {
    const { page } = deck;
    const { before, after } = await heapAcrossWalks(page, 12, 1);
    console.log(
      `[bench] redis-pubsub heap ${(before / 1e6).toFixed(2)} → ${(after / 1e6).toFixed(2)} MB`,
    );
    expect(after).toBeLessThanOrEqual(before * 1.1);
    expect(await page.locator('[data-widget="redis-pubsub"]').count()).toBe(1);
  });

  it('passes axe (no serious or critical findings) and logs no errors', async () => {
    const { page, errors } = deck;
    const violations = await axeFindings(page, sel);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('is destroyed when the slide is left', async () => {
    const { page } = deck;
    await page.evaluate(() => window.Reveal?.next());
    await page.evaluate(() => {
      const d = window.Reveal;
      const s = document.getElementById('s-13');
      if (d && s) d.slide(d.getIndices(s).h, 0, 0);
    });
    expect(await page.locator('[data-widget="redis-pubsub"]').count()).toBe(0);
  });
});
