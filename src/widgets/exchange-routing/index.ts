/**
 * Widget `exchange-routing` (slides 17, 18, 26), on the kit: a producer, an exchange of any of
 * the four types, bindings and queues, driven by the core's RabbitMQ model (./logic.ts). The slide
 * names its story (architecture, guided, topic). The stage shows the diagram, the legend and the
 * caption; the lab adds the publish bar and each queue's binding editors.
 */
import { defineWidget } from '../runtime/kit.ts';
import './exchange-routing.css';
import { routingLab } from './lab.ts';
import { NARROW_BELOW } from './layout.ts';
import { routingLegend } from './legend.ts';
import { routingLogic } from './logic.ts';
import { routingPicture } from './picture.ts';
import { routingQuestion } from './questions.ts';

export const exchangeRoutingWidget = defineWidget({
  name: 'exchange-routing',
  logic: routingLogic,
  picture: routingPicture,
  // Narrower than this the diagram draws the phone's layout.
  breakpoints: [NARROW_BELOW],
  legend: routingLegend,
  lab: routingLab,
  question: ({ story, step, actions, now }) => routingQuestion(story, step, actions, now),
});

export default exchangeRoutingWidget;
