"""Слайд 11: строки, счётчики, списки и хэши Redis.

Запуск: python basics.py   (адрес сервера — переменная REDIS_URL)
"""

import os

import redis

REDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379/0")

r = redis.Redis.from_url(REDIS_URL, decode_responses=True)
r.delete("user:1:name", "page:views", "tasks", "user:1")  # чистый старт при повторном запуске

# region: demo
# выше в файле: r
r.set("user:1:name", "Анна")        # строка
print(r.get("user:1:name"))         # Анна

print(r.incr("page:views"))         # 1 — атомарный счётчик
print(r.incr("page:views"))         # 2

r.lpush("tasks", "task1", "task2")  # в начало списка
print(r.rpop("tasks"))              # task1 — с конца: FIFO
print(r.brpop("tasks", timeout=5))  # ('tasks', 'task2'), ждёт ≤ 5 с

r.hset("user:1", mapping={"name": "Анна", "age": 21})
print(r.hgetall("user:1"))          # {'name': 'Анна', 'age': '21'}
# endregion
