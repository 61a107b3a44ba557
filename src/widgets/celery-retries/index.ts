/**
 * Widget `celery-retries` (slides 37, 38, 39, 41), on the kit: one Celery task on a timeline —
 * its AsyncResult.state PENDING → STARTED → RETRY → SUCCESS/FAILURE, retries with countdown and
 * Celery's backoff, max_retries, and what early or late ack does when a worker dies. Every frame
 * is the Celery model's run of the slide's story (./story.ts) under the student's settings
 * (./logic.ts). The stage shows the declaration, the state row, the timeline, the legend and the
 * caption; the lab adds the settings.
 */
import { defineWidget } from '../runtime/kit.ts';
import { celeryLab } from './lab.ts';
import { celeryLegend } from './legend.ts';
import { celeryLogic } from './logic.ts';
import { legendForFace } from './marks.ts';
import { NARROW_BELOW, celeryPicture } from './picture.ts';
import './celery-retries.css';
import { celeryQuestion } from './questions.ts';

export const celeryRetriesWidget = defineWidget({
  name: 'celery-retries',
  logic: celeryLogic,
  picture: celeryPicture,
  // Narrower than this the timeline draws the phone's layout.
  breakpoints: [NARROW_BELOW],
  // The stage lists only the marks the story draws; the lab lists them all.
  legend: (view, { face }) => legendForFace(celeryLegend(), view, face),
  lab: celeryLab,
  question: ({ story, step, actions, now }) => celeryQuestion(story, step, actions, now),
});

export default celeryRetriesWidget;
