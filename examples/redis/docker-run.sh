#!/bin/sh
# Слайд 10: Redis для разработки в Docker и клиент для Python.
set -e

# region: install
docker run -d --name redis -p 6379:6379 redis:8   # сервер в фоне
docker exec redis redis-cli ping                  # PONG — сервер отвечает
pip install redis                                 # клиент для Python
# endregion
