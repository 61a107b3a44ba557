/**
 * Live mode in the hall (issue 15 §3): the messages between the lecture server (`npm run live`)
 * and the pages it serves — the lecturer's deck, the students' phones that follow it and vote, and
 * the lecturer's own phone used as a remote. JSON text over one WebSocket per page (`/live`).
 * Pure: no DOM, no Node; the server and the pages both parse with {@link parseClientMessage} /
 * {@link parseServerMessage}, which check every field and never throw.
 */

/** The protocol's version; a page and a server of other versions refuse each other with a message. */
export const LIVE_VERSION = 1;
/** The WebSocket path on the server that serves the deck. */
export const LIVE_PATH = '/live';

/** Who a connection is: the lecturer's deck, a student's phone, or the lecturer's phone as a remote. */
export type LiveRole = 'lecturer' | 'follower' | 'remote';
const ROLES: readonly LiveRole[] = ['lecturer', 'follower', 'remote'];

/** Longest message a follower or a remote may send, in UTF-16 units (a vote is ~80). */
export const MAX_FOLLOWER_MESSAGE = 1_024;
/** Longest message the lecturer may send (a state carries a widget link of ≤ 16 000 characters). */
export const MAX_LECTURER_MESSAGE = 40_000;
/** Longest client id (a page makes a random 22-character one). */
export const MAX_CLIENT_ID = 64;
/** Longest key (the server makes 32 hex digits). */
export const MAX_KEY = 128;

/** One widget on the lecturer's current slide, as the follower shows it. */
export interface LiveWidget {
  /** The widget's index among its slide's widget slots (slide 41 has two). */
  readonly slot: number;
  /** Scripted step the clicker is at. */
  readonly step: number;
  /**
   * The widget's state as a share link's `<data>` (widgets/runtime/share.ts), when the lecturer
   * acted in the lab on the stage; absent: the slide's story at `step`.
   */
  readonly shared?: string;
}

/** A question asked of the hall (a widget's «predict, then see», widgets/runtime/question.ts). */
export interface LiveQuestion {
  readonly id: string;
  readonly text: string;
  readonly choices: readonly string[];
  /** The right choice; sent only once the lecturer reveals the answer. */
  readonly answer?: number;
}

/** What the lecturer shows now; followers show the same. */
export interface LiveState {
  /** The current slide's id: `title` or `s-N`. */
  readonly slide: string;
  /** reveal.js indices, so a deck that follows lands on the same fragment. */
  readonly h: number;
  readonly v: number;
  readonly f: number;
  readonly widgets: readonly LiveWidget[];
  /** The question open now, or null. */
  readonly question: LiveQuestion | null;
  /** True once the lecturer showed the hall's votes (and the answer). */
  readonly revealed: boolean;
  /**
   * On a step that plays one question's answer and asks the next (order flow's sync story, the
   * acks story): the question it answered, with its `answer`; `question` is then the new one.
   */
  readonly answered?: LiveQuestion;
  /** The speaker view's lecture timer, for the remote: time run so far and whether it runs. */
  readonly timer?: LiveTimer;
}

/** The lecture timer as the speaker view keeps it. */
export interface LiveTimer {
  /** Milliseconds of lecture time run when the state was sent. */
  readonly elapsed: number;
  readonly running: boolean;
}

/** What a remote may ask the lecturer's deck to do. */
export type RemoteCommand = 'next' | 'prev' | 'pause' | 'resume' | 'reveal';
const COMMANDS: readonly RemoteCommand[] = ['next', 'prev', 'pause', 'resume', 'reveal'];

/** A message a page sends. */
export type ClientMessage =
  | {
      readonly t: 'hello';
      readonly v: number;
      readonly role: LiveRole;
      /** The page's own id, kept across reconnects (one vote per id and question). */
      readonly id: string;
      /** The lecturer's key (lecturer) or the remote key (remote); none for a follower. */
      readonly key?: string;
    }
  | { readonly t: 'state'; readonly state: LiveState }
  | { readonly t: 'vote'; readonly question: string; readonly choice: number }
  | { readonly t: 'command'; readonly command: RemoteCommand };

