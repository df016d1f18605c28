/*
 * Compares the fast path for the YAML lms writes (lib/yaml/scan.h) with
 * libyaml on every *.yaml file under the folders given, and times each
 * over the same files, read into memory first:
 *
 *   scancmp [-v] DIR...
 *
 * prints each file where the two differ (with what differs), with -v
 * each file the fast path leaves to libyaml, and then
 *
 *   files=N events=N fast=N differences=N
 *   libyaml=SECONDS scanner=SECONDS ratio=R
 *
 * where fast is the number of files the fast path took (libyaml reads
 * the others), events counts libyaml's events and ratio is libyaml's
 * time over the scanner's.  Exits 1 if any file differs.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <yaml.h>

#include "alloc.h"
#include "buf.h"
#include "scan.h"

static bool verbose;

struct totals {
	unsigned long long files, events, fast, differences;
	double libyaml, scanner;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct lms_buf b = LMS_BUF_INIT;
	char chunk[65536];
	size_t n;

	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		lms_buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return lms_buf_detach(&b);
}

/* libyaml's event parser over the text, as lms used to read every file. */
static void time_libyaml(const char *text, size_t len, double *total)
{
	yaml_parser_t y;
	yaml_event_t ev;
	double start = now();
	bool done = false;

	if (!yaml_parser_initialize(&y))
		abort();
	yaml_parser_set_input_string(&y, (const unsigned char *)text, len);
	while (!done && yaml_parser_parse(&y, &ev)) {
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&y);
	*total += now() - start;
}

/* The fast path, and libyaml after it when it gives up, as lms reads. */
static void time_scanner(const char *text, size_t len, struct totals *t)
{
	struct lms_scan s;
	double start = now();
	int err = lms_scan_text(&s, text, len, NULL);

	lms_scan_release(&s);
	t->scanner += now() - start;
	if (err)
		time_libyaml(text, len, &t->scanner);
}

static void compare(const char *path, struct totals *t)
{
	struct lms_buf why = LMS_BUF_INIT;
	size_t len, events;
	char *text = slurp(path, &len);
	int r;

	if (!text) {
		fprintf(stderr, "scancmp: cannot read %s\n", path);
		exit(2);
	}
	time_libyaml(text, len, &t->libyaml);
	time_scanner(text, len, t);
	r = lms_scan_compare(text, len, &events, &why);
	t->files++;
	t->events += events;
	t->fast += r == 1;
	if (r == 0 && verbose)
		printf("%s: libyaml\n", path);
	if (r < 0) {
		t->differences++;
		printf("%s: differs\n%s", path, why.buf ? why.buf : "");
	}
	lms_buf_release(&why);
	free(text);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.yaml under dir, in the order of their names. */
static void walk(const char *dir, struct totals *t)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0;

	if (!d) {
		fprintf(stderr, "scancmp: cannot open %s\n", dir);
		exit(2);
	}
	while ((de = readdir(d)))
		if (de->d_name[0] != '.')
			*(char **)lms_array_push(&names, &n, sizeof(char *)) =
				lms_strdup(de->d_name);
	closedir(d);
	lms_array_sort(names, n, sizeof(char *), by_name);
	for (size_t i = 0; i < n; i++) {
		struct lms_buf path = LMS_BUF_INIT;
		size_t len = strlen(names[i]);
		struct stat st;

		lms_buf_addf(&path, "%s/%s", dir, names[i]);
		if (stat(path.buf, &st))
			;
		else if (S_ISDIR(st.st_mode))
			walk(path.buf, t);
		else if (S_ISREG(st.st_mode) && len > 5 &&
			 !strcmp(names[i] + len - 5, ".yaml"))
			compare(path.buf, t);
		lms_buf_release(&path);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	struct totals t = { 0 };

	int i = 1;

	if (argc > 1 && !strcmp(argv[1], "-v")) {
		verbose = true;
		i++;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: scancmp [-v] DIR...\n");
		return 2;
	}
	for (; i < argc; i++)
		walk(argv[i], &t);
	printf("files=%llu events=%llu fast=%llu differences=%llu\n",
	       t.files, t.events, t.fast, t.differences);
	printf("libyaml=%.3f scanner=%.3f ratio=%.2f\n", t.libyaml,
	       t.scanner, t.scanner > 0 ? t.libyaml / t.scanner : 0.0);
	return t.differences ? 1 : 0;
}
