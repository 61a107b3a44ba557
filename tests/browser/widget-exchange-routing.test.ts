/**
 * The exchange-routing widget in the built deck: a lecturer steps through slide 17 (→, ←), jumps
 * into slides 18 and 26, and what is shown matches the core's model; a student publishes, edits
 * bindings, switches the exchange type, with invalid and hostile input; axe finds nothing serious;
 * the widget fits its stage; no console errors.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { routingView, type StudentAction } from '../../src/widgets/exchange-routing/logic.ts';
import {
  EXCHANGE_ROUTING_STEPS,
  ROUTING_STORIES,
} from '../../src/widgets/exchange-routing/story.ts';
import { axeFindings } from './axe.ts';
import { repoRoot } from './deck-page.ts';
import { jumpToFragment, openLab, useWidgetSlide, waitForStep } from './widget-page.ts';

const root = (section: string) => `#s-${section} [data-widget="exchange-routing"]`;

const deck = useWidgetSlide(17, root('17'));

/** The story each slide names on its marker. */
const STORY_OF: Record<string, keyof typeof ROUTING_STORIES> = {
  '17': 'architecture',
  '18': 'guided',
  '26': 'topic',
};

/** What the widget shows: step, type, per-queue depth/received/bindings, caption. */
function read(page: Page, section: string) {
  return page.evaluate((sel) => {
    const el = document.querySelector<HTMLElement>(sel);
    if (!el) throw new Error('no widget');
    return {
      step: Number(el.dataset['step']),
      kind: el.querySelector<HTMLSelectElement>('select[name="exchange-type"]')?.value,
      queues: [...el.querySelectorAll<HTMLElement>('[data-queue]')].map((q) => ({
        name: q.dataset['queue'],
        depth: Number(q.dataset['depth']),
        received: q.dataset['received'],
        bindings: [...q.querySelectorAll<HTMLInputElement>('input[name="binding-key"]')].map(
          (i) => i.value,
        ),
      })),
      hits: el.querySelectorAll('.w-er-figure .w-er-edge--hit:not(.w-er-legend *)').length,
      caption: el.querySelector('[role="status"]')?.textContent ?? '',
    };
  }, root(section));
}

/** The same frame from the core's model, in Node. */
function expected(section: string, step: number, actions: StudentAction[] = []) {
  const view = routingView(ROUTING_STORIES[STORY_OF[section] ?? 'architecture'], step, actions);
  return {
    kind: view.exchange.kind,
    queues: view.queues.map((q) => ({
      name: q.name,
      depth: q.depth,
      received: q.received === undefined ? undefined : String(q.received),
      bindings: q.bindings.map((b) =>
        view.exchange.kind === 'headers'
          ? Object.entries(b.arguments)
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')
          : b.routingKey,
      ),
    })),
    hits: view.queues.flatMap((q) => q.bindings.filter((b) => b.matched)).length,
  };
}

/** The part of a frame the model decides (binding fields may hold rejected text). */
function modelOf(shown: Awaited<ReturnType<typeof read>>) {
  return {
    ...shown,
    queues: shown.queues.map((q) => ({ name: q.name, depth: q.depth, received: q.received })),
  };
}

async function waitStep(page: Page, section: string, step: number): Promise<void> {
  await waitForStep(page, root(section), step);
}

async function jump(page: Page, section: string, fragment: number): Promise<void> {
  await jumpToFragment(page, section, fragment);
}

describe('exchange-routing as a lecturer drives it', () => {
  it('slide 17: → through the four exchange types and the returned message, ← back', async () => {
    const { page } = deck;
    expect((await read(page, '17')).step).toBe(0);
    for (let n = 1; n <= EXCHANGE_ROUTING_STEPS; n++) {
      await page.keyboard.press('ArrowRight');
      await waitStep(page, '17', n);
      const shown = await read(page, '17');
      const { kind, queues, hits } = expected('17', n);
      expect({ kind: shown.kind, queues: shown.queues, hits: shown.hits }).toEqual({
        kind,
        queues,
        hits,
      });
    }
    expect((await read(page, '17')).caption).toContain('basic.return 312 NO_ROUTE');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await waitStep(page, '17', 3);
    const topic = await read(page, '17');
    expect(topic.caption).toMatch(/^Сообщение order\.eu\.paid попало в 2 очереди из 3/);
    expect(topic.hits).toBe(3);
  });

  it('slide 18: a jump lands on the guided step with the consumer holding the message', async () => {
    const { page } = deck;
    await jump(page, '18', 4);
    await waitStep(page, '18', 4);
    const shown = await read(page, '18');
    expect(shown.queues).toEqual(expected('18', 4).queues);
    expect(shown.caption).toContain('basic.deliver');
  });

  it('slide 26: the lecture’s topic example, then # and the unroutable key', async () => {
    const { page } = deck;
    await jump(page, '26', Number.MAX_SAFE_INTEGER);
    await waitStep(page, '26', EXCHANGE_ROUTING_STEPS);
    const shown = await read(page, '26');
    expect(shown.queues).toEqual(expected('26', EXCHANGE_ROUTING_STEPS).queues);
    const fit = await page.evaluate((sel) => {
      const el = document.querySelector(sel) as HTMLElement;
      const slide = el.closest('section') as HTMLElement;
      return {
        bottom: el.getBoundingClientRect().bottom,
        slideBottom: slide.getBoundingClientRect().bottom,
      };
    }, root('26'));
    expect(fit.bottom).toBeLessThanOrEqual(fit.slideBottom + 1);
    await page.screenshot({
      path: join(repoRoot, 'test-results', 'screenshots', 'exchange-routing-26.png'),
    });
  });
});

