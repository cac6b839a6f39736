#!/usr/bin/env bash
# Runs the whole Superkabe system on this machine: a Kafka broker, PostgreSQL, a mail server, the six
# services, and a demo. Needs only a JDK (21+, 25 preferred) and access to Maven Central.
# Usage: ./deploy/local/run.sh [--demo=leads|protection|sending|all] [--no-demo] [--exit-after-demo] [--skip=<service>,...] [--observability] [--rebuild]
# --observability also starts Prometheus (when installed) on localhost:9090 with deploy/observability's rules.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
say() { echo "[superkabe] $*"; }
die() { echo "[superkabe] ERROR: $*" >&2; exit 1; }

# --- pick the JDK: 25 where installed beside an older default, else whatever is configured ----------
if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if [ -n "${JAVA_HOME:-}" ]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA="$(command -v java || true)"
  [ -n "$JAVA" ] || die "no java found: install JDK 25 (or 21+) or set JAVA_HOME"
  export JAVA_HOME="$(cd "$(dirname "$(readlink -f "$JAVA")")/.." && pwd)"
fi
[ -x "$JAVA" ] || die "$JAVA is not executable; check JAVA_HOME"
JAVA_MAJOR="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1)"
[ -n "$JAVA_MAJOR" ] && [ "$JAVA_MAJOR" -ge 21 ] 2>/dev/null \
  || die "Java 21 or newer is needed, $JAVA is version ${JAVA_MAJOR:-unknown}; set JAVA_HOME"

# --- build what is missing (or everything, with --rebuild) ---------------------------------------------
REBUILD=0
ARGS=()
for a in "$@"; do
  if [ "$a" = "--rebuild" ]; then REBUILD=1; else ARGS+=("$a"); fi
done
SERVICES=(ingestion-service gate-service sequencer-service send-adapter-service reply-poller-service protection-service)
needs_build() {
  [ -s deploy/local/target/runtime-classpath.txt ] || return 0
  [ -f deploy/local/target/classes/com/superkabe/local/LocalStack.class ] || return 0
  for s in "${SERVICES[@]}"; do
    compgen -G "$s/target/$s-*-exec.jar" >/dev/null || return 0
  done
  # the fault runs' forensics verify runs the operator CLI
  compgen -G "cli/target/superkabe-cli-*-exec.jar" >/dev/null || return 0
  # after a pull or an edit: a source newer than the oldest jar means the stack would run old code
  local jars=() m oldest
  for m in "${SERVICES[@]}" api-gateway console cli; do jars+=("$m"/target/*-exec.jar); done
  oldest=$(ls -tr "${jars[@]}" 2>/dev/null | head -n 1)
  [ -n "$oldest" ] || return 0
  [ -z "$(find . -path ./.local-stack -prune -o -path '*/target' -prune -o -path ./.git -prune -o -newer "$oldest" \
      -type f \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -print 2>/dev/null | head -n 1)" ] \
    || return 0
  return 1
}
if [ "$REBUILD" = 1 ] || needs_build; then
  if [ -x ./mvnw ]; then MVN=./mvnw; elif command -v mvn >/dev/null; then MVN=mvn; else
    die "neither ./mvnw nor mvn found; cannot build"
  fi
  say "building (first run, sources changed since the last build, or --rebuild): $MVN -q -B -DskipTests install  (takes a few minutes)"
  build_start=$SECONDS
  "$MVN" -q -B -DskipTests install || die "the build failed; see the Maven output above"
  say "build done in $((SECONDS - build_start)) s"
fi

# --- run the launcher: exec, so Ctrl-C and SIGTERM reach the JVM, whose shutdown hook stops everything
CP="$ROOT/deploy/local/target/classes:$(cat deploy/local/target/runtime-classpath.txt)"
exec "$JAVA" -Xmx512m -XX:TieredStopAtLevel=1 -Dsuperkabe.repo="$ROOT" -cp "$CP" \
  "${SUPERKABE_LAUNCHER_MAIN:-com.superkabe.local.LocalStack}" ${ARGS[@]+"${ARGS[@]}"}
