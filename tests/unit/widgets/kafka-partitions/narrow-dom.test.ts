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

describe('kafka-partitions lab', () => {
  it('an assignor that is not an option changes nothing and the select shows the one in use', () => {
    const { handle } = mountSized('kafka-partitions', kafkaPartitionsWidget, 1100);
    const select = handle.root.querySelector<HTMLSelectElement>('select[name="assignor"]');
    if (!select) throw new Error('no assignor select');
    const choose = (value: string): void => {
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    };
    choose('roundrobin');
    expect(handle.actions()).toHaveLength(1);
    choose('sticky-ish');
    expect(select.value).toBe('roundrobin');
    expect(handle.actions()).toHaveLength(1);
    handle.destroy();
  });
});
