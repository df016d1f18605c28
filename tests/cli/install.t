#!/bin/sh
# make install: the installed lms finds its manual wherever PREFIX,
# MANDIR and DESTDIR put it, also after a plain make built it for
# another prefix.  Builds a copy of the sources, so it takes a while.
. "$(dirname "$0")/lib.sh"

# It builds its own lms without sanitizers, so the sanitizer pass of make
# check would only repeat it.
if [ -n "${LMS_SANITIZE:-}" ]; then
	echo "1..0 # SKIP make install is tested in the plain build"
	exit 0
fi

top=$(cd "$FIXTURES/../.." && pwd)
src=$SCRATCH/src
mkdir "$src"
cp -R "$top/Makefile" "$top/lib" "$top/cmd" "$top/man" "$top/completion" \
	"$top/po" "$src/"
rm -rf "$src/build" "$src/lms"
# Not the flags of a make that runs these tests (SANITIZE, -j).
unset MAKEFLAGS MFLAGS MAKELEVEL
mk() {
	make -s -C "$src" CFLAGS=-O0 "$@" >"$SCRATCH/make.log" 2>&1
	status=$?
	[ $status -eq 0 ] || sed 's/^/# /' "$SCRATCH/make.log"
	return $status
}

# Runs an installed lms, as $out, $err and $rc.
installed() {
	bin=$1
	shift
	"$bin" "$@" >"$SCRATCH/stdout" 2>"$SCRATCH/stderr"
	rc=$?
	out=$(cat "$SCRATCH/stdout")
	err=$(cat "$SCRATCH/stderr")
}

mk -j2
report $? "a plain make"
mk install PREFIX="$SCRATCH/p"
report $? "then make install PREFIX=..."
installed "$SCRATCH/p/bin/lms" help check
is_rc 0 "the installed lms shows its manual"
like "from the new prefix" "lms check" "$out"
[ -f "$SCRATCH/p/share/locale/nb/LC_MESSAGES/lms.mo" ]
report $? "installs the Norwegian catalogue where gettext looks"

mk install PREFIX="$SCRATCH/q" MANDIR="$SCRATCH/pages"
report $? "make install with a MANDIR of its own"
installed "$SCRATCH/q/bin/lms" help files
is_rc 0 "finds its pages there"
like "the file formats" "course.yaml" "$out"
rm -r "$SCRATCH/pages"
installed "$SCRATCH/q/bin/lms" help check
is_rc 66 "without them"
is_err "says where it looked" <<OUT
lms: no manual page lms-check(1) beside lms or in $SCRATCH/pages (see make install)
OUT

# Staged, as a package is built: the binary is not yet where PREFIX says.
mk install DESTDIR="$SCRATCH/stage" PREFIX=/opt/lms
report $? "make install DESTDIR=... PREFIX=..."
installed "$SCRATCH/stage/opt/lms/bin/lms" help check
is_rc 0 "the staged lms finds the staged pages"
like "and shows them" "lms check" "$out"

done_testing
