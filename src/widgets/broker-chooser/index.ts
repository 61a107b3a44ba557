/**
 * Widget `broker-chooser` (slide 36), on the kit: questions about the workload lead to Redis,
 * RabbitMQ or Kafka with the lecture's reasons (./rules.ts). The clicker answers them for three
 * workloads of one shop (./story.ts); the stage shows the answers, the recommendation and the
 * system; the lab adds the form, where a student's answers sit on top of every step.
 */
import { defineWidget } from '../runtime/kit.ts';
import { chooserLab } from './lab.ts';
import { chooserLogic } from './logic.ts';
import { chooserPicture } from './picture.ts';
import './broker-chooser.css';

export const brokerChooserWidget = defineWidget({
  name: 'broker-chooser',
  logic: chooserLogic,
  picture: chooserPicture,
  lab: chooserLab,
});

export default brokerChooserWidget;