describe('exchange-routing as a student plays with it (slide 26)', () => {
  const sel = root('26');
  const actions: StudentAction[] = [];

  it('publishes with the button and with Enter; matching queues get a copy', async () => {
    const { page } = deck;
    await openLab(page, sel);
    await page.fill(`${sel} input[name="routing-key"]`, 'info.payment');
    await page.click(`${sel} button[name="publish"]`);
    actions.push({ type: 'publish', routingKey: 'info.payment', mandatory: false });
    expect((await read(page, '26')).queues).toEqual(expected('26', 5, actions).queues);
    await page.fill(`${sel} input[name="routing-key"]`, 'error.db');
    await page.press(`${sel} input[name="routing-key"]`, 'Enter');
    actions.push({ type: 'publish', routingKey: 'error.db', mandatory: false });
    const shown = await read(page, '26');
    expect(shown.queues).toEqual(expected('26', 5, actions).queues);
    expect(shown.caption).toContain('попало в 2 очереди из 3');
  });

  it('edits a binding on change and rejects invalid patterns without changing anything', async () => {
    const { page } = deck;
    const binding = page.locator(`${sel} [data-queue="errors"] input[name="binding-key"]`);
    await binding.fill('error.#');
    await binding.dispatchEvent('change');
    actions.push({
      type: 'rebind',
      queue: 'errors',
      from: { routingKey: 'error.*', arguments: {} },
      to: { routingKey: 'error.#', arguments: {} },
    });
    expect((await read(page, '26')).queues).toEqual(expected('26', 5, actions).queues);
    const before = modelOf(await read(page, '26'));
    const field = page.locator(`${sel} [data-queue="payments"] input[name="binding-key"]`);
    for (const bad of ['x'.repeat(256), Array.from({ length: 10_000 }, () => 'w').join('.')]) {
      await field.fill(bad);
      await field.dispatchEvent('change');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      const describedBy = await field.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/255 байт/);
      expect(modelOf(await read(page, '26'))).toEqual(before);
    }
  });

  it('shows hostile keys as text and refuses a 256-byte routing key', async () => {
    const { page } = deck;
    const key = page.locator(`${sel} input[name="routing-key"]`);
    await key.fill('<img src=x onerror=alert(1)>');
    await page.click(`${sel} button[name="publish"]`);
    expect(await page.locator(`${sel} img`).count()).toBe(0);
    let shown = await read(page, '26');
    expect(shown.caption).toContain('Сообщение <img src=x onerror=alert(1)> попало в 1 очередь');
    expect(shown.queues.find((q) => q.name === 'all-logs')?.received).toBe('true');
    // Without the '#' binding nothing matches: with mandatory the message comes back.
    await page.click(`${sel} [data-queue="all-logs"] button[name="remove-binding"]`);
    await page.check(`${sel} input[name="mandatory"]`);
    await page.click(`${sel} button[name="publish"]`);
    shown = await read(page, '26');
    expect(shown.caption).toContain('basic.return 312 NO_ROUTE');
    expect(shown.queues.every((q) => q.received === 'false')).toBe(true);
    await key.fill('k'.repeat(256));
    await key.press('Enter');
    expect(await key.getAttribute('aria-invalid')).toBe('true');
    expect(await read(page, '26')).toEqual(shown);
  });

  it('switches to headers, adds a queue and a binding, and reset clears it all', async () => {
    const { page } = deck;
    await page.selectOption(`${sel} select[name="exchange-type"]`, 'headers');
    await page.fill(`${sel} input[name="routing-key"]`, 'ignored.by.headers');
    await page.fill(`${sel} input[name="headers"]`, 'level=error');
    await page.click(`${sel} button[name="publish"]`);
    let shown = await read(page, '26');
    expect(shown.kind).toBe('headers');
    expect(shown.queues.find((q) => q.name === 'errors')?.received).toBe('true');
    await page.click(`${sel} button[name="add-queue"]`);
    shown = await read(page, '26');
    expect(shown.queues.map((q) => q.name)).toContain('queue-4');
    await page.click(`${sel} button[name="reset"]`);
    await waitStep(page, '26', 0);
    await jump(page, '26', Number.MAX_SAFE_INTEGER);
    await waitStep(page, '26', EXCHANGE_ROUTING_STEPS);
    expect((await read(page, '26')).queues).toEqual(expected('26', EXCHANGE_ROUTING_STEPS).queues);
  });

  it('passes axe (no serious or critical findings) and logs no errors', async () => {
    const { page, errors } = deck;
    const violations = await axeFindings(page, sel);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});
