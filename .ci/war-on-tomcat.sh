#!/usr/bin/env bash
# Deploys platform-boot/platform-war/target/heatdesk.war on a real external Jakarta servlet container (Debian's
# Tomcat 10.1) in a private CATALINA_BASE, waits for /actuator/health to be UP and runs the WAR smoke test
# (cn.heatdesk.app.ExternalWarSmokeTest) against it. Tomcat is always stopped on exit.
#
# Needs: the WAR and platform-app's compiled tests (run after `./mvnw -B verify`). Used by .ci/run; can be run
# by hand from the repository root: bash .ci/war-on-tomcat.sh
# Environment: HEATDESK_TOMCAT_PORT (18080), HEATDESK_TOMCAT_SHUTDOWN_PORT (18005), HEATDESK_TOMCAT_TIMEOUT (180 s),
# HEATDESK_WAR (the WAR to deploy), HEATDESK_MVN_OFFLINE (1, the default: Maven runs with -o).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=.ci/lib.sh
source .ci/lib.sh

PORT=${HEATDESK_TOMCAT_PORT:-18080}
SHUTDOWN_PORT=${HEATDESK_TOMCAT_SHUTDOWN_PORT:-18005}
TIMEOUT=${HEATDESK_TOMCAT_TIMEOUT:-180}
WAR=${HEATDESK_WAR:-platform-boot/platform-war/target/heatdesk.war}
CATALINA_HOME=/usr/share/tomcat10
BASE_URL="http://127.0.0.1:${PORT}/heatdesk"

if [ ! -f "$WAR" ]; then
  ci_note "missing $WAR: build first (./mvnw -B verify)"
  exit 1
fi

# --- the container: Debian's tomcat10 package (Tomcat 10.1, Jakarta EE 10) -------------------------------------
if [ ! -x "$CATALINA_HOME/bin/catalina.sh" ]; then
  ci_apt_install tomcat10
fi
ci_note "container: $("$CATALINA_HOME/bin/version.sh" 2>/dev/null | sed -n 's/^Server number: *//p' | head -n1 | sed 's/^/Apache Tomcat /')"

if ci_port_open 127.0.0.1 "$PORT"; then
  ci_note "port $PORT is already in use; set HEATDESK_TOMCAT_PORT to a free port"
  exit 1
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/heatdesk-tomcat.XXXXXX")
export CATALINA_HOME
export CATALINA_BASE="$WORK/base"
export CATALINA_PID="$WORK/tomcat.pid"
export CATALINA_OUT="$CATALINA_BASE/logs/catalina.out"
export CATALINA_TMPDIR="$CATALINA_BASE/temp"
mkdir -p "$CATALINA_BASE"/{conf,logs,webapps,work,temp,lib} "$WORK/data"

