/**
 * The lecturer's phone as a remote (issue 15 §3, `?live&remote=KEY` from the lecture server): big
 * «←» and «→» that move the lecturer's deck, the current slide's number, title and speaker notes
 * (read from this page's own built slides), the lecture timer of the speaker view (ticking here
 * while it runs) with pause and resume, and «Показать голоса» while a question is open. Only the
 * key the speaker view shows opens it: with another the server's refusal is shown, and nothing else.
 */
import type { LiveState, LiveTally, RemoteCommand, ServerMessage } from '../live/protocol.ts';
import { queryValue } from '../lecture/query.ts';
import { connectLive, LIVE_QUERY, type LiveLink, type LiveStatus } from '../page/live-link.ts';
import { LIVE_STATUS_CLASS } from '../page/live-status.ts';
import './remote.css';

/** Classes of the remote (styles: ./remote.css). */
export const REMOTE_CLASS = {
  page: 'remote',
  bar: 'remote-bar',
  status: 'remote-status',
  slide: 'remote-slide',
  nav: 'remote-nav',
  timer: 'remote-timer',
  clock: 'remote-clock',
  vote: 'remote-vote',
  notes: 'remote-notes',
  error: 'remote-error',
} as const;

const STATUS_TEXT: Record<LiveStatus, string> = {
  connecting: 'Подключаемся…',
  open: 'На связи',
  closed: 'Переподключение…',
};

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

