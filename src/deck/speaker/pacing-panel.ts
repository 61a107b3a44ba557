/**
 * Three pacing rows — this slide, its part, the whole lecture — each with time spent against the
 * plan and a verdict in words, colour and symbol.
 */
import type { ElementFactory } from './dom.ts';
import type { Pace, Pacing } from './pacing.ts';
import { slideFigures, spentOfPlanned, VERDICT_SYMBOL, verdictText } from './pacing-text.ts';
import { SPEAKER_CLASS as C, VERDICT_CLASS } from './speaker-classes.ts';

interface Row {
  readonly label: HTMLElement;
  readonly figures: HTMLElement;
  readonly verdict: HTMLElement;
}

/** The pacing panel. */
export class PacingPanel {
  readonly element: HTMLElement;
  private readonly rows: { slide: Row; part: Row; lecture: Row };

  constructor(el: ElementFactory) {
    const row = (key: string, label: string): Row & { element: HTMLElement } => {
      const r = {
        label: el('span', { class: C.paceLabel }, label),
        figures: el('span', { class: C.paceFigures }),
        verdict: el('span', { class: C.paceVerdict }),
      };
      const element = el(
        'div',
        { class: C.paceRow, 'data-pace': key },
        r.label,
        r.figures,
        r.verdict,
      );
      return { ...r, element };
    };
    const slide = row('slide', 'Слайд');
    const part = row('part', 'Часть');
    const lecture = row('lecture', 'Лекция');
    this.rows = { slide, part, lecture };
    this.element = el(
      'section',
      { class: C.pacing, 'aria-label': 'Темп' },
      slide.element,
      part.element,
      lecture.element,
    );
  }

  /** Shows `pacing`; `partLabel` names the current part («Redis»). */
  update(pacing: Pacing, partLabel: string): void {
    const { slide, part, lecture } = this.rows;
    slide.figures.textContent = slideFigures(pacing.slide.planned, pacing.slide.spent);
    setVerdict(slide.verdict, pacing.slide);
    part.label.textContent = partLabel;
    part.figures.textContent = spentOfPlanned(pacing.part);
    setVerdict(part.verdict, pacing.part);
    lecture.figures.textContent = spentOfPlanned(pacing.lecture);
    setVerdict(lecture.verdict, pacing.lecture);
  }
}

function setVerdict(target: HTMLElement, pace: Pace): void {
  const text = `${VERDICT_SYMBOL[pace.verdict]} ${verdictText(pace)}`;
  if (target.textContent !== text) target.textContent = text;
  target.dataset['verdict'] = pace.verdict;
  target.className = `${C.paceVerdict} ${VERDICT_CLASS[pace.verdict]}`;
}
