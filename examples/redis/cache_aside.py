"""Слайд 13: FastAPI + Redis, кэширование по схеме Cache-Aside.

Запуск: cd examples/redis && python -m uvicorn cache_aside:app
Проверка: curl localhost:8000/products/1   (первый раз "source": "db", потом "cache")

Обработчики объявлены через def: клиент redis.Redis синхронный, и FastAPI
выполняет такие обработчики в пуле потоков, не блокируя event loop.
"""

import json
import logging
import os
import time
from contextlib import suppress

import redis
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

REDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379/0")
CACHE_TTL = 3600  # 1 час: товары меняются редко

app = FastAPI(title="Каталог с кэшем в Redis")
cache = redis.Redis.from_url(REDIS_URL, decode_responses=True, socket_timeout=1)
log = logging.getLogger("catalog")

# Имитация базы данных: медленный запрос к таблице товаров.
PRODUCTS = {
    1: {"id": 1, "name": "Ноутбук", "price": 89990},
    2: {"id": 2, "name": "Наушники", "price": 7490},
}


def load_product_from_db(product_id: int) -> dict:
    time.sleep(0.2)  # запрос к БД
    product = PRODUCTS.get(product_id)
    if product is None:
        raise HTTPException(status_code=404, detail="Товар не найден")
    return dict(product)


# region: endpoint
# выше в файле: json, redis, suppress, app, cache, CACHE_TTL,
#   load_product_from_db
@app.get("/products/{product_id}")
def get_product(product_id: int) -> dict:
    key = f"product:{product_id}"
    try:
        cached = cache.get(key)                           # 1. ищем в кэше
    except redis.RedisError:
        cached = None                                     # Redis недоступен → в БД
    if cached is not None:
        return {"source": "cache", "product": json.loads(cached)}
    product = load_product_from_db(product_id)            # 2. промах: запрос к БД
    with suppress(redis.RedisError):
        cache.setex(key, CACHE_TTL, json.dumps(product))  # 3. в кэш на 1 час
    return {"source": "db", "product": product}
# endregion


class PriceUpdate(BaseModel):
    price: int


@app.put("/products/{product_id}")
def update_price(product_id: int, update: PriceUpdate) -> dict:
    """Меняет цену в БД и удаляет устаревшую копию из кэша (инвалидация)."""
    load_product_from_db(product_id)  # 404, если товара нет
    PRODUCTS[product_id]["price"] = update.price
    try:
        cache.delete(f"product:{product_id}")
    except redis.RedisError:
        log.warning("Не удалось сбросить кэш товара %s: старая цена проживёт до конца TTL", product_id)
    return {"product": PRODUCTS[product_id]}
