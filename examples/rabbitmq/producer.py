"""Producer: кладёт задачу в durable-очередь как persistent-сообщение."""

import json
import os
import sys

import pika

AMQP_URL = os.environ.get("AMQP_URL", "amqp://guest:guest@localhost:5672/%2F")
QUEUE = os.environ.get("QUEUE", "tasks")


def main(task: dict) -> None:
    # region: producer
    # выше в файле: json, pika, AMQP_URL, QUEUE, task
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.confirm_delivery()  # брокер подтверждает приём

    channel.basic_publish(
        exchange="",  # default exchange
        routing_key=QUEUE,  # = имя очереди
        body=json.dumps(task),
        properties=pika.BasicProperties(delivery_mode=2),  # persistent: на диск
    )
    connection.close()
    # endregion
    print(f"Отправлено в '{QUEUE}': {json.dumps(task, ensure_ascii=False)}")


if __name__ == "__main__":
    # Задачу можно передать JSON-строкой: python producer.py '{"task_id": 7, ...}'
    default_task = {"task_id": 1, "type": "send_email", "to": "user@example.com"}
    main(json.loads(sys.argv[1]) if len(sys.argv) > 1 else default_task)
