/**
 * A widget's state in a link, on the page (the format is ./share.ts): «Поделиться» in the lab face
 * gives the link (copied with «Скопировано») and its QR code; a link the page was opened with is
 * taken out of the hash before the view reads it, and restored into the widget it names once
 * that widget is mounted — its step, then its actions, each through the widget's own `act`.
 * Whatever is wrong with a link becomes a Russian note in the widget's lab, and the widget shows
 * its story from the start.
 */
import { WIDGETS, isWidgetName } from '../../lecture/names.ts';
import { countOf } from '../../lecture/russian.ts';
import { WIDGET_CLASS } from './classes.ts';
import { h, uniqueId } from './dom.ts';
import { LAB_ONLY } from './kit.ts';
import type { WidgetHandle } from './mount.ts';
import { qrSvg } from './share-qr.ts';
import { fitsActionShape } from './share-schema.ts';
import './share.css';
import {
  SHARE_MESSAGES,
  decodeShare,
  encodeShare,
  shareHash,
  splitShareHash,
  type Decoded,
} from './share.ts';

/** Which view a link opens: the presentation or the reading view (phones). */
export type ShareView = 'deck' | 'read';

/** Classes of the share box (styles: ./widgets.css). */
export const SHARE_CLASS = {
  box: 'w-share',
  panel: 'w-share-panel',
  link: 'w-share-link',
  status: 'w-share-status',
  qr: 'w-share-qr',
  note: 'w-share-note',
} as const;

const COPIED_LABEL = 'Скопировано';
const COPY_LABEL = 'Копировать ссылку';
const RESET_AFTER_MS = 2000;

/** How a view mounts and moves its widgets. */
export interface ShareOptions {
  readonly view: ShareView;
  /** Puts text on the clipboard (the page's copy buttons' way, with its file:// fallback). */
  copy(text: string): Promise<void>;
  /** Moves the widget to scripted step `step` the way the view does (the deck: its fragments). */
  goTo(step: number): void;
}

/** Where a slot is: its slide's section number and its index among that slide's widget slots. */
export function slotPlace(slot: HTMLElement): { section: number; index: number } | undefined {
  const slide = slot.closest<HTMLElement>('[data-section]');
  const section = Number(slide?.dataset['section']);
  if (!slide || !Number.isInteger(section)) return undefined;
  return { section, index: [...slide.querySelectorAll('.widget-slot')].indexOf(slot) };
}

/** The link that opens `handle`'s state now in `view`; undefined when its slot is on no slide. */
export async function shareLink(
  slot: HTMLElement,
  handle: WidgetHandle,
  view: ShareView,
): Promise<string | undefined> {
  const place = slotPlace(slot);
  if (!place || !isWidgetName(handle.name)) return undefined;
  const payload = await encodeShare({
    widget: handle.name,
    slot: place.index,
    story: storyIn(slot, handle.name),
    step: handle.step,
    actions: handle.actions(),
  });
  return pageLink(view, shareHash(place.section, payload, view));
}

/** This page's address in `view` (the reading view: `?view=read`), ending with `hash` (or ''). */
export function pageLink(view: ShareView, hash: string): string {
  const url = new URL(window.location.href);
  url.hash = '';
  if (view === 'read') url.searchParams.set('view', 'read');
  else url.searchParams.delete('view');
  return `${url.href.replace(/#$/, '')}${hash}`;
}

/** Why a phone in the hall cannot open a link to this page, or undefined when it can. */
export function unreachableReason(location: Location = window.location): string | undefined {
  if (location.protocol === 'file:')
    return 'Лекция открыта из файла на этом компьютере: по ссылке она откроется только здесь, телефоны в зале её не откроют.';
  if (/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(location.hostname))
    return `Адрес ${location.hostname} открывается только на этом компьютере: телефоны в зале его не откроют.`;
  return undefined;
}

function storyIn(slot: HTMLElement, name: keyof typeof WIDGETS): string {
  const stories: readonly string[] = WIDGETS[name].stories;
  const story = slot.dataset['widgetStory'];
  return story !== undefined && stories.includes(story) ? story : (stories[0] ?? '');
}

/** The state the page was opened with, until the widget it names takes it. */
let pending: { readonly section: number; readonly decoded: Promise<Decoded> } | undefined;

/**
 * Takes a shared state out of the page's hash (`#/s-17?w=…` → `#/s-17`), so the view finds the
 * slide as from any other link; call before the view reads the hash. Returns the section it names.
 * `inReadingView`: the deck on a phone, where reveal.js shows its scroll view (which does not
 * follow a slide link; src/deck/scroll-view-link.ts): the page is replaced by the reading view of
 * the link, which opens the slide with its lab at the phone's size.
 */
export function takeSharedLink(
  view: ShareView = 'read',
  inReadingView = false,
): number | undefined {
  const { anchor, section, payload } = splitShareHash(window.location.hash);
  if (payload === undefined) return undefined;
  if (view === 'deck' && section !== undefined && inReadingView) {
    window.location.replace(pageLink('read', shareHash(section, payload, 'read')));
    return section;
  }
  window.history.replaceState(window.history.state, '', anchor === '' ? '#' : anchor);
  pending = section === undefined ? undefined : { section, decoded: decodeShare(payload) };
  return section;
}

/**
 * Registers a widget just mounted in `slot`: gives its lab «Поделиться», and restores the page's
 * shared state into it when the link names this slot.
 */
export function shareWidget(slot: HTMLElement, handle: WidgetHandle, options: ShareOptions): void {
  if (handle.hasLab) addShareBox(slot, handle, options);
  offer(slot, handle, options);
}

