"""Воркер «вручную» поверх Redis-списка — чтобы увидеть, что Celery делает за нас.

Запуск (нужен Redis на REDIS_URL):
    python direct_worker.py enqueue anna@example.com "Заказ принят"   # поставить задачу
    python direct_worker.py work                                       # воркер, Ctrl+C — выход
    python direct_worker.py work --max-tasks 1                         # одна задача и выход
"""

import argparse
import json
import os
import time

import redis

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
QUEUE = os.environ.get("EMAIL_QUEUE", "email_tasks")
r = redis.Redis.from_url(REDIS_URL, decode_responses=True)


def send_email(to: str, subject: str) -> None:
    """Имитация SMTP: адреса в зоне .invalid «недоступны»."""
    if to.endswith(".invalid"):
        raise ConnectionError(f"SMTP-сервер для {to} недоступен")
    print(f"письмо «{subject}» отправлено: {to}", flush=True)


# region: enqueue
def enqueue(to: str, subject: str) -> None:
    r.lpush(QUEUE, json.dumps({"to": to, "subject": subject}))  # сериализация — сами
# endregion


# Берёт одну задачу из очереди (ждёт, если пусто) и выполняет её.
# region: worker
def handle_one() -> None:  # выше в файле: r, QUEUE, json, time, send_email
    task = json.loads(r.brpop(QUEUE)[1])  # ждём задачу; JSON — сами
    for attempt in range(1, 4):  # повторы — сами
        try:
            return send_email(task["to"], task["subject"])
        except ConnectionError:
            time.sleep(attempt)  # пауза — сами
    r.lpush(f"{QUEUE}:failed", json.dumps(task))  # «мёртвые» — сами
# endregion


def work(max_tasks: int | None = None) -> None:
    done = 0
    while max_tasks is None or done < max_tasks:
        handle_one()
        done += 1


def main() -> None:
    parser = argparse.ArgumentParser(description="Очередь писем поверх Redis без Celery")
    sub = parser.add_subparsers(dest="command", required=True)
    add = sub.add_parser("enqueue", help="поставить письмо в очередь")
    add.add_argument("to")
    add.add_argument("subject")
    run = sub.add_parser("work", help="обрабатывать очередь")
    run.add_argument("--max-tasks", type=int, default=None)
    args = parser.parse_args()
    if args.command == "enqueue":
        enqueue(args.to, args.subject)
    else:
        try:
            work(args.max_tasks)
        except KeyboardInterrupt:
            print("воркер остановлен")


if __name__ == "__main__":
    main()
