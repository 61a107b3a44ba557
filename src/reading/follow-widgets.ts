/**
 * The widgets of the slide a phone follows (issue 15 §3): each slot of the shown slide mounted in
 * the stage face and kept at the lecturer's step, or at the lecturer's own state when the lecturer
 * acted in the lab (the state's `shared`, a share link's data, restored through the widget's own
 * `act`). Detached, the widgets show their lab and the student drives them; following again
 * mounts them afresh at the lecturer's state, so nothing the student did stays.
 */
import type { LiveWidget } from '../live/protocol.ts';
import { widgetInSlot } from '../widgets/catalog.ts';
import { h } from '../widgets/runtime/dom.ts';
import { mountWidget, type WidgetHandle } from '../widgets/runtime/mount.ts';
import { fitsActionShape } from '../widgets/runtime/share-schema.ts';
import { decodeShare } from '../widgets/runtime/share.ts';

interface Slot {
  readonly element: HTMLElement;
  readonly index: number;
  handle?: WidgetHandle;
  /** The `shared` data the widget shows or is being mounted with ('' for the slide's story). */
  shared: string;
  /** Set once a mount started; a slot whose widget failed to load is not tried again. */
  started: boolean;
  /** Bumped on every mount and by `destroy`: a slower load or decode that lost is dropped. */
  generation: number;
}

/** The widgets of one shown slide. */
export interface FollowWidgets {
  /** True when a mounted widget has a lab a student can play with (a chart has none). */
  playable(): boolean;
  /** Shows the lecturer's widgets (`widgets` of the state) in the stage face. */
  follow(widgets: readonly LiveWidget[]): void;
  /** Shows every widget's lab for the student; `follow` brings them back. */
  detach(): void;
  /** Resolves when every widget is mounted and shows what was last asked (tests, screenshots). */
  settled(): Promise<void>;
  destroy(): void;
}

/** Mounts the widgets of `slide` (a section shown by the follow view). */
export function followWidgets(slide: HTMLElement): FollowWidgets {
  const slots: Slot[] = [...slide.querySelectorAll<HTMLElement>('.widget-slot')].map(
    (element, index) => ({ element, index, shared: '', started: false, generation: 0 }),
  );
  let detached = false;
  let wanted: readonly LiveWidget[] = [];
  let pending: Promise<unknown>[] = [];

  const wantedOf = (slot: Slot): LiveWidget | undefined =>
    wanted.find((w) => w.slot === slot.index);

  const load = async (slot: Slot, shared: string): Promise<void> => {
    const entry = widgetInSlot(slot.element);
    if (!entry) return;
    const mine = ++slot.generation;
    const [module, decoded] = await Promise.all([
      entry.load(),
      shared ? decodeShare(shared) : Promise.resolve(undefined),
    ]);
    if (mine !== slot.generation) return;
    slot.handle?.destroy();
    const handle = mountWidget(slot.element, entry.name, module, {
      story: entry.story,
      face: detached ? 'lab' : 'stage',
    });
    slot.handle = handle;
    const state = decoded?.ok ? decoded.state : undefined;
    if (state && state.widget === entry.name && state.slot === slot.index) {
      handle.setStep(state.step, false);
      handle.restore(state.actions.filter((a) => fitsActionShape(state.widget, a)));
      return;
    }
    // A state this page cannot read (another version's link): the lecturer's step of the story.
    if (decoded && !decoded.ok) console.warn(`Состояние виджета лектора: ${decoded.message}`);
    handle.setStep(wantedOf(slot)?.step ?? 0, false);
  };

  const mount = (slot: Slot, shared: string): void => {
    slot.started = true;
    slot.shared = shared;
    pending.push(
      load(slot, shared).catch((error: unknown) => {
        console.error('Виджет не загрузился', error);
        if (!slot.element.querySelector('.follow-error'))
          slot.element.append(h('p', { class: 'follow-error' }, 'Виджет не загрузился.'));
      }),
    );
  };

  const apply = (): void => {
    for (const slot of slots) {
      const shared = wantedOf(slot)?.shared ?? '';
      // A new lecturer's state (or the story again after one) is replayed in a fresh widget.
      if (!slot.started || shared !== slot.shared) {
        mount(slot, shared);
        continue;
      }
      const handle = slot.handle;
      if (!handle || shared) continue;
      const step = wantedOf(slot)?.step ?? 0;
      if (step !== handle.step) handle.setStep(step, Math.abs(step - handle.step) === 1);
    }
  };

  return {
    playable: () => slots.some((s) => s.handle?.hasLab === true),
    follow(widgets) {
      wanted = widgets;
      if (detached) {
        // Back from the lab: every widget anew, at the lecturer's state.
        detached = false;
        for (const slot of slots) mount(slot, wantedOf(slot)?.shared ?? '');
        return;
      }
      apply();
    },
    detach() {
      detached = true;
      for (const slot of slots) if (slot.handle?.hasLab) slot.handle.setFace('lab');
    },
    async settled() {
      while (pending.length > 0) {
        const now = pending;
        pending = [];
        await Promise.all(now);
      }
    },
    destroy() {
      for (const slot of slots) {
        slot.generation++;
        slot.handle?.destroy();
        slot.handle = undefined;
      }
    },
  };
}
