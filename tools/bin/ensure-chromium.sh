#!/usr/bin/env bash
# Makes sure Chromium and its WebDriver are installed for the survey page's browser test (Debian packages
# chromium and chromium-driver). Quiet and quick when both are on PATH; installs them when run as root (or with
# password-less sudo); otherwise prints the command to run and fails, so `make test` stops with a clear reason.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi

install=(apt-get install -y -q chromium chromium-driver)
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: chromium and chromedriver are not on PATH and this is not a Debian-like system;" >&2
  echo "  install Chromium and a matching ChromeDriver, then run the tests again." >&2
  exit 1
fi

if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "ensure-chromium: chromium and chromedriver are not on PATH; the survey page's browser test needs them. Run:" >&2
  echo "  sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive ${install[*]}" >&2
  exit 1
fi

echo "ensure-chromium: installing chromium and chromium-driver (for the survey page's browser test)" >&2
"${sudo[@]}" apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive "${install[@]}"
command -v chromium >/dev/null && command -v chromedriver >/dev/null
