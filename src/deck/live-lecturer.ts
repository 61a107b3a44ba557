/**
 * Live mode, the lecturer's side (issue 15 §3): the deck opened from `npm run live` with
 * `?live&key=…` tells the lecture server what it shows — slide, fragment, each widget's step and
 * lab state, the open «predict, then see» question, the timer — on every move, and does what the
 * lecturer's remote asks (next, prev, pause, resume, reveal). `V` shows the hall's votes on the
 * stage; `Q` shows the hall's join address; a small corner indicator says how many phones follow;
 * the speaker view gets a panel with the live distribution, the remote's QR code and the votes
 * export. Loaded only in live mode (main.ts imports it dynamically): the deck without `?live`
 * opens no socket and shows nothing of it.
 */
import { onDeckEvents } from './deck-events.ts';
import { setLiveJoinUrl } from './qr-overlay.ts';
import type { RevealApi } from './reveal-api.ts';
import { onSpeakerChange, speakerControl } from './speaker/speaker-control.ts';
import { WIDGET_OPEN_CLASS, stepFromFragments } from './widget-bridge.ts';
import type {
  LiveQuestion,
  LiveState,
  LiveTally,
  LiveWidget,
  RemoteCommand,
  ServerMessage,
} from '../live/protocol.ts';
import { connectLive, type LiveLink, type LiveStatus } from '../page/live-link.ts';
import { isWidgetName } from '../lecture/names.ts';
import { countOf } from '../lecture/russian.ts';
import { mountedIn, type WidgetHandle } from '../widgets/runtime/mount.ts';
import { encodeShare } from '../widgets/runtime/share.ts';
import { qrSvg } from '../widgets/runtime/share-qr.ts';
import { answeredText, choiceLetter, percentOf } from '../widgets/runtime/question-box.ts';
import './live-lecturer.css';
import panelCss from './live-lecturer-panel.css?inline';

/** `V`: show the hall's votes on the stage. */
const VOTES_KEY = 86;
/** Class of the corner indicator (tests find it). */
export const LIVE_BADGE_CLASS = 'live-badge';
/** How long after the last lab click/keypress the state is sent (ms). */
const LAB_SETTLE_MS = 150;

/** «1 телефон», «3 телефона», «28 телефонов». */
export function phones(n: number): string {
  return countOf(n, ['телефон', 'телефона', 'телефонов']);
}

/** The widget slots of `slide` with their handles (mounted ones only). */
function slotsOf(slide: HTMLElement | undefined): { slot: HTMLElement; handle?: WidgetHandle }[] {
  if (!slide) return [];
  return [...slide.querySelectorAll<HTMLElement>('.widget-slot')].map((slot) => {
    const handle = mountedIn(slot);
    return handle ? { slot, handle } : { slot };
  });
}

/** The question the stage shows now: the open slot's widget's (the last open one), or none. */
function stageQuestionOf(
  slide: HTMLElement | undefined,
):
  | { question: LiveQuestion; answered: boolean; previous?: LiveQuestion; handle: WidgetHandle }
  | undefined {
  const open = slotsOf(slide).filter(
    (s) =>
      s.handle &&
      (s.slot.classList.contains(WIDGET_OPEN_CLASS) || s.slot.dataset['widgetLayout'] !== 'stage'),
  );
  for (const { handle } of open.reverse()) {
    const shown = handle?.question();
    if (!handle || !shown) continue;
    const { id, text, choices, answer } = shown.question;
    const previous = shown.previous;
    return {
      question: shown.answered ? { id, text, choices, answer } : { id, text, choices },
      answered: shown.answered,
      // The question this step answered while it asks the next: phones show its answer too.
      ...(previous
        ? {
            previous: {
              id: previous.id,
              text: previous.text,
              choices: previous.choices,
              answer: previous.answer,
            },
          }
        : {}),
      handle,
    };
  }
  return undefined;
}

