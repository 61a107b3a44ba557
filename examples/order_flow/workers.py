"""Слайд 7: воркеры, которые выполняют задачи заказа независимо друг от друга.

Каждый воркер слушает свою очередь: письмо (2000 мс), остатки (500 мс), склад (300 мс).
Запуск: python workers.py email | inventory | warehouse   (Ctrl+C — остановить)
"""

import argparse
import json
import os

import redis

from services import Order, notify_warehouse, send_confirmation_email, update_inventory

REDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379/0")

HANDLERS = {
    "email": send_confirmation_email,
    "inventory": update_inventory,
    "warehouse": notify_warehouse,
}


def run_worker(kind: str, max_tasks: int | None = None, timeout: int = 5) -> int:
    """Обрабатывает задачи из очереди orders:<kind>; возвращает, сколько обработал."""
    broker = redis.Redis.from_url(REDIS_URL, decode_responses=True)
    queue, handle = f"orders:{kind}", HANDLERS[kind]
    print(f"Воркер {kind} ждёт задачи в {queue}", flush=True)
    done = 0
    while max_tasks is None or done < max_tasks:
        item = broker.brpop(queue, timeout=timeout)  # блокируется, не тратя CPU
        if item is None:
            continue  # за timeout задач не было — ждём дальше
        task = json.loads(item[1])
        handle(task["order_id"], Order(**task["order"]))
        done += 1
    return done


def main() -> None:
    parser = argparse.ArgumentParser(description="Воркер задач заказа")
    parser.add_argument("kind", choices=sorted(HANDLERS))
    parser.add_argument("--max-tasks", type=int, help="остановиться после N задач")
    args = parser.parse_args()
    try:
        done = run_worker(args.kind, args.max_tasks)
        print(f"Воркер {args.kind} обработал задач: {done}", flush=True)
    except KeyboardInterrupt:
        print(f"\nВоркер {args.kind} остановлен", flush=True)


if __name__ == "__main__":
    main()
