#!/usr/bin/env bash
# Bounded soak (issue 10): 20 connections × 10 minutes against a GiaDesk started on 127.0.0.1, reads and writes mixed.
# Usage: scripts/soak.sh [--url http://127.0.0.1:5124] [--connections 20] [--seconds 600] [--pid SERVER_PID]
# Start the server first, e.g.:
#   ConnectionStrings__GiaDesk="Data Source=/tmp/soak/giadesk.db" dotnet run --project src/GiaDesk -c Release --no-build -- serve --demo --urls http://127.0.0.1:5124 &
set -euo pipefail
exec python3 "$(dirname "$0")/soak.py" "$@"
