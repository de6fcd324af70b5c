#!/usr/bin/env bash
# Installs what the tests need from Debian's packages when it is missing: Chromium with CJK fonts
# (Playwright never downloads a browser here) and PostgreSQL (integration tests).
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "缺少测试工具：${need[*]}。请以 root 运行：apt-get install -y ${need[*]}" >&2
  exit 0
fi
echo "Installing test tools: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# The package may start a cluster of its own; the tests use their own on another port.
