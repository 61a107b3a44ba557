/** Every CSS class the widget runtime uses, prefixed in one place (styles: ./widgets.css). */
export const WIDGET_CLASS = {
  root: 'w-root',
  stage: 'w-stage',
  toolbar: 'w-toolbar',
  button: 'w-button',
  field: 'w-field',
  fieldError: 'w-field-error',
  caption: 'w-caption',
  legend: 'w-legend',
  legendItem: 'w-legend-item',
  inputs: 'w-inputs',
} as const;
