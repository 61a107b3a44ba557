/**
 * Live mode, the lecturer's deck (issue 15 §3) against the real lecture server (startLiveServer
 * serving this run's DECK_OUT_DIR build): the page opened with `?live&key=…` publishes its state
 * on every move (read by `ws` followers), shows the hall's votes in the speaker view at once and
 * on the stage after `V`, obeys a remote's `next`, shows the join address on `Q`, and says so when
 * the server refuses it. The deck without `?live` opens no WebSocket and shows nothing of it.
 */
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { LIVE_ERRORS, LIVE_VERSION, type ServerMessage } from '../../src/live/protocol.ts';
import { startLiveServer, type LiveServer } from '../../src/live-server/server.ts';
import { kafkaQuestion } from '../../src/widgets/kafka-partitions/questions.ts';
import { orderFlowQuestion } from '../../src/widgets/order-flow/questions.ts';
import { openDeck, repoRoot, screenshotsDir, useBrowser } from './deck-page.ts';

const deckUrl = inject('deckUrl');
const browser = useBrowser();
let server: LiveServer;

beforeAll(async () => {
  server = await startLiveServer({
    root: resolve(repoRoot, process.env['DECK_OUT_DIR'] ?? 'dist'),
    port: 0,
    host: '127.0.0.1',
    publicHost: '127.0.0.1',
  });
});
afterAll(async () => {
  await server?.close();
});

/** A phone (or the remote) on a plain `ws` socket: what it was sent, and a way to send. */
interface Client {
  readonly got: ServerMessage[];
  send(message: unknown): void;
  close(): void;
}

