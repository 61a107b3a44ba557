/**
 * Widget `patterns` (slide 40), on the kit: Pub/Sub vs Task Queue and Request-Reply on the core's
 * RabbitMQ model, Event Sourcing on its Kafka model (./logic.ts). The clicker walks the three
 * patterns in turn; the stage shows the pattern's picture, its legend and the caption; the lab
 * adds the tabs (a tab moves the clicker back to where that pattern was left) and each pattern's
 * inputs.
 */
import { defineWidget } from '../runtime/kit.ts';
import { patternsLab } from './lab.ts';
import { legendFor } from './legend.ts';
import { patternsLogic } from './logic.ts';
import { patternsPicture } from './picture.ts';
import './patterns.css';

export const patternsWidget = defineWidget({
  name: 'patterns',
  logic: patternsLogic,
  picture: patternsPicture,
  // The pattern on screen names its own marks.
  legend: (view) => legendFor(view.pattern),
  lab: patternsLab,
});

export default patternsWidget;
