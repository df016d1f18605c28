# lms: one non-recursive Makefile.  `make` builds ./lms; `make check` runs
# every test; `make demo` runs lms on examples/; `make fuzz` runs the
# fuzzers.  They install what is missing first (make deps, make fuzz-deps).
# `make pot` extracts the messages to translate into po/lms.pot and merges
# them into each po/LANG.po.

VERSION = 0.1.0
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
LOCALEDIR ?= $(PREFIX)/share/locale
DESTDIR ?=

CC ?= cc
CFLAGS ?= -O2 -g
# Warnings come after the user's CFLAGS so that they cannot be dropped.
WARNINGS = -std=c11 -Wall -Wextra -Wstrict-prototypes -Wmissing-prototypes \
	   -Wvla -Wwrite-strings
ifdef WERROR
WARNINGS += -Werror
endif

PKG_CONFIG ?= pkg-config
# The tests and the bench use Debian's Python, which make deps equips
# with python3-yaml and python3-icalendar.
PYTHON ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
YAML_CFLAGS := $(shell $(PKG_CONFIG) --cflags yaml-0.1 2>/dev/null)
YAML_LIBS := $(shell $(PKG_CONFIG) --libs yaml-0.1 2>/dev/null || echo -lyaml)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)
CSV_LIBS = -lcsv
# liburing: lms reads a walk's small files a few dozen at a time
# (lib/io/ahead.h), and as before where the kernel has no io_uring.
URING_CFLAGS := $(shell $(PKG_CONFIG) --cflags liburing 2>/dev/null)
URING_LIBS := $(shell $(PKG_CONFIG) --libs liburing 2>/dev/null || echo -luring)
# gettext's tools: msgfmt checks and compiles the translations, xgettext
# and msgmerge keep po/ up to date with the sources.
MSGFMT ?= msgfmt
XGETTEXT ?= xgettext
MSGMERGE ?= msgmerge
MSGCMP ?= msgcmp

# Sanitizer builds live in their own folder so that objects never mix.
ifdef SANITIZE
BUILD = build/sanitize
SAN_FLAGS = -fsanitize=$(SANITIZE) -fno-omit-frame-pointer \
	    -fno-sanitize-recover=all
LMS = $(BUILD)/lms
else
BUILD = build/default
SAN_FLAGS =
LMS = ./lms
endif

