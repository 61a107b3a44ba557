/** CSS classes of the rabbit-acks widget (styles: ./rabbit-acks.css), prefixed w-ra-. */
export const RA_CLASS = {
  panel: 'w-ra-panel',
  board: 'w-ra-board',
  broker: 'w-ra-broker',
  box: 'w-ra-box',
  boxDead: 'w-ra-box--dlq',
  boxHead: 'w-ra-box-head',
  workers: 'w-ra-workers',
  worker: 'w-ra-worker',
  workerHead: 'w-ra-worker-head',
  workerDown: 'w-ra-worker--down',
  slots: 'w-ra-slots',
  done: 'w-ra-done',
  actions: 'w-ra-actions',
  chip: 'w-ra-chip',
  empty: 'w-ra-empty',
  more: 'w-ra-more',
  meta: 'w-ra-meta',
  check: 'w-ra-check',
  legend: 'w-ra-legend',
} as const;

/** Where a task is, as a chip modifier class (colour and shape both tell it). */
export const CHIP_STATE = {
  ready: 'w-ra-chip--ready',
  working: 'w-ra-chip--working',
  buffered: 'w-ra-chip--buffered',
  acked: 'w-ra-chip--acked',
  dead: 'w-ra-chip--dead',
} as const;

/** A chip state name. */
export type ChipState = keyof typeof CHIP_STATE;
