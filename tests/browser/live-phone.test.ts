/**
 * The phones in live mode (issue 15 §3) against the real lecture server (startLiveServer) serving
 * this run's build, with a `ws` client playing the lecturer: the follow page (`?live`, 390×844)
 * shows each slide and widget step the lecturer sends, votes reach the server's tally, a student
 * detaches into the lab and comes back in one tap, and a page whose socket drops resumes at the
 * lecturer's current step with its vote; the remote (`?live&remote=KEY`) sends next/prev/pause/
 * reveal, shows the slide's notes and a ticking timer, and a wrong key shows the server's refusal.
 * Without `?live` the deck opens no socket. Screenshots go to test-results/screenshots.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { LiveState, RemoteCommand } from '../../src/live/protocol.ts';
import { startLiveServer, type LiveServer } from '../../src/live-server/server.ts';
import { encodeShare } from '../../src/widgets/runtime/share.ts';
import { axeFindings } from './axe.ts';
import { deckReady, pageErrors, repoRoot, screenshotsDir, useBrowser } from './deck-page.ts';

const LECTURER_KEY = 'lecturer-key-for-the-phone-test';
const REMOTE_KEY = 'remote-key-for-the-phone-test';
const PHONE = { width: 390, height: 844 };
const deckDir = resolve(repoRoot, process.env['DECK_OUT_DIR'] ?? 'dist');

/** expect.poll with room for a loaded machine (its default gives up after 1 s). */
function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 10_000 });
}

/**
 * A TCP relay in front of the server: pages load through it, and `drop()` cuts every connection
 * as a lost Wi-Fi would, while the server and its session (votes, state) live on.
 */
interface Relay {
  readonly port: number;
  drop(): void;
  close(): Promise<void>;
}

async function relayTo(port: number): Promise<Relay> {
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('relay: no port');
  return {
    port: address.port,
    drop: () => open.forEach((s) => s.destroy()),
    close: () => {
      open.forEach((s) => s.destroy());
      return new Promise((done) => server.close(() => done()));
    },
  };
}

/** The lecturer's deck, played by a `ws` client: it sends states and reads commands. */
interface Lecturer {
  show(state: Partial<LiveState> & { slide: string }): void;
  readonly commands: RemoteCommand[];
  close(): void;
}

