# shellcheck shell=bash
# Helpers sourced by .ci/run and .ci/war-on-tomcat.sh. Not executable on its own.

ci_section() {
  printf '\n======================================================================\n'
  printf '== %s\n' "$*"
  printf '======================================================================\n'
}

ci_note() {
  printf '[ci] %s\n' "$*"
}

# The Maven wrapper, always in batch mode, no colours, no download progress noise.
# shellcheck disable=SC2034 # used by the scripts that source this file
MVN=(./mvnw -B -ntp -Dstyle.color=never)

# ci_port_open HOST PORT: true when something accepts TCP connections there.
ci_port_open() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# ci_wait_port NAME HOST PORT SECONDS: waits for a service; false when it never came up.
ci_wait_port() {
  local name=$1 host=$2 port=$3 limit=$4 i
  for ((i = 0; i < limit; i++)); do
    if ci_port_open "$host" "$port"; then
      ci_note "$name is up at $host:$port"
      return 0
    fi
    sleep 1
  done
  ci_note "$name is NOT reachable at $host:$port after ${limit}s"
  return 1
}

# ci_ensure_service NAME PORT SERVICE...: the database servers of the test matrix must be running; on a machine
# where they are installed but stopped, try to start them with the distribution's service command.
ci_ensure_service() {
  local name=$1 port=$2
  shift 2
  if ci_port_open 127.0.0.1 "$port"; then
    return 0
  fi
  local svc
  for svc in "$@"; do
    if command -v service >/dev/null 2>&1; then
      ci_note "$name not listening on $port; trying: service $svc start"
      service "$svc" start >/dev/null 2>&1 || true
    fi
    if ci_wait_port "$name" 127.0.0.1 "$port" 30; then
      return 0
    fi
  done
  return 1
}

# ci_apt_install PACKAGE...: installs Debian packages (CI runs as root; sudo is used when it is not root).
ci_apt_install() {
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo -n)
  fi
  ci_note "installing Debian packages: $*"
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "$@"
}

# ci_count_tests STAMP_FILE: sums the Surefire/Failsafe XML reports written after STAMP_FILE was touched and prints
# "run failed skipped" (errors count as failed).
ci_count_tests() {
  local stamp=$1 f head tests=0 failed=0 skipped=0 t e fl s
  while IFS= read -r f; do
    head=$(grep -m1 -o '<testsuite [^>]*>' "$f" || true)
    [ -n "$head" ] || continue
    t=$(sed -n 's/.* tests="\([0-9]*\)".*/\1/p' <<<"$head")
    e=$(sed -n 's/.* errors="\([0-9]*\)".*/\1/p' <<<"$head")
    fl=$(sed -n 's/.* failures="\([0-9]*\)".*/\1/p' <<<"$head")
    s=$(sed -n 's/.* skipped="\([0-9]*\)".*/\1/p' <<<"$head")
    tests=$((tests + ${t:-0}))
    failed=$((failed + ${e:-0} + ${fl:-0}))
    skipped=$((skipped + ${s:-0}))
  done < <(find . \( -name node_modules -o -name .git \) -prune -o -type f \
             \( -path '*/target/surefire-reports/TEST-*.xml' -o -path '*/target/failsafe-reports/TEST-*.xml' \) \
             -newer "$stamp" -print 2>/dev/null)
  echo "$tests $failed $skipped"
}

ci_fmt_secs() {
  local s=$1
  printf '%dm%02ds' $((s / 60)) $((s % 60))
}
