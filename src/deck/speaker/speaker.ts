/**
 * The speaker view's controller: `S` opens the speaker window; the deck's slide changes and
 * pauses (`B`/`.`) feed the timer; the window shows pacing, previews and notes, forwards the
 * clicker's keys to the deck and opens the rehearsal report. The timer lives in the deck page (and
 * in sessionStorage across a reload), so closing the window loses nothing.
 */
import { onDeckEvents } from '../deck-events.ts';
import type { RevealApi } from '../reveal-api.ts';
import { PARTS, isPartName } from '../../lecture/names.ts';
import { formatClock } from './format.ts';
import { nextPreview } from './next-step.ts';
import { pacingAt } from './pacing.ts';
import type { PlannedSlide } from './plan.ts';
import { readPlan, slideSteps } from './plan-dom.ts';
import { RehearsalDialog, summaryText } from './rehearsal-dialog.ts';
import { buildReport } from './rehearsal.ts';
import { SPEAKER_CLASS as C } from './speaker-classes.ts';
import { SpeakerView } from './speaker-view.ts';
import { openSpeakerWindow, resetSpeakerDocument } from './speaker-window.ts';
import speakerCss from './speaker.css?inline';
import { loadTimer, saveTimer } from './timer-store.ts';
import { setSpeakerControl, speakerChanged } from './speaker-control.ts';
import {
  advance,
  elapsedSeconds,
  isRunning,
  isWaiting,
  pause,
  resume,
  showSlide,
  slideSeconds,
  startTimer,
  type TimerState,
} from './timekeeper.ts';

/** Time sources: a monotonic clock for the timer, a wall clock for display. */
export interface SpeakerClock {
  now(): number;
  date(): Date;
}

/** Options of the speaker view. */
export interface SpeakerOptions {
  readonly lectureMinutes: number;
  /** Why `?minutes=` was not accepted (shown at the top of the window), or null. */
  readonly lengthProblem?: string | null;
  readonly clock?: SpeakerClock;
  /** Where the timer survives a reload (default sessionStorage). */
  readonly timerStorage?: Storage | null;
  /** Where the notes font size is remembered (default localStorage). */
  readonly prefsStorage?: Storage | null;
}

const TICK_MS = 250;
const SAVE_MS = 5000;
/**
 * Previews are copied once the deck's DOM has been quiet this long (ms), so a widget animation is
 * copied when it settles, not on every frame; but at least every PREVIEW_MAX_WAIT_MS.
 */
const PREVIEW_QUIET_MS = 250;
const PREVIEW_MAX_WAIT_MS = 2000;

/** The part's Russian label. */
export function partLabel(part: string): string {
  return isPartName(part) ? PARTS[part] : part;
}

const BLOCKED_TEXT =
  'Окно докладчика не открылось: разрешите всплывающие окна для этой страницы и нажмите S ещё раз.';
const NOTICE_MS = 8000;

/** Says on the deck itself (not only in the console) that the browser blocked the popup. */
function showBlockedNotice(): void {
  console.warn(BLOCKED_TEXT);
  document.querySelector('.speaker-blocked')?.remove();
  const notice = document.createElement('div');
  notice.className = 'speaker-blocked';
  notice.setAttribute('role', 'alert');
  notice.textContent = BLOCKED_TEXT;
  Object.assign(notice.style, {
    position: 'fixed',
    left: '50%',
    bottom: '24px',
    transform: 'translateX(-50%)',
    zIndex: '100',
    maxWidth: '80vw',
    padding: '12px 18px',
    font: '600 18px/1.4 var(--font-text, sans-serif)',
    color: '#fff',
    background: '#16191f',
    borderRadius: '8px',
  });
  document.body.append(notice);
  window.setTimeout(() => notice.remove(), NOTICE_MS);
}

/** The title screen's place in the speaker view: no section, no planned time. */
function titleScreen(id: string): PlannedSlide {
  return {
    id,
    section: 0,
    title: 'Титульный слайд',
    part: '',
    plannedSeconds: 0,
    range: { min: 0, max: 0 },
  };
}

