/**
 * Widget `kafka-replication` (slide 27), on the kit: three brokers hold a partition with
 * replication factor 3 and min.insync.replicas=2; the producer's acks decide what an ack means.
 * Stop a broker and the ISR shrinks while the high watermark holds; two down and acks=all is
 * refused; with acks=1 a leader that dies before its followers copy takes the record with it —
 * all computed by the core's Kafka model (./logic.ts).
 */
import { defineWidget } from '../runtime/kit.ts';
import { replicationLab } from './lab.ts';
import { replicationLegend } from './legend.ts';
import { replicationLogic } from './logic.ts';
import { replicationPicture } from './picture.ts';
import './kafka-replication.css';

export const kafkaReplicationWidget = defineWidget({
  name: 'kafka-replication',
  logic: replicationLogic,
  picture: replicationPicture,
  legend: replicationLegend,
  lab: replicationLab,
});

export default kafkaReplicationWidget;
