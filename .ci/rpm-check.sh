#!/usr/bin/env bash
# Builds the Kylin V10 RPM from the executable JAR (packaging-kylin/build-rpm.sh) and checks its file list,
# configuration files and scriptlets with rpm -qp. Takes a few seconds; installs Debian's `rpm` when missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=.ci/lib.sh
source .ci/lib.sh

if ! command -v rpmbuild >/dev/null 2>&1; then
  ci_apt_install rpm
fi
bash packaging-kylin/build-rpm.sh > "${TMPDIR:-/tmp}/heatdesk-rpmbuild.log" 2>&1 || {
  cat "${TMPDIR:-/tmp}/heatdesk-rpmbuild.log"
  exit 1
}
RPM=$(find packaging-kylin/build/RPMS -name 'heatdesk-*.noarch.rpm' | head -n1)
ci_note "built $RPM ($(du -h "$RPM" | cut -f1))"
rpm -qip "$RPM" | sed -n 's/^\(Name\|Version\|Release\|Architecture\) *: /  \1: /p'

missing=0
LIST=$(rpm -qlp "$RPM")
for f in /opt/heatdesk/heatdesk.jar /opt/heatdesk/bin/heatdesk-start /opt/heatdesk/bin/heatdesk-keygen \
         /usr/lib/systemd/system/heatdesk.service /etc/heatdesk/application-prod.yml /etc/heatdesk/heatdesk.env \
         /var/lib/heatdesk /var/log/heatdesk; do
  if grep -qx "$f" <<<"$LIST"; then
    ci_note "  contains $f"
  else
    ci_note "  MISSING $f"
    missing=1
  fi
done
CONF=$(rpm -qcp "$RPM")
for f in /etc/heatdesk/application-prod.yml /etc/heatdesk/heatdesk.env; do
  grep -qx "$f" <<<"$CONF" || { ci_note "  $f is not marked %config"; missing=1; }
done
SCRIPTS=$(rpm -qp --scripts "$RPM")
grep -q 'useradd -r -g heatdesk' <<<"$SCRIPTS" || { ci_note "  %pre does not create user heatdesk"; missing=1; }
grep -q 'systemctl daemon-reload' <<<"$SCRIPTS" || { ci_note "  %post does not reload systemd"; missing=1; }
[ "$missing" -eq 0 ] || exit 1
ci_note "RPM file list, config files and scriptlets as expected"
