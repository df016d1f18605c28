#!/bin/sh
# Symbolic links, FIFOs and folders that cannot be read, in the tree: lms
# reads through a link but never writes through one, never waits on a
# FIFO, and never takes a folder it cannot read for an empty one.
. "$(dirname "$0")/lib.sh"

export LMS_TODAY=2026-08-01
use_tree basic
outside=$SCRATCH/outside
mkdir "$outside"

# Runs lms with a time limit, for what a FIFO could block: exit 124 is a
# command still waiting after 10 seconds.
lms_limited() {
	timeout 10 "$LMS" "$@" >"$SCRATCH/stdout" 2>"$SCRATCH/stderr"
	rc=$?
	out=$(cat "$SCRATCH/stdout")
	err=$(cat "$SCRATCH/stderr")
}

# What lies outside the tree, to show that nothing was written there.
outside_now() {
	(cd "$outside" && find . | LC_ALL=C sort | while read -r f; do
		printf '%s ' "$f"
		if [ -f "$f" ]; then cksum <"$f"; else echo; fi
	done)
}

# people/ a link to a shared folder: the register must not land there.
mv people "$outside/people"
ln -s ../outside/people people
outside_now >"$SCRATCH/before"
remember
lms facilitator list --format csv
is_rc 0 "a linked people/ is read"
lms person add --name "Test Testesen"
is_rc 73 "but the register is not written through it"
is_err "which says why" <<'OUT'
lms: cannot write in folder 'people': it is a symbolic link, which lms never writes through
OUT
unchanged "nothing changed in the tree"
outside_now | diff -u "$SCRATCH/before" - >/dev/null
report $? "nor outside it"
rm people
mv "$outside/people" people

# A course folder that is a link.
mkdir "$outside/linked"
sed 's/^id: .*/id: linked/' courses/matlaging/course.yaml \
	>"$outside/linked/course.yaml"
ln -s ../../outside/linked courses/linked
outside_now >"$SCRATCH/before"
remember
lms course list --format csv
is_rc 0 "a linked course folder is read"
like "and listed" "^linked," "$out"
lms course set linked capacity=3
is_rc 73 "course set does not write through it"
is_err "naming the link" <<'OUT'
lms: cannot write 'courses/linked/course.yaml': 'courses/linked' is a symbolic link, which lms never writes through
OUT
lms person add --name "Test Testesen"
person=$out
remember
lms enrol linked "$person"
is_rc 73 "nor does enrol"
unchanged "nothing changed in the tree"
outside_now | diff -u "$SCRATCH/before" - >/dev/null
report $? "nor outside it"
rm courses/linked

# A file that is a link: read through, never replaced or written into.
echo '[]' >"$outside/enrolments.yaml"
ln -s ../../../outside/enrolments.yaml courses/matlaging/enrolments.yaml
remember
lms enrol matlaging "$person"
is_rc 73 "a linked enrolments.yaml is not written"
is_err "and lms says so" <<'OUT'
lms: cannot write 'courses/matlaging/enrolments.yaml': it is a symbolic link, which lms never writes through
OUT
unchanged "nothing changed in the tree"
is_file "nor the file it points to" "$outside/enrolments.yaml" <<'OUT'
[]
OUT
rm courses/matlaging/enrolments.yaml

# The lock a link: flock would create (or truncate) what it points to.
rm -rf .lms
mkdir .lms
ln -s "$outside/made-by-lms" .lms/lock
lms course set matlaging capacity=11
is_rc 73 "a linked .lms/lock is refused"
is_err "by name" <<'OUT'
lms: cannot lock '.lms/lock': it is a symbolic link, which lms never writes through
OUT
test ! -e "$outside/made-by-lms" && test ! -L "$outside/made-by-lms"
report $? "and nothing was made outside"
rm -r .lms
ln -s ../outside .lms
lms course set matlaging capacity=11
is_rc 73 "so is a linked .lms/"
is_err "by name" <<'OUT'
lms: cannot lock '.lms/lock': '.lms' is a symbolic link, which lms never writes through
OUT
test ! -e "$outside/lock"
report $? "and no lock was made outside"
rm .lms

# lms init does not write through a link either.
mkdir "$SCRATCH/new" "$outside/shared"
ln -s ../outside/shared "$SCRATCH/new/people"
lms init "$SCRATCH/new" --name Test --municipality 1806
is_rc 73 "lms init refuses a linked people/"
is_err "naming it" <<OUT
lms: cannot write in folder '$SCRATCH/new/people': it is a symbolic link, which lms never writes through
OUT
test -z "$(ls -A "$outside/shared")" && test ! -e "$SCRATCH/new/lms.yaml"
report $? "nothing was written through it, and there is no tree"

# The root may be reached through a link: that is where the user sent lms.
ln -s basic "$SCRATCH/alias"
lms -C "$SCRATCH/alias" course set matlaging capacity=11
is_rc 0 "a tree named through a link is written"

# FIFOs are refused at once, never waited on.
mkfifo courses/matlaging/enrolments.yaml
lms_limited export enrolments
is_rc 65 "a FIFO for enrolments.yaml is refused, not waited on"
is_err "saying what it is" <<'OUT'
lms: cannot read 'courses/matlaging/enrolments.yaml': it is a FIFO, not a regular file
OUT
lms_limited check
is_rc 1 "lms check reports it"
like "as an error of that file" \
	"^courses/matlaging/enrolments.yaml: error: cannot read .*: it is a FIFO" \
	"$out"
