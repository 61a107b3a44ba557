"""Слайд 10: подключение к Redis из Python и проверка связи.

Запуск: python connect.py   (адрес сервера — переменная REDIS_URL,
по умолчанию redis://localhost:6379/0 — хост, порт и номер базы)
"""

import os

import redis

# region: connect
# выше в файле: os, redis
REDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379/0")
r = redis.Redis.from_url(REDIS_URL, decode_responses=True)

print(r.ping())                       # True — сервер доступен
r.set("greeting", "Привет, Redis!")
print(r.get("greeting"))              # Привет, Redis! — str, а не b'...'
# endregion
