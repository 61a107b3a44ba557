// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import kafkaPartitionsWidget from '../../../../src/widgets/kafka-partitions/index.ts';
import { NARROW_WIDTH, VIEW_WIDTH } from '../../../../src/widgets/kafka-partitions/layout.ts';
import { FakeObserver, mountSized, useFakeResizeObserver } from '../sized-mount.ts';

useFakeResizeObserver();

describe('kafka-partitions takes its width from the kit', () => {
  it('draws the narrow picture below 760 px and the wide one above, redrawn when the box crosses', () => {
    const { handle, resize } = mountSized('kafka-partitions', kafkaPartitionsWidget, 390);
    // One observer for the widget: the kit's (the picture has none of its own).
    expect(FakeObserver.made).toHaveLength(1);
    const drawnWidth = () => handle.root.querySelector('svg')?.getAttribute('width');
    handle.setStep(3, false);
    expect(drawnWidth()).toBe(String(NARROW_WIDTH));
    resize(1100);
    expect(drawnWidth()).toBe(String(VIEW_WIDTH));
    resize(700);
    expect(drawnWidth()).toBe(String(NARROW_WIDTH));
    handle.destroy();
  });
});
