/**
 * The lecture server's pure session: roles by key, who may do what, one vote per page and question,
 * the answer kept from phones until revealed, rate budgets and bounded memory — each refusal with
 * one message and no change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LIVE_ERRORS,
  LIVE_VERSION,
  MAX_FOLLOWER_MESSAGE,
  type LiveQuestion,
  type LiveRole,
  type LiveState,
  type ServerMessage,
} from '../../../src/live/protocol.ts';
import {
  FOLLOWER_RATE,
  LECTURER_RATE,
  LiveSession,
  MAX_QUESTIONS_KEPT,
  MAX_VOTERS,
  type Send,
  type SessionOptions,
} from '../../../src/live/session.ts';

const LECTURER_KEY = 'l'.repeat(32);
const REMOTE_KEY = 'r'.repeat(32);
const question: LiveQuestion = {
  id: 'q1',
  text: 'Кто получит сообщение?',
  choices: ['Первый', 'Второй', 'Оба'],
  answer: 2,
};

function state(change: Partial<LiveState> = {}): LiveState {
  return {
    slide: 's-7',
    h: 7,
    v: 0,
    f: -1,
    widgets: [{ slot: 0, step: 2 }],
    question: null,
    revealed: false,
    ...change,
  };
}

/** A session and a clock; every call advances time by `tick` ms (1 s: budgets refill). */
function harness(options: Partial<SessionOptions> = {}, tick = 1_000) {
  const session = new LiveSession({
    lecturerKey: LECTURER_KEY,
    remoteKey: REMOTE_KEY,
    joinUrl: 'http://10.0.0.2:8080/?live',
    remoteUrl: `http://10.0.0.2:8080/?live&remote=${REMOTE_KEY}`,
    ...options,
  });
  let now = 0;
  const at = () => (now += tick);
  const send = (conn: string, message: unknown) =>
    session.receive(conn, typeof message === 'string' ? message : JSON.stringify(message), at());
  const join = (conn: string, role: LiveRole, id = conn, key?: string): Send[] => {
    session.open(conn, at());
    const k =
      key ?? (role === 'lecturer' ? LECTURER_KEY : role === 'remote' ? REMOTE_KEY : undefined);
    return send(conn, { t: 'hello', v: LIVE_VERSION, role, id, ...(k ? { key: k } : {}) });
  };
  return {
    session,
    send,
    join,
    setState: (s: LiveState) => send('lecturer', { t: 'state', state: s }),
    vote: (conn: string, choice: number, q = question.id) =>
      send(conn, { t: 'vote', question: q, choice }),
  };
}

const to = (sends: Send[], conn: string): ServerMessage[] =>
  sends.filter((s) => s.to.includes(conn)).map((s) => s.message);
const error = (message: string): ServerMessage => ({ t: 'error', message });

