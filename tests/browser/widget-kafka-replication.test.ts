/**
 * The kafka-replication widget in the built deck (slide 27): the lecturer walks the story with →
 * and every frame matches the core's model (ISR, high watermark, leader, lost records); a student
 * opens the lab, stops the leader after an acks=1 write and sees the record lost; refusals show
 * their reason; hostile text stays text; axe finds nothing serious; no console errors.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WIDGETS } from '../../src/lecture/names.ts';
import { replicationView } from '../../src/widgets/kafka-replication/logic.ts';
import { axeFindings } from './axe.ts';
import { jumpToFragment, openLab, useWidgetSlide, waitForStep } from './widget-page.ts';

const sel = '#s-27 [data-widget="kafka-replication"]';
const STEPS = WIDGETS['kafka-replication'].steps;
/** The slide's own fragments (four cards and the «Когда» line) before the widget's first step. */
const OWN_FRAGMENTS = 5;

const deck = useWidgetSlide(27, sel);

function read(page: Page) {
  return page.evaluate((s) => {
    const el = document.querySelector<HTMLElement>(s);
    if (!el) throw new Error('no widget');
    return {
      step: Number(el.dataset['step']),
      isr: el.dataset['isr'],
      hw: el.dataset['hw'],
      leader: el.dataset['leader'],
      lost: el.dataset['lost'],
      face: el.dataset['face'],
      caption: el.querySelector('[role="status"]')?.textContent ?? '',
    };
  }, sel);
}

function expected(step: number) {
  const v = replicationView(step);
  return {
    isr: v.isr.join(','),
    hw: String(v.highWatermark),
    leader: String(v.leader),
    lost: String(v.sent.filter((s) => s.lost).length),
  };
}

describe('kafka-replication as a lecturer drives it', () => {
  it('→ through the slide, then every step as the core computes it, on the stage', async () => {
    const { page } = deck;
    for (let i = 0; i < OWN_FRAGMENTS; i++) await page.keyboard.press('ArrowRight');
    expect((await read(page)).step).toBe(0);
    for (let n = 1; n <= STEPS; n++) {
      await page.keyboard.press('ArrowRight');
      await waitForStep(page, sel, n);
      const shown = await read(page);
      expect(shown.face).toBe('stage');
      expect({ isr: shown.isr, hw: shown.hw, leader: shown.leader, lost: shown.lost }).toEqual(
        expected(n),
      );
      // A replica without every record below the HW says so under its log (broker 3, stopped
      // before «заказ 2», from step 2 until it catches up): the HW line is not its own.
      const v = replicationView(n);
      const missing = await page.$$eval(`${sel} li[data-broker]`, (cards) =>
        cards.map((c) => c.querySelector('.w-kr-cell--missing')?.textContent ?? ''),
      );
      expect(missing, `step ${n}`).toEqual(
        v.replicas.map((r) => (r.leo < v.highWatermark ? `${r.leo}: нет копии` : '')),
      );
      // Each card's log as the core keeps it: a stopped former leader still shows the records
      // its followers never copied (KIP-101), greyed and marked ⊘, until it rejoins.
      const logs = await page.$$eval(`${sel} li[data-broker]`, (cards) =>
        cards.map((c) => ({
          kept: [...c.querySelectorAll('.w-kr-cell[data-offset]:not([data-stranded])')].map(
            (x) => x.textContent ?? '',
          ),
          stranded: [...c.querySelectorAll('.w-kr-cell--stranded[data-stranded]')].map(
            (x) => x.textContent ?? '',
          ),
        })),
      );
      expect(logs, `step ${n}`).toEqual(
        v.replicas.map((r) => ({
          kept: r.records.slice(-5).map((x) => `${x.offset}: ${x.value}`),
          stranded: r.stranded.map((x) => `${x.offset}: ${x.value} ⊘`),
        })),
      );
    }
    // The last step: the stopped leader (broker 1) still holds «заказ 4»; the new leader does not.
    const last = await page.$$eval(`${sel} li[data-broker]`, (cards) =>
      cards.map((c) => c.querySelector('.w-kr-log')?.textContent?.includes('заказ 4') ?? false),
    );
    expect(last).toEqual([true, false, false]);
    expect(
      replicationView(3).replicas.some((r) => r.leo < replicationView(3).highWatermark),
      'the story has a lagging replica to show',
    ).toBe(true);
    expect((await read(page)).caption).toContain('потерян, хотя ack был');
  });
});

describe('kafka-replication as a student plays with it', () => {
  const broker = (n: number, name: string) =>
    `${sel} li[data-broker="${n}"] button[name="${name}"]`;

  it('acks=1, then the leader stops before its followers copy: the record is lost', async () => {
    const { page } = deck;
    await jumpToFragment(page, 27, OWN_FRAGMENTS + 1 - 1);
    await waitForStep(page, sel, 1);
    await openLab(page, sel);
    expect((await read(page)).step).toBe(1);
    await page.fill(`${sel} input[name="value"]`, 'заказ Ани');
    await page.selectOption(`${sel} select[name="acks"]`, '1');
    await page.click(`${sel} button[name="send"]`);
    expect((await read(page)).caption).toContain('лидер ответил ack сразу');
    await page.click(broker(1, 'stop-broker'));
    const shown = await read(page);
    expect(shown.leader).not.toBe('1');
    expect(shown.lost).toBe('1');
    expect(shown.caption).toContain('потерян, хотя ack был');
    // Lost to the partition, still on the stopped broker's disk until it rejoins.
    expect(await page.textContent(`${sel} li[data-broker="1"] .w-kr-cell--stranded`)).toContain(
      'заказ Ани',
    );
  });

  it('with no leader a write waits; bad text is refused at the field; hostile text stays text', async () => {
    const { page } = deck;
    await page.click(broker(2, 'stop-broker'));
    await page.click(broker(3, 'stop-broker'));
    await page.fill(`${sel} input[name="value"]`, '<img src=x onerror=alert(1)>');
    await page.selectOption(`${sel} select[name="acks"]`, 'all');
    await page.click(`${sel} button[name="send"]`);
    expect(await page.locator(`${sel} img`).count()).toBe(0);
    const shown = await read(page);
    expect(shown.leader).toBe('-1');
    expect(shown.caption).toContain('<img src=x onerror=aler');
    expect(shown.caption).toContain('нет лидера');
    await page.fill(`${sel} input[name="value"]`, '   ');
    await page.click(`${sel} button[name="send"]`);
    expect(await page.getAttribute(`${sel} input[name="value"]`, 'aria-invalid')).toBe('true');
  });

  it('passes axe in the lab and logs no errors; the lab closes back to the stage', async () => {
    const { page, errors } = deck;
    expect(await axeFindings(page, sel)).toEqual([]);
    await page.click(`${sel} button[name="lab"]`);
    await page.waitForSelector(`${sel}[data-face="stage"]`);
    expect(await axeFindings(page, sel)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
