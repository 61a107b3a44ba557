"""Подключение к RabbitMQ через pika и объявление надёжной (durable) очереди."""

import os

import pika

AMQP_URL = os.environ.get("AMQP_URL", "amqp://guest:guest@localhost:5672/%2F")
QUEUE = os.environ.get("QUEUE", "tasks")


def main() -> None:
    # region: connect
    # выше в файле: pika, AMQP_URL, QUEUE
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()

    # durable=True: очередь переживёт перезапуск RabbitMQ
    result = channel.queue_declare(queue=QUEUE, durable=True)
    # endregion
    print(
        f"Очередь '{result.method.queue}' готова: "
        f"сообщений {result.method.message_count}, "
        f"получателей {result.method.consumer_count}"
    )
    connection.close()


if __name__ == "__main__":
    main()
