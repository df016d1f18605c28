#!/bin/sh
# lms check on a tree whose folders cannot be listed: an error that names
# the folder, never a clean check of nothing.  A file in the folder's
# place is what even root cannot list.
. "$(dirname "$0")/lib.sh"

use_tree enrol
chmod 600 people/participants.yaml people/report-key

lms check
is_rc 0 "the tree is sound"

for d in forms templates courses; do
	mv "$d" "$SCRATCH/$d"
	echo x >"$d"
	lms check
	is_rc 74 "a $d/ that is no folder fails the check"
	is_out "with nothing found" </dev/null
	is_err "naming it" <<OUT
lms: cannot read folder '$d': Not a directory
OUT
	if [ "$d" != courses ]; then
		lms check matlaging
		is_rc 74 "also when a course is named"
	fi
	rm "$d"
	mv "$SCRATCH/$d" "$d"
done

# A courses/ that cannot be looked into (a link to itself) is an error,
# not "no such course", also when a course is named.
mv courses "$SCRATCH/courses"
ln -s courses courses
lms check matlaging
is_rc 74 "a named course in a courses/ that cannot be looked into"
like "naming the file" "^lms: cannot read 'courses/matlaging/course.yaml': " "$err"
rm courses
mv "$SCRATCH/courses" courses

# A register that cannot be read is a finding that names it.
mv people/participants.yaml "$SCRATCH/participants.yaml"
mkdir -m 700 people/participants.yaml
lms check --rule schema
is_rc 1 "a register that is a folder"
like "the finding names the register" "^people/participants.yaml: error: cannot read 'people/participants.yaml': it is a folder" "$out"
rmdir people/participants.yaml
mv "$SCRATCH/participants.yaml" people/participants.yaml

# A folder that is not there holds nothing: no forms, no templates.
mv forms templates "$SCRATCH"
lms check --rule schema
is_rc 0 "missing forms/ and templates/ are empty"
mv "$SCRATCH/forms" "$SCRATCH/templates" .

done_testing
