"""Kafka consumer (kafka-python): читает заказы в составе consumer group.

Запуск (нужна Kafka на KAFKA_BOOTSTRAP, см. docker-compose.yml):
    python consumer.py                      # читать бесконечно, Ctrl+C — выход
    python consumer.py --max-messages 5     # прочитать 5 сообщений и выйти
    python consumer.py --group audit        # другая группа читает топик заново и независимо
"""

import argparse
import json
import os

from kafka import KafkaConsumer

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP", "localhost:9092")


def consume(topic: str, group_id: str, max_messages: int | None = None) -> None:
    """Читает сообщения (max_messages=None — бесконечно), offset фиксирует после обработки."""
    # region: consumer
    # выше в файле: json, KafkaConsumer, BOOTSTRAP,
    #   topic, group_id, max_messages
    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=BOOTSTRAP,
        group_id=group_id,  # группа делит партиции между участниками
        auto_offset_reset="earliest",  # нет сохранённого offset → с самого старого
        enable_auto_commit=False,  # offset фиксируем сами
        value_deserializer=lambda b: json.loads(b.decode("utf-8")),
    )
    handled = 0
    try:
        for message in consumer:  # ждёт новые сообщения
            print(message.topic, message.partition, message.offset, message.value)
            consumer.commit()  # упадём до commit → сообщение придёт снова
            handled += 1
            if handled == max_messages:  # --max-messages N: выйти после N
                break
    finally:
        consumer.close()  # сразу покинуть группу → быстрый rebalance
    # endregion


def main() -> None:
    parser = argparse.ArgumentParser(description="Читать заказы из Kafka")
    parser.add_argument("--topic", default="orders")
    parser.add_argument("--group", default="order-processors")
    parser.add_argument("--max-messages", type=int, default=None)
    args = parser.parse_args()
    try:
        consume(args.topic, args.group, args.max_messages)
    except KeyboardInterrupt:
        print("остановлено")  # Ctrl+C: consumer уже закрыт в finally


if __name__ == "__main__":
    main()
