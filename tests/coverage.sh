#!/bin/sh
# Prints the line coverage of lib/ by the unit tests alone, file by file
# (the files with the most lines not reached first) and in total.
#
#   tests/coverage.sh BUILD-DIR
#
# BUILD-DIR holds lib's objects compiled with --coverage and the .gcda
# files the unit tests left there (make coverage does both).
set -eu
build=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lms-coverage.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

for src in lib/*/*.c; do
	obj=$build/${src%.c}.o
	[ -e "$obj" ] || continue
	# gcov -n prints "File 'x.c'" and "Lines executed:P% of N".
	gcov -n -o "$(dirname "$obj")" "$src" 2>/dev/null |
		awk -v src="$src" '
			$0 == "File '\''" src "'\''" { mine = 1; next }
			/^File / { mine = 0 }
			mine && /^Lines executed:/ {
				split($0, a, /[:% ]+/)
				print src, a[3], a[5]
				exit
			}
			mine && /^No executable lines/ { exit }'
done >"$tmp/files"

echo "missed  lines  file (the 20 with the most lines not reached)"
awk '{ r = int($2 * $3 / 100 + 0.5); printf "%6d %6d  %s\n", $3 - r, $3, $1 }' \
	"$tmp/files" | sort -k1,1nr -k3 | head -n 20
awk '{ r = int($2 * $3 / 100 + 0.5); all += $3; hit += r }
END {
	printf "lib/: %.1f %% of %d lines reached by the unit tests\n",
	       all ? 100 * hit / all : 0, all
}' "$tmp/files"
