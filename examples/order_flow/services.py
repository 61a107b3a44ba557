"""Имитация медленных операций интернет-магазина (слайды 6–7).

Длительности те же, что на слайдах: запись заказа в БД — 100 мс, письмо — 2000 мс,
обновление остатков — 500 мс, уведомление склада — 300 мс. Вместо настоящих
БД, SMTP и HTTP здесь time.sleep, чтобы пример запускался без внешних сервисов.
"""

import time
import uuid

from pydantic import BaseModel

SAVE_ORDER_S = 0.100
SEND_EMAIL_S = 2.000
UPDATE_INVENTORY_S = 0.500
NOTIFY_WAREHOUSE_S = 0.300


class Order(BaseModel):
    """Заказ, который присылает клиент."""

    email: str
    product_id: int
    quantity: int = 1


def save_order(order: Order) -> str:
    """Сохраняет заказ в БД и возвращает его номер."""
    time.sleep(SAVE_ORDER_S)
    return uuid.uuid4().hex[:12]


def send_confirmation_email(order_id: str, order: Order) -> None:
    """Отправляет письмо-подтверждение (медленный SMTP-сервер)."""
    time.sleep(SEND_EMAIL_S)
    print(f"Письмо о заказе {order_id} отправлено на {order.email}", flush=True)


def update_inventory(order_id: str, order: Order) -> None:
    """Списывает товар со склада в учётной системе."""
    time.sleep(UPDATE_INVENTORY_S)
    print(f"Остатки обновлены: товар {order.product_id}, −{order.quantity} шт.", flush=True)


def notify_warehouse(order_id: str, order: Order) -> None:
    """Сообщает складу, что заказ пора собирать."""
    time.sleep(NOTIFY_WAREHOUSE_S)
    print(f"Склад получил заказ {order_id}", flush=True)
