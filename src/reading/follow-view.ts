/**
 * A student's phone in the hall (issue 15 §3, `?live` from the lecture server): the lecturer's
 * current slide only, as the reading view shows a slide but laid out for the phone (text, code,
 * the widget in its stage face at the lecturer's step), following every state the server sends
 * without a reload; the vote on the lecturer's open question; «Попробовать самому» opens the
 * widgets' lab for the student (the page stops following) and «Вернуться к лектору» brings it
 * back to the lecturer's state in one tap. It never starts reveal.js.
 */
import type { LiveState, LiveTally, ServerMessage } from '../live/protocol.ts';
import { connectLive, type LiveLink, type LiveStatus } from '../page/live-link.ts';
import { h } from '../widgets/runtime/dom.ts';
import { followWidgets, type FollowWidgets } from './follow-widgets.ts';
import { createVotePanel, type MyVote } from './follow-vote.ts';
import { LIVE_STATUS_CLASS } from '../page/live-status.ts';
import './follow.css';

/** Classes of the follow view (styles: ./follow.css). */
export const FOLLOW_CLASS = {
  page: 'follow',
  bar: 'follow-bar',
  status: 'follow-status',
  main: 'follow-main',
  waiting: 'follow-waiting',
  slide: 'follow-slide',
  meta: 'follow-meta',
  frame: 'follow-frame',
  notes: 'follow-notes',
  tryIt: 'follow-try',
  back: 'follow-back',
} as const;

const LECTURE_TITLE = 'Брокеры сообщений — Redis, RabbitMQ, Kafka';

const STATUS_TEXT: Record<LiveStatus, string> = {
  connecting: 'Подключаемся к лекции…',
  open: 'На связи с лектором',
  closed: 'Переподключение…',
};

/** The sections of the page's `.reveal > .slides` by id (`title`, `s-N`), taken out of the page. */
function sectionsById(deck: ParentNode): Map<string, HTMLElement> {
  const byId = new Map<string, HTMLElement>();
  for (const el of deck.children) {
    if (el instanceof HTMLElement && el.tagName === 'SECTION' && el.id) byId.set(el.id, el);
  }
  return byId;
}

/** «Слайд 18. Визуализация RabbitMQ» for a section. */
function slideLabel(section: HTMLElement): string {
  const number = section.dataset['section'];
  const title = section.querySelector('.slide-title, h1')?.textContent?.trim() ?? '';
  return number === undefined ? title : `Слайд ${number}. ${title}`;
}

/** A copy of `source` laid out to be read: fragments shown, notes folded under the slide. */
function readableSlide(source: HTMLElement): { section: HTMLElement; notes: HTMLElement | null } {
  const section = source.cloneNode(true) as HTMLElement;
  const notes = section.querySelector('aside.notes');
  notes?.remove();
  // «План: 1 мин 56 с из 90 мин» paces the lecturer, not the hall.
  notes?.querySelector('.notes-plan')?.remove();
  for (const fragment of section.querySelectorAll('.fragment')) fragment.classList.add('visible');
  const details =
    notes && notes.textContent?.trim()
      ? h(
          'details',
          { class: FOLLOW_CLASS.notes },
          h('summary', {}, 'Текст лекции'),
          ...notes.childNodes,
        )
      : null;
  return { section, notes: details };
}

/** What a test or a screenshot waits for: the shown slide's widgets mounted and at their state. */
declare global {
  interface Window {
    __followSettled?: () => Promise<void>;
  }
}

