// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { phones, startLiveLecturer } from '../../../src/deck/live-lecturer.ts';
import type { RevealApi } from '../../../src/deck/reveal-api.ts';
import type { ClientMessage, ServerMessage } from '../../../src/live/protocol.ts';

/** A WebSocket the test opens and feeds by hand; every socket made is kept. */
class FakeSocket extends EventTarget {
  static made: FakeSocket[] = [];
  static readonly OPEN = 1;
  readyState = 0;
  readonly sent: ClientMessage[] = [];
  constructor(readonly url: string) {
    super();
    FakeSocket.made.push(this);
  }
  send(text: string): void {
    this.sent.push(JSON.parse(text) as ClientMessage);
  }
  close(): void {
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }
  receive(message: ServerMessage): void {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(message) }));
  }
}

/** The part of reveal.js the bridge uses, on one slide with one widget slot at fragment 1. */
function fakeDeck() {
  const listeners = new Map<string, EventListener>();
  const keys = new Map<number, () => void>();
  const slide = document.createElement('section');
  slide.id = 's-14';
  slide.innerHTML =
    '<div class="widget-slot"><span class="fragment widget-step visible"></span><span class="fragment widget-step"></span></div>';
  document.body.append(slide);
  const deck = {
    getCurrentSlide: () => slide,
    getState: () => ({ indexh: 13, indexv: 0, indexf: 1 }),
    on: (name: string, fn: EventListener) => listeners.set(name, fn),
    off: (name: string) => listeners.delete(name),
    addKeyBinding: (binding: { keyCode: number }, fn: () => void) => keys.set(binding.keyCode, fn),
    removeKeyBinding: (code: number) => keys.delete(code),
    next: vi.fn(),
    prev: vi.fn(),
  };
  return { deck: deck as unknown as RevealApi, raw: deck, listeners, keys };
}

const realSocket = globalThis.WebSocket;
beforeEach(() => {
  FakeSocket.made = [];
  globalThis.WebSocket = FakeSocket as unknown as typeof WebSocket;
  vi.useFakeTimers();
});
afterEach(() => {
  globalThis.WebSocket = realSocket;
  vi.useRealTimers();
  document.body.replaceChildren();
});

const flush = async (): Promise<void> => {
  await vi.advanceTimersByTimeAsync(200);
};

describe('phones()', () => {
  it('agrees the word with the number', () => {
    expect([0, 1, 2, 4, 5, 11, 12, 21, 22, 25, 28, 101, 111, 112].map(phones)).toEqual([
      '0 телефонов',
      '1 телефон',
      '2 телефона',
      '4 телефона',
      '5 телефонов',
      '11 телефонов',
      '12 телефонов',
      '21 телефон',
      '22 телефона',
      '25 телефонов',
      '28 телефонов',
      '101 телефон',
      '111 телефонов',
      '112 телефонов',
    ]);
  });
});

describe('the lecturer bridge', () => {
  it('introduces itself with the key, publishes the state, obeys commands, shows the hall', async () => {
    const { deck, raw, keys } = fakeDeck();
    const stop = startLiveLecturer(deck, 'k'.repeat(32));
    const socket = FakeSocket.made[0];
    if (!socket) throw new Error('no socket');
    expect(socket.url).toMatch(/^ws:\/\/.*\/live$/);
    socket.open();
    expect(socket.sent[0]).toMatchObject({ t: 'hello', role: 'lecturer', key: 'k'.repeat(32) });

    socket.receive({
      t: 'welcome',
      role: 'lecturer',
      state: null,
      tally: null,
      voted: null,
      lecturer: { remoteKey: 'r', joinUrl: 'http://10.0.0.5:8080/?live', remoteUrl: 'x' },
    });
    await flush();
    const states = socket.sent.filter((m) => m.t === 'state');
    expect(states.at(-1)).toEqual({
      t: 'state',
      state: {
        slide: 's-14',
        h: 13,
        v: 0,
        f: 1,
        widgets: [{ slot: 0, step: 1 }],
        question: null,
        revealed: false,
      },
    });

    socket.receive({ t: 'command', command: 'next' });
    socket.receive({ t: 'command', command: 'prev' });
    expect(raw.next).toHaveBeenCalledTimes(1);
    expect(raw.prev).toHaveBeenCalledTimes(1);

    const badge = document.querySelector<HTMLElement>('.live-badge');
    socket.receive({ t: 'audience', followers: 28, remotes: 1 });
    expect(badge?.textContent).toBe('● 28 телефонов · пульт');
    socket.receive({ t: 'error', message: 'Неверный ключ' });
    expect(badge?.dataset['error']).toBe('Неверный ключ');
    expect(keys.has(86)).toBe(true);

    stop();
    expect(document.querySelector('.live-badge')).toBeNull();
    expect(keys.has(86)).toBe(false);
    expect(socket.readyState).toBe(3);
  });
});
