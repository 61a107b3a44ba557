/** Every CSS class of the broker-chooser widget, prefixed in one place (styles: ./broker-chooser.css). */
export const BC_CLASS = {
  top: 'w-bc-top',
  side: 'w-bc-side',
  main: 'w-bc-main',
  form: 'w-bc-form',
  question: 'w-bc-question',
  options: 'w-bc-options',
  option: 'w-bc-option',
  result: 'w-bc-result',
  for: 'w-bc-for',
  winner: 'w-bc-winner',
  scores: 'w-bc-scores',
  bar: 'w-bc-bar',
  reasons: 'w-bc-reasons',
  caveat: 'w-bc-caveat',
  system: 'w-bc-system',
  shape: 'w-bc-shape',
} as const;
