/**
 * Widget `order-flow` (slides 6 and 7), on the kit: the same order handled synchronously and
 * through a broker, on one millisecond axis. Story `sync` (slide 6) walks the synchronous handler
 * step by step, `async` (slide 7) the broker; the last step shows a failing mail server in both.
 * The stage shows the timelines and the caption; the lab adds durations and worker failures.
 * Every number comes from the core's order-flow model.
 */
import { defineWidget } from '../runtime/kit.ts';
import { orderFlowLab } from './lab.ts';
import { NARROW_BELOW } from './layout.ts';
import { orderFlowLegend } from './legend.ts';
import { orderFlowLogic } from './logic.ts';
import { orderFlowPicture } from './picture.ts';
import './order-flow.css';
import { orderFlowQuestion } from './questions.ts';

export const orderFlowWidget = defineWidget({
  name: 'order-flow',
  logic: orderFlowLogic,
  picture: orderFlowPicture,
  // Narrower than this the timelines draw the phone's layout.
  breakpoints: [NARROW_BELOW],
  legend: orderFlowLegend,
  lab: orderFlowLab,
  question: ({ story, step, actions, now }) => orderFlowQuestion(story, step, actions, now),
});

export default orderFlowWidget;
