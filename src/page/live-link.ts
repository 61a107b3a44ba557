/**
 * A page's connection to the lecture server (issue 15 §3, `npm run live`): one WebSocket to
 * `/live` on the page's own origin, introduced with the page's role, id and key, reconnected with
 * backoff when it drops (the server's welcome then brings the page up to date). Every message
 * in is checked by the protocol's parser; a message the page cannot read is reported, never
 * acted on.
 */
import {
  LIVE_PATH,
  LIVE_VERSION,
  type ClientMessage,
  type LiveRole,
  type ServerMessage,
  parseServerMessage,
} from '../live/protocol.ts';

/** The live query parameters: `?live` (follow), `?live&key=…` (lecturer), `?live&remote=…`. */
export const LIVE_QUERY = { live: 'live', key: 'key', remote: 'remote' } as const;

/** Where the page stands with the server. */
export type LiveStatus = 'connecting' | 'open' | 'closed';

export interface LiveLinkOptions {
  readonly role: LiveRole;
  /** The lecturer's or the remote's key; none for a follower. */
  readonly key?: string;
  /** Every checked message from the server. */
  onMessage(message: ServerMessage): void;
  /** The connection's status changed (shown to the user: «переподключение…»). */
  onStatus?(status: LiveStatus): void;
  /** A message from the server could not be read (shown in the console; nothing else happens). */
  onProblem?(problem: string): void;
  /** Builds the socket (tests pass a fake); default: a WebSocket to `/live` on this origin. */
  socket?(url: string): WebSocket;
}

/** Backoff between reconnects: 0.5 s doubling to 8 s. */
const RETRY_MS = [500, 1_000, 2_000, 4_000, 8_000] as const;
/** Where a page keeps its id for the session (a reload votes as the same phone). */
const PAGE_ID_KEY = 'brokers-lecture-live-id';

/** This page's id: kept in sessionStorage so a reload or a reconnect is the same voter. */
export function livePageId(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined): string {
  const saved = storage?.getItem(PAGE_ID_KEY);
  if (saved && /^[\w-]{8,64}$/.test(saved)) return saved;
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const id = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  try {
    storage?.setItem(PAGE_ID_KEY, id);
  } catch {
    // Storage may be off (private mode): the id then lives as long as the page.
  }
  return id;
}

/** The WebSocket address of the lecture server for a page at `location`. */
export function liveSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${LIVE_PATH}`;
}

/** An open link to the lecture server; `close` ends it for good. */
export interface LiveLink {
  /** Sends a message now, or drops it when the link is down (the welcome re-syncs the page). */
  send(message: ClientMessage): boolean;
  status(): LiveStatus;
  close(): void;
}

/** Connects to the lecture server and keeps the connection up until `close`. */
export function connectLive(options: LiveLinkOptions): LiveLink {
  const id = livePageId(safeSessionStorage());
  const url = liveSocketUrl(window.location);
  const make = options.socket ?? ((u: string) => new WebSocket(u));
  let socket: WebSocket | undefined;
  let status: LiveStatus = 'connecting';
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const setStatus = (next: LiveStatus): void => {
    if (next === status) return;
    status = next;
    options.onStatus?.(next);
  };

  const open = (): void => {
    setStatus('connecting');
    const ws = make(url);
    socket = ws;
    ws.addEventListener('open', () => {
      attempt = 0;
      const hello: ClientMessage = {
        t: 'hello',
        v: LIVE_VERSION,
        role: options.role,
        id,
        ...(options.key === undefined ? {} : { key: options.key }),
      };
      ws.send(JSON.stringify(hello));
      setStatus('open');
    });
    ws.addEventListener('message', (event: MessageEvent) => {
      if (typeof event.data !== 'string') {
        options.onProblem?.('Сервер лекции прислал не текст.');
        return;
      }
      const parsed = parseServerMessage(event.data);
      if (parsed.ok) options.onMessage(parsed.message);
      else options.onProblem?.(parsed.error);
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = undefined;
      setStatus('closed');
      if (closed) return;
      const wait = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] ?? 8_000;
      attempt += 1;
      retry = setTimeout(open, wait);
    });
  };
  open();

  return {
    send(message) {
      if (!socket || socket.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(message));
      return true;
    },
    status: () => status,
    close() {
      closed = true;
      clearTimeout(retry);
      socket?.close();
      socket = undefined;
      setStatus('closed');
    },
  };
}

function safeSessionStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