rm courses/matlaging/enrolments.yaml
mkfifo courses/matlaging/course.yaml.orig courses/notes
lms_limited check
is_rc 0 "FIFOs among the files lms check searches do not block it"
like "one where a course folder could be is named" \
	"^courses/notes: warning: could not be read to check for personal data: .* it is a FIFO" \
	"$out"
rm courses/matlaging/course.yaml.orig courses/notes
cp lms.yaml "$SCRATCH/lms.yaml"
rm lms.yaml
mkfifo lms.yaml
lms_limited course list
is_rc 65 "a FIFO for lms.yaml is refused"
is_err "by name" <<'OUT'
lms: cannot read 'lms.yaml': it is a FIFO, not a regular file
OUT
rm lms.yaml
cp "$SCRATCH/lms.yaml" lms.yaml
rm -f .lms/lock
mkfifo .lms/lock
lms_limited course set matlaging capacity=12
is_rc 73 "a FIFO is no lock"
is_err "says so" <<'OUT'
lms: cannot lock '.lms/lock': it is a FIFO, not a regular file
OUT
rm .lms/lock

# Only a missing courses/ is a tree without courses.
mv courses "$SCRATCH/courses"
lms course list --format csv
is_rc 0 "no courses/ is no courses"
is_out "none listed" <<'OUT'
id,status,first,last,sessions,capacity,title
OUT
echo x >courses
lms course list
is_rc 74 "a courses/ that is no folder is an error"
is_err "that names it" <<'OUT'
lms: cannot read folder 'courses': Not a directory
OUT
lms check
is_rc 74 "lms check does not find it clean"
rm courses
mv "$SCRATCH/courses" courses

# A courses/ that cannot be read: as a user whom permissions hold back,
# since the tests may run as root.
nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups "$LMS" "$@" \
		>"$SCRATCH/stdout" 2>"$SCRATCH/stderr"
	rc=$?
	err=$(cat "$SCRATCH/stderr")
}
chmod 755 "$SCRATCH"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null &&
   setpriv --reuid=65534 --regid=65534 --clear-groups "$LMS" --version \
	>/dev/null 2>&1; then
	chmod 000 courses
	nobody course list
	is_rc 74 "an unreadable courses/ is an error, not 'no courses'"
	is_err "that names it" <<'OUT'
lms: cannot read folder 'courses': Permission denied
OUT
	nobody report --exact
	is_rc 74 "for reports too"
	chmod 755 courses
	chmod 000 courses/matlaging
	nobody course list
	is_rc 74 "so is a course folder that cannot be looked into"
	is_err "named by its plan" <<'OUT'
lms: cannot read 'courses/matlaging/course.yaml': Permission denied
OUT
	chmod 755 courses/matlaging
else
	for t in 1 2 3 4 5; do
		report 0 "# SKIP needs root and setpriv(1) to be another user"
	done
fi

# A reader makes nothing: root listing the courses of a tree that is
# another user's must leave no .lms/ of root's that its owner cannot write.
rm -rf .lms
lms course list
is_rc 0 "a reader of a tree without .lms/ reads"
[ ! -e .lms ]
report $? "and makes no .lms/"
# A writer makes .lms/ and its lock readable by all, whatever its umask,
# so that every reader can take the lock.
(umask 077 && "$LMS" course set matlaging capacity=12 >/dev/null)
stat -c '%a %n' .lms .lms/lock >"$SCRATCH/modes"
is_file "with modes of its own" "$SCRATCH/modes" <<'OUT'
755 .lms
644 .lms/lock
OUT
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null &&
   setpriv --reuid=65534 --regid=65534 --clear-groups "$LMS" --version \
	>/dev/null 2>&1; then
	rm -rf .lms
	chown -R 65534:65534 .
	lms course list
	is_rc 0 "root reads a tree that is another user's"
	nobody course set matlaging capacity=13
	is_rc 0 "and its owner still writes it"
	stat -c '%a %u %n' .lms .lms/lock >"$SCRATCH/modes"
	is_file "in a .lms/ of its own" "$SCRATCH/modes" <<'OUT'
755 65534 .lms
644 65534 .lms/lock
OUT
	chown -R 0:0 .
	nobody course list
	is_rc 0 "another user reads with the lock a umask 077 writer made"
	# A lock that is there but cannot be had is no missing lock: the
	# reader cannot tell whether a change is half made, and stops.
	chmod 700 .lms
	nobody course list
	is_rc 74 "a .lms/ that cannot be entered stops a reader"
	is_err "that names it" <<'OUT'
lms: cannot open folder '.lms': Permission denied
OUT
	chmod 755 .lms
	chmod 600 .lms/lock
	nobody course list
	is_rc 74 "so does a lock that cannot be opened"
	is_err "named" <<'OUT'
lms: cannot lock '.lms/lock': Permission denied
OUT
	chmod 644 .lms/lock
else
	for t in 1 2 3 4 5 6 7 8 9; do
		report 0 "# SKIP needs root and setpriv(1) to be another user"
	done
fi

done_testing
