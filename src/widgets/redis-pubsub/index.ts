/**
 * Widget `redis-pubsub` (slide 12), on the kit: a publisher, Redis's channel and pattern
 * subscriptions and the subscribers, driven by the core's Redis model (./logic.ts). The stage
 * shows the board and the caption; the lab adds PUBLISH, «+ подписчик» and each card's
 * «Отписать». The last PUBLISH's reply is on the root as `data-receivers`.
 */
import { defineWidget } from '../runtime/kit.ts';
import { pubsubLab } from './lab.ts';
import { pubsubLegend } from './legend.ts';
import { pubsubLogic } from './logic.ts';
import { pubsubPicture } from './picture.ts';
import './redis-pubsub.css';

export const redisPubSubWidget = defineWidget({
  name: 'redis-pubsub',
  logic: pubsubLogic,
  picture: pubsubPicture,
  legend: pubsubLegend,
  lab: pubsubLab,
});

export default redisPubSubWidget;
