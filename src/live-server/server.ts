/**
 * The lecture server (`npm run live`, issue 15 §3): serves the built deck to the hall and runs one
 * {@link LiveSession} over WebSockets at `/live`. This file owns the I/O the pure session leaves
 * out: sockets, the clock, heartbeats, the Origin check, per-address caps and the votes export.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hostname } from 'node:os';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import sirv from 'sirv';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { LIVE_PATH, MAX_LECTURER_MESSAGE } from '../live/protocol.ts';
import { LiveSession, type ConnId, type Rate, type Send } from '../live/session.ts';
import { isAllowedOrigin } from './origin.ts';
import { votesCsv } from './votes-csv.ts';

export interface LiveServerOptions {
  /** The built deck directory (index.html inside). */
  root: string;
  /** 0 = any free port (tests); the CLI's default is 8080. */
  port?: number;
  /** '0.0.0.0' for the hall (CLI default), '127.0.0.1' in tests. */
  host?: string;
  /** Default: 32 random hex digits. */
  lecturerKey?: string;
  /** Default: 32 random hex digits, different. */
  remoteKey?: string;
  /** Host name or IP put into joinUrl/remoteUrl (CLI: the first LAN IPv4; default 127.0.0.1). */
  publicHost?: string;
  /** Connections at once from one address (default {@link MAX_PER_ADDRESS}); more get HTTP 429. */
  maxPerAddress?: number;
  /** Connections at once in all (the session's cap; default its MAX_CONNECTIONS). */
  maxConnections?: number;
  /**
   * A phone's message budget (default the session's FOLLOWER_RATE). The load test's phones vote
   * on 15 questions a second; a hall's phones vote on 15 in an hour and a half.
   */
  followerRate?: Rate;
  /**
   * Milliseconds between heartbeats (default 15 000): a socket that did not answer the last ping,
   * or has not said hello for a whole interval, is dropped.
   */
  heartbeatMs?: number;
  /** Called when the number of phones or remotes changes (the console prints it). */
  onAudience?: (followers: number, remotes: number) => void;
}

export interface LiveServer {
  port: number;
  /** http://127.0.0.1:PORT/?live&key=LECTURERKEY, opened on the laptop. */
  lecturerUrl: string;
  /** http://PUBLICHOST:PORT/?live, the QR code for the hall. */
  joinUrl: string;
  /** http://PUBLICHOST:PORT/?live&remote=REMOTEKEY, for the lecturer's phone. */
  remoteUrl: string;
  /** http://127.0.0.1:PORT/live/votes.csv?key=LECTURERKEY, the votes export. */
  votesUrl: string;
  session: LiveSession;
  close(): Promise<void>;
}

/** One phone per address is the rule in a hall; a few tabs on the laptop fit well under this. */
export const MAX_PER_ADDRESS = 20;
/** A socket's frame limit in bytes: the lecturer's longest message is ASCII but for ≤ 600 letters. */
export const MAX_PAYLOAD = MAX_LECTURER_MESSAGE + 8_192;
/** A phone that does not read what it is sent (more than this queued) is dropped. */
const MAX_BUFFERED = 1 << 20;
const VOTES_PATH = `${LIVE_PATH}/votes.csv`;

const randomKey = (): string => randomBytes(16).toString('hex');

function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

