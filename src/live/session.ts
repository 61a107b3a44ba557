/**
 * The lecture server's session (issue 15 §3), pure: connections, who they are, the lecturer's
 * state, the hall's votes and each connection's message budget. The Node server
 * (src/live-server/) feeds it every open, message and close with the time, and carries out the
 * effects it returns (messages to send, as data). Deterministic: no clock, no timers, no I/O, so
 * the load test's figures and the unit tests replay exactly.
 *
 * What it guarantees: only the lecturer's key sets the state; only the remote key commands the
 * deck; one vote per page id and question (a second replaces the first), only on the open
 * question and only before its answer is shown; a refused message changes nothing and its
 * sender gets one message saying why. Memory is bounded: connections ≤ `maxConnections`, votes
 * kept for the last {@link MAX_QUESTIONS_KEPT} questions, ≤ {@link MAX_VOTERS} pages each.
 */
import {
  LIVE_ERRORS,
  MAX_FOLLOWER_MESSAGE,
  MAX_LECTURER_MESSAGE,
  parseClientMessage,
  type ClientMessage,
  type LiveRole,
  type LiveState,
  type LiveTally,
  type RemoteCommand,
  type ServerMessage,
} from './protocol.ts';

/** A connection's handle, chosen by the server (any unique string). */
export type ConnId = string;

/** Something the server must do: send one message to some connections. */
export interface Send {
  readonly to: readonly ConnId[];
  /** One object for every recipient: the server serialises it once. */
  readonly message: ServerMessage;
}

/** A message budget: `burst` at once, refilled at `perSecond`. */
export interface Rate {
  readonly perSecond: number;
  readonly burst: number;
}

export interface SessionOptions {
  /** The key in the lecturer's address (only the lecture server's console shows it). */
  readonly lecturerKey: string;
  /** The key the speaker view shows for the lecturer's phone. */
  readonly remoteKey: string;
  /** The address phones open to follow (shown as a QR code). */
  readonly joinUrl: string;
  /** The address the lecturer's phone opens as the remote (carries the remote key). */
  readonly remoteUrl: string;
  /** Connections at once; more are refused (default {@link MAX_CONNECTIONS}). */
  readonly maxConnections?: number;
  /** Budget of a follower's or remote's messages (default {@link FOLLOWER_RATE}). */
  readonly followerRate?: Rate;
  /** Budget of the lecturer's messages (default {@link LECTURER_RATE}). */
  readonly lecturerRate?: Rate;
}

export const MAX_CONNECTIONS = 2_000;
/** A phone votes and says hello: a handful a second is plenty, a flood is cut at once. */
export const FOLLOWER_RATE: Rate = { perSecond: 5, burst: 20 };
/** The lecturer's deck sends a state per slide or step; a held → key repeats about 30 a second. */
export const LECTURER_RATE: Rate = { perSecond: 60, burst: 200 };
/** Questions whose votes are kept (the lecture asks 22; going back to one finds its votes). */
export const MAX_QUESTIONS_KEPT = 100;
/**
 * Pages counted per question. A page chooses its own id, so one phone that reconnects under new
 * ids could otherwise grow a question's votes without end; a hall is far below this.
 */
export const MAX_VOTERS = MAX_CONNECTIONS;

interface Connection {
  role: LiveRole | undefined;
  /** The page's id (from its hello). */
  page: string | undefined;
  tokens: number;
  refilledAt: number;
  /** When this connection was last told it sends too much (told once a second at most). */
  warnedAt: number;
}

/** The votes on one question: page id → choice; choices counted for the tally. */
interface Votes {
  readonly byPage: Map<string, number>;
  readonly counts: number[];
}

/** A question's result, for the lecturer's export. */
export interface QuestionResult {
  readonly question: string;
  readonly text: string;
  readonly choices: readonly string[];
  readonly counts: readonly number[];
  readonly answer: number | undefined;
}

export class LiveSession {
  private readonly connections = new Map<ConnId, Connection>();
  /** Connections by role, kept with `connections`: a vote's recipients without a scan of all. */
  private readonly byRole: Record<LiveRole, Set<ConnId>> = {
    lecturer: new Set(),
    follower: new Set(),
    remote: new Set(),
  };
  private readonly votes = new Map<string, Votes>();
  /** Questions seen, by id: their text and choices, for the export. */
  private readonly asked = new Map<
    string,
    { text: string; choices: readonly string[]; answer?: number }
  >();
  private state: LiveState | null = null;
  private readonly options: Required<SessionOptions>;

  constructor(options: SessionOptions) {
    this.options = {
      maxConnections: MAX_CONNECTIONS,
      followerRate: FOLLOWER_RATE,
      lecturerRate: LECTURER_RATE,
      ...options,
    };
  }

