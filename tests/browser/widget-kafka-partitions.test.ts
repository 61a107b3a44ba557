/**
 * The kafka-partitions widget in the built deck: a lecturer steps through slide 29 (→, ←, a jump)
 * and the shown logs and group match the core; a student produces, changes partitions and the
 * group, including invalid and hostile input; 64 partitions scroll inside the widget; axe finds
 * nothing serious; no console errors.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { kafkaPartitionForKey, logEndOffset } from '../../src/broker/kafka/index.ts';
import { KP_CLASS } from '../../src/widgets/kafka-partitions/classes.ts';
import { NARROW_WIDTH, VIEW_WIDTH } from '../../src/widgets/kafka-partitions/layout.ts';
import { kafkaView } from '../../src/widgets/kafka-partitions/logic.ts';
import {
  KAFKA_STEPS,
  KAFKA_STORIES,
  type KafkaStoryName,
} from '../../src/widgets/kafka-partitions/story.ts';
import { axeFindings } from './axe.ts';
import { repoRoot } from './deck-page.ts';
import {
  jumpToFragment,
  openLab,
  pressToStep,
  useWidgetSlide,
  waitForStep,
} from './widget-page.ts';

const ROOT = '#s-29 [data-widget="kafka-partitions"]';

const deck = useWidgetSlide(29, ROOT);

/** What the widget shows: step, end offsets, last partition, consumers. */
function read(page: Page) {
  return page.evaluate((sel) => {
    const root = document.querySelector<HTMLElement>(sel);
    if (!root) throw new Error('no widget');
    return {
      step: Number(root.dataset['step']),
      ends: [...root.querySelectorAll<SVGElement>('[data-partition]')].map((p) =>
        Number(p.dataset['endOffset']),
      ),
      last: [...root.querySelectorAll<SVGElement>('[data-last="true"]')].map((p) =>
        Number(p.dataset['partition']),
      ),
      consumers: Object.fromEntries(
        [...root.querySelectorAll<SVGElement>('[data-consumer]')].map((c) => [
          c.dataset['consumer'],
          c.dataset['partitions'] ?? '',
        ]),
      ) as Record<string, string>,
      caption: root.querySelector('[role="status"]')?.textContent ?? '',
    };
  }, ROOT);
}

/** The same frame computed by the core in Node. */
function expected(step: number, partitions = 3) {
  const story = KAFKA_STORIES.architecture;
  const r = kafkaView('architecture', step, [], { partitions, assignor: 'range' });
  const consumers: Record<string, string> = {};
  for (const m of r.state.groups['billing']?.members ?? []) {
    if (m.alive)
      consumers[m.memberId] = m.assigned
        .map((tp) => tp.partition)
        .sort((a, b) => a - b)
        .join(',');
  }
  return { ends: (r.state.topics[story.topic]?.partitions ?? []).map(logEndOffset), consumers };
}

async function press(page: Page, key: string, step: number): Promise<void> {
  await pressToStep(page, ROOT, key, step);
}

describe('kafka-partitions as a lecturer drives it (slide 29)', () => {
  it('steps → through every step and ← back, each matching the core', async () => {
    const { page } = deck;
    expect((await read(page)).step).toBe(0);
    for (let n = 1; n <= KAFKA_STEPS; n++) {
      await press(page, 'ArrowRight', n);
      const shown = await read(page);
      const want = expected(n);
      expect(shown.ends).toEqual(want.ends);
      expect(shown.consumers).toEqual(want.consumers);
      expect(shown.caption.length).toBeGreaterThan(10);
    }
    await press(page, 'ArrowLeft', KAFKA_STEPS - 1);
    expect((await read(page)).consumers).toEqual(expected(KAFKA_STEPS - 1).consumers);
  });

  it('snaps to a step on a jump (Reveal.slide)', async () => {
    const { page } = deck;
    await jumpToFragment(page, 29, 1);
    await waitForStep(page, ROOT, 2);
    expect((await read(page)).consumers).toEqual(expected(2).consumers);
  });
});

