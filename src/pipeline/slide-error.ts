/**
 * The one error type of the lecture pipeline: it names the slide file, the 1-based line and what
 * to fix, and carries Vite's `loc`/`id` so the dev server's overlay can point at the line.
 */
export class SlideError extends Error {
  /** Path of the offending file as given to the pipeline (usually `slides/NN-…md`). */
  readonly file: string;
  /** 1-based line in that file. */
  readonly line: number;
  /** The bare "what to fix" message, without the file:line prefix. */
  readonly hint: string;
  /** Vite reads `id` and `loc` to show the file and line in its error overlay. */
  readonly id: string;
  readonly loc: { file: string; line: number; column: number };

  constructor(file: string, line: number, hint: string) {
    super(`${file}:${line}: ${hint}`);
    this.name = 'SlideError';
    this.file = file;
    this.line = line;
    this.hint = hint;
    this.id = file;
    this.loc = { file, line, column: 1 };
  }
}

/** True for errors raised by the pipeline (as opposed to bugs). */
export function isSlideError(error: unknown): error is SlideError {
  return error instanceof SlideError;
}
