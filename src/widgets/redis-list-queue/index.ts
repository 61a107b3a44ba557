/**
 * Widget `redis-list-queue` (slide 14), on the kit: the API LPUSHes tasks, workers wait in BRPOP
 * (served first-come first-served) or BLMOVE into a processing list, and crash mid-task — driven
 * by the core's Redis model (./logic.ts). The stage shows the board and the caption; the lab adds
 * the task field, new workers, «Вернуть из processing» and each worker's buttons.
 */
import { defineWidget } from '../runtime/kit.ts';
import { listQueueLab } from './lab.ts';
import { listQueueLegend } from './legend.ts';
import { listQueueLogic } from './logic.ts';
import { listQueuePicture } from './picture.ts';
import './redis-list-queue.css';
import { listQueueQuestion } from './questions.ts';

export const redisListQueueWidget = defineWidget({
  name: 'redis-list-queue',
  logic: listQueueLogic,
  picture: listQueuePicture,
  legend: listQueueLegend,
  lab: listQueueLab,
  question: ({ step, actions, now }) => listQueueQuestion(step, actions, now),
});

export default redisListQueueWidget;
