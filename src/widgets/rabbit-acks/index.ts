/**
 * Widget `rabbit-acks` (slides 19 and 24), on the kit: a work queue, its dead-letter queue and
 * worker processes, driven by the core's RabbitMQ model (./sim.ts, ./logic.ts) — manual ack, a
 * crash whose unacked tasks come back with redelivered=true, prefetch, nack/reject with and
 * without requeue. Each slide names its story (`acks`, `consumer`). The stage shows the board,
 * the legend and the caption; the lab adds prefetch, «+3 задачи», «+1 с», requeue and each
 * worker's buttons.
 */
import { defineWidget } from '../runtime/kit.ts';
import { acksLab } from './lab.ts';
import { acksLegend } from './legend.ts';
import { acksLogic } from './logic.ts';
import { acksPicture } from './picture.ts';
import './rabbit-acks.css';
import { acksQuestion } from './questions.ts';

export const rabbitAcksWidget = defineWidget({
  name: 'rabbit-acks',
  logic: acksLogic,
  picture: acksPicture,
  legend: acksLegend,
  lab: acksLab,
  question: ({ story, step, actions, now }) => acksQuestion(story, step, actions, now),
});

export default rabbitAcksWidget;
