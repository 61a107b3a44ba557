/**
 * Connects widgets to the clicker. Each widget slot gets one hidden reveal.js fragment per
 * scripted step, so →/← (and the speaker view, deep links, the overview) move widget steps exactly
 * as they move bullets. A widget is mounted when its slide becomes current and destroyed when the
 * slide is left; its step is always derived from the fragments shown, never accumulated.
 */
import { onDeckEvents } from './deck-events.ts';
import type { RevealApi } from './reveal-api.ts';
import { SCROLL_VIEW_WIDTH } from './scroll-view-link.ts';
import { widgetInSlot } from '../widgets/catalog.ts';
import { mountWidget, type WidgetHandle } from '../widgets/runtime/mount.ts';
import { shareWidget, takeSharedLink } from '../widgets/runtime/share-ui.ts';
import { writeClipboard } from '../page/clipboard.ts';

/** Class of the hidden per-step fragments inside a slot. */
export const WIDGET_STEP_CLASS = 'widget-step';

/**
 * Adds the step fragments to every slot; call before reveal.js initialises (it counts fragments
 * at start). Idempotent.
 */
export function addWidgetStepFragments(root: ParentNode): void {
  for (const slot of root.querySelectorAll<HTMLElement>('.widget-slot')) {
    const steps = widgetInSlot(slot)?.steps ?? 0;
    if (slot.querySelector(`.${WIDGET_STEP_CLASS}`)) continue;
    const holder = document.createElement('div');
    holder.className = 'widget-steps';
    holder.setAttribute('aria-hidden', 'true');
    for (let i = 1; i <= steps; i++) {
      const step = document.createElement('span');
      step.className = `fragment ${WIDGET_STEP_CLASS}`;
      step.dataset['widgetStep'] = String(i);
      holder.append(step);
    }
    slot.append(holder);
  }
}

/** Class set on a slot while its widget is past step 0 (a `stage` slot is shown only then). */
export const WIDGET_OPEN_CLASS = 'widget-slot--open';

/** The step a slot's fragments say it is at: how many of its step fragments are visible. */
export function stepFromFragments(slot: HTMLElement): number {
  return slot.querySelectorAll(`.${WIDGET_STEP_CLASS}.visible`).length;
}

/** `L`: the lab key. */
const LAB_KEY = 76;

interface Mounted {
  readonly slot: HTMLElement;
  handle?: WidgetHandle;
  cancelled: boolean;
}

/** A slot is open (shown over its slide) past step 0, or while a kit widget's lab is shown. */
function openIfShown(m: Mounted): void {
  const handle = m.handle;
  if (!handle) return;
  const open = stepFromFragments(m.slot) > 0 || (handle.hasStage && handle.face === 'lab');
  m.slot.classList.toggle(WIDGET_OPEN_CLASS, open);
}

/** Mounts and destroys widgets as slides change; returns a function that unbinds everything. */
export function bindWidgets(deck: RevealApi): () => void {
  let active: Mounted[] = [];
  // A shared widget state (#/s-17?w=…) leaves the hash before reveal.js reads it (initialize);
  // on a phone (reveal's scroll view) it opens in the reading view instead.
  takeSharedLink('deck', window.innerWidth <= SCROLL_VIEW_WIDTH);

  const requestStep = (slot: HTMLElement, step: number): void => {
    const steps = [...slot.querySelectorAll<HTMLElement>(`.${WIDGET_STEP_CLASS}`)];
    const clamped = Math.max(0, Math.min(steps.length, step));
    const target = clamped === 0 ? steps[0] : steps[clamped - 1];
    const index = Number(target?.dataset['fragmentIndex'] ?? Number.NaN);
    if (!Number.isFinite(index)) return;
    // Showing fragment i shows all fragments up to i; to show none of ours, go to the one before.
    deck.navigateFragment(clamped === 0 ? index - 1 : index);
  };

  const unmountAll = (): void => {
    for (const m of active) {
      m.cancelled = true;
      m.handle?.destroy();
    }
    active = [];
  };

  const mountCurrent = (): void => {
    unmountAll();
    const slide = deck.getCurrentSlide();
    if (!slide) return;
    for (const slot of slide.querySelectorAll<HTMLElement>('.widget-slot')) {
      const entry = widgetInSlot(slot);
      if (!entry) continue;
      const mounted: Mounted = { slot, cancelled: false };
      active.push(mounted);
      entry
        .load()
        .then((module) => {
          if (mounted.cancelled) return;
          mounted.handle = mountWidget(slot, entry.name, module, {
            requestStep: (n) => requestStep(slot, n),
            story: entry.story,
            face: 'stage',
            labToggle: true,
            onFace: () => openIfShown(mounted),
          });
          mounted.handle.setStep(stepFromFragments(slot), false);
          openIfShown(mounted);
          shareWidget(slot, mounted.handle, {
            view: 'deck',
            copy: writeClipboard,
            goTo: (step) => requestStep(slot, step),
          });
        })
        .catch((error: unknown) => {
          console.error(`Виджет «${slot.dataset['widgetSlot']}» не загрузился`, error);
        });
    }
  };

  const onFragment = (event: { fragment?: HTMLElement; fragments?: HTMLElement[] }): void => {
    const fragments = event.fragments ?? (event.fragment ? [event.fragment] : []);
    const touched = new Set<HTMLElement>();
    for (const f of fragments) {
      const slot = f.closest<HTMLElement>('.widget-slot');
      if (slot && f.classList.contains(WIDGET_STEP_CLASS)) touched.add(slot);
    }
    for (const m of active) {
      if (!m.handle || !touched.has(m.slot)) continue;
      const next = stepFromFragments(m.slot);
      m.handle.setStep(next, Math.abs(next - m.handle.step) === 1);
      openIfShown(m);
    }
  };

  // `L` opens and closes the lab of the widget the audience is looking at (reveal.js would
  // otherwise read it as «next slide»): the last open slot, since a later stage covers an earlier
  // one (slide 41: idempotent-consumer, then celery-retries); while none is open (step 0, the
  // slide's own content on screen) the first, the one → shows next. It was the last then: on
  // slide 41 at step 0 `L` opened celery-retries, which the hall sees only after the code and
  // idempotent-consumer's six steps.
  const toggleLab = (): void => {
    const withLab = active.filter((m) => m.handle?.hasLab);
    const shown = withLab.filter((m) => m.slot.classList.contains(WIDGET_OPEN_CLASS));
    const target = (shown.at(-1) ?? withLab[0])?.handle;
    target?.setFace(target.face === 'lab' ? 'stage' : 'lab');
  };
  deck.addKeyBinding({ keyCode: LAB_KEY, key: 'L', description: 'Лаборатория виджета' }, toggleLab);

  const unbind = onDeckEvents(deck, {
    ready: mountCurrent,
    slidechanged: mountCurrent,
    fragmentshown: onFragment as EventListener,
    fragmenthidden: onFragment as EventListener,
  });
  return () => {
    unbind();
    deck.removeKeyBinding(LAB_KEY);
    unmountAll();
  };
}