/** Replaces the page with the phone's follow view of the lecture at this page's server. */
export function startFollowView(deck: ParentNode): void {
  const sections = sectionsById(deck);
  let state: LiveState | null = null;
  let tally: LiveTally | null = null;
  let mine: MyVote | null = null;
  let confirmed: MyVote | null = null;
  /** The server's confirmed votes of this phone by question (the last few), for `answered`. */
  const counted = new Map<string, number>();
  const remember = (vote: MyVote | null): void => {
    if (!vote) return;
    counted.delete(vote.question);
    counted.set(vote.question, vote.choice);
    for (const oldest of counted.keys()) {
      if (counted.size <= 50) break;
      counted.delete(oldest);
    }
  };
  let problem: string | null = null;
  let welcomed = false;
  let detached = false;
  let shown: { id: string; widgets: FollowWidgets } | undefined;

  const status = h(
    'p',
    {
      class: `${FOLLOW_CLASS.status} ${LIVE_STATUS_CLASS}`,
      role: 'status',
      'data-status': 'connecting',
    },
    STATUS_TEXT.connecting,
  );
  const main = h('main', { class: FOLLOW_CLASS.main });
  const vote = createVotePanel((choice) => {
    const q = state?.question;
    if (!q || state?.revealed) return;
    if (!link.send({ t: 'vote', question: q.id, choice })) {
      problem = 'Нет связи с лекцией — ответ не отправлен. Нажмите ещё раз, когда связь вернётся.';
    } else {
      mine = { question: q.id, choice, confirmed: false };
      problem = null;
    }
    renderVote();
  });
  const backLine = h('span', {});
  const back = h(
    'div',
    { class: FOLLOW_CLASS.back, hidden: true },
    backLine,
    h('button', { type: 'button', name: 'follow' }, 'Вернуться к лектору'),
  );
  const tryIt = h(
    'button',
    { type: 'button', name: 'try', class: FOLLOW_CLASS.tryIt, hidden: true },
    'Попробовать самому',
  );
  const waiting = h(
    'div',
    { class: FOLLOW_CLASS.waiting },
    h('h1', {}, LECTURE_TITLE),
    h('p', {}, 'Лекция ещё не началась — страница сама перейдёт к текущему слайду.'),
  );
  const page = h(
    'div',
    { class: FOLLOW_CLASS.page },
    h('header', { class: FOLLOW_CLASS.bar }, h('span', {}, 'Лекция · за лектором'), status),
    vote.element,
    main,
    back,
  );

  const renderVote = (): void => {
    const answered = state?.answered;
    vote.update({
      question: state?.question ?? null,
      revealed: state?.revealed ?? false,
      tally,
      mine,
      problem,
      ...(answered ? { answered: { question: answered, mine: counted.get(answered.id) } } : {}),
    });
  };

  const showSlide = (id: string): void => {
    shown?.widgets.destroy();
    shown = undefined;
    const source = sections.get(id);
    if (!source) {
      main.replaceChildren(h('p', { class: FOLLOW_CLASS.waiting }, `Слайд «${id}» не найден.`));
      return;
    }
    const { section, notes } = readableSlide(source);
    const widgets = followWidgets(section);
    shown = { id, widgets };
    tryIt.hidden = true;
    main.replaceChildren(
      h(
        'article',
        { class: FOLLOW_CLASS.slide, 'data-slide': id },
        h('p', { class: FOLLOW_CLASS.meta }, slideLabel(source)),
        tryIt,
        h('div', { class: `reveal ${FOLLOW_CLASS.frame}` }, section),
        notes,
      ),
    );
    // A new slide starts at its top; a step on the same slide keeps where the student reads.
    window.scrollTo(0, 0);
  };

  const render = (): void => {
    renderVote();
    if (!state) {
      if (!shown) main.replaceChildren(waiting);
      return;
    }
    const lecturer = sections.get(state.slide);
    backLine.textContent = `Вы играете сами. Лектор: ${lecturer ? slideLabel(lecturer) : state.slide}`;
    if (detached) return;
    if (shown?.id !== state.slide) showSlide(state.slide);
    const widgets = shown?.widgets;
    if (!widgets) return;
    widgets.follow(state.widgets);
    void widgets.settled().then(() => {
      if (shown?.widgets === widgets) tryIt.hidden = !widgets.playable();
    });
  };

  const setDetached = (next: boolean): void => {
    detached = next;
    back.hidden = !next;
    page.classList.toggle('follow--detached', next);
    if (next) {
      tryIt.hidden = true;
      shown?.widgets.detach();
      main.querySelector('.widget-slot')?.scrollIntoView({ block: 'start' });
    }
    render();
  };
  tryIt.addEventListener('click', () => setDetached(true));
  back.querySelector('button')?.addEventListener('click', () => setDetached(false));

  const onMessage = (message: ServerMessage): void => {
    switch (message.t) {
      case 'welcome': {
        welcomed = true;
        state = message.state;
        tally = message.tally;
        const q = state?.question;
        confirmed =
          q && message.voted !== null
            ? { question: q.id, choice: message.voted, confirmed: true }
            : null;
        mine = confirmed;
        remember(confirmed);
        problem = null;
        render();
        return;
      }
      case 'state': {
        const before = state?.question?.id;
        state = message.state;
        const q = state.question;
        if (q?.id !== before) {
          if (mine?.question !== q?.id) mine = null;
          problem = null;
          // A new question comes into view, unless the student is busy in the lab.
          if (q && !detached) vote.element.scrollIntoView({ block: 'nearest' });
        }
        render();
        return;
      }
      case 'tally':
        tally = message.tally;
        renderVote();
        return;
      case 'voted':
        confirmed = { question: message.question, choice: message.choice, confirmed: true };
        remember(confirmed);
        if (!mine || mine.question === message.question) mine = confirmed;
        problem = null;
        renderVote();
        return;
      case 'error':
        problem = message.message;
        // A refused vote leaves the last one the server counted.
        mine = confirmed;
        if (!welcomed || !state?.question) status.textContent = message.message;
        renderVote();
        return;
      default:
        return;
    }
  };

  document.documentElement.classList.add('follow-mode');
  document.title = `${LECTURE_TITLE} — за лектором`;
  document.body.replaceChildren(page);
  render();
  const link: LiveLink = connectLive({
    role: 'follower',
    onMessage,
    onStatus(next) {
      status.dataset['status'] = next;
      status.textContent = STATUS_TEXT[next];
    },
    onProblem: (text) => console.warn(`Сервер лекции: ${text}`),
  });
  window.__followSettled = async () => {
    await shown?.widgets.settled();
  };
}