describe('roles and keys', () => {
  it('welcomes a follower with the current state and tells the lecturer the audience', () => {
    const h = harness();
    h.join('lecturer', 'lecturer');
    h.setState(state());
    const sends = h.join('p1', 'follower');
    expect(to(sends, 'p1')).toEqual([
      { t: 'welcome', role: 'follower', state: state(), tally: null, voted: null },
    ]);
    expect(to(sends, 'lecturer')).toEqual([{ t: 'audience', followers: 1, remotes: 0 }]);
    expect(to(h.session.close('p1'), 'lecturer')).toEqual([
      { t: 'audience', followers: 0, remotes: 0 },
    ]);
  });

  it('gives the lecturer the remote key and the addresses', () => {
    const h = harness();
    const [welcome] = to(h.join('lecturer', 'lecturer'), 'lecturer');
    expect(welcome).toMatchObject({
      t: 'welcome',
      role: 'lecturer',
      lecturer: { remoteKey: REMOTE_KEY, joinUrl: 'http://10.0.0.2:8080/?live' },
    });
  });

  it('refuses a wrong key and keeps the connection unintroduced', () => {
    const h = harness();
    for (const [role, key] of [
      ['lecturer', 'x'.repeat(32)],
      ['lecturer', REMOTE_KEY],
      ['remote', LECTURER_KEY],
    ] as const) {
      const conn = `${role}-${key}`;
      expect(h.join(conn, role, 'id', key)).toEqual([
        { to: [conn], message: error(LIVE_ERRORS.badKey) },
      ]);
      expect(h.send(conn, { t: 'state', state: state() })).toEqual([
        { to: [conn], message: error(LIVE_ERRORS.helloFirst) },
      ]);
    }
    expect(h.session.census()).toEqual({ lecturer: 0, follower: 0, remote: 0, unknown: 3 });
    expect(h.session.current()).toBeNull();
  });

  it('refuses a second hello and a message before hello', () => {
    const h = harness();
    h.session.open('p', 0);
    expect(h.vote('p', 0)).toEqual([{ to: ['p'], message: error(LIVE_ERRORS.helloFirst) }]);
    h.send('p', { t: 'hello', v: LIVE_VERSION, role: 'follower', id: 'p' });
    const again = h.send('p', {
      t: 'hello',
      v: LIVE_VERSION,
      role: 'lecturer',
      id: 'p',
      key: LECTURER_KEY,
    });
    expect(again).toEqual([{ to: ['p'], message: error(LIVE_ERRORS.helloTwice) }]);
    expect(h.session.census().lecturer).toBe(0);
  });

  it('lets neither a follower nor a remote set the state, and only a remote command', () => {
    const h = harness();
    h.join('lecturer', 'lecturer');
    h.setState(state());
    h.join('p1', 'follower');
    h.join('r', 'remote');
    for (const conn of ['p1', 'r'])
      expect(h.send(conn, { t: 'state', state: state({ slide: 's-99' }) })).toEqual([
        { to: [conn], message: error(LIVE_ERRORS.notAllowed) },
      ]);
    expect(h.session.current()).toEqual(state());
    expect(h.send('p1', { t: 'command', command: 'next' })).toEqual([
      { to: ['p1'], message: error(LIVE_ERRORS.notAllowed) },
    ]);
    expect(h.send('r', { t: 'command', command: 'next' })).toEqual([
      { to: ['lecturer'], message: { t: 'command', command: 'next' } },
    ]);
  });

  it('lets neither the remote nor the lecturer vote', () => {
    const h = harness();
    h.join('lecturer', 'lecturer');
    h.join('r', 'remote');
    h.setState(state({ question }));
    for (const conn of ['r', 'lecturer'])
      expect(h.vote(conn, 0)).toEqual([{ to: [conn], message: error(LIVE_ERRORS.notAllowed) }]);
    expect(h.session.tally()?.counts).toEqual([0, 0, 0]);
  });

  it('refuses a page of another protocol version with the message', () => {
    const h = harness();
    h.session.open('old', 0);
    const sends = h.send('old', { t: 'hello', v: LIVE_VERSION + 1, role: 'follower', id: 'o' });
    expect(sends).toEqual([{ to: ['old'], message: error(LIVE_ERRORS.version(LIVE_VERSION + 1)) }]);
    expect(h.session.census().unknown).toBe(1);
  });
});

