/**
 * Pure parser of one slide file (docs/SLIDE-FORMAT.md): YAML front-matter read by `yaml` (data
 * only: no tags that build objects, no `---js` or other front-matter languages),
 * then the body, the speaker notes after `Note:` and two optional blocks after them, in either
 * order: `Fact-check:` and `Slide-note:`. Every problem becomes a SlideError with the file, the
 * line and what to fix.
 */
import { parseDocument } from 'yaml';
import {
  WIDGETS,
  isPartName,
  isWidgetName,
  type PartName,
  type WidgetName,
} from '../lecture/names.ts';
import { SlideError } from './slide-error.ts';
import { parseTimeRange, type TimeRange } from '../lecture/time-range.ts';

/** A slide file as data; line numbers are 1-based lines of the file. */
export interface ParsedSlide {
  readonly file: string;
  readonly section: number;
  readonly title: string;
  readonly time: TimeRange;
  readonly part: PartName;
  readonly widgets: readonly WidgetName[];
  readonly hidden: boolean;
  /** Markdown the audience reads. */
  readonly body: string;
  /** The lecturer's text (Markdown), trimmed. */
  readonly notes: string;
  /** Our own correction of a dated fact, or null. */
  readonly factCheck: string | null;
  /** Our note to the lecturer on what the slide shows where the notes describe other code, or null. */
  readonly slideNote: string | null;
  readonly lines: {
    /** First line of the (trimmed) body text. */
    readonly body: number;
    /** The `Note:` line, and the first line of the notes text. */
    readonly notes: number;
    readonly notesText: number;
    /** The `Fact-check:` line and its first text line, when present. */
    readonly factCheck: number | null;
    readonly factCheckText: number | null;
    /** The `Slide-note:` line and its first text line, when present. */
    readonly slideNote: number | null;
    readonly slideNoteText: number | null;
    /** Line of each front-matter key as written. */
    readonly keys: Readonly<Record<string, number>>;
  };
}

