/**
 * A labelled input whose validation message sits next to it: on error the input gets
 * aria-invalid="true" and aria-describedby pointing at the message, as screen readers expect.
 */
import { h, uniqueId } from './dom.ts';
import type { Validation } from './validate.ts';
import { WIDGET_CLASS } from './classes.ts';

export interface Field {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  /** Shows `message` as this field's error, or clears it when undefined. */
  setError(message: string | undefined): void;
  /** Validates the current value; on failure shows the message and returns undefined. */
  read<T>(validate: (raw: string) => Validation<T>): T | undefined;
}

export interface FieldOptions {
  name: string;
  label: string;
  value?: string;
  type?: 'text' | 'number';
  inputMode?: 'text' | 'numeric';
  size?: number;
  placeholder?: string;
}

/** Creates a field; the caller appends `element` where it belongs. */
export function createField(options: FieldOptions): Field {
  const inputId = uniqueId(`w-${options.name}`);
  const errorId = `${inputId}-error`;
  const input = h('input', {
    id: inputId,
    name: options.name,
    type: options.type ?? 'text',
    inputmode: options.inputMode,
    size: options.size,
    placeholder: options.placeholder,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  input.value = options.value ?? '';
  const error = h('span', {
    id: errorId,
    class: WIDGET_CLASS.fieldError,
    role: 'alert',
    hidden: true,
  });
  const element = h(
    'div',
    { class: WIDGET_CLASS.field },
    h('label', { for: inputId }, options.label),
    input,
    error,
  );
  const setError = (message: string | undefined): void => {
    if (message === undefined) {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
      error.hidden = true;
      error.textContent = '';
      return;
    }
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', errorId);
    error.textContent = message;
    error.hidden = false;
  };
  return {
    element,
    input,
    setError,
    read(validate) {
      const result = validate(input.value);
      if (!result.ok) {
        setError(result.message);
        return undefined;
      }
      setError(undefined);
      return result.value;
    },
  };
}