async function client(role: 'follower' | 'remote', id: string, key?: string): Promise<Client> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/live`);
  const got: ServerMessage[] = [];
  ws.on('message', (data) => got.push(JSON.parse(String(data)) as ServerMessage));
  await new Promise((done, fail) => {
    ws.once('open', done);
    ws.once('error', fail);
  });
  ws.send(JSON.stringify({ t: 'hello', v: LIVE_VERSION, role, id, ...(key ? { key } : {}) }));
  return { got, send: (m) => ws.send(JSON.stringify(m)), close: () => ws.close() };
}

/** The last state a client was sent (welcome's or a state message's). */
function lastState(c: Client) {
  for (let i = c.got.length - 1; i >= 0; i--) {
    const m = c.got[i];
    if (m?.t === 'state') return m.state;
    if (m?.t === 'welcome' && m.state) return m.state;
  }
  return undefined;
}

const revealState = (page: Page) =>
  page.evaluate(() => {
    const s = window.Reveal?.getState();
    return { h: s?.indexh ?? -1, f: s?.indexf ?? -1 };
  });

const widget = 'section[data-section="31"] [data-widget="kafka-partitions"]';

/** Presses → until slide 31's widget is at `step`; after each press the follower has that state. */
async function stepTo(page: Page, phone: Client, step: number): Promise<number> {
  let moves = 0;
  for (let i = 0; i < 40; i++) {
    const now = Number(await page.getAttribute(widget, 'data-step'));
    if (now === step) return moves;
    const before = await revealState(page);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => revealState(page)).not.toEqual(before);
    const at = await revealState(page);
    const shown = Number(await page.getAttribute(widget, 'data-step'));
    await expect
      .poll(() => {
        const s = lastState(phone);
        return s && { h: s.h, f: s.f, step: s.widgets[0]?.step };
      })
      .toEqual({ h: at.h, f: at.f, step: shown });
    moves++;
  }
  throw new Error(`slide 31 did not reach step ${step}`);
}

describe('the lecturer page in the hall', () => {
  it('publishes every move and the question; votes in the speaker view, on the stage after V', async () => {
    const q = kafkaQuestion('producer', 5);
    if (!q) throw new Error('slide 31 asks before step 6');
    const phones = await Promise.all(
      ['phone-a-0001', 'phone-b-0002', 'phone-c-0003'].map((id) => client('follower', id)),
    );
    const [a, b, c] = phones as [Client, Client, Client];
    const { page, errors } = await openDeck(browser.context, `${server.lecturerUrl}#/s-31`);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForSelector(widget, { state: 'attached' });
    await expect.poll(() => lastState(a)?.slide).toBe('s-31');
    await expect.poll(() => page.textContent('.live-badge')).toBe('● 3 телефона');

    const moves = await stepTo(page, a, 5);
    expect(moves).toBeGreaterThanOrEqual(5);
    await expect
      .poll(() => lastState(a)?.question)
      .toEqual({
        id: q.id,
        text: q.text,
        choices: q.choices,
      });
    expect(lastState(a)?.revealed).toBe(false);

    // Two phones pick the right choice, one a wrong one.
    const wrong = q.answer === 0 ? 1 : 0;
    a.send({ t: 'vote', question: q.id, choice: q.answer });
    b.send({ t: 'vote', question: q.id, choice: q.answer });
    c.send({ t: 'vote', question: q.id, choice: wrong });
    await expect.poll(() => a.got.some((m) => m.t === 'voted')).toBe(true);

    const popupOpened = browser.context.waitForEvent('page');
    await page.keyboard.press('s');
    const popup = await popupOpened;
    await popup.setViewportSize({ width: 1280, height: 800 });
    const panel = popup.locator('.speaker-live');
    await expect
      .poll(() => panel.locator('.speaker-live__answered').textContent())
      .toBe('ответили 3 из 3');
    const counts = await panel.locator('.speaker-live__count').allTextContents();
    expect(counts[q.answer]).toBe('2 · 67 %');
    expect(counts[wrong]).toBe('1 · 33 %');
    expect(await panel.textContent()).toContain('V — показать голоса залу');
    expect(await panel.textContent()).toContain('Пульт — только для вас');
    expect(await panel.locator('.speaker-live__address').textContent()).toBe(server.remoteUrl);
    expect(await panel.locator('svg[role="img"]').count()).toBe(1);
    const csv = await panel.locator('a.speaker-live__csv').getAttribute('href');
    expect(csv).toBe(`${server.votesUrl}`);
    await popup.screenshot({ path: join(screenshotsDir(), 'live-speaker-panel.png') });

    // The stage shows no votes until V.
    const bars = page.locator(`${widget} .w-question__bar`);
    expect(await bars.count()).toBe(0);
    await page.bringToFront();
    await page.keyboard.press('v');
    await expect.poll(() => bars.count()).toBe(q.choices.length);
    const stageCounts = await page.locator(`${widget} .w-question__count`).allTextContents();
    expect(stageCounts[q.answer]).toBe('2 · 67 %');
    await expect.poll(() => lastState(a)?.revealed).toBe(true);
    await expect.poll(() => a.got.some((m) => m.t === 'tally')).toBe(true);
    await page.screenshot({ path: join(screenshotsDir(), 'live-stage-votes.png') });

    // Voting is closed now: the phone is told, nothing counted.
    const before = c.got.length;
    c.send({ t: 'vote', question: q.id, choice: q.answer });
    await expect
      .poll(() => c.got.slice(before).find((m) => m.t === 'error'))
      .toEqual({ t: 'error', message: LIVE_ERRORS.closed });

    // → plays the step: the state carries the answer, the stage marks it beside its bar.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => lastState(a)?.question?.answer).toBe(q.answer);
    await expect
      .poll(() => page.locator(`${widget} .w-question__list > li[data-right]`).count())
      .toBe(1);
    expect(errors).toEqual([]);
    for (const p of phones) p.close();
    await popup.close();
    await page.close();
  });

  it('on a step that answers one question and asks the next, sends phones both (slide 6)', async () => {
    const asked = orderFlowQuestion('sync', 3);
    const next = orderFlowQuestion('sync', 4);
    if (!asked || !next) throw new Error('slide 6 asks before steps 4 and 5');
    const phone = await client('follower', 'phone-d-0004');
    const { page, errors } = await openDeck(browser.context, `${server.lecturerUrl}#/s-6`);
    await page.setViewportSize({ width: 1280, height: 720 });
    const flow = 'section[data-section="6"] [data-widget="order-flow"]';
    await page.waitForSelector(flow, { state: 'attached' });
    for (let i = 0; i < 30 && Number(await page.getAttribute(flow, 'data-step')) < 4; i++) {
      const before = await revealState(page);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => revealState(page)).not.toEqual(before);
    }
    expect(await page.getAttribute(flow, 'data-step')).toBe('4');
    await expect
      .poll(() => {
        const s = lastState(phone);
        return s && { step: s.widgets[0]?.step, question: s.question, answered: s.answered };
      })
      .toEqual({
        step: 4,
        question: { id: next.id, text: next.text, choices: next.choices },
        answered: { id: asked.id, text: asked.text, choices: asked.choices, answer: asked.answer },
      });
    expect(errors).toEqual([]);
    phone.close();
    await page.close();
  });

  it('obeys the remote (next, pause, resume), and Q shows the hall its join address', async () => {
    const { page, errors } = await openDeck(browser.context, `${server.lecturerUrl}#/s-31`);
    const remoteKey = new URL(server.remoteUrl).searchParams.get('remote') ?? '';
    const remote = await client('remote', 'remote-0001', remoteKey);
    await expect.poll(() => remote.got.some((m) => m.t === 'welcome')).toBe(true);
    await expect.poll(() => page.textContent('.live-badge')).toMatch(/пульт/);
    const before = await revealState(page);
    remote.send({ t: 'command', command: 'next' });
    await expect.poll(() => revealState(page)).not.toEqual(before);
    await expect.poll(async () => lastState(remote)?.f).toBe((await revealState(page)).f);
    // pause and resume drive the speaker view's lecture timer; the remote sees it in the state.
    remote.send({ t: 'command', command: 'pause' });
    await expect.poll(() => lastState(remote)?.timer?.running).toBe(false);
    remote.send({ t: 'command', command: 'resume' });
    await expect.poll(() => lastState(remote)?.timer?.running).toBe(true);

    await page.keyboard.press('q');
    const body = page.locator('dialog.qr-overlay [data-link]');
    await expect.poll(() => body.getAttribute('data-link')).toBe(server.joinUrl);
    expect(await body.textContent()).toContain(server.joinUrl);
    expect(await body.locator('svg[role="img"]').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    remote.close();
    await page.close();
  });

  it("a wrong key is refused with the server's message on the deck, not silently", async () => {
    const url = new URL(server.lecturerUrl);
    url.searchParams.set('key', 'not-the-key');
    const page = await browser.context.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => warnings.push(m.text()));
    await page.goto(`${url.href}#/s-31`);
    await expect
      .poll(() => page.getAttribute('.live-badge', 'data-error'))
      .toBe(LIVE_ERRORS.badKey);
    expect(warnings.join('\n')).toContain(LIVE_ERRORS.badKey);
    await page.close();
  });
});

describe('without ?live', () => {
  it.each([
    ['the static deck', () => `${deckUrl}#/s-31`],
    ['the lecture server, no ?live', () => `http://127.0.0.1:${server.port}/#/s-31`],
  ])('%s opens no WebSocket and adds nothing to the page', async (_name, url) => {
    const page = await browser.context.newPage();
    const sockets: string[] = [];
    const requests: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url());
    await page.waitForFunction(() => window.Reveal?.isReady() === true);
    await page.waitForSelector(widget, { state: 'attached' });
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(500);
    expect(sockets).toEqual([]);
    expect(requests.filter((r) => /live/.test(r))).toEqual([]);
    expect(await page.locator('.live-badge').count()).toBe(0);
    await page.close();
  });
});
