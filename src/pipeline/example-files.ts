/**
 * The complete example files behind the slides' code blocks, for «Весь файл»: one module,
 * `virtual:lecture-examples`, that holds each included file's text once (however many slides show
 * a region of it), keyed by its path from the repository root. The runtime imports it on the
 * first copy (src/page/example-files.ts), so it is a lazy chunk in every build and nothing is
 * fetched from `examples/` at run time.
 */
import type { FileReader } from './markdown.ts';

/** The module id the runtime imports. */
export const EXAMPLES_MODULE_ID = 'virtual:lecture-examples';

/**
 * The text of every path in `paths`, sorted by path. Throws when a file cannot be read (the
 * pipeline has just included it, so it exists unless it vanished meanwhile).
 */
export function readExampleFiles(
  paths: Iterable<string>,
  readFile: FileReader,
): Map<string, string> {
  return new Map(
    [...new Set(paths)].sort().map((path) => {
      const text = readFile(path);
      if (text === null) throw new Error(`example file ${path} vanished during the build`);
      return [path, text];
    }),
  );
}

/** The module's code: `export const exampleFiles = { "<path>": "<text>", … }`, each text once. */
export function exampleFilesModule(files: ReadonlyMap<string, string>): string {
  const entries = [...files].map(
    ([path, text]) => `${JSON.stringify(path)}:${JSON.stringify(text)}`,
  );
  return `export const exampleFiles = {${entries.join(',\n')}};\n`;
}
