/**
 * The broker-chooser widget in the built deck (slide 36): a lecturer walks the cards and every
 * widget step (→, ←, a jump), each recommendation equal to the pure rules; a student answers,
 * types a rate and a name, including invalid and hostile input; it fits at 1280×800 and
 * 1920×1080; axe finds nothing serious.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { recommend } from '../../src/widgets/broker-chooser/rules.ts';
import { CHOOSER_STEPS, workloadAt } from '../../src/widgets/broker-chooser/story.ts';
import { axeFindings } from './axe.ts';
import { repoRoot } from './deck-page.ts';
import {
  jumpToFragment,
  openLab,
  pressToStep,
  useWidgetSlide,
  waitForStep,
} from './widget-page.ts';

const ROOT = '#s-36 [data-widget="broker-chooser"]';

const deck = useWidgetSlide(36, ROOT);

function read(page: Page) {
  return page.evaluate((sel) => {
    const root = document.querySelector<HTMLElement>(sel);
    if (!root) throw new Error('no widget');
    const slot = root.parentElement as HTMLElement;
    return {
      step: Number(root.dataset['step']),
      recommend: root.querySelector('[data-recommend]')?.getAttribute('data-recommend') ?? '',
      checked: [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked')].map(
        (r) => `${r.name.replace('q-', '')}=${r.value}`,
      ),
      reasons: root.querySelectorAll('.w-bc-reasons li').length,
      caption: root.querySelector('[role="status"]')?.textContent ?? '',
      fits:
        root.getBoundingClientRect().bottom <=
        Math.min(slot.getBoundingClientRect().bottom, window.innerHeight) + 1,
    };
  }, ROOT);
}

async function stepTo(page: Page, key: string, step: number): Promise<void> {
  await pressToStep(page, ROOT, key, step);
}

describe('broker-chooser as a lecturer drives it (slide 36)', () => {
  it('shows the cards first, then every step → and ← with the rules’ recommendation', async () => {
    const { page } = deck;
    await page.setViewportSize({ width: 1280, height: 800 });
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect((await read(page)).step).toBe(0);
    for (let n = 1; n <= CHOOSER_STEPS; n++) {
      await stepTo(page, 'ArrowRight', n);
      const shown = await read(page);
      const w = workloadAt(n);
      expect(shown.recommend).toBe(recommend(w.answers).broker);
      expect(shown.checked.sort()).toEqual(
        Object.entries(w.answers)
          .map(([q, a]) => `${q}=${a}`)
          .sort(),
      );
      expect(shown.reasons).toBeGreaterThan(0);
      expect(shown.fits).toBe(true);
    }
    expect((await read(page)).caption).toMatch(/несколько брокеров/);
    await page.screenshot({
      path: join(repoRoot, 'test-results', 'screenshots', 'broker-chooser-system-1280.png'),
    });
    await stepTo(page, 'ArrowLeft', CHOOSER_STEPS - 1);
    expect((await read(page)).recommend).toBe('kafka');
  });

  it('snaps to a step on a jump and fits at 1920×1080', async () => {
    const { page } = deck;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await jumpToFragment(page, 36, 4);
    await waitForStep(page, ROOT, 2);
    const shown = await read(page);
    expect(shown.recommend).toBe('rabbitmq');
    expect(shown.fits).toBe(true);
    await page.screenshot({
      path: join(repoRoot, 'test-results', 'screenshots', 'broker-chooser-orders-1920.png'),
    });
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('broker-chooser as a student plays with it', () => {
  it('changes the answer with the keyboard and a typed rate, and the recommendation follows', async () => {
    const { page } = deck;
    await openLab(page, ROOT);
    await page.check(`${ROOT} input[name="q-replay"][value="yes"]`);
    await page.fill(`${ROOT} input[name="rate"]`, '2 000 000');
    await page.press(`${ROOT} input[name="rate"]`, 'Enter');
    let shown = await read(page);
    expect(shown.checked).toContain('throughput=huge');
    expect(shown.step).toBe(2);
    // Arrow keys move between radios of one question without leaving the slide.
    await page.focus(`${ROOT} input[name="q-operations"][value="amqp"]`);
    await page.keyboard.press('ArrowRight');
    shown = await read(page);
    expect(shown.step).toBe(2);
    expect(shown.checked).toContain('operations=cluster');
    expect(shown.recommend).toBe('kafka');
  });

  it('every answer of every question gives a recommendation with reasons', async () => {
    const { page } = deck;
    const radios = await page.$$eval(`${ROOT} input[type="radio"]`, (all) =>
      all.map(
        (r) =>
          `input[name="${(r as HTMLInputElement).name}"][value="${(r as HTMLInputElement).value}"]`,
      ),
    );
    for (const selector of radios) {
      await page.check(`${ROOT} ${selector}`);
      const shown = await read(page);
      expect(['redis', 'rabbitmq', 'kafka']).toContain(shown.recommend);
      expect(shown.reasons).toBeGreaterThan(0);
    }
  });

  it('shows a hostile name as text and rejects invalid input without changing anything', async () => {
    const { page } = deck;
    await page.fill(`${ROOT} input[name="workload"]`, '<img src=x onerror=alert(1)>');
    await page.press(`${ROOT} input[name="workload"]`, 'Enter');
    expect(await page.locator(`${ROOT} img`).count()).toBe(0);
    expect((await read(page)).caption).toContain('<img src=x onerror=alert(1)>');
    const before = await read(page);
    for (const [name, value, message] of [
      ['rate', '0', /от 1 до 100000000/],
      ['rate', 'много', /целое число/],
      ['rate', '9'.repeat(10_000), /целое число/],
      ['workload', ' ', /не может быть пустым/],
      ['workload', 'x'.repeat(61), /не длиннее 60/],
    ] as const) {
      await page.fill(`${ROOT} input[name="${name}"]`, value);
      await page.press(`${ROOT} input[name="${name}"]`, 'Enter');
      const input = page.locator(`${ROOT} input[name="${name}"]`);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      const describedBy = await input.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(message);
      expect(await read(page)).toEqual(before);
    }
    // A 60-letter word in the name wraps: the panel stays as wide as its column.
    await page.fill(`${ROOT} input[name="workload"]`, 'Ы'.repeat(60));
    await page.press(`${ROOT} input[name="workload"]`, 'Enter');
    const widths = await page.evaluate((sel) => {
      const panel = document.querySelector<HTMLElement>(`${sel} [data-recommend]`);
      const root = document.querySelector<HTMLElement>(sel);
      return [
        panel?.scrollWidth ?? 0,
        panel?.clientWidth ?? 0,
        root?.scrollWidth ?? 0,
        root?.clientWidth ?? 0,
      ];
    }, ROOT);
    expect(widths[0]).toBeLessThanOrEqual((widths[1] ?? 0) + 1);
    expect(widths[2]).toBeLessThanOrEqual((widths[3] ?? 0) + 1);
  });

  it('passes axe (no serious or critical findings) and logs no errors', async () => {
    const { page, errors } = deck;
    const violations = await axeFindings(page, ROOT);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});
