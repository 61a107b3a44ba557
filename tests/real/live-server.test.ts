/**
 * The lecture server over real sockets on 127.0.0.1: a phone says hello and is welcomed, the
 * deck's files are served, the votes export needs the lecturer's key, and a page of another
 * site cannot open the WebSocket.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { LIVE_VERSION, parseServerMessage, type ServerMessage } from '../../src/live/protocol.ts';
import { startLiveServer, type LiveServer } from '../../src/live-server/server.ts';

let root: string;
let server: LiveServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'live-server-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Лекция</title>');
  server = await startLiveServer({ root, port: 0, host: '127.0.0.1', lecturerKey: 'k'.repeat(32) });
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

/** Opens a socket to /live and collects what the server sends, parsed. */
function connect(headers: Record<string, string> = {}): Promise<{
  ws: WebSocket;
  next: () => Promise<ServerMessage>;
}> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/live`, { headers });
  const queue: ServerMessage[] = [];
  const waiting: ((m: ServerMessage) => void)[] = [];
  ws.on('message', (data) => {
    const parsed = parseServerMessage(String(data));
    if (!parsed.ok) throw new Error(parsed.error);
    const take = waiting.shift();
    if (take) take(parsed.message);
    else queue.push(parsed.message);
  });
  const next = (): Promise<ServerMessage> => {
    const m = queue.shift();
    return m ? Promise.resolve(m) : new Promise((resolve) => waiting.push(resolve));
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, next }));
    ws.once('error', reject);
  });
}

describe('live server', () => {
  it('welcomes a phone that says hello as a follower', async () => {
    const { ws, next } = await connect();
    ws.send(JSON.stringify({ t: 'hello', v: LIVE_VERSION, role: 'follower', id: 'phone-1' }));
    const welcome = await next();
    expect(welcome).toEqual({
      t: 'welcome',
      role: 'follower',
      state: null,
      tally: null,
      voted: null,
    });
    expect(server.session.census().follower).toBe(1);
    ws.close();
  });

  it('serves index.html for / (not cached) and the votes export only with the key', async () => {
    const page = await fetch(`http://127.0.0.1:${server.port}/?live`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('Лекция');
    expect((await fetch(`http://127.0.0.1:${server.port}/live/votes.csv`)).status).toBe(403);
    const wrong = await fetch(`http://127.0.0.1:${server.port}/live/votes.csv?key=nope`);
    expect(wrong.status).toBe(403);
    const csv = await fetch(server.votesUrl);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("refuses a WebSocket from another site's page and accepts one from its own", async () => {
    const own = `http://127.0.0.1:${server.port}`;
    await expect(connect({ Origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(
      connect({ Origin: 'http://evil.example:1', Host: 'evil.example:1' }),
    ).rejects.toThrow(/403/);
    const { ws } = await connect({ Origin: own });
    ws.close();
  });

  it('refuses an upgrade on another path', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/elsewhere`);
    await expect(
      new Promise((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
      }),
    ).rejects.toThrow(/404/);
  });
});

describe('live server limits', () => {
  it('caps the sockets one address holds and frees the place when one closes', async () => {
    const small = await startLiveServer({ root, port: 0, maxPerAddress: 3 });
    const open = (): Promise<WebSocket> =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${small.port}/live`);
        ws.once('open', () => resolve(ws));
        ws.once('error', reject);
      });
    try {
      const three = await Promise.all([open(), open(), open()]);
      await expect(open()).rejects.toThrow(/429/);
      const first = three[0]!;
      await new Promise((resolve) => {
        first.once('close', resolve);
        first.close();
      });
      // The server sees the close a moment after the client does.
      await expect.poll(() => small.session.census().unknown).toBe(2);
      const again = await open();
      for (const ws of [...three, again]) ws.close();
    } finally {
      await small.close();
    }
  });

  it('drops a socket that stops answering pings or never says hello', async () => {
    const quick = await startLiveServer({ root, port: 0, heartbeatMs: 50 });
    try {
      // autoPong off: a phone whose browser froze or whose Wi-Fi went away without a FIN.
      const ws = new WebSocket(`ws://127.0.0.1:${quick.port}/live`, { autoPong: false });
      const closed = new Promise<number>((resolve) => ws.once('close', resolve));
      await new Promise((resolve) => ws.once('open', resolve));
      ws.send(JSON.stringify({ t: 'hello', v: LIVE_VERSION, role: 'follower', id: 'frozen' }));
      await expect.poll(() => quick.session.census().follower).toBe(1);
      expect(await closed).toBe(1006);
      await expect.poll(() => quick.session.census().follower).toBe(0);
      // A socket that answers stays; one that never says hello is closed (1008).
      const live = new WebSocket(`ws://127.0.0.1:${quick.port}/live`);
      const silent = new WebSocket(`ws://127.0.0.1:${quick.port}/live`);
      const silentClosed = new Promise<number>((resolve) => silent.once('close', resolve));
      await new Promise((resolve) => live.once('open', resolve));
      live.send(JSON.stringify({ t: 'hello', v: LIVE_VERSION, role: 'follower', id: 'awake' }));
      expect(await silentClosed).toBe(1008);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(live.readyState).toBe(WebSocket.OPEN);
      expect(quick.session.census()).toMatchObject({ follower: 1, unknown: 0 });
      live.close();
    } finally {
      await quick.close();
    }
  });
});
