/** CSS classes of the rabbit-acks widget (styles: ./rabbit-acks.css), prefixed w-ra-. */
export const RA_CLASS = {
  root: 'w-ra',
  panel: 'w-ra-panel',
  board: 'w-ra-board',
  broker: 'w-ra-broker',
  box: 'w-ra-box',
  boxHead: 'w-ra-box-head',
  lane: 'w-ra-lane',
  workers: 'w-ra-workers',
  worker: 'w-ra-worker',
  workerHead: 'w-ra-worker-head',
  workerDown: 'w-ra-worker--down',
  slots: 'w-ra-slots',
  done: 'w-ra-done',
  actions: 'w-ra-actions',
  chip: 'w-ra-chip',
  empty: 'w-ra-empty',
  clock: 'w-ra-clock',
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
