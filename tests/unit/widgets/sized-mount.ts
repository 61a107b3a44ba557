/**
 * A widget mounted in happy-dom with a picture of a chosen width and a ResizeObserver the test
 * fires by hand: what the narrow-layout tests share. Import from a `@vitest-environment happy-dom`
 * file and call {@link useFakeResizeObserver} once at its top level.
 */
import { afterEach, beforeEach } from 'vitest';
import type { WidgetName } from '../../../src/lecture/names.ts';
import { mountWidget, type WidgetHandle } from '../../../src/widgets/runtime/mount.ts';
import type { WidgetModule } from '../../../src/widgets/runtime/types.ts';

/** A ResizeObserver the test triggers by hand. */
export class FakeObserver {
  static made: FakeObserver[] = [];
  constructor(readonly callback: () => void) {
    FakeObserver.made.push(this);
  }
  observe(): void {}
  disconnect(): void {}
}

/** Puts FakeObserver in place of ResizeObserver for every test of the file, and cleans up after. */
export function useFakeResizeObserver(): void {
  const realObserver = globalThis.ResizeObserver;
  beforeEach(() => {
    globalThis.ResizeObserver = FakeObserver as unknown as typeof ResizeObserver;
  });
  afterEach(() => {
    globalThis.ResizeObserver = realObserver;
    FakeObserver.made = [];
    document.body.replaceChildren();
  });
}

export interface SizedWidget {
  readonly handle: WidgetHandle;
  readonly picture: HTMLElement;
  /** Makes the picture `width` px wide and fires the kit's observer, as a resize does. */
  resize(width: number): void;
}

/** Mounts `module` as `name` with its `.w-picture` reporting `width` px (nothing drawn yet). */
export function mountSized(name: WidgetName, module: WidgetModule, width: number): SizedWidget {
  const slot = document.createElement('div');
  document.body.append(slot);
  const handle = mountWidget(slot, name, module);
  const picture = handle.root.querySelector<HTMLElement>('.w-picture') as HTMLElement;
  let current = width;
  Object.defineProperty(picture, 'clientWidth', { configurable: true, get: () => current });
  return {
    handle,
    picture,
    resize(next) {
      current = next;
      FakeObserver.made[0]?.callback();
    },
  };
}
