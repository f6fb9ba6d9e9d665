#!/usr/bin/env bash
# The docs test drives Debian's Chromium (never a browser a tool downloads itself). Install it
# when it is missing and we can (root with apt-get, as on this project's machines and CI);
# otherwise say what to install.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium for the docs test…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "the docs test needs Debian's chromium at /usr/bin/chromium: sudo apt-get install chromium" >&2
  exit 1
fi