describe('kafka-partitions as a student plays with it', () => {
  it('produces a keyed record into murmur2(key) mod N, also with Enter', async () => {
    const { page } = deck;
    await openLab(page, ROOT);
    const before = await read(page);
    await page.fill(`${ROOT} input[name="key"]`, 'user-42');
    await page.click(`${ROOT} button[name="produce"]`);
    const p = kafkaPartitionForKey('user-42', 3);
    let shown = await read(page);
    expect(shown.last).toEqual([p]);
    expect(shown.ends[p]).toBe((before.ends[p] ?? 0) + 1);
    expect(shown.caption).toContain(`user-42 → партиция ${p}`);
    await page.fill(`${ROOT} input[name="key"]`, 'user-7');
    await page.press(`${ROOT} input[name="key"]`, 'Enter');
    shown = await read(page);
    expect(shown.last).toEqual([kafkaPartitionForKey('user-7', 3)]);
    expect(shown.step).toBe(2);
  });

  it('shows a hostile key as text and rejects invalid partition counts without changing anything', async () => {
    const { page } = deck;
    await page.fill(`${ROOT} input[name="key"]`, '<img src=x onerror=alert(1)>');
    await page.click(`${ROOT} button[name="produce"]`);
    expect(await page.locator(`${ROOT} img`).count()).toBe(0);
    expect((await read(page)).caption).toContain('<img src=x onerror=alert(1)>');
    const before = await read(page);
    for (const bad of ['0', '65', '-3']) {
      await page.fill(`${ROOT} input[name="partitions"]`, bad);
      await page.press(`${ROOT} input[name="partitions"]`, 'Enter');
      const input = page.locator(`${ROOT} input[name="partitions"]`);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      const describedBy = await input.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/от 1 до 64/);
      expect(await read(page)).toEqual(before);
    }
    await page.fill(`${ROOT} input[name="key"]`, 'я'.repeat(200));
    await page.click(`${ROOT} button[name="produce"]`);
    expect(await page.locator(`${ROOT} input[name="key"]`).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await read(page)).toEqual(before);
  });

  it('adds, removes and crashes consumers with the chosen assignor', async () => {
    const { page } = deck;
    await page.selectOption(`${ROOT} select[name="assignor"]`, 'roundrobin');
    await page.click(`${ROOT} button[name="add-consumer"]`);
    let shown = await read(page);
    expect(Object.keys(shown.consumers)).toEqual(['consumer-1', 'consumer-2', 'consumer-3']);
    const owned = Object.values(shown.consumers).flatMap((v) => (v ? v.split(',') : []));
    expect(owned.sort()).toEqual(['0', '1', '2']);
    await page.click(`${ROOT} button[name="crash-consumer"]`);
    shown = await read(page);
    expect(Object.keys(shown.consumers)).toEqual(['consumer-1', 'consumer-2']);
    expect(shown.caption).toMatch(/consumer-3 упал/);
    await page.click(`${ROOT} button[name="remove-consumer"]`);
    await page.click(`${ROOT} button[name="remove-consumer"]`);
    await page.click(`${ROOT} button[name="remove-consumer"]`);
    expect(await page.locator(`${ROOT} [data-error="consumers"]`).textContent()).toMatch(
      /нет consumer'ов/,
    );
    await page.fill(`${ROOT} input[name="seek-offset"]`, '0');
    await page.click(`${ROOT} button[name="seek"]`);
    expect(
      await page.locator(`${ROOT} input[name="seek-offset"]`).getAttribute('aria-invalid'),
    ).toBe('true');
  });

  it('lays out 64 partitions legibly: rows keep their size and scroll inside the widget', async () => {
    const { page } = deck;
    await page.fill(`${ROOT} input[name="partitions"]`, '64');
    await page.press(`${ROOT} input[name="partitions"]`, 'Enter');
    const shown = await read(page);
    expect(shown.ends).toHaveLength(64);
    const box = await page.evaluate((sel) => {
      const scroll = document.querySelector(`${sel} .w-kp-scroll`) as HTMLElement;
      const root = document.querySelector(sel) as HTMLElement;
      const slot = root.parentElement as HTMLElement;
      const label = scroll.querySelector('.w-kp-row-label') as SVGGraphicsElement;
      return {
        scrolls: scroll.scrollHeight > scroll.clientHeight,
        labelPx: label.getBoundingClientRect().height,
        rootBottom: root.getBoundingClientRect().bottom,
        slotBottom: slot.getBoundingClientRect().bottom,
      };
    }, ROOT);
    expect(box.scrolls).toBe(true);
    expect(box.labelPx).toBeGreaterThanOrEqual(14);
    expect(box.rootBottom).toBeLessThanOrEqual(box.slotBottom + 1);
    await page.screenshot({
      path: join(repoRoot, 'test-results', 'screenshots', 'kafka-partitions-64.png'),
    });
  });

  it('passes axe (no serious or critical findings) and logs no errors', async () => {
    const { page, errors } = deck;
    const violations = await axeFindings(page, ROOT);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('kafka-partitions on every slide that tells a story with it', () => {
  it('shows all the story’s partitions without scrolling on the 1280×720 slide, to its last step', async () => {
    const { page } = deck;
    // The student's 64 partitions stay until «Сначала» (the kit's reset): start the story over.
    await openLab(page, ROOT);
    await page.click(`${ROOT} button[name="reset"]`);
    await page.click(`${ROOT} button[name="lab"]`);
    await page.waitForSelector(`${ROOT}[data-face="stage"]`);
    // The slides that show the widget, and the story each names (slide 28 may move to another).
    const slides = await page.$$eval('.widget-slot[data-widget-slot="kafka-partitions"]', (all) =>
      all.map((slot) => ({
        section: (slot.closest('section') as HTMLElement).dataset['section'] ?? '',
        story: (slot as HTMLElement).dataset['widgetStory'] ?? '',
      })),
    );
    expect(slides.map((s) => s.section)).toEqual(expect.arrayContaining(['29', '31', '32']));
    for (const { section, story: name } of slides) {
      const root = `#s-${section} [data-widget="kafka-partitions"]`;
      await page.evaluate((id) => {
        const d = window.Reveal;
        const s = document.getElementById(id);
        if (!d || !s) throw new Error('no deck');
        const { h, v } = d.getIndices(s);
        d.slide(h, v, s.querySelectorAll('.fragment').length - 1);
      }, `s-${section}`);
      await waitForStep(page, root, KAFKA_STEPS);
      const fit = await page.evaluate(
        ([sel, scrollClass]) => {
          const scroll = document.querySelector<HTMLElement>(`${sel} .${scrollClass}`);
          if (!scroll) throw new Error('no scroll region');
          const box = scroll.getBoundingClientRect();
          const rows = [...scroll.querySelectorAll<SVGGElement>('[data-partition]')];
          return {
            rows: rows.length,
            overflow: scroll.scrollHeight - scroll.clientHeight,
            outside: rows
              .filter((r) => r.getBoundingClientRect().bottom > box.bottom + 1)
              .map((r) => r.dataset['partition']),
          };
        },
        [root, KP_CLASS.scroll] as const,
      );
      const story = KAFKA_STORIES[name as KafkaStoryName];
      expect(fit.rows, `slide ${section}`).toBe(story.defaultPartitions);
      expect(fit.outside, `slide ${section}: rows below the fold`).toEqual([]);
      expect(fit.overflow, `slide ${section}: scrolls by`).toBeLessThanOrEqual(1);
    }
  });
});

describe('kafka-partitions on a phone (the reading view at 390×844)', () => {
  it('draws the narrow picture in its own box, above the legend, and the wide one on a laptop', async () => {
    const page = await deck.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(new URL('?view=read#s-31', inject('deckUrl')).href);
    const root = '#s-31 [data-widget="kafka-partitions"]';
    await page.waitForSelector(`${root} svg`, { state: 'attached' });
    const layout = () =>
      page.evaluate((sel) => {
        const el = document.querySelector<HTMLElement>(sel);
        const box = (s: string) => el?.querySelector(s)?.getBoundingClientRect();
        return {
          drawn: el?.querySelector('svg')?.getAttribute('width'),
          picture: Math.round(box('.w-picture')?.height ?? 0),
          pictureBottom: Math.round(box('.w-picture')?.bottom ?? 0),
          legendTop: Math.round(box('.w-legend')?.top ?? 0),
          sideways: document.documentElement.scrollWidth - window.innerWidth,
        };
      }, root);
    await expect.poll(async () => (await layout()).drawn).toBe(String(NARROW_WIDTH));
    const phone = await layout();
    // The box holds the drawing (it scrolls inside it when taller): nothing under the legend.
    expect(phone.picture).toBeGreaterThan(150);
    expect(phone.legendTop).toBeGreaterThanOrEqual(phone.pictureBottom);
    expect(phone.sideways).toBeLessThanOrEqual(1);
    await page.locator(root).scrollIntoViewIfNeeded();
    await page.screenshot({
      path: join(repoRoot, 'test-results', 'screenshots', 'kafka-partitions-31-390.png'),
    });
    // The kit redraws the picture when its box crosses 760 px, and back.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(async () => (await layout()).drawn).toBe(String(VIEW_WIDTH));
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(async () => (await layout()).drawn).toBe(String(NARROW_WIDTH));
    await page.close();
  });
});
