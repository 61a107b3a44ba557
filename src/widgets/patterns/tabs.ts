/**
 * The pattern tabs: an ARIA tablist (roving tabindex; ←/→/Home/End move and activate). Arrow keys
 * are kept from reveal.js, which would otherwise turn them into slide changes.
 */
import type { Disposer } from '../runtime/disposer.ts';
import { h, uniqueId } from '../runtime/dom.ts';
import { PT_CLASS } from './classes.ts';
import { PATTERNS, type PatternId } from './steps.ts';

export interface Tabs {
  readonly element: HTMLElement;
  /** The id of the element each tab controls (the one panel, whose content changes). */
  readonly panelId: string;
  /** Marks `id` selected (does not call back). */
  select(id: PatternId): void;
}

/** Builds the tabs; `onPick` runs when the student activates a tab. */
export function createTabs(disposer: Disposer, onPick: (id: PatternId) => void): Tabs {
  const panelId = uniqueId('w-pt-panel');
  const tabs = PATTERNS.map((p) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        class: PT_CLASS.tab,
        id: uniqueId(`w-pt-tab-${p.id}`),
        'data-pattern': p.id,
        'aria-controls': panelId,
        'aria-selected': 'false',
        tabindex: -1,
      },
      p.label,
    ),
  );
  const element = h(
    'div',
    { class: PT_CLASS.tabs, role: 'tablist', 'aria-label': 'Паттерн' },
    ...tabs,
  );
  disposer.listen(element, 'click', (event) => {
    const tab = (event.target as HTMLElement).closest<HTMLElement>('[role="tab"]');
    const id = tab?.dataset['pattern'] as PatternId | undefined;
    if (id) onPick(id);
  });
  disposer.listen(element, 'keydown', (event) => {
    const index = tabs.findIndex((t) => t === document.activeElement);
    if (index < 0) return;
    const keys: Record<string, number> = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    const next = keys[event.key];
    if (next === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    tabs[next]?.focus();
    const id = tabs[next]?.dataset['pattern'] as PatternId | undefined;
    if (id) onPick(id);
  });
  return {
    element,
    panelId,
    select(id) {
      for (const tab of tabs) {
        const on = tab.dataset['pattern'] === id;
        tab.setAttribute('aria-selected', String(on));
        tab.tabIndex = on ? 0 : -1;
      }
    },
  };
}
