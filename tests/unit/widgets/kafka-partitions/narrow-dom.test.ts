// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import kafkaPartitionsWidget from '../../../../src/widgets/kafka-partitions/index.ts';
import { NARROW_WIDTH, VIEW_WIDTH } from '../../../../src/widgets/kafka-partitions/layout.ts';
import { mountWidget } from '../../../../src/widgets/runtime/mount.ts';

/** A ResizeObserver the test triggers by hand. */
class FakeObserver {
  static made: FakeObserver[] = [];
  constructor(readonly callback: () => void) {
    FakeObserver.made.push(this);
  }
  observe(): void {}
  disconnect(): void {}
}

const realObserver = globalThis.ResizeObserver;
afterEach(() => {
  globalThis.ResizeObserver = realObserver;
  FakeObserver.made = [];
  document.body.replaceChildren();
});

describe('kafka-partitions takes its width from the kit', () => {
  it('draws the narrow picture below 760 px and the wide one above, redrawn when the box crosses', () => {
    globalThis.ResizeObserver = FakeObserver as unknown as typeof ResizeObserver;
    const slot = document.createElement('div');
    document.body.append(slot);
    const handle = mountWidget(slot, 'kafka-partitions', kafkaPartitionsWidget);
    // One observer for the widget: the kit's (the picture has none of its own).
    expect(FakeObserver.made).toHaveLength(1);
    const picture = handle.root.querySelector<HTMLElement>('.w-picture') as HTMLElement;
    let width = 390;
    Object.defineProperty(picture, 'clientWidth', { configurable: true, get: () => width });
    const drawnWidth = () => handle.root.querySelector('svg')?.getAttribute('width');
    handle.setStep(3, false);
    expect(drawnWidth()).toBe(String(NARROW_WIDTH));
    width = 1100;
    FakeObserver.made[0]?.callback();
    expect(drawnWidth()).toBe(String(VIEW_WIDTH));
    width = 700;
    FakeObserver.made[0]?.callback();
    expect(drawnWidth()).toBe(String(NARROW_WIDTH));
    handle.destroy();
  });
});