/** «12:05» or «1:02:05» for `ms` milliseconds. */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1_000));
  const s = String(total % 60).padStart(2, '0');
  const m = Math.floor(total / 60) % 60;
  const hours = Math.floor(total / 3_600);
  return hours > 0 ? `${hours}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Replaces the page with the remote for the lecture at this page's server. */
export function startRemoteView(deck: ParentNode): void {
  const key = queryValue(window.location.search, LIVE_QUERY.remote) ?? '';
  const sections = new Map<string, HTMLElement>();
  for (const child of deck.children)
    if (child instanceof HTMLElement && child.tagName === 'SECTION' && child.id)
      sections.set(child.id, child);
  const numbered = [...sections.values()].filter((s) => s.dataset['section'] !== undefined).length;

  let state: LiveState | null = null;
  let tally: LiveTally | null = null;
  let welcomed = false;
  let timerAt = 0;

  const status = el(
    'p',
    { class: `${REMOTE_CLASS.status} ${LIVE_STATUS_CLASS}`, role: 'status' },
    STATUS_TEXT.connecting,
  );
  const number = el('p', { class: `${REMOTE_CLASS.slide}-number` }, 'Ждём лектора…');
  const title = el('h1', { class: `${REMOTE_CLASS.slide}-title` });
  const prev = el('button', { type: 'button', name: 'prev', 'aria-label': 'Назад' }, '←');
  const next = el('button', { type: 'button', name: 'next', 'aria-label': 'Вперёд' }, '→');
  const clock = el('span', { class: REMOTE_CLASS.clock, 'aria-label': 'Время лекции' });
  const pause = el('button', { type: 'button', name: 'pause' });
  const timer = el('div', { class: REMOTE_CLASS.timer, hidden: '' });
  timer.append(clock, pause);
  const reveal = el('button', { type: 'button', name: 'reveal' }, 'Показать голоса');
  const answered = el('p', { class: `${REMOTE_CLASS.vote}-count` });
  const question = el('p', { class: `${REMOTE_CLASS.vote}-text` });
  const vote = el('section', { class: REMOTE_CLASS.vote, hidden: '', 'aria-label': 'Вопрос' });
  vote.append(question, answered, reveal);
  const said = el('p', { class: `${REMOTE_CLASS.status}-said`, role: 'alert' });
  const notesTitle = el('h2', {}, 'Заметки докладчика');
  const notes = el('div', { class: REMOTE_CLASS.notes });
  const nav = el('div', { class: REMOTE_CLASS.nav });
  nav.append(prev, next);
  const slide = el('section', { class: REMOTE_CLASS.slide });
  slide.append(number, title);
  const main = el('main', {});
  main.append(slide, nav, said, timer, vote, notesTitle, notes);
  const bar = el('header', { class: REMOTE_CLASS.bar });
  bar.append(el('span', {}, 'Пульт лектора'), status);
  const page = el('div', { class: REMOTE_CLASS.page });
  page.append(bar, main);
  const buttons = [prev, next, pause, reveal];
  for (const b of buttons) b.disabled = true;

  const send = (command: RemoteCommand): void => {
    said.textContent = link.send({ t: 'command', command })
      ? ''
      : 'Нет связи с лекцией — команда не отправлена.';
  };
  prev.addEventListener('click', () => send('prev'));
  next.addEventListener('click', () => send('next'));
  reveal.addEventListener('click', () => send('reveal'));
  pause.addEventListener('click', () => send(state?.timer?.running ? 'pause' : 'resume'));

  const tick = (): void => {
    const t = state?.timer;
    if (!t) return;
    clock.textContent = clockText(t.elapsed + (t.running ? performance.now() - timerAt : 0));
  };

  const render = (): void => {
    for (const b of buttons) b.disabled = !welcomed;
    if (!state) {
      number.textContent = 'Лектор ещё не начал';
      title.textContent = '';
      notes.replaceChildren();
      timer.hidden = true;
      vote.hidden = true;
      return;
    }
    const section = sections.get(state.slide);
    const n = section?.dataset['section'];
    number.textContent = n === undefined ? 'Титульный слайд' : `Слайд ${n} из ${numbered}`;
    title.textContent =
      section?.querySelector('.slide-title, h1')?.textContent?.trim() ?? state.slide;
    const aside = section?.querySelector('aside.notes');
    if (notes.dataset['slide'] !== state.slide) {
      notes.dataset['slide'] = state.slide;
      notes.replaceChildren(...[...(aside?.childNodes ?? [])].map((c) => c.cloneNode(true)));
      if (!aside) notes.textContent = 'К этому слайду заметок нет.';
    }
    const t = state.timer;
    timer.hidden = !t;
    pause.textContent = t?.running ? 'Пауза' : 'Продолжить';
    tick();
    const q = state.question;
    vote.hidden = !q;
    reveal.hidden = !q || state.revealed;
    question.textContent = q?.text ?? '';
    const counts = tally && q && tally.question === q.id ? tally.counts : undefined;
    const total = counts?.reduce((a, b) => a + b, 0) ?? 0;
    answered.textContent = counts
      ? `Ответили ${total} из ${tally?.followers ?? 0}${state.revealed ? ' · голоса показаны' : ''}`
      : '';
  };

  const refuse = (message: string): void => {
    // A wrong key: the server's words, no controls, no reconnecting with the same key.
    link.close();
    page.replaceChildren(bar);
    status.textContent = 'Нет доступа';
    const box = el('main', { class: REMOTE_CLASS.error, role: 'alert' });
    box.append(
      el('h1', {}, 'Пульт не подключён'),
      el('p', {}, message),
      el('p', {}, 'Откройте адрес пульта (QR-код) из режима докладчика на ноутбуке лектора.'),
    );
    page.append(box);
  };

  const onMessage = (message: ServerMessage): void => {
    switch (message.t) {
      case 'welcome':
        welcomed = true;
        state = message.state;
        tally = message.tally;
        timerAt = performance.now();
        render();
        return;
      case 'state':
        state = message.state;
        timerAt = performance.now();
        render();
        return;
      case 'tally':
        tally = message.tally;
        render();
        return;
      case 'error':
        if (!welcomed) refuse(message.message);
        else said.textContent = message.message;
        return;
      default:
        return;
    }
  };

  document.documentElement.classList.add('remote-mode');
  document.title = 'Пульт лектора — Брокеры сообщений';
  document.body.replaceChildren(page);
  render();
  const link: LiveLink = connectLive({
    role: 'remote',
    key,
    onMessage,
    onStatus(next) {
      status.dataset['status'] = next;
      status.textContent = STATUS_TEXT[next];
    },
    onProblem: (text) => console.warn(`Сервер лекции: ${text}`),
  });
  window.setInterval(tick, 1_000);
}
