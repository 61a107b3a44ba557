"""Consumer: ручные подтверждения, prefetch=1, идемпотентная обработка, nack при ошибке.

Запуск: python consumer.py                          — работает, пока не нажать Ctrl+C
        python consumer.py --max-messages 5 --timeout 30  — выйти после 5 доставок или 30 с
"""

import argparse
import json
import os
import signal
import time

import pika

AMQP_URL = os.environ.get("AMQP_URL", "amqp://guest:guest@localhost:5672/%2F")
QUEUE = os.environ.get("QUEUE", "tasks")

# Уже обработанные task_id. В продакшне — Redis (SET NX) или уникальный ключ в БД:
# повторная доставка после сбоя не должна выполнить задачу дважды.
_done = set()


def already_done(task_id) -> bool:
    return task_id in _done


def mark_done(task_id) -> None:
    _done.add(task_id)


def process(task: dict) -> None:
    """Полезная работа; здесь — имитация отправки письма."""
    time.sleep(0.05)
    print(f"Обработано: задача {task['task_id']} ({task.get('type', '?')})", flush=True)


def main(max_messages: int = 0) -> None:
    """Получает задачи из очереди; max_messages > 0 — остановиться после стольких доставок."""
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    deliveries = 0

    # region: callback
    def callback(ch, method, properties, body):
        try:
            task = json.loads(body)
            if not already_done(task["task_id"]):  # идемпотентность
                process(task)  # выше в файле: json, already_done, process, mark_done
                mark_done(task["task_id"])
            ch.basic_ack(delivery_tag=method.delivery_tag)
        except Exception as error:
            retry = not method.redelivered  # повторить один раз, затем отказ
            ch.basic_nack(delivery_tag=method.delivery_tag, requeue=retry)
            # endregion
            print(f"Ошибка: {error!r}, requeue={retry}", flush=True)
        nonlocal deliveries
        deliveries += 1
        if max_messages and deliveries >= max_messages:
            ch.stop_consuming()

    try:
        # region: subscribe
        # выше в файле: channel, QUEUE, callback
        channel.basic_qos(prefetch_count=1)  # по одной задаче на воркер
        channel.basic_consume(queue=QUEUE, on_message_callback=callback, auto_ack=False)
        channel.start_consuming()  # блокирует до stop_consuming()
        # endregion
    except KeyboardInterrupt:
        # Graceful shutdown: отписаться; неподтверждённое сообщение брокер вернёт в очередь.
        channel.stop_consuming()
    finally:
        connection.close()
    print(f"Остановлено, доставок: {deliveries}", flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="RabbitMQ consumer с ручными ack")
    parser.add_argument("--max-messages", type=int, default=0, help="выйти после N доставок")
    parser.add_argument("--timeout", type=float, default=0, help="выйти через N секунд")
    args = parser.parse_args()
    # SIGTERM (docker stop, systemd) и таймаут обрабатываем так же, как Ctrl+C.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    if args.timeout:
        signal.signal(signal.SIGALRM, signal.default_int_handler)
        signal.setitimer(signal.ITIMER_REAL, args.timeout)
    print(f"Жду задачи из '{QUEUE}'. Выход: Ctrl+C", flush=True)
    main(args.max_messages)
