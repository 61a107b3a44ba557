/**
 * Widget `idempotent-consumer` (slide 41), on the kit: RabbitMQ's at-least-once delivery under
 * Celery's acks_late makes a duplicate when a worker dies after the charge but before the ack; a
 * naive consumer charges twice, the idempotent one (SET processed:<id> NX, as process_once) once.
 * The stage shows the three panels and the caption; the lab adds the payment form (the same id
 * twice, a crash). The charges are on the root as `data-naive-charges`/`data-idempotent-charges`.
 */
import { defineWidget } from '../runtime/kit.ts';
import { idempotentLab } from './lab.ts';
import { idempotentLegend } from './legend.ts';
import { idempotentLogic } from './logic.ts';
import { idempotentPicture } from './picture.ts';
import './idempotent-consumer.css';

export const idempotentConsumerWidget = defineWidget({
  name: 'idempotent-consumer',
  logic: idempotentLogic,
  picture: idempotentPicture,
  legend: idempotentLegend,
  lab: idempotentLab,
});

export default idempotentConsumerWidget;
