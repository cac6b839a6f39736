#!/usr/bin/env bash
# Fault runs on the local stack (loopback only): kills and restarts services and the broker, poisons
# every topic, disturbs the clock and drops SMTP after DATA while leads flow, then judges each scenario
# from what the client, the topics and the SMTP peer observed. One line per scenario:
#   CHECKER scenario=… leads_acked=… lost=… sends=… duplicates=… cap_violations=… illegal_states=…
# Exits 1 if any scenario lost an acknowledged lead, sent twice, exceeded a cap or broke a run's state
# machine. Usage: ./deploy/local/faults.sh [--quick] [--scenario=NAME,...] [--rebuild] [--help]
set -euo pipefail
export SUPERKABE_LAUNCHER_MAIN=com.superkabe.local.FaultRuns
exec "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/run.sh" "$@"
