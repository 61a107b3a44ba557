// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createControls } from '../../../../src/widgets/runtime/controls.ts';
import { Disposer } from '../../../../src/widgets/runtime/disposer.ts';

describe('widget controls', () => {
  it('a speed that is not an option is refused and the select shows the speed in use', () => {
    const speeds: number[] = [];
    const controls = createControls(new Disposer(), {
      onPlayToggle: () => undefined,
      onStep: () => undefined,
      onReset: () => undefined,
      onSpeed: (value) => speeds.push(value),
    });
    const select = controls.element.querySelector<HTMLSelectElement>('select[name="speed"]');
    if (!select) throw new Error('no speed select');
    const change = (value: string): void => {
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    };
    change('2');
    // Found by bench/monkey.ts: '' became speed 0, and each animation's delay Infinity.
    change('not-an-option');
    change('0.5');
    expect(speeds).toEqual([2, 0.5]);
    change('');
    expect(speeds).toEqual([2, 0.5]);
    expect(select.value).toBe('0.5');
  });
});
