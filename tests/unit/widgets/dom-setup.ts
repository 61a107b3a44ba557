/**
 * One widget at a time mounted into happy-dom (the test file sets `@vitest-environment happy-dom`),
 * destroyed and the body emptied after each test.
 */
import { afterEach } from 'vitest';
import { mountWidget, type WidgetHandle } from '../../../src/widgets/runtime/mount.ts';
import type { WidgetModule } from '../../../src/widgets/runtime/types.ts';

/** Where and how to mount: inside a slide of `section` when given; reduced motion by default. */
export interface DomMountOptions {
  readonly section?: string;
  /** The story the slide's marker names (`story=`); the widget's default when absent. */
  readonly story?: string;
  readonly reducedMotion?: boolean;
}

/** A widget mounted for a test: its root and the slot it was mounted in. */
export interface MountedWidget {
  readonly root: HTMLElement;
  readonly slot: HTMLElement;
}

/** The current test's widget handle and a mounter for `module` as widget `name`. */
export interface WidgetDom {
  /** The widget mounted by the current test, if any. */
  readonly handle: WidgetHandle | undefined;
  /** Mounts the widget in a fresh slot (inside a slide of `section` when given). */
  mount(options?: DomMountOptions): MountedWidget;
  /** Destroys the current widget now, so that the clean-up after the test has nothing left. */
  destroy(): void;
}

/** Registers the afterEach clean-up and returns the mounter for widget `name` of `module`. */
export function widgetDom(name: string, module: WidgetModule): WidgetDom {
  let handle: WidgetHandle | undefined;
  const destroy = (): void => {
    handle?.destroy();
    handle = undefined;
  };
  afterEach(() => {
    destroy();
    document.body.replaceChildren();
  });
  return {
    destroy,
    get handle() {
      return handle;
    },
    mount({ section, story, reducedMotion = true } = {}) {
      const slot = document.createElement('div');
      if (section === undefined) document.body.append(slot);
      else {
        const slide = document.createElement('section');
        slide.dataset['section'] = section;
        slide.append(slot);
        document.body.append(slide);
      }
      handle = mountWidget(slot, name, module, { reducedMotion, story });
      return { root: handle.root, slot };
    },
  };
}