describe('votes', () => {
  function open() {
    const h = harness();
    h.join('lecturer', 'lecturer');
    h.join('r', 'remote');
    h.setState(state({ question }));
    h.join('p1', 'follower');
    h.join('p2', 'follower');
    return h;
  }

  it('counts one vote per page; a second replaces the first, also after a reconnect', () => {
    const h = open();
    expect(to(h.vote('p1', 0), 'p1')).toEqual([{ t: 'voted', question: 'q1', choice: 0 }]);
    h.vote('p2', 0);
    h.vote('p1', 1);
    expect(h.session.tally()).toEqual({ question: 'q1', counts: [1, 1, 0], followers: 2 });
    h.session.close('p1');
    const back = to(h.join('p1-again', 'follower', 'p1'), 'p1-again');
    expect(back[0]).toMatchObject({ t: 'welcome', voted: 1 });
    h.vote('p1-again', 2);
    expect(h.session.tally()?.counts).toEqual([1, 0, 1]);
  });

  it('sends the tally to the lecturer and the remote on each vote, to phones only at the reveal', () => {
    const h = open();
    const sends = h.vote('p1', 2);
    const tally = { t: 'tally', tally: { question: 'q1', counts: [0, 0, 1], followers: 2 } };
    expect(to(sends, 'lecturer')).toEqual([tally]);
    expect(to(sends, 'r')).toEqual([tally]);
    expect(to(sends, 'p2')).toEqual([]);
    const reveal = h.setState(state({ question, revealed: true }));
    expect(to(reveal, 'p2')).toEqual([
      { t: 'state', state: state({ question, revealed: true }) },
      tally,
    ]);
  });

  it('takes votes only on the open question and closes them at the reveal', () => {
    const h = open();
    expect(h.vote('p1', 0, 'q0')).toEqual([{ to: ['p1'], message: error(LIVE_ERRORS.noQuestion) }]);
    expect(h.vote('p1', 3)).toEqual([{ to: ['p1'], message: error(LIVE_ERRORS.badChoice) }]);
    h.vote('p1', 0);
    h.setState(state({ question, revealed: true }));
    expect(h.vote('p2', 1)).toEqual([{ to: ['p2'], message: error(LIVE_ERRORS.closed) }]);
    expect(h.vote('p1', 1)).toEqual([{ to: ['p1'], message: error(LIVE_ERRORS.closed) }]);
    h.setState(state());
    expect(h.vote('p2', 1)).toEqual([{ to: ['p2'], message: error(LIVE_ERRORS.noQuestion) }]);
    expect(h.session.results()).toEqual([
      {
        question: 'q1',
        text: question.text,
        choices: question.choices,
        counts: [1, 0, 0],
        answer: 2,
      },
    ]);
  });

  it('keeps the answer from phones and the remote until revealed, not from the lecturer', () => {
    const h = harness();
    h.join('lecturer', 'lecturer');
    h.join('p1', 'follower');
    const hidden: LiveQuestion = {
      id: question.id,
      text: question.text,
      choices: question.choices,
    };
    const sends = h.setState(state({ question }));
    expect(to(sends, 'p1')).toEqual([{ t: 'state', state: state({ question: hidden }) }]);
    expect(to(h.join('p2', 'follower'), 'p2')[0]).toMatchObject({
      state: state({ question: hidden }),
      tally: null,
    });
    expect(to(h.join('r', 'remote'), 'r')[0]).toMatchObject({ state: state({ question: hidden }) });
    h.session.close('lecturer');
    expect(to(h.join('lecturer-2', 'lecturer'), 'lecturer-2')[0]).toMatchObject({
      state: state({ question }),
    });
  });
});

describe('back-to-back questions', () => {
  it('passes the answered question with its answer to phones while the next one stays open', () => {
    const h = harness();
    h.join('lecturer', 'lecturer');
    h.join('p1', 'follower');
    h.setState(state({ question: { id: 'q1', text: question.text, choices: question.choices } }));
    expect(h.vote('p1', 1)).toHaveLength(2);
    const next: LiveQuestion = { id: 'q2', text: 'А теперь?', choices: ['Да', 'Нет'] };
    const sends = h.setState(state({ question: next, answered: question }));
    // The new question is open (no answer); the one the step answered comes with its answer.
    expect(to(sends, 'p1')).toEqual([
      { t: 'state', state: state({ question: next, answered: question }) },
    ]);
    expect(h.vote('p1', 0, 'q2')).toHaveLength(2);
    expect(h.session.results()).toEqual([
      {
        question: 'q1',
        text: question.text,
        choices: question.choices,
        counts: [0, 1, 0],
        answer: 2,
      },
      { question: 'q2', text: next.text, choices: next.choices, counts: [1, 0], answer: undefined },
    ]);
  });
});

