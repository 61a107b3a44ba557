/**
 * Pure handling of fenced code blocks that include an example file: reading the info string
 * (`python file=… region=… steps="1-4|6-12"`), cutting a region out of the file, stripping the
 * region markers and checking the step ranges.
 */

/** What a fence's info string asks for. */
export interface FenceInfo {
  readonly lang: string;
  readonly file: string | null;
  readonly region: string | null;
  readonly steps: string | null;
}

/** One highlighting step: the 1-based line numbers (within the shown snippet) it marks. */
export type CodeStep = readonly number[];

const ATTR = /([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))/g;
const REGION_START = /^\s*(?:#|\/\/|--)\s*region:\s*([\w.-]+)\s*$/;
const REGION_END = /^\s*(?:#|\/\/|--)\s*endregion\b.*$/;

/** Splits "python file=a.py steps=\"1-2|4\"" into its parts; the first word is the language. */
export function parseFenceInfo(info: string): FenceInfo {
  const trimmed = info.trim();
  const lang = /^[^\s{=]+(?=\s|$)/.exec(trimmed)?.[0] ?? '';
  const attrs: Record<string, string> = {};
  for (const match of trimmed.slice(lang.length).matchAll(ATTR)) {
    attrs[match[1] ?? ''] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return {
    lang: lang.toLowerCase(),
    file: attrs['file'] ?? null,
    region: attrs['region'] ?? null,
    steps: attrs['steps'] ?? null,
  };
}

/**
 * The lines of `source` to show: the named region (or the whole file) without any region
 * markers, common indentation removed and blank edges trimmed. Throws an Error (message only)
 * when the region is missing or unclosed.
 */
export function extractRegion(source: string, region: string | null): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let picked: string[];
  if (region === null) {
    picked = lines;
  } else {
    const start = lines.findIndex((line) => REGION_START.exec(line)?.[1] === region);
    if (start < 0)
      throw new Error(`region "${region}" not found: add "# region: ${region}" and "# endregion"`);
    let depth = 0;
    let end = -1;
    for (let i = start + 1; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (REGION_START.test(line)) depth++;
      else if (REGION_END.test(line)) {
        if (depth === 0) {
          end = i;
          break;
        }
        depth--;
      }
    }
    if (end < 0) throw new Error(`region "${region}" is not closed by "# endregion"`);
    picked = lines.slice(start + 1, end);
  }
  const shown = picked.filter((line) => !REGION_START.test(line) && !REGION_END.test(line));
  while (shown.length > 0 && (shown[0] ?? '').trim() === '') shown.shift();
  while (shown.length > 0 && (shown[shown.length - 1] ?? '').trim() === '') shown.pop();
  return dedent(shown).join('\n');
}

function dedent(lines: readonly string[]): string[] {
  const indents = lines
    .filter((l) => l.trim() !== '')
    .map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut));
}

/**
 * Parses `steps="1-4|6,8|10-12"` against a snippet of `lineCount` lines. Throws an Error
 * (message only) for malformed ranges or lines outside the snippet.
 */
export function parseSteps(steps: string, lineCount: number): CodeStep[] {
  return steps.split('|').map((step) => {
    const lines: number[] = [];
    for (const part of step.split(',')) {
      const match = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
      if (!match) throw new Error(`bad step "${step}": use line ranges like "1-4|6,8|10-12"`);
      const from = Number(match[1]);
      const to = match[2] === undefined ? from : Number(match[2]);
      if (from < 1 || to < from || to > lineCount) {
        throw new Error(`step "${step}" is outside the snippet's lines 1–${lineCount}`);
      }
      for (let n = from; n <= to; n++) lines.push(n);
    }
    return [...new Set(lines)];
  });
}
