/**
 * Widget `kafka-partitions` on the kit (stories architecture, usage, producer, consumer): a
 * topic's partitions as offset logs, keys hashed to partitions, consumer group A with
 * rebalances, group B reading independently, lag and replay — driven by the core's Kafka model
 * (./logic.ts). The stage shows the picture, the legend and the caption; the lab adds the
 * partition count, keys, the assignor, consumers, poll, commit and seek, and asks before the key
 * steps which partition a key goes to and what a joining consumer gets (./questions.ts).
 */
import { defineWidget } from '../runtime/kit.ts';
import './kafka-partitions.css';
import { kafkaLab } from './lab.ts';
import { NARROW_BELOW } from './layout.ts';
import { kafkaLegend } from './legend.ts';
import { kafkaPartitionsLogic } from './logic.ts';
import { kafkaPicture } from './picture.ts';
import { kafkaQuestion } from './questions.ts';

export const kafkaPartitionsWidget = defineWidget({
  name: 'kafka-partitions',
  logic: kafkaPartitionsLogic,
  picture: kafkaPicture,
  // Narrower than this the picture draws the phone's layout.
  breakpoints: [NARROW_BELOW],
  legend: kafkaLegend,
  lab: kafkaLab,
  question: ({ story, step, actions, now }) => kafkaQuestion(story, step, actions, now),
});

export default kafkaPartitionsWidget;
