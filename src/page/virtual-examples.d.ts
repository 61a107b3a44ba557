// The module the lecture pipeline (src/pipeline/example-files.ts) generates from the example
// files that slides include; imported lazily by src/page/example-files.ts.
declare module 'virtual:lecture-examples' {
  /** Each included example file's complete text, keyed by its path from the repository root. */
  export const exampleFiles: Readonly<Record<string, string>>;
}