/** Counts of the hall's answers to one question, by choice. */
export interface LiveTally {
  readonly question: string;
  readonly counts: readonly number[];
  /** Phones connected when the tally was made (so «12 of 30 answered» can be shown). */
  readonly followers: number;
}

/** A message the server sends. */
export type ServerMessage =
  | {
      readonly t: 'welcome';
      readonly role: LiveRole;
      /** The lecturer's last state, or null before the lecturer has shown anything. */
      readonly state: LiveState | null;
      /** The current question's tally (lecturer, remote, and followers after the reveal). */
      readonly tally: LiveTally | null;
      /** This page's own vote on the current question, if it voted (a follower that came back). */
      readonly voted: number | null;
      /** Lecturer only: the remote's key and the addresses to show as QR codes. */
      readonly lecturer?: {
        readonly remoteKey: string;
        readonly joinUrl: string;
        readonly remoteUrl: string;
      };
    }
  | { readonly t: 'state'; readonly state: LiveState }
  | { readonly t: 'tally'; readonly tally: LiveTally }
  /** Lecturer only: how many phones follow. */
  | { readonly t: 'audience'; readonly followers: number; readonly remotes: number }
  /** Lecturer only: a remote's command. */
  | { readonly t: 'command'; readonly command: RemoteCommand }
  /** A vote was counted (to the voter). */
  | { readonly t: 'voted'; readonly question: string; readonly choice: number }
  /** A message was refused; nothing changed. Russian, plain text. */
  | { readonly t: 'error'; readonly message: string };

/** Why a message was refused (the text the sender sees). */
export const LIVE_ERRORS = {
  notJson: 'Сообщение не разобрано: это не JSON.',
  tooLong: (limit: number) => `Сообщение длиннее ${limit.toLocaleString('ru-RU')} знаков.`,
  shape: (what: string) => `Сообщение не по протоколу: ${what}.`,
  version: (v: unknown) =>
    `Версия протокола ${String(v)} не поддерживается (сервер: ${LIVE_VERSION}). Обновите страницу.`,
  helloFirst: 'Сначала представьтесь (hello).',
  helloTwice: 'Это соединение уже представилось.',
  badKey: 'Неверный ключ: управлять лекцией может только лектор.',
  notAllowed: 'Это действие доступно только лектору.',
  noQuestion: 'Сейчас нет открытого вопроса с таким номером.',
  closed: 'Ответы на этот вопрос уже показаны — голосование закрыто.',
  badChoice: 'Такого варианта ответа нет.',
  rate: 'Слишком много сообщений: подождите секунду.',
  full: 'Слишком много подключений к лекции.',
  tooManyVoters: 'На этот вопрос ответило слишком много страниц: новые голоса не принимаются.',
} as const;

/** A parsed message, or why it is refused. */
export type Parsed<T> =
  { readonly ok: true; readonly message: T } | { readonly ok: false; readonly error: string };

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isIndex = (n: unknown, max: number): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max;

const isText = (s: unknown, max: number): s is string =>
  typeof s === 'string' && s.length > 0 && s.length <= max;

/** Largest reveal.js index, step or slot number a state may carry. */
const MAX_INDEX = 10_000;
/** Most widgets on one slide, choices in a question, characters in a question's texts. */
const MAX_WIDGETS = 8;
const MAX_CHOICES = 4;
const MAX_QUESTION_TEXT = 200;
const MAX_CHOICE_TEXT = 80;
const MAX_QUESTION_ID = 120;
const MAX_SHARED = 16_000;

function fail<T>(what: string): Parsed<T> {
  return { ok: false, error: LIVE_ERRORS.shape(what) };
}

