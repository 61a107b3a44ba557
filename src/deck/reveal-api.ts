/** The reveal.js deck API type, for modules that receive the running deck. */
import type Reveal from 'reveal.js';

/** An initialised (or initialising) reveal.js deck. */
export type RevealApi = InstanceType<typeof Reveal>;
