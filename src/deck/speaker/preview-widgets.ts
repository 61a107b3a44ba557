/**
 * Widgets of the «Дальше» preview: the copy of a slide cannot show a step the deck has not drawn
 * yet, so each widget slot of the copy gets a widget of its own, on its stage face (never the
 * lab), at the step the copy's fragments say. They are destroyed with the next copy.
 */
import { WIDGET_OPEN_CLASS, stepFromFragments } from '../widget-bridge.ts';
import { widgetInSlot } from '../../widgets/catalog.ts';
import { mountWidget, type WidgetHandle } from '../../widgets/runtime/mount.ts';

/** Mounts and destroys the widgets of one preview. */
export class PreviewWidgets {
  private handles: WidgetHandle[] = [];
  private generation = 0;

  /**
   * Replaces every widget copied into `copy` by one drawn at the copy's step. Resolves when all
   * are drawn (or when a newer copy made them moot).
   */
  async mountIn(copy: HTMLElement): Promise<void> {
    this.destroy();
    const generation = this.generation;
    const loads = [...copy.querySelectorAll<HTMLElement>('.widget-slot')].map(async (slot) => {
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