  /** A connection opened at `now` (ms); refused (one error) when the session is full. */
  open(conn: ConnId, now: number): Send[] {
    if (this.connections.size >= this.options.maxConnections)
      return [{ to: [conn], message: { t: 'error', message: LIVE_ERRORS.full } }];
    const { burst } = this.options.followerRate;
    this.connections.set(conn, {
      role: undefined,
      page: undefined,
      tokens: burst,
      refilledAt: now,
      warnedAt: -Infinity,
    });
    return [];
  }

  /** True for a connection the session holds (a refused one is not: the server closes it). */
  has(conn: ConnId): boolean {
    return this.connections.has(conn);
  }

  /** A connection closed. */
  close(conn: ConnId): Send[] {
    const c = this.connections.get(conn);
    if (!c) return [];
    this.connections.delete(conn);
    if (c.role) this.byRole[c.role].delete(conn);
    return c.role === 'follower' || c.role === 'remote' ? [this.audience()] : [];
  }

  /** A message `text` from `conn` at `now` (ms). */
  receive(conn: ConnId, text: string, now: number): Send[] {
    const c = this.connections.get(conn);
    if (!c) return [];
    if (!this.spend(c, now)) {
      if (now - c.warnedAt < 1_000) return [];
      c.warnedAt = now;
      return [this.error(conn, LIVE_ERRORS.rate)];
    }
    const limit = c.role === 'lecturer' ? MAX_LECTURER_MESSAGE : MAX_FOLLOWER_MESSAGE;
    const parsed = parseClientMessage(text, limit);
    if (!parsed.ok) return [this.error(conn, parsed.error)];
    return this.handle(conn, c, parsed.message);
  }

  /** The lecturer's state now (null before the first). */
  current(): LiveState | null {
    return this.state;
  }

  /** Connections by role (and not yet introduced), for the server's console and the tests. */
  census(): Record<LiveRole | 'unknown', number> {
    const lecturer = this.byRole.lecturer.size;
    const follower = this.byRole.follower.size;
    const remote = this.byRole.remote.size;
    const unknown = this.connections.size - lecturer - follower - remote;
    return { lecturer, follower, remote, unknown };
  }

  /** Every question asked so far with its counts, in the order first asked. */
  results(): QuestionResult[] {
    return [...this.asked].map(([question, q]) => ({
      question,
      text: q.text,
      choices: q.choices,
      counts: this.votes.get(question)?.counts ?? q.choices.map(() => 0),
      answer: q.answer,
    }));
  }

  /** The tally of the open question, or null. */
  tally(): LiveTally | null {
    const q = this.state?.question;
    if (!q) return null;
    const counts = this.votes.get(q.id)?.counts ?? q.choices.map(() => 0);
    return { question: q.id, counts: [...counts], followers: this.census().follower };
  }

  private spend(c: Connection, now: number): boolean {
    const rate = c.role === 'lecturer' ? this.options.lecturerRate : this.options.followerRate;
    const elapsed = Math.max(0, now - c.refilledAt);
    c.tokens = Math.min(rate.burst, c.tokens + (elapsed * rate.perSecond) / 1_000);
    c.refilledAt = now;
    if (c.tokens < 1) return false;
    c.tokens -= 1;
    return true;
  }

  private error(conn: ConnId, message: string): Send {
    return { to: [conn], message: { t: 'error', message } };
  }

  private connsOf(...roles: LiveRole[]): ConnId[] {
    return roles.flatMap((role) => [...this.byRole[role]]);
  }

  private audience(): Send {
    const census = this.census();
    return {
      to: this.connsOf('lecturer'),
      message: { t: 'audience', followers: census.follower, remotes: census.remote },
    };
  }

  private handle(conn: ConnId, c: Connection, m: ClientMessage): Send[] {
    if (m.t === 'hello') return this.hello(conn, c, m);
    if (!c.role) return [this.error(conn, LIVE_ERRORS.helloFirst)];
    switch (m.t) {
      case 'state':
        return c.role === 'lecturer'
          ? this.setState(m.state)
          : [this.error(conn, LIVE_ERRORS.notAllowed)];
      case 'vote':
        return c.role === 'follower' && c.page
          ? this.vote(conn, c.page, m.question, m.choice)
          : [this.error(conn, LIVE_ERRORS.notAllowed)];
      case 'command':
        return c.role === 'remote'
          ? this.command(m.command)
          : [this.error(conn, LIVE_ERRORS.notAllowed)];
    }
  }

