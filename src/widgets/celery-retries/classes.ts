/** CSS classes of the celery-retries widget, prefixed in one place (styles: ./celery-retries.css). */
export const CR_CLASS = {
  root: 'w-cr',
  decl: 'w-cr-decl',
  states: 'w-cr-states',
  state: 'w-cr-state',
  visited: 'w-cr-state--visited',
  glyph: 'w-cr-glyph',
  facts: 'w-cr-facts',
  svg: 'w-cr-svg',
  laneLabel: 'w-cr-lane-label',
  tick: 'w-cr-tick',
  run: 'w-cr-run',
  wait: 'w-cr-wait',
  now: 'w-cr-now',
  inputs: 'w-cr-inputs',
  legend: 'w-cr-legend',
} as const;
