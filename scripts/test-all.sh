#!/usr/bin/env bash
# Runs every test of every module, from a fresh clone, on a fresh machine.
# This is the README's test command; CI (.ci/run) calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -ntp verify "$@"
