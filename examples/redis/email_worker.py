"""Слайд 14: воркер забирает письма из очереди Redis через BRPOP.

Запуск: python email_worker.py [--max-tasks N]   (Ctrl+C — остановить)
"""

import argparse
import json
import logging
import os
import time

import redis

REDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379/0")
log = logging.getLogger("email_worker")


def deliver(task: dict) -> None:
    """Отправляет письмо (здесь — имитация медленного SMTP)."""
    if "@" not in task["to"]:
        raise ValueError(f"некорректный адрес: {task['to']!r}")
    time.sleep(0.5)
    print(f"Письмо «{task['subject']}» отправлено на {task['to']}", flush=True)


def process(task: dict) -> None:
    """Выполняет одну задачу; её ошибка попадает в лог и не останавливает воркер."""
    try:
        deliver(task)
    except Exception:
        log.exception("Задача %s не выполнена", task["id"])


def run_worker(max_tasks: int | None = None) -> int:
    """Обрабатывает задачи из email_queue; возвращает, сколько взято из очереди."""
    r = redis.Redis.from_url(REDIS_URL, decode_responses=True)
    # region: worker
    # выше в файле: json, r, process, max_tasks
    taken = 0
    while max_tasks is None or taken < max_tasks:
        item = r.brpop("email_queue", timeout=5)  # ждём ≤ 5 с, не тратя CPU
        if item is None:
            continue                              # пусто — ждём снова
        process(json.loads(item[1]))              # сбой задачи не роняет воркер
        taken += 1
    # endregion
    return taken


def main() -> None:
    parser = argparse.ArgumentParser(description="Воркер очереди писем")
    parser.add_argument("--max-tasks", type=int, help="остановиться после N задач")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    print("Воркер ждёт задачи в email_queue, Ctrl+C — выход", flush=True)
    try:
        taken = run_worker(args.max_tasks)
        print(f"Воркер обработал задач: {taken}", flush=True)
    except KeyboardInterrupt:
        print("\nВоркер остановлен", flush=True)


if __name__ == "__main__":
    main()
