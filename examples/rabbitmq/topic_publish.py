"""Публикует событие в topic exchange 'logs' с ключом вида <уровень>.<сервис>.

Запуск: python topic_publish.py error.payment "Платёж 42 отклонён"
"""

import os
import sys

import pika

AMQP_URL = os.environ.get("AMQP_URL", "amqp://guest:guest@localhost:5672/%2F")
EXCHANGE = os.environ.get("EXCHANGE", "logs")


def main(routing_key: str, message: str) -> None:
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    # region: publish
    # выше в файле: channel, EXCHANGE, routing_key, message
    channel.exchange_declare(exchange=EXCHANGE, exchange_type="topic")  # "logs"
    channel.basic_publish(exchange=EXCHANGE, routing_key=routing_key, body=message)
    # endregion
    print(f"Отправлено [{routing_key}]: {message}")
    connection.close()


if __name__ == "__main__":
    key = sys.argv[1] if len(sys.argv) > 1 else "error.payment"
    text = sys.argv[2] if len(sys.argv) > 2 else "Платёж 42 отклонён"
    main(key, text)
