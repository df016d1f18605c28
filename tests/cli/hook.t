#!/bin/sh
# examples/hooks/pre-commit in a real git repository: it checks the lms
# trees that a commit touches, as staged, and refuses errors.
if ! command -v git >/dev/null 2>&1; then
	echo "1..0 # SKIP git is not installed"
	exit 0
fi
. "$(dirname "$0")/lib.sh"
HOOK=$(cd "$(dirname "$0")/../../examples/hooks" && pwd)/pre-commit

# Git as it comes: no settings of the user's (core.hooksPath would pass
# the hook by), and no repository of a caller's.
export HOME="$SCRATCH" XDG_CONFIG_HOME="$SCRATCH/.config" GIT_CONFIG_NOSYSTEM=1
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY
export LMS LMS_TODAY=2026-08-20

# Runs a command; its stdout, stderr and exit code land in $out, $err, $rc.
# Git passes the hook's output on on stderr.
run() {
	"$@" >"$SCRATCH/stdout" 2>"$SCRATCH/stderr"
	rc=$?
	out=$(cat "$SCRATCH/stdout")
	err=$(cat "$SCRATCH/stderr")
}

# is_commits N DESCRIPTION: HEAD has N commits behind it.
is_commits() {
	n=$(git rev-list --count HEAD 2>/dev/null || echo 0)
	[ "$n" -eq "$1" ]
	report $? "$2 ($1 commits)"
}

# A repository with a tree in a subfolder whose name has a space and a
# letter beyond ASCII, which git would quote without -z.
git -c init.defaultBranch=main init -q "$SCRATCH/repo"
cd "$SCRATCH/repo" || exit 1
git config user.name "Test Testesen"
git config user.email "test@example.org"
TREE="tjenester/Bø kommune"
mkdir tjenester
cp -R "$FIXTURES/enrol" "$TREE"
chmod 600 "$TREE/people/participants.yaml"
cp "$HOOK" .git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
COURSE="$TREE/courses/matlaging/course.yaml"
REFUSED="pre-commit: the commit was refused: fix the errors above and 'git add' the fixes (in an emergency: git commit --no-verify)"

# (1)
git add -A
run git commit -q -m "Testkommune"
is_rc 0 "a sound tree is committed"
is_err "and the hook says nothing" </dev/null
is_commits 1 "the commit is made"
git ls-files >"$SCRATCH/files"
! grep -q participants "$SCRATCH/files"
report $? "the register stays out of git (the fixture's .gitignore)"

# (2) Two files staged in one tree: it is checked once.
printf '# Ring Kari på 912 34 567.\n' >>"$COURSE"
sed -i 's/^title: .*/title: Mestringskurs/' "$TREE/forms/kursevaluering.yaml"
git add -A
run git commit -q -m "Ring Kari"
is_rc 1 "a phone number in a comment is refused"
is_err "the finding names file, line and rule; then the refusal" <<OUT
$COURSE:33:16: error: this looks like a phone number: personal data does not belong in a file that goes to git [privacy]
lms: 1 error
$REFUSED
OUT
! grep -q '912' "$SCRATCH/stdout" "$SCRATCH/stderr"
report $? "the phone number itself is not repeated"
is_commits 1 "HEAD is unchanged"

# (3) Staged: a sound edit.  In the working tree only: the phone number.
git reset -q
git checkout -q -- "$COURSE"
sed -i "s/^title: .*/title: 'Matlaging for alle'/" "$COURSE"
git add -A
printf '# Ring Kari på 912 34 567.\n' >>"$COURSE"
run "$LMS" -C "$TREE" check
is_rc 1 "the working tree has the error"
run git commit -q -m "Ny tittel"
is_rc 0 "but the index is checked, and it is sound"
is_err "and the hook says nothing" </dev/null
is_commits 2 "the commit is made"
git show "HEAD:$COURSE" | grep -q 912
report $((!$?)) "without the unstaged edit"
git diff --quiet -- "$COURSE"
report $((!$?)) "which is still in the working tree"

# (4) lms is not run for a commit that touches no tree.
printf '#!/bin/sh\ntouch "%s/ran"\nexit 1\n' "$SCRATCH" >"$SCRATCH/fail-lms"
chmod +x "$SCRATCH/fail-lms"
printf 'Kurs i kommunen.\n' >README.md
git add README.md
run env LMS="$SCRATCH/fail-lms" git commit -q -m "README"
is_rc 0 "a commit outside the trees passes"
is_commits 3 "the commit is made"
[ ! -e "$SCRATCH/ran" ]
report $? "without running lms"
printf 'Kurs.\n' >"$TREE/README.md"
git add "$TREE/README.md"
run env LMS="$SCRATCH/fail-lms" git commit -q -m "README i treet"
is_rc 1 "inside one, the hook runs lms and refuses when it fails"
[ -e "$SCRATCH/ran" ]
report $? "lms ran"
is_commits 3 "HEAD is unchanged"
git rm -q --cached "$TREE/README.md"
rm "$TREE/README.md"

# (5) A register that 'git add -f' got past the .gitignore.
git add -f "$TREE/people/participants.yaml"
run git commit -q -m "Registeret"
is_rc 1 "a staged register is refused"
is_err "by the hook, as lms check cannot see it" <<OUT
$TREE/people/participants.yaml: error: the private register is staged: unstage it with 'git rm --cached'
$REFUSED
OUT
is_commits 3 "HEAD is unchanged"
git rm -q --cached "$TREE/people/participants.yaml"

# (6) Warnings pass, unless lms.strict is set.
git checkout -q -- "$COURSE"
sed -i 's/^capacity: 3$/capasity: 3/' "$COURSE"
git add "$COURSE"
git config lms.strict true
run git commit -q -m "Skrivefeil"
is_rc 1 "lms.strict: a warning is refused"
is_err "with the warning" <<OUT
$COURSE:6:1: warning: unknown key 'capasity' in course (did you mean 'capacity'?) [schema]
lms: 1 warning
$REFUSED
OUT
is_commits 3 "HEAD is unchanged"
git config lms.strict false
run git commit -q -m "Skrivefeil"
is_rc 0 "without lms.strict a warning passes"
is_err "and is shown" <<OUT
$COURSE:6:1: warning: unknown key 'capasity' in course (did you mean 'capacity'?) [schema]
lms: 1 warning
OUT
is_commits 4 "the commit is made"

# (7) The way round it, in an emergency.
printf '# Ring Kari på 912 34 567.\n' >>"$COURSE"
git add "$COURSE"
run git commit -q -m "Ring Kari"
is_rc 1 "refused as before"
run git commit -q --no-verify -m "Ring Kari"
is_rc 0 "--no-verify bypasses the hook"
is_commits 5 "the commit is made"

# (8) A tree at the top of its repository.
git -c init.defaultBranch=main init -q "$SCRATCH/root"
cd "$SCRATCH/root" || exit 1
git config user.name "Test Testesen"
git config user.email "test@example.org"
cp -R "$FIXTURES/enrol/." .
chmod 600 people/participants.yaml
cp "$HOOK" .git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
printf '# Ring Kari på 912 34 567.\n' >>courses/matlaging/course.yaml
git add -A
run git commit -q -m "Kurs"
is_rc 1 "a tree at the top: refused"
is_err "with paths from the top" <<OUT
courses/matlaging/course.yaml:33:16: error: this looks like a phone number: personal data does not belong in a file that goes to git [privacy]
lms: 1 error
$REFUSED
OUT
is_commits 0 "no commit is made"

done_testing