function parseQuestion(value: unknown): LiveQuestion | null | undefined {
  if (value === null) return null;
  if (!isRecord(value)) return undefined;
  const { id, text, choices, answer } = value;
  if (!isText(id, MAX_QUESTION_ID) || !isText(text, MAX_QUESTION_TEXT)) return undefined;
  if (!Array.isArray(choices) || choices.length < 2 || choices.length > MAX_CHOICES)
    return undefined;
  if (!choices.every((c) => isText(c, MAX_CHOICE_TEXT))) return undefined;
  if (answer !== undefined && !isIndex(answer, choices.length - 1)) return undefined;
  const list = choices as string[];
  return answer === undefined ? { id, text, choices: list } : { id, text, choices: list, answer };
}

function parseWidget(value: unknown): LiveWidget | undefined {
  if (!isRecord(value)) return undefined;
  const { slot, step, shared } = value;
  if (!isIndex(slot, MAX_WIDGETS) || !isIndex(step, MAX_INDEX)) return undefined;
  if (shared === undefined) return { slot, step };
  return isText(shared, MAX_SHARED) ? { slot, step, shared } : undefined;
}

/** Checks a state's every field; undefined when anything is off. */
export function parseState(value: unknown): LiveState | undefined {
  if (!isRecord(value)) return undefined;
  const { slide, h, v, f, widgets, question, revealed } = value;
  if (typeof slide !== 'string' || !/^(title|s-\d{1,3})$/.test(slide)) return undefined;
  if (!isIndex(h, MAX_INDEX) || !isIndex(v, MAX_INDEX)) return undefined;
  if (typeof f !== 'number' || !Number.isInteger(f) || f < -1 || f > MAX_INDEX) return undefined;
  if (!Array.isArray(widgets) || widgets.length > MAX_WIDGETS) return undefined;
  const parsedWidgets: LiveWidget[] = [];
  for (const w of widgets) {
    const parsed = parseWidget(w);
    if (!parsed) return undefined;
    parsedWidgets.push(parsed);
  }
  const parsedQuestion = parseQuestion(question);
  if (parsedQuestion === undefined || typeof revealed !== 'boolean') return undefined;
  let state: LiveState = {
    slide,
    h,
    v,
    f,
    widgets: parsedWidgets,
    question: parsedQuestion,
    revealed,
  };
  const answered = value['answered'];
  if (answered !== undefined) {
    // An answered question always carries its answer.
    const parsed = parseQuestion(answered);
    if (!parsed || parsed.answer === undefined) return undefined;
    state = { ...state, answered: parsed };
  }
  const timer = value['timer'];
  if (timer === undefined) return state;
  if (!isRecord(timer) || !isIndex(timer['elapsed'], 1e9) || typeof timer['running'] !== 'boolean')
    return undefined;
  return { ...state, timer: { elapsed: timer['elapsed'], running: timer['running'] } };
}

function parseJson(text: string, limit: number): Parsed<Json> {
  if (text.length > limit) return { ok: false, error: LIVE_ERRORS.tooLong(limit) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: LIVE_ERRORS.notJson };
  }
  return isRecord(value) ? { ok: true, message: value } : fail('не объект');
}

/**
 * A page's message, checked: `limit` is the sender's size limit ({@link MAX_FOLLOWER_MESSAGE}
 * until it is known to be the lecturer).
 */
export function parseClientMessage(text: string, limit: number): Parsed<ClientMessage> {
  const json = parseJson(text, limit);
  if (!json.ok) return json;
  const m = json.message;
  switch (m['t']) {
    case 'hello': {
      const { v, role, id, key } = m;
      if (v !== LIVE_VERSION) return { ok: false, error: LIVE_ERRORS.version(v) };
      if (!ROLES.includes(role as LiveRole)) return fail('неизвестная роль');
      if (typeof id !== 'string' || !/^[\w-]{1,64}$/.test(id)) return fail('id страницы');
      if (key !== undefined && !isText(key, MAX_KEY)) return fail('ключ');
      const hello = { t: 'hello', v, role: role as LiveRole, id } as const;
      return { ok: true, message: key === undefined ? hello : { ...hello, key } };
    }
    case 'state': {
      const state = parseState(m['state']);
      return state ? { ok: true, message: { t: 'state', state } } : fail('состояние');
    }
    case 'vote': {
      const { question, choice } = m;
      if (!isText(question, MAX_QUESTION_ID) || !isIndex(choice, MAX_CHOICES - 1))
        return fail('голос');
      return { ok: true, message: { t: 'vote', question, choice } };
    }
    case 'command': {
      const command = m['command'];
      return COMMANDS.includes(command as RemoteCommand)
        ? { ok: true, message: { t: 'command', command: command as RemoteCommand } }
        : fail('команда');
    }
    default:
      return fail('неизвестный тип');
  }
}

