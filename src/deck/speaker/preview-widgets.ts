/**
 * Widgets of the «Дальше» preview: the copy of a slide cannot show a step the deck has not drawn
 * yet, so each widget slot of the copy gets a widget of its own, on its stage face (never the
 * lab), at the step the copy's fragments say, with the actions the lecturer made in the deck's
 * widget of that slot (what → will show: the next step with those actions on top). They are
 * destroyed with the next copy.
 */
import { WIDGET_OPEN_CLASS, stepFromFragments } from '../widget-bridge.ts';
import { widgetInSlot } from '../../widgets/catalog.ts';
import { mountWidget, mountedIn, type WidgetHandle } from '../../widgets/runtime/mount.ts';

/** The action log of the deck's widget in each widget slot of `section` ([] where none). */
export function deckActions(section: ParentNode): (readonly unknown[])[] {
  return [...section.querySelectorAll<HTMLElement>('.widget-slot')].map(
    (slot) => mountedIn(slot)?.actions() ?? [],
  );
}

const logIds = new WeakMap<object, number>();
let nextLogId = 0;

/**
 * A key of the deck's action logs in `section` that changes when one does (an action, «Сначала»):
 * a log is replaced, never changed in place, so its identity says which one it is.
 */
export function deckActionsKey(section: ParentNode): string {
  return deckActions(section)
    .map((log) => {
      if (log.length === 0) return '0';
      let id = logIds.get(log);
      if (id === undefined) {
        id = ++nextLogId;
        logIds.set(log, id);
      }
      return `${log.length}:${id}`;
    })
    .join(',');
}

/** Mounts and destroys the widgets of one preview. */
export class PreviewWidgets {
  private handles: WidgetHandle[] = [];
  private generation = 0;

  /**
   * Replaces every widget copied into `copy` by one drawn at the copy's step, with the actions of
   * the deck's widget in the same slot of `source` (the section copied). Resolves when all are
   * drawn (or when a newer copy made them moot).
   */
  async mountIn(copy: HTMLElement, source?: HTMLElement): Promise<void> {
    this.destroy();
    const generation = this.generation;
    // Read now: the deck's widgets may be gone once the modules have loaded.
    const actions = source ? deckActions(source) : [];
    const slots = [...copy.querySelectorAll<HTMLElement>('.widget-slot')];
    const loads = slots.map(async (slot, i) => {
      const entry = widgetInSlot(slot);
      if (!entry) return;
      // The deck's widget as copied (its step, maybe its lab): not what → shows.
      for (const root of slot.querySelectorAll(':scope > [data-widget]')) root.remove();
      const step = stepFromFragments(slot);
      slot.classList.toggle(WIDGET_OPEN_CLASS, step > 0);
      const module = await entry.load();
      if (generation !== this.generation) return;
      const handle = mountWidget(slot, entry.name, module, {
        story: entry.story,
        face: 'stage',
        labToggle: true,
        reducedMotion: true,
      });
      handle.setStep(step, false);
      const log = actions[i] ?? [];
      if (log.length > 0) handle.restore(log);
      this.handles.push(handle);
    });
    const results = await Promise.allSettled(loads);
    for (const result of results) {
      if (result.status === 'rejected')
        console.error('Виджет для «Дальше» не показан', result.reason);
    }
  }

  /** Destroys the mounted widgets; a mount still loading is dropped. */
  destroy(): void {
    this.generation++;
    for (const handle of this.handles) handle.destroy();
    this.handles = [];
  }
}