/** Starts live mode for the lecturer's deck; returns a function that ends it. */
export function startLiveLecturer(deck: RevealApi, key: string): () => void {
  let followers = 0;
  let remotes = 0;
  let status: LiveStatus = 'connecting';
  let tally: LiveTally | null = null;
  /** The question whose votes the lecturer showed the hall (`V`). */
  let votesShownFor: string | undefined;
  let lecturer: { joinUrl: string; remoteUrl: string } | undefined;
  let last: LiveState | undefined;
  let sequence = 0;

  const badge = document.createElement('div');
  badge.className = LIVE_BADGE_CLASS;
  badge.setAttribute('role', 'status');
  document.body.append(badge);

  const current = (): HTMLElement | undefined => deck.getCurrentSlide() ?? undefined;

  const showBadge = (): void => {
    const text =
      status === 'open'
        ? `● ${phones(followers)}${remotes > 0 ? ' · пульт' : ''}`
        : status === 'connecting'
          ? '○ подключение к серверу лекции…'
          : '○ нет связи с сервером лекции';
    badge.textContent = text;
    badge.dataset['status'] = status;
    badge.dataset['followers'] = String(followers);
  };

  /** The stage's box: the hall's votes while shown for the question on screen. */
  const showStageTally = (): void => {
    const shown = stageQuestionOf(current());
    for (const { handle } of slotsOf(current())) handle?.showTally(undefined);
    if (!shown || !tally || tally.question !== shown.question.id) return;
    if (votesShownFor !== shown.question.id) return;
    shown.handle.showTally(tally);
  };

  const stateNow = async (): Promise<LiveState | undefined> => {
    const slide = current();
    if (!slide) return undefined;
    const { indexh, indexv, indexf } = deck.getState();
    const widgets: LiveWidget[] = [];
    for (const [index, { slot, handle }] of slotsOf(slide).entries()) {
      const step = handle?.step ?? stepFromFragments(slot);
      const actions = handle?.actions() ?? [];
      if (!handle || actions.length === 0 || !isWidgetName(handle.name)) {
        widgets.push({ slot: index, step });
        continue;
      }
      const shared = await encodeShare({
        widget: handle.name,
        slot: index,
        story: slot.dataset['widgetStory'] ?? '',
        step,
        actions,
      });
      widgets.push({ slot: index, step, shared });
    }
    const shown = stageQuestionOf(slide);
    const question = shown?.question ?? null;
    // Voting closes once the votes are shown or the step played the answer.
    const revealed =
      question !== null && (shown?.answered === true || votesShownFor === question.id);
    const timer = speakerControl()?.timer();
    return {
      slide: /^(title|s-\d{1,3})$/.test(slide.id) ? slide.id : 'title',
      h: Math.max(0, indexh),
      v: Math.max(0, indexv ?? 0),
      f: typeof indexf === 'number' ? Math.max(-1, indexf) : -1,
      widgets: widgets.slice(0, 8),
      question,
      revealed,
      ...(shown?.previous ? { answered: shown.previous } : {}),
      ...(timer ? { timer } : {}),
    };
  };

  const publish = async (): Promise<void> => {
    const mine = ++sequence;
    const state = await stateNow();
    // A later move started while this one encoded its widgets: that one sends.
    if (!state || mine !== sequence) return;
    if (last?.question?.id !== state.question?.id && votesShownFor !== state.question?.id)
      votesShownFor = undefined;
    last = state;
    link.send({ t: 'state', state });
    showStageTally();
    renderPanel();
  };

  /** After a slide change its widgets mount asynchronously: send again once they are there. */
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  const publishSoon = (ms: number, tries = 0): void => {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      const pending = slotsOf(current()).some((s) => !s.handle);
      void publish();
      if (pending && tries < 20) publishSoon(100, tries + 1);
    }, ms);
  };

  const revealVotes = (): void => {
    const question = stageQuestionOf(current())?.question;
    if (!question) return;
    votesShownFor = question.id;
    void publish();
  };

  const command = (name: RemoteCommand): void => {
    switch (name) {
      case 'next':
        deck.next();
        return;
      case 'prev':
        deck.prev();
        return;
      case 'pause':
        speakerControl()?.pause();
        void publish();
        return;
      case 'resume':
        speakerControl()?.resume();
        void publish();
        return;
      case 'reveal':
        revealVotes();
        return;
    }
  };

  const onMessage = (message: ServerMessage): void => {
    switch (message.t) {
      case 'welcome':
        if (message.lecturer) {
          lecturer = { joinUrl: message.lecturer.joinUrl, remoteUrl: message.lecturer.remoteUrl };
          setLiveJoinUrl(lecturer.joinUrl);
        }
        tally = message.tally;
        // A reloaded page: the votes it showed before stay shown (the server closed that vote).
        if (message.state?.revealed && message.state.question)
          votesShownFor = message.state.question.id;
        // The server keeps the last state; this page (new or reloaded) says what it shows now.
        void publish();
        break;
      case 'tally':
        tally = message.tally;
        showStageTally();
        renderPanel();
        break;
      case 'audience':
        followers = message.followers;
        remotes = message.remotes;
        showBadge();
        renderPanel();
        break;
      case 'command':
        command(message.command);
        break;
      case 'error':
        // Refused by the server: said on the deck's badge and in the console, never silent.
        console.warn(`Сервер лекции: ${message.message}`);
        badge.dataset['error'] = message.message;
        badge.title = message.message;
        break;
      default:
        break;
    }
  };

  // The speaker window's panel.
  let panelQr: { url: string; svg: SVGSVGElement | undefined } | undefined;
  const renderPanel = (): void => {
    const panel = speakerControl()?.panel();
    if (!panel) return;
    const doc = panel.ownerDocument;
    if (!doc.getElementById('live-panel-style')) {
      const style = doc.createElement('style');
      style.id = 'live-panel-style';
      style.textContent = panelCss;
      doc.head.append(style);
    }
    const el = <K extends keyof HTMLElementTagNameMap>(
      tag: K,
      attrs: Record<string, string> = {},
      ...children: (Node | string)[]
    ): HTMLElementTagNameMap[K] => {
      const node = doc.createElement(tag);
      for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
      node.append(...children);
      return node;
    };
    panel.hidden = false;
    const question = last?.question ?? null;
    const parts: Node[] = [
      el('h2', { class: 'speaker-live__title' }, 'Зал'),
      el(
        'p',
        { class: 'speaker-live__audience', 'data-followers': String(followers) },
        status === 'open'
          ? `● Подключено: ${phones(followers)}${remotes > 0 ? ', пульт' : ''}`
          : '○ нет связи с сервером лекции',
      ),
    ];
    if (question) {
      const counts = tally?.question === question.id ? tally.counts : question.choices.map(() => 0);
      const total = counts.reduce((sum, n) => sum + n, 0);
      parts.push(
        el('p', { class: 'speaker-live__question' }, question.text),
        el(
          'ol',
          { class: 'speaker-live__bars', 'data-question': question.id },
          ...question.choices.map((choice, i) => {
            const count = counts[i] ?? 0;
            const percent = percentOf(count, total);
            const right = question.answer === i;
            const bar = el('span', { class: 'speaker-live__bar' }, el('span', {}));
            (bar.firstElementChild as HTMLElement).style.width = `${percent}%`;
            return el(
              'li',
              right ? { 'data-right': '' } : {},
              el(
                'span',
                { class: 'speaker-live__choice' },
                `${choiceLetter(i)}. ${choice}${right ? ' ✓ верно' : ''}`,
              ),
              bar,
              el('span', { class: 'speaker-live__count' }, `${count} · ${percent} %`),
            );
          }),
        ),
        el(
          'p',
          { class: 'speaker-live__answered' },
          answeredText({ question: question.id, counts, followers }),
        ),
        el(
          'p',
          { class: 'speaker-live__hint' },
          votesShownFor === question.id ? 'Голоса показаны залу.' : 'V — показать голоса залу',
        ),
      );
    } else {
      parts.push(el('p', { class: 'speaker-live__hint' }, 'Сейчас нет вопроса залу.'));
    }
    const remote = el('div', { class: 'speaker-live__remote' });
    if (lecturer) {
      const url = lecturer.remoteUrl;
      remote.append(
        el('p', { class: 'speaker-live__remote-title' }, 'Пульт — только для вас'),
        ...(panelQr?.url === url && panelQr.svg ? [panelQr.svg] : []),
        el('p', { class: 'speaker-live__address' }, url),
      );
      if (panelQr?.url !== url) {
        panelQr = { url, svg: undefined };
        void qrSvg(url, 'QR-код пульта: только для лектора').then((svg) => {
          if (panelQr?.url !== url) return;
          panelQr.svg = svg;
          renderPanel();
        });
      }
    }
    const csv = el(
      'a',
      {
        class: 'speaker-live__csv',
        href: new URL(`/live/votes.csv?key=${encodeURIComponent(key)}`, window.location.href).href,
        download: 'golosa.csv',
      },
      'Скачать голоса (CSV)',
    );
    panel.replaceChildren(el('div', { class: 'speaker-live__votes' }, ...parts, csv), remote);
  };

  showBadge();
  const link: LiveLink = connectLive({
    role: 'lecturer',
    key,
    onMessage,
    onStatus(next) {
      status = next;
      showBadge();
      renderPanel();
    },
    onProblem: (problem) => console.warn(`Сервер лекции: ${problem}`),
  });

  deck.addKeyBinding(
    { keyCode: VOTES_KEY, key: 'V', description: 'Показать залу голоса' },
    revealVotes,
  );
  const unbindDeck = onDeckEvents(deck, {
    ready: () => publishSoon(0),
    slidechanged: () => publishSoon(0),
    fragmentshown: () => void publish(),
    fragmenthidden: () => void publish(),
  });
  // A lab action on the stage (a click, a key, a changed field) changes a widget's state.
  let labTimer: ReturnType<typeof setTimeout> | undefined;
  const onLab = (event: Event): void => {
    if (!(event.target instanceof Element) || !event.target.closest('.widget-slot')) return;
    clearTimeout(labTimer);
    labTimer = setTimeout(() => void publish(), LAB_SETTLE_MS);
  };
  for (const type of ['click', 'change', 'keyup'])
    document.addEventListener(type, onLab, { capture: true });
  const unbindSpeaker = onSpeakerChange(() => {
    renderPanel();
    if (link.status() === 'open') void publish();
  });

  return () => {
    clearTimeout(settleTimer);
    clearTimeout(labTimer);
    for (const type of ['click', 'change', 'keyup'])
      document.removeEventListener(type, onLab, { capture: true });
    unbindSpeaker();
    unbindDeck();
    deck.removeKeyBinding(VOTES_KEY);
    setLiveJoinUrl(undefined);
    link.close();
    badge.remove();
  };
}
