"""Идемпотентный потребитель: повторная доставка того же сообщения не повторяет действие.

Брокеры с гарантией at-least-once (RabbitMQ с ack, Kafka с commit после обработки,
Celery с acks_late) могут доставить сообщение дважды. Метка «уже обработано» в Redis,
поставленная атомарно (SET NX), пропускает дубликат.
"""

import os
from typing import Callable

import redis

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
r = redis.Redis.from_url(REDIS_URL)  # соединение откроется при первом запросе


# region: idempotent
# выше в файле: Callable, r
def process_once(message_id: str, handle: Callable) -> bool:
    key = f"processed:{message_id}"
    # SET NX атомарен: пройдёт только одна доставка
    if not r.set(key, "in-progress", nx=True, ex=60):
        return False  # already_processed — дубликат
    try:
        handle()
    except Exception:
        r.delete(key)  # сбой — повтор сделает заново
        raise
    r.set(key, "done", ex=7 * 24 * 3600)  # помним неделю
    return True
# endregion


def already_processed(message_id: str) -> bool:
    """True, если сообщение уже обработано или обрабатывается прямо сейчас."""
    return r.exists(f"processed:{message_id}") == 1
