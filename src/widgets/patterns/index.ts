/**
 * Widget `patterns` (slide 40), on the kit: Pub/Sub vs Task Queue and Request-Reply on the core's
 * RabbitMQ model, Event Sourcing on its Kafka model (./logic.ts). The clicker walks the three
 * patterns in turn; the stage shows the pattern's picture, its legend and the caption; the lab
 * adds the tabs (a tab moves the clicker to a pattern's first step) and each pattern's inputs.
 */
import { defineWidget, type KitModule } from '../runtime/kit.ts';
import { patternsLab, stepRequests } from './lab.ts';
import { legendFor } from './legend.ts';
import { patternsLogic } from './logic.ts';
import { patternsPicture } from './picture.ts';
import './patterns.css';

const kit = defineWidget({
  name: 'patterns',
  logic: patternsLogic,
  picture: patternsPicture,
  // The pattern on screen names its own marks.
  legend: (view) => legendFor(view.pattern),
  lab: patternsLab,
});

/** The kit's module, recording the runtime's `requestStep` for the lab's tabs. */
export const patternsWidget: KitModule = {
  ...kit,
  mount(host) {
    stepRequests.set(host.root, host.requestStep);
    return kit.mount(host);
  },
};

export default patternsWidget;
