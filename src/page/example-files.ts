/**
 * The complete example files for «Весь файл», loaded on first use: the pipeline ships them as
 * one lazy module (src/pipeline/example-files.ts) in every build, so the deck, the installable
 * site and the one file copy a file with no network.
 */

let files: Readonly<Record<string, string>> | undefined;
let loading: Promise<Readonly<Record<string, string>>> | undefined;

/** Starts loading the files (once); resolves to every file's text by path. */
export function loadExampleFiles(): Promise<Readonly<Record<string, string>>> {
  loading ??= import('virtual:lecture-examples').then(
    (module) => {
      files = module.exampleFiles;
      return files;
    },
    (error: unknown) => {
      // A failed load (a stale site after a rebuild) may succeed on the next click.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The file's text if the files are loaded already (a copy can then stay synchronous). */
export function loadedExampleFile(path: string): string | undefined {
  return files && Object.hasOwn(files, path) ? files[path] : undefined;
}

/** The complete text of the example file at `path`; rejects for a path the deck never included. */
export async function exampleFile(path: string): Promise<string> {
  const all = await loadExampleFiles();
  const text = Object.hasOwn(all, path) ? all[path] : undefined;
  if (text === undefined) throw new Error(`no example file ${path} in this build`);
  return text;
}