function offer(slot: HTMLElement, handle: WidgetHandle, options: ShareOptions): void {
  const place = slotPlace(slot);
  const mine = pending;
  if (!mine || !place || place.section !== mine.section) return;
  void mine.decoded.then((decoded) => {
    if (pending !== mine || !handle.root.isConnected) return;
    const wanted = decoded.ok ? decoded.state : undefined;
    if (wanted && (wanted.slot !== place.index || wanted.widget !== handle.name)) {
      // Another slot of this slide may be the one the link names: it takes the link itself.
      const slide = slot.closest('[data-section]');
      const other = slide?.querySelectorAll<HTMLElement>('.widget-slot')[wanted.slot];
      if (other?.dataset['widgetSlot'] === wanted.widget || place.index > 0) return;
    }
    pending = undefined;
    if (handle.hasLab) handle.setFace('lab');
    if (!decoded.ok) {
      handle.notify(decoded.message);
      return;
    }
    const state = decoded.state;
    if (state.slot !== place.index || state.widget !== handle.name) {
      handle.notify(SHARE_MESSAGES.otherWidget);
      return;
    }
    if (state.story !== storyIn(slot, state.widget)) {
      handle.notify(SHARE_MESSAGES.otherWidget);
      return;
    }
    options.goTo(state.step);
    // An action of a shape the widget never makes is skipped before `act` sees it.
    const shaped = state.actions.filter((a) => fitsActionShape(state.widget, a));
    const misshapen = state.actions.length - shaped.length;
    const reasons = handle.restore(shaped);
    const skipped = misshapen + reasons.length;
    if (skipped > 0) {
      const actions = (n: number): string => countOf(n, ['действие', 'действия', 'действий']);
      const why = misshapen > 0 ? [`${actions(misshapen)} не этого виджета`, ...reasons] : reasons;
      handle.notify(`Из ссылки пропущено ${actions(skipped)}: ${why.join('; ')}`);
    }
  });
}

function addShareBox(slot: HTMLElement, handle: WidgetHandle, options: ShareOptions): void {
  const panelId = uniqueId('share');
  const linkId = uniqueId('share-link');
  const toggle = h(
    'button',
    {
      type: 'button',
      name: 'share',
      class: WIDGET_CLASS.button,
      'aria-expanded': 'false',
      'aria-controls': panelId,
    },
    'Поделиться',
  );
  const field = h('input', {
    id: linkId,
    class: SHARE_CLASS.link,
    type: 'text',
    readonly: true,
    spellcheck: 'false',
  });
  const copy = h(
    'button',
    { type: 'button', name: 'share-copy', class: WIDGET_CLASS.button },
    COPY_LABEL,
  );
  const status = h('span', { class: SHARE_CLASS.status, role: 'status', 'aria-live': 'polite' });
  const qr = h('div', { class: SHARE_CLASS.qr });
  const reason = unreachableReason();
  const panel = h(
    'div',
    { class: `${SHARE_CLASS.panel} ${LAB_ONLY}`, id: panelId, hidden: true },
    h('label', { for: linkId }, 'Ссылка на это состояние виджета'),
    h('div', { class: `${SHARE_CLASS.link}-row` }, field, copy),
    status,
    qr,
    reason ? h('p', { class: SHARE_CLASS.note }, reason) : null,
  );

  let resetTimer = 0;
  /** Renews the link and its code for the state now; a later renewal wins over a slower one. */
  let generation = 0;
  const renew = async (): Promise<string> => {
    const mine = ++generation;
    const link = (await shareLink(slot, handle, options.view)) ?? '';
    const svg = link ? await qrSvg(link, 'QR-код ссылки на это состояние виджета') : undefined;
    if (mine === generation) {
      field.value = link;
      qr.replaceChildren(svg ?? h('p', {}, 'Ссылка слишком длинная для QR-кода — скопируйте её.'));
    }
    return link;
  };
  toggle.addEventListener('click', () => {
    const open = panel.hidden;
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) void renew().then(() => panel.scrollIntoView({ block: 'nearest' }));
  });
  // While the panel is open, every new frame (the caption is said again) renews link and code.
  const caption = handle.root.querySelector(`:scope > .${WIDGET_CLASS.caption}`);
  if (caption) {
    const observer = new MutationObserver(() => {
      if (!panel.hidden && handle.root.isConnected) void renew();
    });
    observer.observe(caption, { childList: true, characterData: true, subtree: true });
  }
  copy.addEventListener('click', () => {
    const show = (label: string, message: string): void => {
      copy.textContent = label;
      status.textContent = message;
      window.clearTimeout(resetTimer);
      resetTimer = window.setTimeout(() => {
        copy.textContent = COPY_LABEL;
      }, RESET_AFTER_MS);
    };
    void renew()
      .then((link) => options.copy(link))
      .then(
        () => show(COPIED_LABEL, `${COPIED_LABEL}: ссылка на состояние виджета`),
        () =>
          show('Не удалось', 'Не удалось скопировать — выделите ссылку в поле и скопируйте её.'),
      );
  });
  field.addEventListener('focus', () => field.select());
  // The button joins the lab's toolbar (Пуск, Шаг, Сначала); the panel opens at the end, under
  // the caption, so the caption stays where the student reads it.
  const toolbar = handle.root.querySelector(`:scope > .${WIDGET_CLASS.toolbar}`);
  if (toolbar) toolbar.append(toggle);
  else handle.root.prepend(h('div', { class: `${SHARE_CLASS.box} ${LAB_ONLY}` }, toggle));
  handle.root.append(panel);
}