function parseTally(value: unknown): LiveTally | undefined {
  if (!isRecord(value)) return undefined;
  const { question, counts, followers } = value;
  if (!isText(question, MAX_QUESTION_ID) || !Array.isArray(counts)) return undefined;
  if (counts.length > MAX_CHOICES || !counts.every((c) => isIndex(c, 1e9))) return undefined;
  if (!isIndex(followers, 1e9)) return undefined;
  return { question, counts: counts as number[], followers };
}

/** Largest server message a page reads (a state and a tally; the page's own limit). */
export const MAX_SERVER_MESSAGE = 64_000;

/** The server's message, checked: a page never acts on a field it did not check. */
export function parseServerMessage(text: string): Parsed<ServerMessage> {
  const json = parseJson(text, MAX_SERVER_MESSAGE);
  if (!json.ok) return json;
  const m = json.message;
  switch (m['t']) {
    case 'welcome': {
      const { role, state, tally, voted, lecturer } = m;
      if (!ROLES.includes(role as LiveRole)) return fail('роль');
      const parsedState = state === null ? null : parseState(state);
      const parsedTally = tally === null ? null : parseTally(tally);
      if (parsedState === undefined || parsedTally === undefined) return fail('приветствие');
      if (voted !== null && !isIndex(voted, MAX_CHOICES - 1)) return fail('голос');
      const welcome = {
        t: 'welcome',
        role: role as LiveRole,
        state: parsedState,
        tally: parsedTally,
        voted: voted as number | null,
      } as const;
      if (lecturer === undefined) return { ok: true, message: welcome };
      if (!isRecord(lecturer)) return fail('данные лектора');
      const { remoteKey, joinUrl, remoteUrl } = lecturer;
      if (!isText(remoteKey, MAX_KEY) || !isText(joinUrl, 2_000) || !isText(remoteUrl, 2_000))
        return fail('данные лектора');
      return { ok: true, message: { ...welcome, lecturer: { remoteKey, joinUrl, remoteUrl } } };
    }
    case 'state': {
      const state = parseState(m['state']);
      return state ? { ok: true, message: { t: 'state', state } } : fail('состояние');
    }
    case 'tally': {
      const tally = parseTally(m['tally']);
      return tally ? { ok: true, message: { t: 'tally', tally } } : fail('итоги');
    }
    case 'audience': {
      const { followers, remotes } = m;
      return isIndex(followers, 1e9) && isIndex(remotes, 1e9)
        ? { ok: true, message: { t: 'audience', followers, remotes } }
        : fail('слушатели');
    }
    case 'command': {
      const command = m['command'];
      return COMMANDS.includes(command as RemoteCommand)
        ? { ok: true, message: { t: 'command', command: command as RemoteCommand } }
        : fail('команда');
    }
    case 'voted': {
      const { question, choice } = m;
      return isText(question, MAX_QUESTION_ID) && isIndex(choice, MAX_CHOICES - 1)
        ? { ok: true, message: { t: 'voted', question, choice } }
        : fail('голос');
    }
    case 'error': {
      const message = m['message'];
      return isText(message, 500) ? { ok: true, message: { t: 'error', message } } : fail('ошибка');
    }
    default:
      return fail('неизвестный тип');
  }
}
