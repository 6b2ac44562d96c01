#!/usr/bin/env bash
# Builds the HeatDesk RPM for Kylin V10 (noarch: the same package serves Kunpeng aarch64 and Hygon x86_64).
#   usage (repository root or anywhere):  bash packaging-kylin/build-rpm.sh
# Needs: the executable JAR (./mvnw -B -DskipTests package) and rpmbuild (Debian/Ubuntu: apt-get install -y rpm;
# Kylin/openEuler: dnf install -y rpm-build). Output: packaging-kylin/build/RPMS/noarch/heatdesk-*.noarch.rpm
# Environment: HEATDESK_JAR (default platform-boot/platform-app/target/heatdesk-exec.jar),
#              HEATDESK_VERSION (default: the version in pom.xml), HEATDESK_RELEASE (default 1, snapshots 0.<time>),
#              HEATDESK_JAVA_REQUIRES (e.g. java-17-openjdk-headless: make the JDK package an RPM dependency).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
JAR=${HEATDESK_JAR:-$ROOT/platform-boot/platform-app/target/heatdesk-exec.jar}

if [ ! -f "$JAR" ]; then
  echo "build-rpm: $JAR not found; build it first: ./mvnw -B -DskipTests package" >&2
  exit 1
fi
if ! command -v rpmbuild >/dev/null 2>&1; then
  echo "build-rpm: rpmbuild not found; install it (Debian: apt-get install -y rpm; Kylin: dnf install -y rpm-build)" >&2
  exit 1
fi
NESTED=$(jar tf "$JAR" 2>/dev/null | grep -c '^BOOT-INF/lib/.*\.jar$' || true)
if [ "${NESTED:-0}" -eq 0 ]; then
  echo "build-rpm: $JAR is not an executable Spring Boot JAR (no BOOT-INF/lib)" >&2
  exit 1
fi

# version: 0.1.0-SNAPSHOT -> Version 0.1.0, Release 0.<yyyymmddHHMM> (sorts before the final 0.1.0-1)
POM_VERSION=${HEATDESK_VERSION:-$(sed -n '/<artifactId>heatdesk-parent<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' "$ROOT/pom.xml")}
VERSION=${POM_VERSION%-SNAPSHOT}
VERSION=${VERSION//-/.}
if [[ "$POM_VERSION" == *-SNAPSHOT ]]; then
  RELEASE=${HEATDESK_RELEASE:-0.$(date -u +%Y%m%d%H%M)}
else
  RELEASE=${HEATDESK_RELEASE:-1}
fi

TOP="$HERE/build"
rm -rf "$TOP"
mkdir -p "$TOP"/{BUILD,BUILDROOT,RPMS,SOURCES,SPECS,SRPMS}
cp "$JAR" "$TOP/SOURCES/heatdesk.jar"
cp "$HERE"/src/heatdesk.service "$HERE"/src/application-prod.yml "$HERE"/src/heatdesk.env \
   "$HERE"/src/heatdesk-start "$HERE"/src/heatdesk-keygen "$TOP/SOURCES/"
cp "$HERE/README.md" "$TOP/SOURCES/README.md"
cp "$HERE/heatdesk.spec" "$TOP/SPECS/"

echo "build-rpm: heatdesk $VERSION-$RELEASE from $JAR"
DEFINES=(--define "_topdir $TOP" --define "hd_version $VERSION" --define "hd_release $RELEASE")
if [ -n "${HEATDESK_JAVA_REQUIRES:-}" ]; then
  DEFINES+=(--define "java_requires $HEATDESK_JAVA_REQUIRES")
fi
rpmbuild -bb "${DEFINES[@]}" "$TOP/SPECS/heatdesk.spec"

RPM=$(find "$TOP/RPMS" -name 'heatdesk-*.noarch.rpm' | head -n1)
echo "build-rpm: built $RPM"
rpm -qlp "$RPM"
