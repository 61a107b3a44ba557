// The module the lecture pipeline (src/pipeline/vite-plugin.ts) generates from slides/.
declare module 'virtual:lecture-deck' {
  /**
   * How many sections the deck has (hidden ones included); the sections themselves are in
   * index.html's `.reveal > .slides`, put there by the same build.
   */
  export const sectionCount: number;
}
