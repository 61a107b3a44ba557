"""Kafka producer (kafka-python): отправляет заказы в топик и печатает, куда они записаны.

Запуск (нужна Kafka на KAFKA_BOOTSTRAP, см. docker-compose.yml):
    python producer.py                  # отправить 3 заказа в топик orders
    python producer.py --count 10 --topic orders
"""

import argparse
import json
import os

from kafka import KafkaProducer

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP", "localhost:9092")


def send_orders(topic: str, orders: list[dict]) -> None:
    """Отправляет заказы по одному и ждёт подтверждения каждого."""
    # region: producer
    # выше в файле: json, KafkaProducer, BOOTSTRAP, topic, orders
    producer = KafkaProducer(
        bootstrap_servers=BOOTSTRAP,  # любой брокер: остальные найдутся сами
        value_serializer=lambda v: json.dumps(v).encode("utf-8"),
        key_serializer=str.encode,
        acks="all",  # ждать записи на все синхронные реплики (ISR)
    )
    for order in orders:
        # один ключ → одна партиция → заказы пользователя по порядку
        future = producer.send(topic, key=str(order["user_id"]), value=order)
        record_metadata = future.get(timeout=10)  # ждём подтверждения брокера
        print(f"партиция {record_metadata.partition}, offset {record_metadata.offset}")
    producer.close()  # дослать буфер и закрыть соединения
    # endregion


def main() -> None:
    parser = argparse.ArgumentParser(description="Отправить заказы в Kafka")
    parser.add_argument("--topic", default="orders")
    parser.add_argument("--count", type=int, default=3)
    args = parser.parse_args()
    orders = [
        {"order_id": n, "user_id": n % 2, "total": 990 * n} for n in range(1, args.count + 1)
    ]
    send_orders(args.topic, orders)


if __name__ == "__main__":
    main()
