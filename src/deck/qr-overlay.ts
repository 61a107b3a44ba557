/**
 * `Q` on the stage: the QR code of the current slide's widget state, large enough to scan from the
 * hall, in a modal `<dialog>` outside `.reveal` (like the `?` overlay). The code opens the state in
 * the reading view, where a widget's lab fits a phone. A page a phone cannot open (file://,
 * localhost) gets a note saying so instead of a code that would lead nowhere. Esc or `Q` closes
 * it and focus returns; no key reaches reveal.js or a widget behind it.
 */
import { bindKeyDialog } from './key-dialog.ts';
import type { RevealApi } from './reveal-api.ts';
import { WIDGET_OPEN_CLASS } from './widget-bridge.ts';
import { qrSvg } from '../widgets/runtime/share-qr.ts';
import { mountedIn } from '../widgets/runtime/mount.ts';
import { pageLink, shareLink, unreachableReason } from '../widgets/runtime/share-ui.ts';
import './qr-overlay.css';

/** The overlay's class; tests find it by this name. */
export const QR_OVERLAY_CLASS = 'qr-overlay';

/** In live mode (src/deck/live-lecturer.ts): the address the hall joins at, from the server. */
let liveJoinUrl: string | undefined;

/** Live mode's join address: `Q` then shows its QR code instead of the widget's state. */
export function setLiveJoinUrl(url: string | undefined): void {
  liveJoinUrl = url;
}

const isQ = (event: KeyboardEvent): boolean =>
  event.code === 'KeyQ' || ['q', 'Q', 'й', 'Й'].includes(event.key);

/**
 * The link the overlay shows for `slide`: the state of the widget the hall is looking at (the
 * last open one, as `L` picks it; while none is open, the first, the one → shows next) or the slide.
 */
async function linkFor(slide: HTMLElement): Promise<{ link: string; what: string }> {
  const slots = [...slide.querySelectorAll<HTMLElement>('.widget-slot')];
  const slot =
    slots.filter((s) => s.classList.contains(WIDGET_OPEN_CLASS) && mountedIn(s)).at(-1) ??
    slots.find((s) => mountedIn(s));
  const handle = slot ? mountedIn(slot) : undefined;
  const link = slot && handle ? await shareLink(slot, handle, 'read') : undefined;
  if (link && handle) {
    const actions = handle.actions().length;
    const done = actions > 0 ? `, действий студента: ${actions}` : '';
    return { link, what: `Виджет на шаге ${handle.step} из ${handle.stepCount}${done}.` };
  }
  const section = slide.dataset['section'];
  return {
    link: pageLink('read', section ? `#s-${section}` : ''),
    what: 'Этот слайд в режиме чтения.',
  };
}

async function fill(body: HTMLElement, slide: HTMLElement | undefined): Promise<void> {
  const doc = body.ownerDocument;
  const paragraph = (text: string, modifier: string): HTMLParagraphElement => {
    const p = doc.createElement('p');
    p.className = `${QR_OVERLAY_CLASS}__${modifier}`;
    p.textContent = text;
    return p;
  };
  if (liveJoinUrl) {
    const join = liveJoinUrl;
    const svg = await qrSvg(join, 'QR-код: адрес лекции для телефонов');
    const address = paragraph(join, 'address');
    body.replaceChildren(
      ...(svg ? [svg] : []),
      address,
      paragraph('Слайды лекции и голосование — на вашем телефоне.', 'what'),
    );
    body.dataset['link'] = join;
    return;
  }
  const reason = unreachableReason();
  if (reason) {
    body.replaceChildren(
      paragraph(`QR-код не показан. ${reason}`, 'note'),
      paragraph(
        'Откройте лекцию с сайта (опубликованная версия), чтобы зал мог её открыть.',
        'what',
      ),
    );
    return;
  }
  if (!slide) return;
  const { link, what } = await linkFor(slide);
  const svg = await qrSvg(link, 'QR-код: это состояние в режиме чтения на телефоне');
  body.replaceChildren(
    svg ??
      paragraph('Состояние слишком большое для QR-кода: нажмите «Сначала» в лаборатории.', 'note'),
    paragraph(`${what} Откроется в режиме чтения, с этого места.`, 'what'),
  );
  body.dataset['link'] = link;
}

/** Binds `Q` on the deck page; returns a function that removes the overlay and the key. */
export function bindQrOverlay(deck: RevealApi, doc: Document = document): () => void {
  return bindKeyDialog(
    {
      className: QR_OVERLAY_CLASS,
      title: 'Откройте на телефоне',
      isKey: isQ,
      content: (d) => d.createElement('div'),
      onOpen: (body) => {
        body.replaceChildren();
        delete body.dataset['link'];
        void fill(body, deck.getCurrentSlide() ?? undefined);
      },
    },
    doc,
  );
}
