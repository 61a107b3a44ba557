#!/usr/bin/env bash
# Installs what the tests need that is not an npm dependency: Chromium for browser tests,
# Redis and RabbitMQ servers for the real-broker tests, and Debian's Python libraries that the
# lecture's examples use. Needs root (CI runs as root); safe to run twice.
set -euo pipefail

packages=(
  chromium
  redis-server
  rabbitmq-server
  python3-redis python3-pika python3-kafka python3-fastapi python3-celery
  python3-uvicorn python3-httpx
  python3-pyflakes
  poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system deps: all present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "system deps missing: ${missing[*]}" >&2
  echo "install them as root: sudo bash scripts/install-system-deps.sh" >&2
  exit 1
fi
echo "system deps: installing ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "system deps: installed"