function sameKey(given: string | null, key: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

function text(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Starts the server; resolves once it listens (rejects with the listen error, e.g. EADDRINUSE). */
export async function startLiveServer(options: LiveServerOptions): Promise<LiveServer> {
  const host = options.host ?? '127.0.0.1';
  const lecturerKey = options.lecturerKey ?? randomKey();
  let remoteKey = options.remoteKey ?? randomKey();
  while (remoteKey === lecturerKey) remoteKey = randomKey();
  const maxPerAddress = options.maxPerAddress ?? MAX_PER_ADDRESS;
  const heartbeatMs = options.heartbeatMs ?? 15_000;

  const serveDeck = sirv(options.root, {
    dev: false,
    etag: true,
    setHeaders(res, pathname) {
      // Hashed assets never change; everything else (index.html, the service worker) is checked.
      res.setHeader(
        'Cache-Control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });

  const httpServer = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === VOTES_PATH) {
      if (!sameKey(url.searchParams.get('key'), lecturerKey)) {
        res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Нужен ключ лектора.\n');
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="live-votes.csv"',
        'Cache-Control': 'no-store',
      });
      res.end(votesCsv(session.results()));
      return;
    }
    serveDeck(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Не найдено.\n');
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 0, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const publicHost = urlHost(options.publicHost ?? '127.0.0.1');
  const knownNames = new Set(
    [options.publicHost ?? '', hostname(), `${hostname()}.local`].map((n) => n.toLowerCase()),
  );
  const joinUrl = `http://${publicHost}:${port}/?live`;
  const remoteUrl = `http://${publicHost}:${port}/?live&remote=${remoteKey}`;
  const session = new LiveSession({
    lecturerKey,
    remoteKey,
    joinUrl,
    remoteUrl,
    ...(options.maxConnections !== undefined ? { maxConnections: options.maxConnections } : {}),
    ...(options.followerRate !== undefined ? { followerRate: options.followerRate } : {}),
  });

  const sockets = new Map<ConnId, WebSocket>();
  const alive = new Set<WebSocket>();
  /** Sockets not yet welcomed, and whether a heartbeat has already seen them so. */
  const strangers = new Map<ConnId, boolean>();
  const perAddress = new Map<string, number>();
  let nextId = 0;

  /** Carries out the session's effects: each message serialised once for all its recipients. */
  function dispatch(sends: readonly Send[]): void {
    for (const send of sends) {
      if (send.message.t === 'audience')
        options.onAudience?.(send.message.followers, send.message.remotes);
      if (send.message.t === 'welcome') for (const id of send.to) strangers.delete(id);
      if (send.to.length === 0) continue;
      const frame = Buffer.from(JSON.stringify(send.message));
      for (const id of send.to) {
        const ws = sockets.get(id);
        if (!ws || ws.readyState !== ws.OPEN) continue;
        if (ws.bufferedAmount > MAX_BUFFERED) ws.terminate();
        else ws.send(frame, { binary: false });
      }
    }
  }

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_PAYLOAD,
    perMessageDeflate: false,
  });

  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== LIVE_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    // Another site open on a phone must not drive the lecture (a browser always sends Origin).
    if (!isAllowedOrigin(req.headers.origin, req.headers.host, knownNames))
      return refuseUpgrade(socket, 403, 'Forbidden');
    const address = req.socket.remoteAddress ?? '';
    const count = perAddress.get(address) ?? 0;
    if (count >= maxPerAddress) return refuseUpgrade(socket, 429, 'Too Many Requests');
    perAddress.set(address, count + 1);
    let counted = true;
    const release = (): void => {
      if (!counted) return;
      counted = false;
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    };
    socket.once('close', release);
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.once('close', release);
      connect(ws);
    });
  });

  function connect(ws: WebSocket): void {
    const id: ConnId = String(++nextId);
    sockets.set(id, ws);
    alive.add(ws);
    const refused = session.open(id, Date.now());
    if (!session.has(id)) {
      dispatch(refused);
      sockets.delete(id);
      alive.delete(ws);
      ws.close(1013, 'full');
      return;
    }
    dispatch(refused);
    strangers.set(id, false);
    ws.on('pong', () => alive.add(ws));
    ws.on('message', (data) => {
      alive.add(ws);
      dispatch(session.receive(id, text(data), Date.now()));
    });
    ws.on('error', () => ws.terminate());
    ws.once('close', () => {
      sockets.delete(id);
      alive.delete(ws);
      strangers.delete(id);
      dispatch(session.close(id));
    });
  }

  const heartbeat = setInterval(() => {
    // A socket that holds a place without saying who it is gives it back.
    for (const [id, seen] of strangers) {
      if (seen) sockets.get(id)?.close(1008, 'hello first');
      else strangers.set(id, true);
    }
    for (const ws of sockets.values()) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();

  const localHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : urlHost(host);
  const base = `http://${localHost}:${port}`;
  return {
    port,
    lecturerUrl: `${base}/?live&key=${lecturerKey}`,
    joinUrl,
    remoteUrl,
    votesUrl: `${base}${VOTES_PATH}?key=${lecturerKey}`,
    session,
    async close() {
      clearInterval(heartbeat);
      for (const ws of sockets.values()) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