const FENCE = /^\s*(```|~~~)/;
const REQUIRED_KEYS = ['section', 'title', 'time', 'part', 'widgets'] as const;
/** `<!-- widget: NAME [stage] [story=STORY] -->`: where a slide places a widget, and its story. */
export const WIDGET_MARKER =
  /<!--\s*widget:\s*([\w-]+)(?:\s+(stage))?(?:\s+story=([\w-]+))?\s*-->/g;
const ANY_MARKER = /<!--\s*widget:/;

/** A YAML error or warning: its message and where it starts (offset into the parsed text). */
interface YamlProblem {
  readonly message: string;
  readonly pos: readonly [number, ...number[]];
}

/**
 * The front-matter between the opening "---" (line 1) and the closing one, as plain data; a YAML
 * error or warning (a tag such as `!!js/function` is one) becomes a SlideError at its line.
 */
function frontMatter(
  fileName: string,
  lines: readonly string[],
  close: number,
): Readonly<Record<string, unknown>> | null {
  const text = lines.slice(1, close).join('\n');
  const doc = parseDocument(text, { prettyErrors: false });
  const problem: YamlProblem | undefined = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    // Line 2 of the file is the text's first line.
    const line = text.slice(0, problem.pos[0]).split('\n').length + 1;
    throw new SlideError(
      fileName,
      Math.min(line, close + 1),
      `front-matter is not valid YAML: ${problem.message}`,
    );
  }
  const data: unknown = doc.toJS();
  if (data === null || isRecord(data)) return data;
  throw new SlideError(fileName, 2, 'the front-matter must be "key: value" lines');
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses `text` (the content of `fileName`); throws SlideError on any malformed part. */
export function parseSlide(fileName: string, text: string): ParsedSlide {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const language = /^---[ \t]*(\S+)/.exec(lines[0] ?? '')?.[1];
  if (language !== undefined) {
    throw new SlideError(
      fileName,
      1,
      `front-matter "---${language}" is not allowed: it is YAML only, opened by a plain "---" line`,
    );
  }
  if ((lines[0] ?? '').trim() !== '---') {
    throw new SlideError(
      fileName,
      1,
      'the file must start with a "---" line opening the front-matter',
    );
  }
  const close = lines.findIndex((line, i) => i > 0 && /^---\s*$/.test(line));
  if (close < 0)
    throw new SlideError(fileName, 1, 'the front-matter is not closed by a "---" line');

  const parsed = frontMatter(fileName, lines, close);
  const data: Readonly<Record<string, unknown>> = parsed ?? {};

  const keys: Record<string, number> = {};
  for (let i = 1; i < close; i++) {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[i] ?? '');
    if (key?.[1] !== undefined && keys[key[1]] === undefined) keys[key[1]] = i + 1;
  }
  for (const key of REQUIRED_KEYS) {
    if (data[key] === undefined || data[key] === null) {
      throw new SlideError(fileName, 1, `front-matter misses "${key}:" (see docs/SLIDE-FORMAT.md)`);
    }
  }
  const at = (key: string): number => keys[key] ?? 1;

  const section = data['section'];
  if (typeof section !== 'number' || !Number.isInteger(section) || section < 1 || section > 42) {
    throw new SlideError(
      fileName,
      at('section'),
      `"section" must be a whole number 1–42, got ${JSON.stringify(section)}`,
    );
  }
  const prefix = /(?:^|\/)(\d+)-[^/]*$/.exec(fileName);
  if (!prefix || Number(prefix[1]) !== section) {
    throw new SlideError(
      fileName,
      at('section'),
      `the file name must start with the section number: expected "${String(section).padStart(2, '0')}-…md" for section ${section}`,
    );
  }
  const title = data['title'];
  if (typeof title !== 'string' || title.trim() === '') {
    throw new SlideError(
      fileName,
      at('title'),
      '"title" must be a non-empty string (the lecture\'s title exactly)',
    );
  }
  const time =
    typeof data['time'] === 'string' || typeof data['time'] === 'number'
      ? parseTimeRange(data['time'])
      : null;
  if (!time) {
    throw new SlideError(
      fileName,
      at('time'),
      `"time" must be a range in minutes like "3-4" or "2", got ${JSON.stringify(data['time'])}`,
    );
  }
  const part = data['part'];
  if (typeof part !== 'string' || !isPartName(part)) {
    throw new SlideError(
      fileName,
      at('part'),
      `unknown part ${JSON.stringify(part)}: use intro, redis, rabbitmq, kafka, compare, celery or patterns`,
    );
  }
  const widgets = parseWidgets(fileName, data['widgets'], at('widgets'));
  const hidden = data['hidden'] ?? false;
  if (typeof hidden !== 'boolean') {
    throw new SlideError(fileName, at('hidden'), '"hidden" must be true or false');
  }

  const noteIndex = findMarkerLine(lines, close + 1, /^Note:\s*$/);
  if (noteIndex < 0) {
    // Point at the end of the body, where the notes should start.
    const lastText = lines.findLastIndex((line) => line.trim() !== '');
    throw new SlideError(
      fileName,
      lastText + 1,
      'no "Note:" line: add the lecturer\'s text after a line "Note:"',
    );
  }
  const factIndex = findMarkerLine(lines, noteIndex + 1, /^Fact-check:\s*$/);
  const slideNoteIndex = findMarkerLine(lines, noteIndex + 1, /^Slide-note:\s*$/);
  /** Where the block starting at `index` ends: the next block marker after it, or the file's end. */
  const blockEnd = (index: number): number =>
    Math.min(...[factIndex, slideNoteIndex, lines.length].filter((i) => i > index));
  const notesEnd = blockEnd(noteIndex);
  const body = lines
    .slice(close + 1, noteIndex)
    .join('\n')
    .trim();
  const notes = lines
    .slice(noteIndex + 1, notesEnd)
    .join('\n')
    .trim();
  const block = (index: number): string | null =>
    index < 0
      ? null
      : lines
          .slice(index + 1, blockEnd(index))
          .join('\n')
          .trim();
  const factCheck = block(factIndex);
  const slideNote = block(slideNoteIndex);
  if (notes === '' && !hidden) {
    throw new SlideError(
      fileName,
      noteIndex + 1,
      'the notes after "Note:" are empty: paste the lecturer\'s text',
    );
  }
  if (factCheck === '') {
    throw new SlideError(
      fileName,
      factIndex + 1,
      '"Fact-check:" is empty: write the correction or remove the line',
    );
  }
  if (slideNote === '') {
    throw new SlideError(
      fileName,
      slideNoteIndex + 1,
      '"Slide-note:" is empty: say what the slide shows instead of what the notes describe, or remove the line',
    );
  }
  checkMarkers(fileName, lines, close + 1, noteIndex, widgets);

  return {
    file: fileName,
    section,
    title,
    time,
    part,
    widgets,
    hidden,
    body,
    notes,
    factCheck,
    slideNote,
    lines: {
      body: firstTextLine(lines, close + 1, noteIndex),
      notes: noteIndex + 1,
      notesText: firstTextLine(lines, noteIndex + 1, notesEnd),
      factCheck: factIndex < 0 ? null : factIndex + 1,
      factCheckText:
        factIndex < 0 ? null : firstTextLine(lines, factIndex + 1, blockEnd(factIndex)),
      slideNote: slideNoteIndex < 0 ? null : slideNoteIndex + 1,
      slideNoteText:
        slideNoteIndex < 0
          ? null
          : firstTextLine(lines, slideNoteIndex + 1, blockEnd(slideNoteIndex)),
      keys,
    },
  };
}

function parseWidgets(fileName: string, value: unknown, line: number): WidgetName[] {
  if (!Array.isArray(value)) {
    throw new SlideError(fileName, line, '"widgets" must be a list, e.g. [cache-aside] or []');
  }
  return value.map((name: unknown) => {
    if (typeof name !== 'string' || !isWidgetName(name)) {
      throw new SlideError(
        fileName,
        line,
        `unknown widget ${JSON.stringify(name)}: use a name from src/lecture/names.ts`,
      );
    }
    return name;
  });
}

/** 1-based line of the first non-blank line in [from, to) (or `from + 1` when all are blank). */
function firstTextLine(lines: readonly string[], from: number, to: number): number {
  for (let i = from; i < to; i++) if ((lines[i] ?? '').trim() !== '') return i + 1;
  return from + 1;
}

/** Index of the first line matching `marker` at or after `from`, skipping fenced code blocks. */
function findMarkerLine(lines: readonly string[], from: number, marker: RegExp): number {
  let inFence = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (FENCE.test(line)) inFence = !inFence;
    else if (!inFence && marker.test(line)) return i;
  }
  return -1;
}

function checkMarkers(
  fileName: string,
  lines: readonly string[],
  from: number,
  to: number,
  widgets: readonly WidgetName[],
): void {
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? '';
    const matches = [...line.matchAll(WIDGET_MARKER)];
    if (matches.length === 0 && ANY_MARKER.test(line)) {
      throw new SlideError(
        fileName,
        i + 1,
        'a widget marker is written <!-- widget: NAME [stage] [story=STORY] -->',
      );
    }
    for (const match of matches) {
      const name = match[1] ?? '';
      if (!widgets.includes(name as WidgetName)) {
        throw new SlideError(
          fileName,
          i + 1,
          `the marker names widget "${name}", which is not in the front-matter "widgets:" list`,
        );
      }
      const story = match[3];
      const stories: readonly string[] = WIDGETS[name as WidgetName].stories;
      if (story !== undefined && !stories.includes(story)) {
        throw new SlideError(
          fileName,
          i + 1,
          `widget "${name}" has no story "${story}": use one of ${stories.join(', ')}`,
        );
      }
    }
  }
}
