/** Every CSS class the widget runtime uses, prefixed in one place (styles: ./widgets.css). */
export const WIDGET_CLASS = {
  root: 'w-root',
  /** A root on the kit (it has a stage face). */
  kitRoot: 'w-root--kit',
  /** The stage's one button: opens and closes the lab. */
  labToggle: 'w-lab-toggle',
  stage: 'w-stage',
  /** On a stage, the part of a widget that takes the height left over (and scrolls if it must). */
  stageFill: 'w-stage-fill',
  toolbar: 'w-toolbar',
  button: 'w-button',
  field: 'w-field',
  fieldError: 'w-field-error',
  caption: 'w-caption',
  legend: 'w-legend',
  legendItem: 'w-legend-item',
  inputs: 'w-inputs',
  /** Inside `inputs`: fields and the button that uses them, on one line, bottoms aligned. */
  inputGroup: 'w-input-group',
} as const;