describe('budgets and bounds', () => {
  it('answers a follower’s flood with one error a second and changes nothing past its budget', () => {
    const h = harness({}, 0);
    h.join('lecturer', 'lecturer');
    h.setState(state({ question }));
    h.join('p1', 'follower');
    const flood = (now: number): ServerMessage[] => {
      const sends: Send[] = [];
      for (let i = 0; i < 100; i += 1) {
        const vote = JSON.stringify({ t: 'vote', question: 'q1', choice: i % 3 });
        sends.push(...h.session.receive('p1', vote, now));
      }
      return to(sends, 'p1');
    };
    // The budget left after hello is burst − 1; a flood of votes at one instant.
    const answered = flood(0);
    expect(answered.filter((m) => m.t === 'voted')).toHaveLength(FOLLOWER_RATE.burst - 1);
    expect(answered.filter((m) => m.t === 'error')).toEqual([error(LIVE_ERRORS.rate)]);
    const counted = h.session.tally()?.counts;
    // The last vote counted is the (burst − 1)-th: choice (burst − 2) mod 3.
    expect(counted).toEqual([0, 1, 2].map((c) => (c === (FOLLOWER_RATE.burst - 2) % 3 ? 1 : 0)));
    // Half a second later: the budget refilled by 2.5 — two votes pass, no second warning.
    const half = flood(500);
    expect(half.filter((m) => m.t === 'voted')).toHaveLength(2);
    expect(half.filter((m) => m.t === 'error')).toEqual([]);
    // A second after the warning: told once more.
    const later = flood(1_100);
    expect(later.filter((m) => m.t === 'voted')).toHaveLength(3);
    expect(later.filter((m) => m.t === 'error')).toEqual([error(LIVE_ERRORS.rate)]);
  });

  it('stops a lecturer’s flood of states at its budget', () => {
    const h = harness({}, 0);
    h.join('lecturer', 'lecturer');
    const replies: ServerMessage[] = [];
    for (let h2 = 0; h2 < LECTURER_RATE.burst + 50; h2 += 1)
      replies.push(...to(h.setState(state({ h: h2 })), 'lecturer'));
    expect(replies).toEqual([error(LIVE_ERRORS.rate)]);
    expect(h.session.current()?.h).toBe(LECTURER_RATE.burst - 1);
  });

  it('refuses a follower’s oversized message but lets the lecturer send a long widget link', () => {
    const h = harness();
    h.join('lecturer', 'lecturer');
    h.join('p1', 'follower');
    const big = JSON.stringify({
      t: 'vote',
      question: 'q'.repeat(MAX_FOLLOWER_MESSAGE),
      choice: 0,
    });
    expect(h.send('p1', big)).toEqual([
      { to: ['p1'], message: error(LIVE_ERRORS.tooLong(MAX_FOLLOWER_MESSAGE)) },
    ]);
    const shared = state({ widgets: [{ slot: 0, step: 1, shared: 'a'.repeat(16_000) }] });
    h.setState(shared);
    expect(h.session.current()).toEqual(shared);
    expect(h.send('lecturer', 'not json')).toEqual([
      { to: ['lecturer'], message: error(LIVE_ERRORS.notJson) },
    ]);
    expect(h.session.current()).toEqual(shared);
  });

  it('refuses connections past maxConnections', () => {
    const h = harness({ maxConnections: 3 });
    for (const c of ['a', 'b', 'c']) expect(h.session.open(c, 0)).toEqual([]);
    expect(h.session.open('d', 0)).toEqual([{ to: ['d'], message: error(LIVE_ERRORS.full) }]);
    expect(h.session.has('d')).toBe(false);
    h.session.close('a');
    expect(h.session.open('d', 0)).toEqual([]);
  });

  it(`keeps the votes of the last ${MAX_QUESTIONS_KEPT} questions only`, () => {
    const h = harness({}, 100);
    h.join('lecturer', 'lecturer');
    h.join('p1', 'follower');
    for (let i = 0; i < MAX_QUESTIONS_KEPT + 50; i += 1) {
      h.setState(state({ question: { ...question, id: `q${i}` } }));
      h.vote('p1', i % 3, `q${i}`);
    }
    const results = h.session.results();
    expect(results).toHaveLength(MAX_QUESTIONS_KEPT);
    expect(results[0]?.question).toBe('q50');
    expect(results.at(-1)).toMatchObject({ question: 'q149', counts: [0, 0, 1] });
  });

  it(`counts at most ${MAX_VOTERS} pages per question (a page may invent new ids)`, () => {
    const h = harness({}, 250);
    h.join('lecturer', 'lecturer');
    h.setState(state({ question }));
    h.join('p', 'follower', 'p0');
    h.vote('p', 0);
    let last: Send[] = [];
    for (let i = 1; i <= MAX_VOTERS; i += 1) {
      h.session.close('p');
      h.join('p', 'follower', `p${i}`);
      last = h.vote('p', 1);
    }
    expect(to(last, 'p')).toEqual([error(LIVE_ERRORS.tooManyVoters)]);
    expect(h.session.tally()?.counts).toEqual([1, MAX_VOTERS - 1, 0]);
  });
});

