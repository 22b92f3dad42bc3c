#!/usr/bin/env bash
# Makes sure `redis-server` is on PATH for @ladder/cache's Redis tests and benchmark (Debian's
# package; CI machines start bare). The tests start and stop their own servers on free loopback
# ports, so nothing is started here; Debian's package may start its own service on 6379, which
# the tests never use.
#   bash packages/cache/test/support/ensure-redis.sh
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
  redis-server --version
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "redis-server is missing and apt-get is not available: install Redis 7 by other means, or set LADDER_SKIP_REDIS=1 to skip the Redis tests." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends redis-server
redis-server --version
