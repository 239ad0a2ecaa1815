#!/usr/bin/env bash
# scripts/run-package.sh (`make package`): builds the Debian package
# postgresql-15-jobreg and proves it installs and works on a clean Debian 12.
#
#  1. installs what it needs with apt-get when missing (the build tools,
#     the package's Build-Depends, mmdebstrap);
#  2. builds the .deb the way Debian builds PostgreSQL extensions
#     (dpkg-buildpackage -us -uc -b; debian/rules runs pg_buildext through
#     dh --with pgxs_loop, including installcheck on a pg_virtualenv cluster)
#     in a copy of the tree under /tmp, so the working tree stays clean;
#  3. makes a throwaway Debian 12 (bookworm) root with mmdebstrap from
#     Debian's mirror with postgresql-15 in it, installs the .deb there with
#     apt-get (so its Depends must resolve), starts a throwaway cluster as
#     postgres on a unix socket in /tmp inside the root, runs CREATE
#     EXTENSION jobreg and queries that call the C library, checks their
#     output, stops the cluster and removes the root.
#
# The .deb (and its -dbgsym) and the build log are left in dist/ (gitignored).
# Runs as root (or re-runs itself with sudo).  Exits non-zero on any failure.
# Environment:
#   MIRROR, SECURITY_MIRROR  Debian mirrors (default deb.debian.org)
#   JOBREG_PKG_CACHE         .debs the root downloads, kept between runs so a
#                            second run downloads only what changed (default
#                            /var/cache/jobreg-package; empty: no cache)
#   DEB_BUILD_OPTIONS        passed on (nocheck skips the build-time installcheck)
set -euo pipefail

if [ "$(id -u)" != 0 ]; then
	command -v sudo >/dev/null || { echo "jobreg: run-package.sh needs root (apt-get, mmdebstrap, chroot)" >&2; exit 1; }
	exec sudo --preserve-env=MIRROR,SECURITY_MIRROR,JOBREG_PKG_CACHE,DEB_BUILD_OPTIONS bash "$0" "$@"
fi

