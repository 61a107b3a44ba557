"""Слайд 12: подписчик Redis Pub/Sub.

Запуск: python subscriber.py [--channel notifications] [--max-messages N]
Без --max-messages слушает, пока не нажать Ctrl+C.
"""

import argparse
import os

import redis

REDIS_URL = os.getenv("REDIS_URL", "redis://localhost:6379/0")


def listen(channel: str, max_messages: int | None = None) -> int:
    """Печатает сообщения канала; возвращает, сколько получено."""
    r = redis.Redis.from_url(REDIS_URL, decode_responses=True)
    print(f"Слушаю канал {channel}, Ctrl+C — выход")
    # region: subscribe
    received = 0
    pubsub = r.pubsub()  # выше в файле: r, channel, max_messages
    pubsub.subscribe(channel)
    for message in pubsub.listen():
        if message["type"] == "message":
            print("Получено:", message["data"])
            received += 1
            if received == max_messages:
                break
    # endregion
    pubsub.close()
    return received


def main() -> None:
    parser = argparse.ArgumentParser(description="Слушает канал Redis Pub/Sub")
    parser.add_argument("--channel", default="notifications")
    parser.add_argument("--max-messages", type=int, help="выйти после N сообщений")
    args = parser.parse_args()
    try:
        listen(args.channel, args.max_messages)
    except KeyboardInterrupt:
        print("\nПодписчик остановлен")


if __name__ == "__main__":
    main()