# lib's headers are included by their names alone, from every folder.
ALL_CPPFLAGS = -D_DEFAULT_SOURCE -D_FILE_OFFSET_BITS=64 \
	       -DLMS_VERSION='"$(VERSION)"' -I$(BUILD) $(LIB_DIRS:%=-I%) \
	       $(YAML_CFLAGS) $(URING_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS = $(CFLAGS) $(WARNINGS) $(SAN_FLAGS) -MMD -MP
ALL_LDFLAGS = $(LDFLAGS) $(SAN_FLAGS)
LIBS = $(YAML_LIBS) $(CSV_LIBS) $(URING_LIBS) -lm -pthread

# lib in layers, each using only those before it (see HACKING.md and
# tests/layers.sh).
LAYERS = base io yaml model store ops render report check
LIB_DIRS = $(LAYERS:%=lib/%)
LIB_SRC = $(sort $(wildcard $(LIB_DIRS:%=%/*.c)))
CMD_SRC = $(sort $(wildcard cmd/*.c))
SKEL_DIR = lib/store/skel
SKEL = $(SKEL_DIR)/.gitignore $(SKEL_DIR)/lms.yaml \
       $(SKEL_DIR)/people/facilitators.yaml $(SKEL_DIR)/offers.yaml \
       $(sort $(wildcard $(SKEL_DIR)/forms/*.yaml $(SKEL_DIR)/templates/*.yaml))
# The translations, each built into lms (lib/base/i18n.h) and installed as a
# catalogue for gettext's tools.
LINGUAS = nb
MO = $(LINGUAS:%=$(BUILD)/po/%.mo)
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/skel.o $(BUILD)/catalog.o
CMD_OBJ = $(CMD_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# Programs that the end-to-end tests run besides lms.
TOOL_SRC = $(sort $(wildcard tests/tools/*.c))
TOOL_BIN = $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tests/tools/%)
# The programs of the bench, and opens.so, the shim that counts the files a
# command opens (a shared library, not a program).
BENCH_SRC = $(filter-out bench/opens.c,$(sort $(wildcard bench/*.c)))
BENCH_BIN = $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%) $(BUILD)/bench/opens.so
MAN1 = $(sort $(wildcard man/*.1))
MAN5 = $(sort $(wildcard man/*.5))

# YAML readers besides lms, which the tests hold its files to: PyYAML,
# ruamel.yaml and go-yaml v3 (the parser of the Go yq).
DEB_PACKAGES = gcc make pkg-config libyaml-dev libcsv-dev libcmocka-dev \
	       liburing-dev mandoc perl git gettext python3 python3-yaml \
	       python3-icalendar python3-ruamel.yaml golang-go \
	       golang-gopkg-yaml.v3-dev

# The fuzzers (fuzz/): libFuzzer harnesses built by clang with
# AddressSanitizer and UndefinedBehaviorSanitizer, against the library
# compiled the same way in a folder of its own.  libclang-rt-dev holds
# libFuzzer's runtime.
FUZZ_PACKAGES = clang libclang-rt-dev
FUZZ_CC ?= clang
FUZZ_CFLAGS ?= -O1 -g
FUZZ_SECONDS ?= 60
FUZZ_BUILD = build/fuzz
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all \
	   -fno-omit-frame-pointer
FUZZ_ALL_CFLAGS = $(FUZZ_CFLAGS) $(WARNINGS) $(FUZZ_SAN) -MMD -MP
FUZZ_SRC = $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BIN = $(FUZZ_SRC:fuzz/%.c=$(FUZZ_BUILD)/%)
FUZZ_LIB_OBJ = $(LIB_SRC:%.c=$(FUZZ_BUILD)/%.o) $(FUZZ_BUILD)/skel.o \
	       $(FUZZ_BUILD)/catalog.o
FUZZ_COMMON = $(FUZZ_BUILD)/fuzz/common.o

.PHONY: all deps axe html-checkers check unit cli lint-man demo bench install uninstall clean \
	fuzz fuzz-deps fuzz-build pot po-check layers coverage FORCE
.DEFAULT_GOAL := all

all: $(LMS) $(MO)

$(BUILD)/lms: $(CMD_OBJ) $(BUILD)/liblms.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

ifndef SANITIZE
# Replaced by rename, so that a running ./lms does not block the build.
./lms: $(BUILD)/lms
	cp $< $@.tmp && mv -f $@.tmp $@
endif

$(BUILD)/liblms.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# Where lms looks for its manual: written on every run, as git writes
# GIT-PREFIX, but replaced only when the paths change, so that
# `make install PREFIX=...` after `make` rebuilds what uses them and a
# plain `make` rebuilds nothing.
$(BUILD)/paths.h: FORCE
	@mkdir -p $(@D)
	@{ printf '#define LMS_BINDIR "%s"\n' '$(subst ','\'',$(BINDIR))'; \
	   printf '#define LMS_MANDIR "%s"\n' '$(subst ','\'',$(MANDIR))'; \
	 } >$@.tmp
	@if cmp -s $@ $@.tmp; then rm -f $@.tmp; else mv -f $@.tmp $@; fi

$(BUILD)/cmd/help.o: $(BUILD)/paths.h

# The skeleton files of `lms init`, as C strings.
$(BUILD)/skel.c $(FUZZ_BUILD)/skel.c: $(SKEL) Makefile
	@mkdir -p $(@D)
	{ echo '#include "skel.h"'; \
	  echo 'const struct lms_skel lms_skel_files[] = {'; \
	  for f in $(SKEL); do \
	    printf '{ "%s",\n' "$${f#$(SKEL_DIR)/}"; \
	    sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' "$$f"; \
	    echo '},'; \
	  done; \
	  echo '{ 0, 0 } };'; } > $@

$(BUILD)/skel.o: $(BUILD)/skel.c
	$(CC) $(ALL_CPPFLAGS) -I. $(ALL_CFLAGS) -c -o $@ $<

# The translations: msgfmt --check refuses a translation whose printf
# directives differ from its message's; the catalogue lms looks messages
# up in is made from what it compiled (fuzzy translations left out).
$(BUILD)/po/%.mo: po/%.po
	@mkdir -p $(@D)
	$(MSGFMT) --check -o $@ $<

$(FUZZ_BUILD)/po/%.mo: po/%.po
	@mkdir -p $(@D)
	$(MSGFMT) --check -o $@ $<

$(BUILD)/catalog.c $(FUZZ_BUILD)/catalog.c: %/catalog.c: %/po/nb.mo po/mo2c.py
	$(PYTHON) po/mo2c.py nb $< >$@.tmp && mv -f $@.tmp $@

$(BUILD)/catalog.o: $(BUILD)/catalog.c
	$(CC) $(ALL_CPPFLAGS) -I. $(ALL_CFLAGS) -c -o $@ $<

# Every message marked for translation in the sources (lib/base/i18n.h), with
# the comments for translators before it; locations name files only, so
# that the template changes when messages do, not when lines move.
I18N_SRC = $(sort $(wildcard $(LIB_DIRS:%=%/*.[ch]) cmd/*.h cmd/*.c))
XGETTEXT_FLAGS = --from-code=UTF-8 --language=C -k -k_ -kN_ -kC_:1c,2 \
	-kNC_:1c,2 -klms_n_:1,2 --flag=lms_n_:1:c-format \
	--flag=lms_n_:2:c-format --add-comments=TRANSLATORS: \
	--add-location=file --package-name=lms --package-version=$(VERSION) \
	--copyright-holder='lms developers' --msgid-bugs-address=

pot:
	$(XGETTEXT) $(XGETTEXT_FLAGS) -o po/lms.pot $(I18N_SRC)
	for l in $(LINGUAS); do \
	  $(MSGMERGE) --quiet --update --backup=none po/$$l.po po/lms.pot || exit; \
	done

# Every marked message is in po/lms.pot (it is made again and compared,
# but for its date), and each po/LANG.po translates every one of them,
# none fuzzy.
po-check:
	@mkdir -p $(BUILD)/po
	@$(XGETTEXT) $(XGETTEXT_FLAGS) -o $(BUILD)/po/lms.pot $(I18N_SRC) 2>/dev/null
	@sed '/^"POT-Creation-Date: /d' po/lms.pot >$(BUILD)/po/committed.pot
	@sed -i '/^"POT-Creation-Date: /d' $(BUILD)/po/lms.pot
	@diff -u $(BUILD)/po/committed.pot $(BUILD)/po/lms.pot || { \
	  echo "po/lms.pot is not up to date: run make pot and translate" \
	       "what is new in po/*.po" >&2; exit 1; }
	@for l in $(LINGUAS); do \
	  $(MSGCMP) --use-untranslated po/$$l.po po/lms.pot || exit; \
	  stats=$$(LC_ALL=C $(MSGFMT) --check --statistics -o /dev/null \
		   po/$$l.po 2>&1) || { echo "$$stats" >&2; exit 1; }; \
	  echo "po/$$l.po: $$stats"; \
	  case $$stats in \
	  *fuzzy*|*untranslated*) \
	    echo "po/$$l.po: translate every message, none fuzzy" >&2; \
	    exit 1;; \
	  esac; \
	done

# Tests that fake failures of system calls wrap them at link time.
$(BUILD)/tests/test_fsio: TEST_LDFLAGS = -Wl,--wrap=fsync -Wl,--wrap=renameat \
	-Wl,--wrap=getdents64
$(BUILD)/tests/test_txn: TEST_LDFLAGS = -Wl,--wrap=fsync -Wl,--wrap=renameat \
	-Wl,--wrap=unlinkat

$(BUILD)/tests/%: tests/unit/%.c tests/unit/test.h $(BUILD)/liblms.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(CMOCKA_CFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) \
		$(TEST_LDFLAGS) -o $@ $< $(BUILD)/liblms.a $(CMOCKA_LIBS) $(LIBS)

# The crash tests stop lms at each call that changes a file (LD_PRELOAD).
# It is built without sanitizers: it runs inside whatever lms is.
CRASHPOINT = $(BUILD)/tests/crashpoint.so
$(CRASHPOINT): tests/crash/crashpoint.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARNINGS) -fPIC -shared -o $@ $< -ldl

$(BUILD)/tests/tools/%: tests/tools/%.c $(BUILD)/liblms.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< \
		$(BUILD)/liblms.a $(LIBS)

# Like the crash point: preloaded into lms, so without the sanitizers.
$(BUILD)/bench/opens.so: bench/opens.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARNINGS) -fPIC -shared -o $@ $< -ldl

$(BUILD)/bench/%: bench/%.c $(BUILD)/liblms.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< \
		$(BUILD)/liblms.a $(LIBS)

# Installs the Debian packages of the list $(1) that are missing; a no-op
# otherwise.
define install_missing
	@missing=; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' \
	    || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  sudo=; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	  $$sudo apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -q $$missing; \
	fi
endef

deps:
	$(call install_missing,$(DEB_PACKAGES))

fuzz-deps:
	$(call install_missing,$(FUZZ_PACKAGES))

check: deps html-checkers
	$(MAKE) unit cli lint-man po-check layers

# The checkers of the HTML lms writes, from npm into the build: axe-core,
# the accessibility checker that tests/cli/catalog.t runs in Chromium, and
# html-validate, which the tests run on every kind of page (html_valid in
# tests/cli/lib.sh).  Without npm or a network those tests are skipped.
AXE_JS = build/npm/node_modules/axe-core/axe.min.js
HTML_VALIDATE = build/npm/node_modules/.bin/html-validate
html-checkers: $(AXE_JS) $(HTML_VALIDATE)
axe: html-checkers
$(AXE_JS) $(HTML_VALIDATE):
	@if command -v npm >/dev/null 2>&1; then \
	  npm install --prefix build/npm --no-audit --no-fund axe-core@4 \
	    html-validate@8 || \
	  echo "the HTML checkers could not be installed: their tests will be skipped"; \
	else echo "npm is missing: the HTML checkers' tests will be skipped"; fi

# No file of lib/ includes a header of a layer above its own.
layers:
	@sh tests/layers.sh $(LAYERS)

# The line coverage of lib/ by the unit tests alone, in a build of its own.
coverage:
	$(MAKE) BUILD=build/coverage CFLAGS='-O0 -g --coverage' \
		LDFLAGS=--coverage build/coverage/lms-unit-stamp
	@sh tests/coverage.sh build/coverage

build/coverage/lms-unit-stamp: FORCE
	@find build/coverage -name '*.gcda' -delete 2>/dev/null || true
	@$(MAKE) --no-print-directory BUILD=build/coverage \
		CFLAGS='-O0 -g --coverage' LDFLAGS=--coverage unit >/dev/null

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; $$t; done

# The CLI tests, the longest first: prove -j2 starts them in this order, so
# that no long one is left to run alone at the end.
CLI_FIRST = install completion concurrency yaml-readers outputs crash \
	    report-agg catalog attend bench
CLI_TESTS = $(CLI_FIRST:%=tests/cli/%.t) \
	    $(filter-out $(CLI_FIRST:%=tests/cli/%.t),$(sort $(wildcard tests/cli/*.t)))

cli: $(LMS) $(CRASHPOINT) $(TOOL_BIN) $(BENCH_BIN)
	LMS=$(abspath $(LMS)) CRASHPOINT=$(abspath $(CRASHPOINT)) \
		TOOLS=$(abspath $(BUILD)/tests/tools) PYTHON=$(PYTHON) \
		BENCH_BIN=$(abspath $(BUILD)/bench) \
		GEN=$(abspath $(BUILD)/bench/gen) \
		AXE=$(abspath $(AXE_JS)) \
		LMS_SANITIZE=$(SANITIZE) prove -j2 $(PROVE_FLAGS) $(CLI_TESTS)

lint-man:
	mandoc -Tlint -Wwarning $(MAN1) $(MAN5)

demo: deps
	$(MAKE) all
	LMS=$(abspath $(LMS)) sh examples/demo.sh

bench: deps
	$(MAKE) all $(BENCH_BIN)
	LMS=$(abspath $(LMS)) BENCH_BIN=$(abspath $(BUILD)/bench) \
		PYTHON=$(PYTHON) sh bench/run.sh

# Each harness runs FUZZ_SECONDS on its corpus (build/fuzz/corpus/NAME,
# which grows from run to run, and the seeds made from examples/); a
# failure names the input that reproduces it.
fuzz: deps fuzz-deps
	$(MAKE) fuzz-build
	sh fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_BIN)

fuzz-build: $(FUZZ_BIN)
	sh fuzz/seeds.sh $(FUZZ_BUILD)/seeds

$(FUZZ_BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_ALL_CFLAGS) -fsanitize=fuzzer-no-link \
		-c -o $@ $<

$(FUZZ_BUILD)/skel.o: $(FUZZ_BUILD)/skel.c
	$(FUZZ_CC) $(ALL_CPPFLAGS) -I. $(FUZZ_ALL_CFLAGS) \
		-fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/catalog.o: $(FUZZ_BUILD)/catalog.c
	$(FUZZ_CC) $(ALL_CPPFLAGS) -I. $(FUZZ_ALL_CFLAGS) \
		-fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/liblms.a: $(FUZZ_LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(FUZZ_BIN): $(FUZZ_COMMON) $(FUZZ_BUILD)/liblms.a

$(FUZZ_BUILD)/fuzz_%: fuzz/fuzz_%.c
	$(FUZZ_CC) $(ALL_CPPFLAGS) $(FUZZ_ALL_CFLAGS) -fsanitize=fuzzer \
		-o $@ $< $(FUZZ_COMMON) $(FUZZ_BUILD)/liblms.a $(LIBS)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(LMS) $(DESTDIR)$(BINDIR)/lms
	install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	install -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5/
	install -m 644 completion/lms.bash $(DESTDIR)$(BASHCOMPDIR)/lms
	for l in $(LINGUAS); do \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	  install -m 644 $(BUILD)/po/$$l.mo \
		$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/lms.mo || exit; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/lms
	rm -f $(MAN1:man/%=$(DESTDIR)$(MANDIR)/man1/%)
	rm -f $(MAN5:man/%=$(DESTDIR)$(MANDIR)/man5/%)
	rm -f $(DESTDIR)$(BASHCOMPDIR)/lms
	rm -f $(LINGUAS:%=$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES/lms.mo)

clean:
	rm -rf build lms

-include $(LIB_OBJ:.o=.d) $(CMD_OBJ:.o=.d)
-include $(FUZZ_LIB_OBJ:.o=.d) $(FUZZ_BIN:=.d) $(FUZZ_COMMON:.o=.d)
