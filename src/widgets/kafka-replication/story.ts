/**
 * The clicker story of slide 27 as commands for the core's Kafka model: three brokers, a topic
 * `orders` with one partition, replication factor 3 and min.insync.replicas=2. acks=all is
 * acknowledged once every in-sync replica has the record; a stopped broker leaves the ISR and the
 * high watermark holds; with two brokers down acks=all is refused (NOT_ENOUGH_REPLICAS); with
 * acks=1 a record the leader acknowledged is lost when the leader dies before its followers copy
 * it (Kafka's ProducerConfig ACKS_DOC).
 */
import type { Acks, KafkaCommand } from '../../broker/kafka/index.ts';

/** The topic of the story. */
export const TOPIC = 'orders';
/** The cluster: three brokers, as the lecture's «копии на брокерах». */
export const BROKERS = [1, 2, 3] as const;
/** min.insync.replicas of the topic: the usual production value with replication factor 3. */
export const MIN_INSYNC = 2;

/** The producer sends one order with `acks`. */
export function send(value: string, acks: Acks): KafkaCommand {
  return { type: 'produce', topic: TOPIC, key: null, value, partition: 0, acks };
}

/** Followers fetch from the leader until they have caught up. */
export const REPLICATE: KafkaCommand = { type: 'replicate', topic: TOPIC };

/** The topic, before the first step. */
export const SETUP: readonly KafkaCommand[] = [
  {
    type: 'createTopic',
    name: TOPIC,
    partitions: 1,
    replicationFactor: BROKERS.length,
    minInsyncReplicas: MIN_INSYNC,
  },
];

/** What each clicker step sends to the cluster. */
export const STEPS: readonly (readonly KafkaCommand[])[] = [
  [send('заказ 1', 'all'), REPLICATE],
  [{ type: 'brokerDown', broker: 3 }],
  [send('заказ 2', 'all'), REPLICATE],
  [{ type: 'brokerDown', broker: 2 }, send('заказ 3', 'all')],
  [{ type: 'brokerUp', broker: 2 }, { type: 'brokerUp', broker: 3 }, REPLICATE, send('заказ 4', 1)],
  [{ type: 'brokerDown', broker: 1 }],
];