REPO=$(cd "$(dirname "$0")/.." && pwd)
SUITE=bookworm
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${SECURITY_MIRROR:-http://deb.debian.org/debian-security}
CACHE=${JOBREG_PKG_CACHE-/var/cache/jobreg-package}
DIST=$REPO/dist
START=$SECONDS

say() { echo "jobreg: $*"; }
die() { echo "jobreg: $*" >&2; exit 1; }
# commands inside the root get a clean environment: nothing of the caller's
# (PG*, LANG, PATH of another system) leaks in
in_root() {
	chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C.UTF-8 \
		DEBIAN_FRONTEND=noninteractive "$@"
}

# ---------- versions: the Makefile, debian/changelog and META.json agree ----------
EXTVERSION=$(sed -n 's/^EXTVERSION *= *//p' "$REPO/Makefile")
DEBVERSION=$(sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p' "$REPO/debian/changelog")
# (the top-level "version" of META.json: the only one indented by three spaces;
# no python3 here, a fresh machine may not have it yet)
METAVERSION=$(sed -n 's/^   "version": *"\([^"]*\)".*/\1/p' "$REPO/META.json")
[ "${DEBVERSION%-*}" = "$EXTVERSION" ] ||
	die "debian/changelog is at $DEBVERSION but the Makefile's EXTVERSION is $EXTVERSION: add a debian/changelog entry"
[ "$METAVERSION" = "$EXTVERSION" ] ||
	die "META.json is at $METAVERSION but the Makefile's EXTVERSION is $EXTVERSION"
ARCH=$(dpkg --print-architecture)
DEB=postgresql-15-jobreg_${DEBVERSION}_$ARCH.deb

# ---------- the tools ----------
missing=()
for tool in dpkg-buildpackage:dpkg-dev fakeroot:fakeroot mmdebstrap:mmdebstrap gcc:build-essential \
		git:git; do
	command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
[ -f /usr/share/keyrings/debian-archive-keyring.gpg ] || missing+=(debian-archive-keyring)
APT_UPDATED=
apt_install() {
	[ -n "$APT_UPDATED" ] || { apt-get update -qq; APT_UPDATED=1; }
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
if [ ${#missing[@]} -gt 0 ]; then
	say "installing ${missing[*]}"
	apt_install "${missing[@]}"
fi

# ---------- clean-up, whatever happens ----------
BUILD=$(mktemp -d /tmp/jobreg-package.XXXXXX)
ROOT=$BUILD/root
cleanup() {
	local rc=$?
	# a cluster left running inside the root would keep files open in it
	if [ -f "$ROOT/tmp/jobreg-check/data/postmaster.pid" ]; then
		in_root runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl \
			-D /tmp/jobreg-check/data -m immediate -w stop >/dev/null 2>&1 || true
	fi
	# unmount anything mounted below the root (deepest first) before removing it;
	# rm stays on this file system in any case
	if [ -d "$ROOT" ]; then
		awk -v r="$ROOT" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/self/mounts |
			sort -r | while read -r m; do umount -l "$m" || true; done
	fi
	rm -rf --one-file-system "$BUILD"
	[ $rc = 0 ] || echo "jobreg: make package FAILED (exit $rc)" >&2
	exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------- a copy of the tree: what git tracks plus new files it does not ignore ----------
SRC=$BUILD/jobreg-$EXTVERSION
mkdir -p "$SRC"
if git -C "$REPO" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	# the working tree's content, uncommitted edits included; build products
	# (ignored) and files deleted but not yet committed stay out
	git -C "$REPO" ls-files -z --cached --others --exclude-standard |
		(cd "$REPO" && while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done) |
		tar -C "$REPO" --null -T - -cf - | tar -C "$SRC" -xf -
else
	cp -a "$REPO/." "$SRC/"
	rm -rf "$SRC/dist"
fi
# pg_virtualenv's cluster (user postgres) reads the tree during installcheck
chmod 755 "$BUILD"
chmod -R a+rX "$SRC"

# ---------- build ----------
# the package's Build-Depends, from debian/control
if ! (cd "$SRC" && dpkg-checkbuilddeps >/dev/null 2>&1); then
	say "installing the Build-Depends"
	[ -n "$APT_UPDATED" ] || { apt-get update -qq; APT_UPDATED=1; }
	(cd "$SRC" && DEBIAN_FRONTEND=noninteractive apt-get build-dep -y -qq ./ >/dev/null)
fi
mkdir -p "$DIST"
LOG=$DIST/build.log
say "building $DEB (dpkg-buildpackage -us -uc -b in $SRC; log in dist/build.log)"
if ! (cd "$SRC" && DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:-} parallel=$(nproc)" \
		dpkg-buildpackage -us -uc -b) >"$LOG" 2>&1; then
	tail -n 60 "$LOG" >&2
	die "dpkg-buildpackage failed; the whole log is $LOG"
fi
[ -f "$BUILD/$DEB" ] || die "the build made no $DEB"
rm -f "$DIST"/postgresql-15-jobreg*.deb
cp "$BUILD"/postgresql-15-jobreg*_"$DEBVERSION"_"$ARCH".deb "$DIST/"
say "built dist/$DEB ($(( SECONDS - START )) s so far)"

# ---------- a throwaway bookworm root with postgresql-15 ----------
# security and updates too: the package depends on a server at least as new
# as the headers it was built against, which come from the same sources
hooks=()
if [ -n "$CACHE" ]; then
	mkdir -p "$CACHE/archives"
	hooks=(--skip=essential/unlink
		--setup-hook='mkdir -p "$1/var/cache/apt/archives"'
		--setup-hook="sync-in $CACHE/archives /var/cache/apt/archives/"
		# drop .debs the mirror no longer has, so the cache does not grow forever
		--customize-hook='chroot "$1" apt-get -qq autoclean'
		--customize-hook="sync-out /var/cache/apt/archives $CACHE/archives")
fi
say "making a throwaway $SUITE root with postgresql-15 (mmdebstrap, $MIRROR)"
# apt lists are kept so apt-get inside can resolve the .deb's dependencies
if ! mmdebstrap --mode=root --variant=apt --include=postgresql-15 --skip=cleanup/apt/lists \
		"${hooks[@]}" "$SUITE" "$ROOT" \
		"deb $MIRROR $SUITE main" "deb $MIRROR $SUITE-updates main" \
		"deb $SECURITY_MIRROR $SUITE-security main" >"$BUILD/mmdebstrap.log" 2>&1; then
	tail -n 40 "$BUILD/mmdebstrap.log" >&2
	die "mmdebstrap failed"
fi
# no service may start inside the root (it is not a booted system)
printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"
chmod 755 "$ROOT/usr/sbin/policy-rc.d"

# ---------- install the package inside with apt-get ----------
# apt, dpkg and PostgreSQL run here without /proc, so none is mounted
cp "$DIST/$DEB" "$ROOT/tmp/"
say "installing $DEB inside the root (apt-get)"
if ! in_root apt-get install -y -q --no-install-recommends "/tmp/$DEB" >"$BUILD/apt.log" 2>&1; then
	cat "$BUILD/apt.log" >&2
	die "apt-get install of $DEB failed inside the root"
fi
in_root dpkg-query -W -f='${Status}\n' postgresql-15-jobreg | grep -qx 'install ok installed' ||
	die "postgresql-15-jobreg is not installed inside the root"

# ---------- a throwaway cluster inside the root: the extension and its C library ----------
# one query a line, a tab, the output it must give; @V@ is the Makefile's version
QUERIES=$(cat <<'SQL'
SELECT extversion FROM pg_extension WHERE extname = 'jobreg'	@V@
SELECT isoweek('2014-W10')	2014-W10
SELECT monday(isoweek('2014-W10'))	2014-03-03
SELECT dream_week('y_1410')	2014-W10
SELECT surv_median(survival(x, true)) FROM generate_series(1, 10) x	5.5
SELECT dk_number(16750)	16.750
SELECT code_at(weekline_agg(isoweek(2014, 1) + i, 11), isoweek(2014, 3)) FROM generate_series(0, 9) i	11
SELECT count(*) > 0 FROM pg_extension_update_paths('jobreg') WHERE target = '@V@' AND path IS NOT NULL	t
SQL
)
QUERIES=${QUERIES//@V@/$EXTVERSION}
NQUERIES=$(printf '%s\n' "$QUERIES" | wc -l)
printf '%s\n' "$QUERIES" | cut -f1 | sed 's/$/;/' >"$ROOT/tmp/jobreg-check.sql"
printf '%s\n' "$QUERIES" | cut -f2 >"$BUILD/expected.txt"
cat >"$ROOT/tmp/jobreg-check.sh" <<'SH'
# run inside the root as postgres: initdb, start on a socket in /tmp only,
# CREATE EXTENSION, the queries (one output line each), stop
set -euo pipefail
BIN=/usr/lib/postgresql/15/bin
DATA=/tmp/jobreg-check/data
mkdir -p /tmp/jobreg-check
trap 'if [ -f $DATA/postmaster.pid ]; then $BIN/pg_ctl -D $DATA -m immediate -w stop >/dev/null 2>&1 || true; fi' EXIT
$BIN/initdb -D $DATA -U postgres -A trust >/tmp/jobreg-check/initdb.log
$BIN/pg_ctl -D $DATA -l /tmp/jobreg-check/server.log -w -s \
	-o "-c listen_addresses='' -c unix_socket_directories=/tmp -p 54399" start
psql="$BIN/psql -X -q -At -v ON_ERROR_STOP=1 -h /tmp -p 54399 -d postgres"
$psql -c 'CREATE EXTENSION jobreg'
$psql -f /tmp/jobreg-check.sql
$BIN/pg_ctl -D $DATA -m fast -w -s stop
SH
chmod 644 "$ROOT/tmp/jobreg-check.sh" "$ROOT/tmp/jobreg-check.sql"
say "CREATE EXTENSION jobreg and $NQUERIES queries on a throwaway cluster inside the root"
if ! in_root runuser -u postgres -- bash /tmp/jobreg-check.sh >"$BUILD/got.txt" 2>"$BUILD/check.err"; then
	cat "$BUILD/check.err" >&2
	[ -f "$ROOT/tmp/jobreg-check/server.log" ] && tail -n 30 "$ROOT/tmp/jobreg-check/server.log" >&2
	die "the check inside the root failed"
fi
if ! diff -u "$BUILD/expected.txt" "$BUILD/got.txt" >&2; then
	die "the queries inside the root gave other output than expected (diff above: - expected, + got)"
fi
paste "$ROOT/tmp/jobreg-check.sql" "$BUILD/got.txt" | sed 's/^/  /'

rm -rf --one-file-system "$ROOT"
ELAPSED=$(( SECONDS - START ))
say "the root is removed; $(( ELAPSED / 60 )) min $(( ELAPSED % 60 )) s in all; the package is $DIST/$DEB"
say "package $DEB built and installed into a throwaway $SUITE root: CREATE EXTENSION and $NQUERIES queries ran"
