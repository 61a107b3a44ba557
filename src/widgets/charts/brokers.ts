/**
 * Widget `chart-brokers` (slide 5), on the kit: Redis, RabbitMQ and Kafka side by side — speed on
 * a log scale and setup complexity; the lab face (the reading view) adds the guarantees, use cases
 * and sources. A chart: no lab.
 */
import { defineWidget } from '../runtime/kit.ts';
import './charts.css';
import { brokersLogic } from './logic.ts';
import { brokersPicture } from './picture.ts';

export const brokersWidget = defineWidget({
  name: 'chart-brokers',
  logic: brokersLogic,
  picture: brokersPicture,
});

export default brokersWidget;
