"""Слайд 7: заказ с брокером — сохраняем и публикуем три задачи (≈ 115 мс).

Брокер здесь — Redis: каждая задача попадает в свой список (очередь), а воркеры
из workers.py забирают их независимо друг от друга.

Запуск: cd examples/order_flow && python -m uvicorn async_app:app
        python workers.py email   (и так же inventory, warehouse — в отдельных терминалах)
"""

import json
import os

import redis
from fastapi import FastAPI
from fastapi.encoders import jsonable_encoder

from services import Order, save_order

REDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379/0")

app = FastAPI(title="Заказы через брокер")
broker = redis.Redis.from_url(REDIS_URL, decode_responses=True)


def publish(queue: str, task: dict) -> None:
    """Кладёт задачу в очередь: LPUSH в список Redis, воркер заберёт её BRPOP."""
    broker.lpush(queue, json.dumps(task))


# region: endpoint
# выше в файле: app, Order, save_order, jsonable_encoder, publish
@app.post("/orders", status_code=201)
def create_order(order: Order) -> dict:
    order_id = save_order(order)                     # 100 мс
    task = {"order_id": order_id, "order": jsonable_encoder(order)}
    publish("orders:email", task)                    # LPUSH в Redis, ≈ 5 мс
    publish("orders:inventory", task)                # 5 мс
    publish("orders:warehouse", task)                # 5 мс
    return {"order_id": order_id}                    # ответ через ≈ 115 мс
# endregion
