"""Получает из topic exchange 'logs' события, подходящие под шаблоны привязки.

Запуск: python topic_consume.py "error.*"        — все ошибки
        python topic_consume.py "*.payment"      — всё о платежах
        python topic_consume.py "#"              — вообще всё
Выход: Ctrl+C; для тестов — --max-messages N и --timeout S.
"""

import argparse
import os
import signal

import pika

AMQP_URL = os.environ.get("AMQP_URL", "amqp://guest:guest@localhost:5672/%2F")
EXCHANGE = os.environ.get("EXCHANGE", "logs")


def main(patterns: list, max_messages: int = 0) -> None:
    """Привязывает временную очередь к exchange по каждому шаблону и печатает сообщения."""
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.exchange_declare(exchange=EXCHANGE, exchange_type="topic")
    received = 0

    # Своя временная очередь: имя выдаст брокер, удалится при отключении.
    # region: bind
    # выше в файле: channel, EXCHANGE, patterns
    queue = channel.queue_declare(queue="", exclusive=True).method.queue
    for pattern in patterns:  # Consumer 1: "error.*", Consumer 2: "*.payment"
        channel.queue_bind(exchange=EXCHANGE, queue=queue, routing_key=pattern)
    # endregion

    def callback(ch, method, properties, body):
        print(f"[{method.routing_key}] {body.decode()}", flush=True)
        nonlocal received
        received += 1
        if max_messages and received >= max_messages:
            ch.stop_consuming()

    channel.basic_consume(queue=queue, on_message_callback=callback, auto_ack=True)
    print(f"Подписка на {', '.join(patterns)}. Выход: Ctrl+C", flush=True)
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Подписчик topic exchange")
    parser.add_argument("patterns", nargs="*", default=["error.*"], help="шаблоны привязки")
    parser.add_argument("--max-messages", type=int, default=0, help="выйти после N сообщений")
    parser.add_argument("--timeout", type=float, default=0, help="выйти через N секунд")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    if args.timeout:
        signal.signal(signal.SIGALRM, signal.default_int_handler)
        signal.setitimer(signal.ITIMER_REAL, args.timeout)
    main(args.patterns, args.max_messages)
