/**
 * What the audience reads, as plain text with its place: slide bodies and fact-checks (without
 * code), the self-check quiz, and the chart data and labels. Shared by the terminology and the
 * claims tests; the lecturer's own notes are not included (they stay verbatim).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSlide, type ParsedSlide } from '../../src/pipeline/parse-slide.ts';
import { quizQuestions } from '../../src/reading/quiz-data.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** One piece of audience-visible text and where it is. */
export interface AudienceText {
  readonly where: string;
  readonly text: string;
}

/** Every slide file, parsed. */
export function readSlides(): ParsedSlide[] {
  const dir = join(repoRoot, 'slides');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => parseSlide(`slides/${f}`, readFileSync(join(dir, f), 'utf8')));
}

/** Markdown/HTML reduced to the prose a reader sees: no code, no tags, no comments. */
export function proseOf(markdown: string): string {
  return markdown
    .replace(/^\s*(```|~~~)[^\n]*\n[\s\S]*?^\s*\1\s*$/gm, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\{\.[\w-]+\}/g, ' ')
    .replace(/&shy;/g, '');
}

/** Slide bodies and fact-checks of the shown slides. */
export function slideTexts(slides: readonly ParsedSlide[] = readSlides()): AudienceText[] {
  return slides
    .filter((s) => !s.hidden)
    .flatMap((s) => [
      { where: `${s.file} (body)`, text: proseOf(s.body) },
      ...(s.factCheck === null
        ? []
        : [{ where: `${s.file} (fact-check)`, text: proseOf(s.factCheck) }]),
    ]);
}

/** Every text of every quiz question, except the code-like `detail`. */
export function quizTexts(): AudienceText[] {
  return quizQuestions().flatMap((q) => [
    { where: `quiz ${q.id} (prompt)`, text: q.prompt },
    ...q.options.map((o) => ({ where: `quiz ${q.id} (option ${o.id})`, text: o.text })),
    { where: `quiz ${q.id} (explanation)`, text: q.explanation },
    { where: `quiz ${q.id} (source)`, text: q.source },
    ...(q.widgetHint ? [{ where: `quiz ${q.id} (hint)`, text: q.widgetHint }] : []),
  ]);
}

/** The Russian string literals of the chart widgets: data, labels, captions, footnotes. */
export function chartTexts(): AudienceText[] {
  const dir = join(repoRoot, 'src/widgets/charts');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => {
      const source = readFileSync(join(dir, f), 'utf8');
      const strings = [...source.matchAll(/'((?:[^'\\\n]|\\.)*)'|`([^`]*)`/g)]
        .map((m) => m[1] ?? m[2] ?? '')
        .filter((s) => /[а-яё]/i.test(s));
      return strings.map((text) => ({ where: `src/widgets/charts/${f}`, text }));
    });
}