async function lecturer(port: number): Promise<Lecturer> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/live`);
  const commands: RemoteCommand[] = [];
  const welcomed = new Promise<void>((done, fail) => {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { t: string; command?: RemoteCommand };
      if (message.t === 'welcome') done();
      if (message.t === 'command' && message.command) commands.push(message.command);
      if (message.t === 'error') fail(new Error(String(data)));
    });
  });
  await new Promise((done) => ws.once('open', done));
  ws.send(
    JSON.stringify({ t: 'hello', v: 1, role: 'lecturer', id: 'test-lecturer', key: LECTURER_KEY }),
  );
  await welcomed;
  return {
    show(state) {
      const full: LiveState = {
        h: 1,
        v: 0,
        f: -1,
        widgets: [],
        question: null,
        revealed: false,
        ...state,
      };
      ws.send(JSON.stringify({ t: 'state', state: full }));
    },
    commands,
    close: () => ws.close(),
  };
}

const QUESTION = {
  id: 'exchange-routing/guided/3',
  text: 'Сколько очередей получат order.created?',
  choices: ['Ни одна', 'Одна', 'Две', 'Три'],
};

/** The follow page's widget root in slot 0 of the shown slide. */
const WIDGET = '.follow-slide [data-widget]';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotsDir(), `live-phone-${name}.png`) });
}

describe('live mode on the phones, through the real lecture server', () => {
  const browser = useBrowser();
  let server: LiveServer;
  let relay: Relay;
  let teacher: Lecturer;
  let base: string;
  let errors: string[] = [];
  const pages: Page[] = [];

  beforeAll(async () => {
    server = await startLiveServer({
      root: deckDir,
      port: 0,
      host: '127.0.0.1',
      lecturerKey: LECTURER_KEY,
      remoteKey: REMOTE_KEY,
    });
    relay = await relayTo(server.port);
    base = `http://127.0.0.1:${relay.port}/`;
    teacher = await lecturer(server.port);
  });
  afterAll(async () => {
    teacher?.close();
    await relay?.close();
    await server?.close();
  });
  afterEach(async () => {
    expect(errors).toEqual([]);
    for (const p of pages.splice(0)) await p.close();
  });

  async function phone(url: string): Promise<Page> {
    const page = await browser.context.newPage();
    pages.push(page);
    errors = pageErrors(page);
    await page.setViewportSize(PHONE);
    await page.goto(url);
    return page;
  }

  it('without ?live the deck opens as before: reveal.js starts and no socket is opened', async () => {
    const page = await phone(base);
    await page.setViewportSize({ width: 1280, height: 720 });
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.reload();
    await page.waitForFunction(() => window.Reveal?.isReady() === true);
    await page.waitForTimeout(500);
    expect(sockets).toEqual([]);
    expect(await page.locator('.follow, .remote').count()).toBe(0);
  });

  it('follows: waits before the lecture, then shows every slide and widget step the lecturer sends, without a reload', async () => {
    teacher.show({ slide: 'title' });
    const page = await phone(`${base}?live`);
    await poll(() => page.locator('.follow-slide').getAttribute('data-slide')).toBe('title');

    // The lecture starts: slide 18, its exchange-routing widget on the stage at step 2.
    teacher.show({ slide: 's-18', widgets: [{ slot: 0, step: 2 }] });
    await page.waitForSelector(
      `.follow-slide[data-slide="s-18"] [data-widget][data-face="stage"][data-step="2"]`,
    );
    await poll(() => page.locator('.follow-status').textContent()).toBe('На связи с лектором');
    await page.evaluate(() => window.__followSettled?.());
    await shot(page, 'follow');
    // Same page, same article: a step moves the widget, the student's scroll stays.
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
      window.scrollTo(0, 300);
    });
    const article = await page.locator('.follow-slide').elementHandle();
    teacher.show({ slide: 's-18', widgets: [{ slot: 0, step: 3 }] });
    await page.waitForSelector(`${WIDGET}[data-step="3"]`);
    expect(await page.evaluate(() => window.scrollY)).toBe(300);
    expect(await article?.evaluate((el) => el.isConnected)).toBe(true);
    // Another slide: its own widget, from the top of the page.
    teacher.show({ slide: 's-31', widgets: [{ slot: 0, step: 1 }] });
    await page.waitForSelector(
      `.follow-slide[data-slide="s-31"] [data-widget="kafka-partitions"][data-step="1"]`,
    );
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await page.locator('.follow-meta').textContent()).toContain('Слайд 31.');
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
    // Reflow, not shrink: nothing runs off the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
  });

  it('shows the lecturer’s own widget state (acted in the lab on the stage) in the stage face, and the story again after it', async () => {
    teacher.show({ slide: 's-18', widgets: [{ slot: 0, step: 2 }] });
    const page = await phone(`${base}?live`);
    const caption = `${WIDGET} .w-caption`;
    await page.waitForSelector(`${WIDGET}[data-step="2"]`);
    const story = await page.locator(caption).textContent();
    // The lecturer published «audit.zzz» in the lab: the state carries it as a share link's data.
    const shared = await encodeShare({
      widget: 'exchange-routing',
      slot: 0,
      story: 'guided',
      step: 2,
      actions: [{ type: 'publish', routingKey: 'audit.zzz', mandatory: false }],
    });
    teacher.show({ slide: 's-18', widgets: [{ slot: 0, step: 2, shared }] });
    await poll(() => page.locator(caption).textContent()).toContain('audit.zzz');
    expect(await page.getAttribute(WIDGET, 'data-face')).toBe('stage');
    teacher.show({ slide: 's-18', widgets: [{ slot: 0, step: 2 }] });
    await poll(() => page.locator(caption).textContent()).toBe(story);
  });

  it('shows a waiting note before the lecturer has shown anything', async () => {
    const fresh = await startLiveServer({ root: deckDir, port: 0, host: '127.0.0.1' });
    try {
      const page = await phone(`http://127.0.0.1:${fresh.port}/?live`);
      await poll(() => page.locator('.follow-waiting').textContent()).toContain(
        'Лекция ещё не началась — страница сама перейдёт к текущему слайду',
      );
      await poll(() => page.locator('.follow-status').textContent()).toBe('На связи с лектором');
      await shot(page, 'waiting');
    } finally {
      for (const p of pages.splice(0)) await p.close();
      await fresh.close();
    }
  });

  it('votes: the tap reaches the server, a second tap replaces it, the reveal shows the tally and the answer', async () => {
    teacher.show({ slide: 's-18', widgets: [{ slot: 0, step: 2 }], question: QUESTION });
    const page = await phone(`${base}?live`);
    await page.waitForSelector('.follow-vote:not([hidden]) .follow-vote-choice');
    expect(await page.locator('.follow-vote-text').textContent()).toBe(QUESTION.text);
    await page.click('.follow-vote-choice[data-choice="1"]');
    await poll(() => page.locator('.follow-vote-status').textContent()).toBe(
      'Ваш ответ: Б — можно изменить до показа',
    );
    expect(server.session.tally()?.counts).toEqual([0, 1, 0, 0]);
    await page.click('.follow-vote-choice[data-choice="2"]');
    await poll(() => page.locator('.follow-vote-status').textContent()).toBe(
      'Ваш ответ: В — можно изменить до показа',
    );
    expect(server.session.tally()?.counts).toEqual([0, 0, 1, 0]);
    expect(await page.getAttribute('.follow-vote-choice[data-choice="2"]', 'aria-pressed')).toBe(
      'true',
    );
    await shot(page, 'vote');

    teacher.show({
      slide: 's-18',
      widgets: [{ slot: 0, step: 3 }],
      question: { ...QUESTION, answer: 2 },
      revealed: true,
    });
    await page.waitForSelector('.follow-vote-bars');
    await poll(() =>
      page.locator('.follow-vote-bar[data-choice="2"] .follow-vote-bar-count').textContent(),
    ).toBe('1 · 100 %');
    expect(await page.getAttribute('.follow-vote-bar[data-choice="2"]', 'data-right')).toBe('true');
    expect(await page.locator('.follow-vote-result').textContent()).toBe(
      'Правильный ответ: В. Вы ответили верно!',
    );
    await expect(page.locator('.follow-vote-choice').count()).resolves.toBe(0);
    await shot(page, 'revealed');
  });

  it('detaches into the lab (the page stops following) and comes back to the lecturer in one tap', async () => {
    teacher.show({ slide: 's-18', widgets: [{ slot: 0, step: 2 }] });
    const page = await phone(`${base}?live`);
    await page.waitForSelector(`${WIDGET}[data-step="2"][data-face="stage"]`);
    await page.click('button[name="try"]');
    await page.waitForSelector(`${WIDGET}[data-face="lab"]`);
    expect(await page.isVisible('.follow-back button')).toBe(true);
    // The student plays: the lab's own step button.
    await page.click(`${WIDGET} button[name="step-forward"]`);
    await poll(() => page.getAttribute(WIDGET, 'data-step')).toBe('3');
    // The lecturer moves on: the detached page stays where the student is and says where the lecturer is.
    teacher.show({ slide: 's-26', widgets: [{ slot: 0, step: 1 }] });
    await poll(() => page.locator('.follow-back').textContent()).toContain('Слайд 26.');
    expect(await page.getAttribute('.follow-slide', 'data-slide')).toBe('s-18');
    expect(await page.getAttribute(WIDGET, 'data-face')).toBe('lab');
    await shot(page, 'detached');
    await page.click('.follow-back button');
    await page.waitForSelector(
      `.follow-slide[data-slide="s-26"] [data-widget][data-face="stage"][data-step="1"]`,
    );
    expect(await page.isVisible('.follow-back')).toBe(false);
    // Back on the same slide: the lecturer's state, not the student's.
    teacher.show({ slide: 's-26', widgets: [{ slot: 0, step: 2 }] });
    await page.waitForSelector(`${WIDGET}[data-step="2"][data-face="stage"]`);
    await page.click('button[name="try"]');
    await page.waitForSelector(`${WIDGET}[data-face="lab"]`);
    await page.click('.follow-back button');
    await page.waitForSelector(`${WIDGET}[data-face="stage"][data-step="2"]`);
  });

  it('a dropped connection says so and resumes at the lecturer’s current step with the vote it gave', async () => {
    teacher.show({ slide: 's-18', widgets: [{ slot: 0, step: 1 }], question: QUESTION });
    const page = await phone(`${base}?live`);
    await page.click('.follow-vote-choice[data-choice="3"]');
    await poll(() => page.locator('.follow-vote-status').textContent()).toBe(
      'Ваш ответ: Г — можно изменить до показа',
    );
    relay.drop();
    await poll(() => page.locator('.follow-status').textContent()).toBe('Переподключение…');
    // While the phone is away the lecturer takes two steps.
    teacher.show({ slide: 's-18', widgets: [{ slot: 0, step: 3 }], question: QUESTION });
    await page.waitForSelector(`${WIDGET}[data-step="3"]`, { timeout: 15_000 });
    await poll(() => page.locator('.follow-status').textContent()).toBe('На связи с лектором');
    expect(await page.locator('.follow-vote-status').textContent()).toBe(
      'Ваш ответ: Г — можно изменить до показа',
    );
    expect(server.session.tally()?.counts[3]).toBeGreaterThanOrEqual(1);
  });

  it('the remote sends next/prev/pause/reveal, shows the slide, its notes and a ticking timer', async () => {
    teacher.show({
      slide: 's-18',
      widgets: [],
      question: { ...QUESTION, id: 'remote-question' },
      timer: { elapsed: 754_000, running: true },
    });
    const page = await phone(`${base}?live&remote=${REMOTE_KEY}`);
    await page.waitForSelector('button[name="next"]:not([disabled])');
    expect(await page.locator('.remote-slide-number').textContent()).toMatch(/^Слайд 18 из \d+$/);
    expect(await page.locator('.remote-slide-title').textContent()).toBe('Визуализация RabbitMQ');
    // The notes as the deck itself has them (the built page keeps a later slide's notes in a
    // data script until the deck fills them in: read the deck, not the file).
    const deck = await browser.context.newPage();
    await deck.goto(`${base}#/s-18`);
    await deckReady(deck);
    const notes = await deck.evaluate(() => {
      const aside = document.querySelector('.reveal .slides > section#s-18 aside.notes');
      const copy = aside?.cloneNode(true) as HTMLElement | undefined;
      copy?.querySelector('.notes-plan')?.remove();
      return (copy?.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
    await deck.close();
    expect(notes.length).toBeGreaterThan(20);
    const shown = (await page.locator('.remote-notes').textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(shown).toContain(notes.slice(0, 60));
    const first = await page.locator('.remote-clock').textContent();
    expect(first).toMatch(/^12:3\d$/);
    await poll(() => page.locator('.remote-clock').textContent()).not.toBe(first);
    await shot(page, 'remote');

    await page.click('button[name="next"]');
    await page.click('button[name="prev"]');
    await page.click('button[name="pause"]');
    await page.click('button[name="reveal"]');
    await poll(() => teacher.commands.slice(-4)).toEqual(['next', 'prev', 'pause', 'reveal']);
    // The lecturer's deck answers with a new state: the remote follows it.
    teacher.show({ slide: 's-19', timer: { elapsed: 800_000, running: false } });
    await poll(() => page.locator('.remote-slide-number').textContent()).toMatch(/^Слайд 19 /);
    expect(await page.locator('button[name="pause"]').textContent()).toBe('Продолжить');
    expect(await page.isVisible('button[name="reveal"]')).toBe(false);
    expect(await page.locator('.remote-clock').textContent()).toBe('13:20');
  });

  it('passes axe: the follow page with a widget and an open question, after the reveal, and the remote', async () => {
    const question = { ...QUESTION, id: 'axe-question' };
    teacher.show({ slide: 's-19', widgets: [{ slot: 0, step: 3 }], question });
    const page = await phone(`${base}?live`);
    await page.waitForSelector('.follow-vote-choice');
    await page.waitForSelector(`${WIDGET}[data-step="3"]`);
    await page.click('.follow-vote-choice[data-choice="0"]');
    expect(await axeFindings(page)).toEqual([]);
    teacher.show({
      slide: 's-19',
      widgets: [{ slot: 0, step: 3 }],
      question: { ...question, answer: 0 },
      revealed: true,
    });
    await page.waitForSelector('.follow-vote-bars');
    expect(await axeFindings(page)).toEqual([]);
    const remote = await phone(`${base}?live&remote=${REMOTE_KEY}`);
    await remote.waitForSelector('button[name="next"]:not([disabled])');
    expect(await axeFindings(remote)).toEqual([]);
  });

  it('a wrong remote key shows the server’s refusal and no controls', async () => {
    const page = await phone(`${base}?live&remote=not-the-key`);
    await page.waitForSelector('.remote-error');
    expect(await page.locator('.remote-error').textContent()).toContain('Неверный ключ');
    expect(await page.locator('button').count()).toBe(0);
    await shot(page, 'remote-wrong-key');
  });
});