/** Binds `S` and the timer to `deck`; returns a function that undoes everything. */
export function bindSpeakerView(deck: RevealApi, options: SpeakerOptions): () => void {
  const clock = options.clock ?? { now: () => performance.now(), date: () => new Date() };
  // The browser's storage is opened when first needed: the first use of sessionStorage or
  // localStorage in a page waits on the browser process (about 3 ms of main thread before the
  // first slide on this machine, bench:first-slide), and most loads have no timer to restore.
  const timerStorage = once(() =>
    options.timerStorage === undefined ? storage('session') : options.timerStorage,
  );
  let plan: PlannedSlide[] = [];
  let timer: TimerState | null = null;
  let restored = false;
  let unbound = false;
  /** The timer a reload of this tab left (read once: after the first frame, or when first needed). */
  const restore = (): void => {
    if (restored) return;
    restored = true;
    timer = loadTimer(timerStorage(), clock.now());
  };
  let win: Window | null = null;
  let view: SpeakerView | null = null;
  let dialog: RehearsalDialog | null = null;
  let tickTimer: number | undefined;
  let refreshTimer: number | undefined;
  let stepTimer: number | undefined;
  let lastSave = clock.now();
  let pendingSince: number | undefined;
  const observer = new MutationObserver(() => scheduleRender(PREVIEW_QUIET_MS));

  const currentId = (): string => deck.getCurrentSlide()?.id ?? '';
  const update = (change: (t: TimerState, now: number) => TimerState): void => {
    restore();
    if (!timer) return;
    timer = change(timer, clock.now());
    saveTimer(timerStorage(), timer);
    tick();
    speakerChanged();
  };

  /** Redraws the window; without `copyCurrent`, all but the current slide's copy. */
  const render = (copyCurrent = true): void => {
    if (!view || !timer) return;
    const slides = deck.getSlides();
    const deckIndex = Math.max(0, deck.getState().indexh);
    const section = slides[deckIndex];
    if (!section) return;
    // The title screen is not in the plan (index -1): it is shown as such, before slide 1.
    const index = plan.findIndex((s) => s.id === section.id);
    const slide = plan[index] ?? titleScreen(section.id);
    const nextSection = slides[deckIndex + 1] ?? null;
    const steps = slideSteps(section);
    view.showPosition(
      {
        slide,
        index,
        count: plan.length,
        stepsShown: steps.shown,
        stepsTotal: steps.total,
        next: plan[index + 1] ?? null,
      },
      section,
      nextPreview(section, nextSection, plan[index + 1] ?? null),
      copyCurrent,
    );
    if (!nextSection) showSummary(view);
    observer.disconnect();
    observer.observe(section, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    tick();
  };

  const scheduleRender = (quietMs: number): void => {
    if (!view) return;
    const now = clock.now();
    pendingSince ??= now;
    const overdue = now - pendingSince >= PREVIEW_MAX_WAIT_MS;
    window.clearTimeout(refreshTimer);
    refreshTimer = window.setTimeout(
      () => {
        refreshTimer = undefined;
        pendingSince = undefined;
        render();
      },
      overdue ? 0 : quietMs,
    );
  };

  const tick = (): void => {
    if (win?.closed) closeView();
    if (!view || !timer) return;
    const now = clock.now();
    // On the title screen the lecture has not started: the plan's first slide is what comes.
    const index = Math.max(
      0,
      plan.findIndex((s) => s.id === currentId()),
    );
    const slide = plan[index];
    if (!slide) return;
    const elapsed = elapsedSeconds(timer, now);
    const t = timer;
    view.tick({
      clock: formatClock(clock.date()),
      elapsed,
      pauses: timer.pauses,
      pacing: pacingAt(plan, index, (id) => slideSeconds(t, id, now), elapsed),
      partLabel: partLabel(slide.part),
    });
    if (now - lastSave >= SAVE_MS) {
      lastSave = now;
      saveTimer(timerStorage(), advance(timer, now));
    }
  };

  const report = () =>
    buildReport(
      plan,
      advance(timer ?? startTimer(clock.now(), null), clock.now()).perSlideMs,
      timer?.pausedMs ?? { deck: 0, questions: 0 },
      options.lectureMinutes,
      partLabel,
    );

  const showSummary = (v: SpeakerView): void => {
    const box = v.summaryBox;
    const open = v.el(
      'button',
      { type: 'button', class: `${C.button} ${C.buttonPrimary}` },
      'Открыть отчёт о репетиции',
    );
    open.addEventListener('click', openReport);
    box.replaceChildren(
      v.el('p', {}, 'Последний слайд.'),
      v.el('p', { 'data-summary': 'total' }, `Итог по таймеру: ${summaryText(report().total)}`),
      open,
    );
  };

  const openReport = (): void => {
    if (!view || !win) return;
    dialog?.close();
    const stamp = clock.date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
    dialog = new RehearsalDialog(view.el, win.document, report(), `rehearsal-${stamp}`, () => {
      dialog = null;
    });
  };

  // The lecture starts with the first move of the deck, or with «Начать лекцию».
  const begin = (): void => {
    restore();
    if (timer && isWaiting(timer)) update((t, now) => resume(t, 'start', now));
  };

  const actions = {
    start: begin,
    toggleQuestions: () =>
      update((t, now) =>
        t.pauses.includes('questions') ? resume(t, 'questions', now) : pause(t, 'questions', now),
      ),
    reset: () => {
      restore();
      timer = startTimer(clock.now(), currentId());
      if (deck.isPaused()) timer = pause(timer, 'deck', clock.now());
      saveTimer(timerStorage(), timer);
      render();
    },
    openReport,
  };

  const onKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as Element | null;
    const onControl = target?.closest?.('button, input, select, textarea, summary, a') != null;
    if (onControl && (event.key === ' ' || event.key === 'Enter')) return;
    if (dialog) return;
    const command = keyCommand(event);
    if (!command) return;
    event.preventDefault();
    command(deck);
  };

  const open = (): void => {
    if (win && !win.closed && view) {
      win.focus();
      return;
    }
    const popup = openSpeakerWindow();
    if (!popup) {
      showBlockedNotice();
      return;
    }
    restore();
    if (!timer) {
      // Opened on the title slide, before the lecture: wait for it to start (see begin).
      const { indexh, indexf } = deck.getState();
      const atStart = indexh === 0 && (indexf === undefined || indexf < 0);
      timer = startTimer(clock.now(), currentId(), atStart);
      if (deck.isPaused()) timer = pause(timer, 'deck', clock.now());
      saveTimer(timerStorage(), timer);
    }
    win = popup;
    const doc = resetSpeakerDocument(popup, speakerCss);
    const size = {
      width: Number(deck.getConfig().width ?? 1280),
      height: Number(deck.getConfig().height ?? 720),
    };
    const prefsStorage =
      options.prefsStorage === undefined ? storage('local') : options.prefsStorage;
    view = new SpeakerView(doc, size, actions, prefsStorage);
    if (options.lengthProblem) {
      const notice = doc.createElement('p');
      notice.className = `${C.notice} ${C.lengthNotice}`;
      notice.setAttribute('role', 'status');
      notice.textContent = options.lengthProblem;
      doc.body.prepend(notice);
    }
    doc.addEventListener('keydown', onKey);
    popup.addEventListener('resize', () => view?.fit());
    popup.addEventListener('pagehide', () => closeView());
    render();
    tickTimer = window.setInterval(tick, TICK_MS);
    speakerChanged();
  };

  const closeView = (): void => {
    window.clearInterval(tickTimer);
    window.clearTimeout(refreshTimer);
    window.clearTimeout(stepTimer);
    tickTimer = undefined;
    refreshTimer = undefined;
    pendingSince = undefined;
    observer.disconnect();
    dialog?.close();
    view?.destroy();
    view = null;
    win = null;
  };

  // The timer is credited at once; the window is redrawn in a task of its own, after the deck's.
  const onSlide = (): void => {
    begin();
    if (timer) update((t, now) => showSlide(t, currentId(), now));
    scheduleRender(0);
  };
  const onFragment = (): void => {
    begin();
    // «Дальше» and the step count follow the click at once; the current slide's copy waits for
    // its widget to settle.
    window.clearTimeout(stepTimer);
    stepTimer = window.setTimeout(() => render(false), 0);
    scheduleRender(PREVIEW_QUIET_MS);
  };
  const onPaused = (): void => update((t, now) => pause(t, 'deck', now));
  const onResumed = (): void => update((t, now) => resume(t, 'deck', now));
  const onReady = (): void => {
    plan = readPlan(deck.getSlides().filter((s) => s.dataset['section'] !== undefined));
    // After the first slide is drawn (a frame, then a task): a restored timer credits this slide.
    requestAnimationFrame(() =>
      window.setTimeout(() => {
        if (unbound) return;
        restore();
        if (timer) update((t, now) => showSlide(t, currentId(), now));
      }, 0),
    );
  };
  // The deck page goes away (reload, close): keep the figures, tell the window.
  const onPageHide = (): void => {
    restore();
    if (timer) saveTimer(timerStorage(), advance(timer, clock.now()));
    if (view && win && !win.closed) {
      const notice = win.document.createElement('p');
      notice.className = C.notice;
      notice.textContent =
        'Окно презентации закрыто или перезагружено. Нажмите S в окне презентации, чтобы продолжить: хронометраж сохранён.';
      win.document.body.prepend(notice);
    }
  };

  if (deck.isReady()) onReady();
  const unbindDeck = onDeckEvents(deck, {
    ready: onReady,
    slidechanged: onSlide,
    fragmentshown: onFragment,
    fragmenthidden: onFragment,
    paused: onPaused,
    resumed: onResumed,
  });
  window.addEventListener('pagehide', onPageHide);
  deck.addKeyBinding({ keyCode: 83, key: 'S', description: 'Режим докладчика' }, open);
  // Live mode (src/deck/live-lecturer.ts): the remote reads, pauses and resumes the timer; the
  // hall's votes get a panel in the window.
  setSpeakerControl({
    timer: () => {
      restore();
      if (!timer) return undefined;
      const now = clock.now();
      return { elapsed: Math.round(elapsedSeconds(timer, now) * 1000), running: isRunning(timer) };
    },
    // The remote may pause before the window was ever opened: the timer starts then (running).
    pause: () => {
      restore();
      timer ??= startTimer(clock.now(), currentId());
      update((t, now) => pause(t, 'questions', now));
    },
    resume: () => {
      restore();
      timer ??= startTimer(clock.now(), currentId());
      begin();
      update((t, now) => resume(t, 'questions', now));
    },
    panel: () => (view && win && !win.closed ? view.livePanel : undefined),
  });

  return () => {
    unbound = true;
    setSpeakerControl(undefined);
    closeView();
    unbindDeck();
    window.removeEventListener('pagehide', onPageHide);
    deck.removeKeyBinding(83);
  };
}

/**
 * What a key pressed in the speaker window does to the deck (the clicker talks to that window).
 * Letters are matched by physical key, so `B` works in the Russian layout too.
 */
export function keyCommand(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey'>,
): ((deck: RevealApi) => void) | null {
  const next = (d: RevealApi): void => d.next();
  const prev = (d: RevealApi): void => d.prev();
  switch (event.code) {
    case 'KeyN':
      return next;
    case 'KeyP':
      return prev;
    case 'KeyB':
    case 'Period':
      return (d) => d.togglePause();
  }
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return next;
    case ' ':
      return event.shiftKey ? prev : next;
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return prev;
    case 'Home':
      return (d) => d.slide(0);
    case 'End':
      return (d) => d.slide(d.getTotalSlides() - 1);
    default:
      return null;
  }
}

/** `make()`'s value, made on the first call. */
function once<T>(make: () => T): () => T {
  let made: { readonly value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

function storage(kind: 'session' | 'local'): Storage | null {
  try {
    return kind === 'session' ? window.sessionStorage : window.localStorage;
  } catch {
    return null;
  }
}