  private hello(conn: ConnId, c: Connection, m: Extract<ClientMessage, { t: 'hello' }>): Send[] {
    if (c.role) return [this.error(conn, LIVE_ERRORS.helloTwice)];
    const wanted =
      m.role === 'lecturer'
        ? this.options.lecturerKey
        : m.role === 'remote'
          ? this.options.remoteKey
          : undefined;
    if (wanted !== undefined && m.key !== wanted) return [this.error(conn, LIVE_ERRORS.badKey)];
    c.role = m.role;
    c.page = m.id;
    this.byRole[m.role].add(conn);
    if (m.role === 'lecturer') {
      // The lecturer's budget from now on (a held → key sends many states).
      c.tokens = this.options.lecturerRate.burst;
    }
    const q = this.state?.question;
    const voted = q ? (this.votes.get(q.id)?.byPage.get(m.id) ?? null) : null;
    const showTally = m.role !== 'follower' || this.state?.revealed === true;
    const welcome: ServerMessage = {
      t: 'welcome',
      role: m.role,
      // The lecturer's deck that comes back gets its state whole (the answer too).
      state: this.state && m.role !== 'lecturer' ? this.forFollowers(this.state) : this.state,
      tally: showTally ? this.tally() : null,
      voted,
      ...(m.role === 'lecturer'
        ? {
            lecturer: {
              remoteKey: this.options.remoteKey,
              joinUrl: this.options.joinUrl,
              remoteUrl: this.options.remoteUrl,
            },
          }
        : {}),
    };
    const sends: Send[] = [{ to: [conn], message: welcome }];
    if (m.role === 'lecturer') {
      sends.push({ to: [conn], message: this.audience().message });
    } else sends.push(this.audience());
    return sends;
  }

  /** The state as phones get it: the answer only once revealed. */
  private forFollowers(state: LiveState): LiveState {
    const q = state.question;
    if (!q || state.revealed || q.answer === undefined) return state;
    return { ...state, question: { id: q.id, text: q.text, choices: q.choices } };
  }

  private setState(state: LiveState): Send[] {
    const before = this.state;
    this.state = state;
    const q = state.question;
    if (q) {
      const known = this.asked.get(q.id);
      this.asked.set(q.id, {
        text: q.text,
        choices: q.choices,
        ...((q.answer ?? known?.answer) !== undefined ? { answer: q.answer ?? known?.answer } : {}),
      });
      if (!this.votes.has(q.id)) {
        this.votes.set(q.id, { byPage: new Map(), counts: q.choices.map(() => 0) });
        this.forgetOldest();
      }
    }
    // A step that answers one question and asks the next: the export keeps the first's answer.
    const answered = state.answered;
    const known = answered ? this.asked.get(answered.id) : undefined;
    if (answered && known && answered.answer !== undefined)
      this.asked.set(answered.id, { ...known, answer: answered.answer });
    const sends: Send[] = [
      {
        to: this.connsOf('follower', 'remote'),
        message: { t: 'state', state: this.forFollowers(state) },
      },
    ];
    const tally = this.tally();
    const revealedNow = state.revealed && (!before?.revealed || before.question?.id !== q?.id);
    if (tally && revealedNow)
      sends.push({ to: this.connsOf('follower'), message: { t: 'tally', tally } });
    return sends;
  }

  private forgetOldest(): void {
    while (this.votes.size > MAX_QUESTIONS_KEPT) {
      const oldest = this.votes.keys().next().value;
      if (oldest === undefined) return;
      this.votes.delete(oldest);
      this.asked.delete(oldest);
    }
  }

  private vote(conn: ConnId, page: string, question: string, choice: number): Send[] {
    const q = this.state?.question;
    if (!q || q.id !== question) return [this.error(conn, LIVE_ERRORS.noQuestion)];
    if (this.state?.revealed) return [this.error(conn, LIVE_ERRORS.closed)];
    if (choice >= q.choices.length) return [this.error(conn, LIVE_ERRORS.badChoice)];
    const votes = this.votes.get(q.id);
    if (!votes) return [this.error(conn, LIVE_ERRORS.noQuestion)];
    const earlier = votes.byPage.get(page);
    if (earlier === undefined && votes.byPage.size >= MAX_VOTERS)
      return [this.error(conn, LIVE_ERRORS.tooManyVoters)];
    if (earlier !== undefined) votes.counts[earlier] = (votes.counts[earlier] ?? 1) - 1;
    votes.byPage.set(page, choice);
    votes.counts[choice] = (votes.counts[choice] ?? 0) + 1;
    const tally = this.tally();
    return [
      { to: [conn], message: { t: 'voted', question, choice } },
      ...(tally
        ? [{ to: this.connsOf('lecturer', 'remote'), message: { t: 'tally', tally } } as const]
        : []),
    ];
  }

  private command(command: RemoteCommand): Send[] {
    return [{ to: this.connsOf('lecturer'), message: { t: 'command', command } }];
  }
}
