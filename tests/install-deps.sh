#!/bin/sh
# install-deps.sh: installs the Debian packages a target needs, only those missing.
# Usage: install-deps.sh run|test. Checks dpkg -s first; runs apt-get only when something is absent.
set -eu
RUN_PKGS="build-essential pkg-config sqlite3 nginx-light libfcgi-dev libsqlite3-dev
libctemplate-dev libcurl4-openssl-dev libsodium-dev libmagic-dev libxlsxwriter-dev
libzip-dev libexpat1-dev libstemmer-dev libcmark-dev"
TEST_PKGS="$RUN_PKGS libcurl4-openssl-dev valgrind wrk clang libclang-rt-14-dev openssl
chromium nodejs npm unzip python3-aiosmtpd"
case "${1:-run}" in
run) want=$RUN_PKGS ;;
test|bench) want=$TEST_PKGS ;;
*) echo "usage: $0 run|test" >&2; exit 2 ;;
esac
missing=""
for p in $want; do
	dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
# node from another source may satisfy "nodejs" without npm: accept any working npm
if command -v npm >/dev/null 2>&1; then
	missing=$(echo "$missing" | tr ' ' '\n' | grep -vx -e npm -e nodejs | tr '\n' ' ')
fi
[ -z "$(echo "$missing" | tr -d ' ')" ] && exit 0
echo "install-deps: installing$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing
