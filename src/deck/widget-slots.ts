/**
 * The hook widgets plug into. The pipeline renders `<div class="widget-slot"
 * data-widget-slot="NAME">` where a slide embeds a widget; when that slide becomes current, the
 * loader registered for NAME is imported (code-split) and its `mount` fills the slot once.
 * Slots whose widget has no loader yet stay empty.
 */
import type { WidgetName } from './widget-names.ts';

import type { RevealApi } from './reveal-api.ts';

/** What a mounted widget hands back; `destroy` must undo every DOM change, listener and timer. */
export interface WidgetInstance {
  destroy(): void;
  /** Called when its slide becomes current again (e.g. to resume an animation). */
  show?(): void;
  /** Called when its slide stops being current. */
  hide?(): void;
}

/** What a widget learns about where it lives. */
export interface WidgetContext {
  readonly name: WidgetName;
  /** The lecture section number of the slide. */
  readonly section: number;
  /** The reveal.js deck, for fragment events (the clicker drives widget steps). */
  readonly deck: RevealApi;
}

/** A widget module: `mount` renders into `slot` (its one root element goes inside). */
export interface WidgetModule {
  mount(slot: HTMLElement, context: WidgetContext): WidgetInstance | Promise<WidgetInstance>;
}

/** Lazily imports a widget module, e.g. `() => import('../widgets/cache-aside/index.ts')`. */
export type WidgetLoader = () => Promise<WidgetModule>;

const loaders = new Map<WidgetName, WidgetLoader>();

/** Registers the loader for a widget name (the last registration wins). */
export function registerWidgetLoader(name: WidgetName, loader: WidgetLoader): void {
  loaders.set(name, loader);
}

/** Mounts widgets as their slides are shown; returns a function that destroys them all. */
export function bindWidgetSlots(deck: RevealApi): () => void {
  const mounted = new Map<HTMLElement, Promise<WidgetInstance | null>>();
  let current: HTMLElement[] = [];

  const mount = (slot: HTMLElement, section: number): Promise<WidgetInstance | null> => {
    const name = slot.dataset['widgetSlot'] as WidgetName;
    const loader = loaders.get(name);
    if (!loader) return Promise.resolve(null);
    return loader()
      .then((module) => module.mount(slot, { name, section, deck }))
      .catch((error: unknown) => {
        console.error(`Виджет «${name}» не загрузился`, error);
        return null;
      });
  };

  const onSlide = (): void => {
    for (const slot of current) void mounted.get(slot)?.then((w) => w?.hide?.());
    const slide = deck.getCurrentSlide();
    const section = Number(slide?.dataset['section'] ?? 0);
    current = slide ? [...slide.querySelectorAll<HTMLElement>('.widget-slot')] : [];
    for (const slot of current) {
      const existing = mounted.get(slot);
      if (existing) void existing.then((w) => w?.show?.());
      else if (loaders.has(slot.dataset['widgetSlot'] as WidgetName))
        mounted.set(slot, mount(slot, section));
    }
  };

  deck.on('ready', onSlide);
  deck.on('slidechanged', onSlide);
  return () => {
    deck.off('ready', onSlide);
    deck.off('slidechanged', onSlide);
    for (const widget of mounted.values()) void widget.then((w) => w?.destroy());
    mounted.clear();
  };
}
