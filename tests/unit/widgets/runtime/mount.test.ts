// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mountWidget } from '../../../../src/widgets/runtime/mount.ts';
import { createField } from '../../../../src/widgets/runtime/field.ts';
import { h } from '../../../../src/widgets/runtime/dom.ts';
import { validateIntInRange } from '../../../../src/widgets/runtime/validate.ts';
import type { WidgetModule } from '../../../../src/widgets/runtime/types.ts';

function countingWidget(log: string[]): WidgetModule {
  return {
    mount(host) {
      const label = h('span', { 'data-label': '' });
      host.root.append(label);
      host.disposer.listen(document.body, 'keydown', () => log.push('key'));
      host.disposer.add(() => log.push('disposed'));
      return {
        stepCount: 3,
        show(step, animate) {
          label.textContent = `step ${step}`;
          log.push(`show ${step} ${animate}`);
          host.say(`шаг ${step}`);
        },
      };
    },
  };
}

describe('widget mount and destroy', () => {
  it('owns one root with data-widget and data-step, and shows steps clamped', () => {
    const slot = document.createElement('div');
    const log: string[] = [];
    const handle = mountWidget(slot, 'demo', countingWidget(log), { reducedMotion: false });
    expect(slot.children).toHaveLength(1);
    expect(handle.root.dataset.widget).toBe('demo');
    expect(handle.root.dataset.step).toBe('0');
    handle.setStep(2, true);
    expect(handle.root.dataset.step).toBe('2');
    expect(handle.root.querySelector('[role=status]')?.textContent).toBe('шаг 2');
    handle.setStep(99, false);
    expect(handle.step).toBe(3);
    expect(log).toContain('show 2 true');
  });

  it('never animates under reduced motion, yet shows the same steps', () => {
    const log: string[] = [];
    const handle = mountWidget(document.createElement('div'), 'demo', countingWidget(log), {
      reducedMotion: true,
    });
    handle.setStep(1, true);
    expect(log).toContain('show 1 false');
  });

  it('destroy removes the root and every listener it registered', () => {
    const slot = document.createElement('div');
    document.body.append(slot);
    const log: string[] = [];
    const handle = mountWidget(slot, 'demo', countingWidget(log));
    document.body.dispatchEvent(new Event('keydown'));
    handle.destroy();
    document.body.dispatchEvent(new Event('keydown'));
    expect(log.filter((x) => x === 'key')).toHaveLength(1);
    expect(log).toContain('disposed');
    expect(slot.children).toHaveLength(0);
  });

  it('routes control buttons through requestStep so the clicker stays in sync', () => {
    const requested: number[] = [];
    const handle = mountWidget(document.createElement('div'), 'demo', countingWidget([]), {
      requestStep: (n) => requested.push(n),
    });
    handle.root.querySelector<HTMLButtonElement>('button[name="step-forward"]')?.click();
    expect(requested).toEqual([1]);
  });
});

describe('reset and speed', () => {
  it('«Сначала» clears the student additions before going back to step 0, and speed reaches the widget', () => {
    const calls: string[] = [];
    let speedSeen = 0;
    const handle = mountWidget(
      document.createElement('div'),
      'demo',
      {
        mount(host) {
          return {
            stepCount: 2,
            show(step) {
              calls.push(`show ${step}`);
              speedSeen = host.speed();
            },
            reset() {
              calls.push('reset');
            },
          };
        },
      },
      { reducedMotion: true },
    );
    handle.setStep(2, false);
    const select = handle.root.querySelector<HTMLSelectElement>('select[name="speed"]');
    if (!select) throw new Error('no speed select');
    select.value = '2';
    select.dispatchEvent(new Event('change'));
    handle.root.querySelector<HTMLButtonElement>('button[name="reset"]')?.click();
    expect(calls.slice(-2)).toEqual(['reset', 'show 0']);
    expect(speedSeen).toBe(2);
  });
});

describe('validated field', () => {
  it('marks an invalid value with aria-invalid and a described-by message, as text', () => {
    const field = createField({ name: 'partitions', label: 'Партиции', value: '<b>0</b>' });
    document.body.append(field.element);
    const value = field.read((raw) => validateIntInRange(raw, 1, 64, 'Партиции'));
    expect(value).toBeUndefined();
    expect(field.input.getAttribute('aria-invalid')).toBe('true');
    const messageId = field.input.getAttribute('aria-describedby') ?? '';
    const message = document.getElementById(messageId);
    expect(message?.textContent).toMatch(/от 1 до 64/);
    expect(field.element.querySelector('b')).toBeNull();
    field.input.value = '8';
    expect(field.read((raw) => validateIntInRange(raw, 1, 64, 'Партиции'))).toBe(8);
    expect(field.input.hasAttribute('aria-invalid')).toBe(false);
  });
});

describe('keys on a focused widget control', () => {
  it('Space and Enter on a widget button stay with the button; other keys and the root reach the deck', () => {
    const slot = document.createElement('div');
    document.body.append(slot);
    const handle = mountWidget(slot, 'demo', countingWidget([]), { reducedMotion: true });
    const button = h('button', { type: 'button' }, 'LPUSH');
    handle.root.append(button);
    const reached: string[] = [];
    const deck = (event: KeyboardEvent): void => {
      reached.push(`${event.key}@${(event.target as HTMLElement).tagName}`);
    };
    document.addEventListener('keydown', deck);
    const press = (target: HTMLElement, key: string): void => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    };
    // The control handles these itself (reveal.js would turn the slide on Space).
    press(button, ' ');
    press(button, 'Enter');
    press(button, 'ArrowRight');
    press(handle.root, ' ');
    document.removeEventListener('keydown', deck);
    expect(reached).toEqual(['ArrowRight@BUTTON', ' @DIV']);
    handle.destroy();
  });
});
