// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Disposer } from '../../../../src/widgets/runtime/disposer.ts';
import { createField } from '../../../../src/widgets/runtime/field.ts';
import { LAB_ONLY } from '../../../../src/widgets/runtime/kit.ts';
import {
  alertLine,
  applyOnChange,
  inputRows,
  labelled,
  legend,
  markSvg,
  onButton,
  submitOnEnter,
} from '../../../../src/widgets/runtime/parts.ts';

/** Presses `key` in `target`; returns whether the event reached the document. */
function press(target: HTMLElement, key: string): boolean {
  let reached = false;
  const seen = (): void => {
    reached = true;
  };
  document.addEventListener('keydown', seen);
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  document.removeEventListener('keydown', seen);
  return reached;
}

describe('legend', () => {
  it('is a labelled list: glyph marks in a hidden span, SVG marks as given, words after a space', () => {
    const svg = markSvg({ viewBox: '0 0 10 10' });
    const list = legend('w-xx-legend', [
      { mark: '■', markClass: 'w-xx-mark', text: 'в очереди' },
      { mark: svg, text: 'линия', labOnly: true },
      { text: 'только слова', attrs: { 'data-legend': 'words' } },
    ]);
    expect(list.tagName).toBe('UL');
    expect(list.className).toBe('w-legend w-xx-legend');
    expect(list.getAttribute('aria-label')).toBe('Легенда');
    const items = [...list.children] as HTMLElement[];
    expect(items.map((li) => li.textContent)).toEqual(['■ в очереди', ' линия', 'только слова']);
    const glyph = items[0]?.querySelector('span');
    expect(glyph?.className).toBe('w-xx-mark');
    expect(glyph?.getAttribute('aria-hidden')).toBe('true');
    expect(items[1]?.firstChild).toBe(svg);
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    expect(items[1]?.classList.contains(LAB_ONLY)).toBe(true);
    expect(items[0]?.classList.contains(LAB_ONLY)).toBe(false);
    expect(items[2]?.dataset['legend']).toBe('words');
    expect(items[2]?.className).toBe('w-legend-item');
  });
});

describe('submitOnEnter and applyOnChange', () => {
  it('Enter in any field and a click on the button act; Enter never reaches the deck', () => {
    const disposer = new Disposer();
    const a = createField({ name: 'a', label: 'A' });
    const b = createField({ name: 'b', label: 'B' });
    const button = document.createElement('button');
    document.body.append(a.element, b.element, button);
    let acted = 0;
    submitOnEnter(disposer, [a, b.input], () => (acted += 1), button);
    expect(press(a.input, 'Enter')).toBe(false);
    expect(press(b.input, 'Enter')).toBe(false);
    button.click();
    expect(acted).toBe(3);
    expect(press(a.input, 'x')).toBe(true);
    expect(acted).toBe(3);
    disposer.dispose();
    press(a.input, 'Enter');
    button.click();
    expect(acted).toBe(3);
    document.body.replaceChildren();
  });

  it('a setting applies on change and on Enter', () => {
    const disposer = new Disposer();
    const field = createField({ name: 'n', label: 'N' });
    document.body.append(field.element);
    let applied = 0;
    applyOnChange(disposer, field, () => (applied += 1));
    field.input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(press(field.input, 'Enter')).toBe(false);
    expect(applied).toBe(2);
    disposer.dispose();
    document.body.replaceChildren();
  });
});

describe('lab rows, labels, alert line and card buttons', () => {
  it('rows become input groups; a node is kept as it is', () => {
    const x = document.createElement('input');
    const note = document.createElement('span');
    const box = inputRows('w-xx-panel', [x], note);
    expect(box.className).toBe('w-inputs w-xx-panel');
    expect(box.children[0]?.className).toBe('w-input-group');
    expect(box.children[0]?.firstChild).toBe(x);
    expect(box.children[1]).toBe(note);
  });

  it('labelled points its label at the control', () => {
    const select = document.createElement('select');
    select.id = 'w-xx-mode-1';
    const field = labelled('Режим', select);
    expect(field.querySelector('label')?.htmlFor).toBe('w-xx-mode-1');
    expect(field.lastChild).toBe(select);
  });

  it('the alert line shows a message and hides when cleared', () => {
    const line = alertLine({ 'data-error': 'limit' });
    expect(line.element.hidden).toBe(true);
    expect(line.element.getAttribute('role')).toBe('alert');
    expect(line.element.dataset['error']).toBe('limit');
    line.show('Не больше 6.');
    expect([line.element.hidden, line.element.textContent]).toEqual([false, 'Не больше 6.']);
    line.show(undefined);
    expect([line.element.hidden, line.element.textContent]).toEqual([true, '']);
  });

  it('onButton hands over the button clicked inside the root, also through its text', () => {
    const disposer = new Disposer();
    const root = document.createElement('div');
    const button = document.createElement('button');
    button.name = 'finish';
    const label = document.createElement('b');
    button.append(label);
    root.append(button, document.createElement('p'));
    const pressed: string[] = [];
    onButton(disposer, root, (b) => pressed.push(b.name));
    label.click();
    (root.lastChild as HTMLElement).click();
    expect(pressed).toEqual(['finish']);
    disposer.dispose();
  });
});