print_logs() {
  local f
  for f in "$CATALINA_BASE"/logs/*; do
    [ -f "$f" ] || continue
    printf '\n----- %s (last 200 lines) -----\n' "$f"
    tail -n 200 "$f" || true
  done
}

stop_tomcat() {
  local rc=$?
  if [ -f "$CATALINA_PID" ] && kill -0 "$(cat "$CATALINA_PID")" 2>/dev/null; then
    ci_note "stopping Tomcat (pid $(cat "$CATALINA_PID"))"
    "$CATALINA_HOME/bin/catalina.sh" stop 30 -force >/dev/null 2>&1 || true
    if [ -f "$CATALINA_PID" ] && kill -0 "$(cat "$CATALINA_PID")" 2>/dev/null; then
      kill -9 "$(cat "$CATALINA_PID")" 2>/dev/null || true
    fi
  fi
  if [ "$rc" -ne 0 ]; then
    print_logs
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap stop_tomcat EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# configuration: the package's pristine templates, moved to private ports
CONF_SRC=$CATALINA_HOME/etc
[ -f "$CONF_SRC/server.xml" ] || CONF_SRC=/etc/tomcat10
for f in server.xml web.xml context.xml catalina.properties logging.properties tomcat-users.xml jaspic-providers.xml; do
  [ -f "$CONF_SRC/$f" ] && cp "$CONF_SRC/$f" "$CATALINA_BASE/conf/"
done
sed -i \
  -e "/AprLifecycleListener/d" \
  -e "s/<Server port=\"[-0-9]*\"/<Server port=\"${SHUTDOWN_PORT}\"/" \
  -e "s/port=\"8080\"/port=\"${PORT}\"/g" \
  -e "s/redirectPort=\"8443\"/redirectPort=\"18443\"/g" \
  "$CATALINA_BASE/conf/server.xml"
grep -q "port=\"${PORT}\"" "$CATALINA_BASE/conf/server.xml" || { ci_note "could not set the HTTP port in server.xml"; exit 1; }

cp "$WAR" "$CATALINA_BASE/webapps/heatdesk.war"

# the same JVM options an operator would use (docs/deploy-tongweb.md): UTF-8, time zone, private data directory
export JAVA_OPTS="-Xms256m -Xmx1g -Djava.awt.headless=true -Dfile.encoding=UTF-8 -Duser.timezone=Asia/Shanghai \
-Dheatdesk.data-dir=$WORK/data"
unset CATALINA_OPTS JPDA_OPTS || true

ci_note "CATALINA_BASE=$CATALINA_BASE, HTTP port $PORT, data dir $WORK/data"
START=$SECONDS
"$CATALINA_HOME/bin/catalina.sh" start

# --- wait for the application ---------------------------------------------------------------------------------
status=""
while (( SECONDS - START < TIMEOUT )); do
  if [ -f "$CATALINA_PID" ] && ! kill -0 "$(cat "$CATALINA_PID")" 2>/dev/null; then
    ci_note "Tomcat exited during start-up"
    exit 1
  fi
  status=$(curl -s -m 5 "$BASE_URL/actuator/health" || true)
  if grep -q '"status" *: *"UP"' <<<"$status"; then
    break
  fi
  status=""
  sleep 2
done
if [ -z "$status" ]; then
  ci_note "heatdesk.war did not report UP at $BASE_URL/actuator/health within ${TIMEOUT}s"
  exit 1
fi
ci_note "heatdesk.war is UP after $((SECONDS - START))s: $status"

# a first check that needs no test code: the SM2 login public key is served without a token
code=$(curl -s -o "$WORK/public-key.json" -w '%{http_code}' -m 10 "$BASE_URL/api/auth/public-key" || true)
ci_note "GET /api/auth/public-key -> HTTP $code: $(head -c 300 "$WORK/public-key.json" 2>/dev/null || true)"

# --- the WAR smoke test ---------------------------------------------------------------------------------------
SMOKE_SRC=platform-boot/platform-app/src/test/java/cn/heatdesk/app/ExternalWarSmokeTest.java
if [ ! -f "$SMOKE_SRC" ]; then
  ci_note "NOTE: $SMOKE_SRC does not exist yet; only the health check and the public-key request were verified"
  [ "$code" = 200 ] || { ci_note "public-key request failed"; exit 1; }
  exit 0
fi

offline=()
if [ "${HEATDESK_MVN_OFFLINE:-1}" = 1 ]; then
  offline=(-o)
fi
REPORT=platform-boot/platform-app/target/surefire-reports/TEST-cn.heatdesk.app.ExternalWarSmokeTest.xml
rm -f "$REPORT"
# -am puts the upstream modules in the reactor, so their classes and the kernel's test helpers resolve from their
# target/ directories without an `install`; the test-compile is incremental (nothing to do after `verify`).
HEATDESK_EXTERNAL_URL="$BASE_URL" "${MVN[@]}" "${offline[@]}" -pl platform-boot/platform-app -am \
  test -Dtest=ExternalWarSmokeTest -Dsurefire.failIfNoSpecifiedTests=false

if [ ! -f "$REPORT" ]; then
  ci_note "ExternalWarSmokeTest did not run (no $REPORT)"
  exit 1
fi
head=$(grep -m1 -o '<testsuite [^>]*>' "$REPORT" || true)
run=$(sed -n 's/.* tests="\([0-9]*\)".*/\1/p' <<<"$head")
skipped=$(sed -n 's/.* skipped="\([0-9]*\)".*/\1/p' <<<"$head")
failures=$(sed -n 's/.* failures="\([0-9]*\)".*/\1/p' <<<"$head")
errors=$(sed -n 's/.* errors="\([0-9]*\)".*/\1/p' <<<"$head")
if [ "${run:-0}" -eq 0 ] || [ "${skipped:-0}" -ne 0 ] || [ "${failures:-0}" -ne 0 ] || [ "${errors:-0}" -ne 0 ]; then
  ci_note "ExternalWarSmokeTest: ${run:-0} run, ${failures:-0} failed, ${errors:-0} errors, ${skipped:-0} skipped;" \
    "it must run and pass against the WAR"
  exit 1
fi
ci_note "ExternalWarSmokeTest passed against $BASE_URL (${run} test(s))"