describe('property: the tally is each page’s last choice', () => {
  type Action =
    | { kind: 'vote'; page: number; choice: number }
    | { kind: 'reconnect'; page: number }
    | { kind: 'ask'; question: number }
    | { kind: 'reveal' };
  const action: fc.Arbitrary<Action> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('vote' as const),
        page: fc.nat(7),
        choice: fc.nat(2),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('reconnect' as const), page: fc.nat(7) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('ask' as const), question: fc.nat(2) }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'reveal' as const }) },
  );

  it('for any sequence of votes, reconnects, questions and reveals', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 80 }), (actions) => {
        const h = harness({}, 300);
        h.join('lecturer', 'lecturer');
        const conn = Array.from({ length: 8 }, (_, page) => `c${page}`);
        conn.forEach((c, page) => h.join(c, 'follower', `page${page}`));
        let generation = 0;
        let open: { id: string; revealed: boolean } | null = null;
        const expected = new Map<string, Map<string, number>>();
        for (const a of actions) {
          if (a.kind === 'ask') {
            open = { id: `q${a.question}`, revealed: false };
            h.setState(state({ question: { ...question, id: open.id } }));
            if (!expected.has(open.id)) expected.set(open.id, new Map());
          } else if (a.kind === 'reveal' && open) {
            open.revealed = true;
            h.setState(state({ question: { ...question, id: open.id }, revealed: true }));
          } else if (a.kind === 'reconnect') {
            h.session.close(conn[a.page]!);
            conn[a.page] = `c${a.page}-${(generation += 1)}`;
            h.join(conn[a.page]!, 'follower', `page${a.page}`);
          } else if (a.kind === 'vote') {
            const q = open?.id ?? 'q0';
            h.vote(conn[a.page]!, a.choice, q);
            if (open && !open.revealed) expected.get(q)?.set(`page${a.page}`, a.choice);
          }
        }
        for (const r of h.session.results()) {
          const counts = [0, 0, 0];
          for (const choice of expected.get(r.question)?.values() ?? []) counts[choice]! += 1;
          expect(r.counts).toEqual(counts);
        }
        expect(
          h.session
            .results()
            .map((r) => r.question)
            .sort(),
        ).toEqual([...expected.keys()].sort());
      }),
      { numRuns: 300 },
    );
  });
});
