"""Учебная заглушка платёжного шлюза — «нестабильного внешнего сервиса» для примеров retry.

Первые N вызовов по каждому заказу падают с GatewayUnavailable, дальше — успех.
N берётся из Redis-ключа gateway:failures:<order_id> (его ставит set_failures),
иначе из переменной окружения GATEWAY_FAILURES (по умолчанию 2). Счётчик попыток
живёт в Redis, поэтому его видят все воркеры и все повторы задачи.
"""

import os

import redis

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
DEFAULT_FAILURES = int(os.environ.get("GATEWAY_FAILURES", "2"))

r = redis.Redis.from_url(REDIS_URL)  # соединение откроется при первом запросе


class GatewayUnavailable(ConnectionError):
    """Временный сбой: повтор позже может пройти."""


def set_failures(order_id: str, failures: int) -> None:
    """Сколько первых вызовов по заказу должны упасть (на сутки)."""
    r.set(f"gateway:failures:{order_id}", failures, ex=86_400)


def attempts(operation: str, order_id: str) -> int:
    """Сколько раз шлюз уже вызывали для операции по заказу."""
    return int(r.get(f"gateway:attempts:{operation}:{order_id}") or 0)


def _call(operation: str, order_id: str, amount: int) -> dict:
    attempt = r.incr(f"gateway:attempts:{operation}:{order_id}")
    r.expire(f"gateway:attempts:{operation}:{order_id}", 86_400)
    configured = r.get(f"gateway:failures:{order_id}")
    failures = DEFAULT_FAILURES if configured is None else int(configured)
    if attempt <= failures:
        raise GatewayUnavailable(f"шлюз недоступен (попытка {attempt})")
    return {"order_id": order_id, "amount": amount, "status": "ok", "attempts": attempt}


def charge(order_id: str, amount: int) -> dict:
    """Списать оплату за заказ."""
    return _call("charge", order_id, amount)


def refund(order_id: str, amount: int) -> dict:
    """Вернуть оплату за заказ."""
    return _call("refund", order_id, amount)
