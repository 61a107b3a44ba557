// The module the lecture pipeline (src/pipeline/vite-plugin.ts) generates from slides/.
declare module 'virtual:lecture-deck' {
  /** Every slide as a reveal.js `<section>`, in section order (hidden ones included). */
  export const slidesHtml: string;
  /** How many sections the deck has. */
  export const sectionCount: number;
}
