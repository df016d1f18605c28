/*
 * floor: the least that any reader of a tree must do, to measure lms
 * against.
 *
 *   floor DIR [--name FILE]...
 *   floor DIR --stat --name FILE...
 *
 * Walks DIR and, for every regular file whose base name is one of the
 * --name arguments (every *.yaml without them), reads the file whole into
 * memory and runs libyaml's event parser over it, the way lms reads its
 * files, and does nothing with the events.  Prints
 *
 *   files=N bytes=N events=N walk=SECONDS parse=SECONDS
 *
 * The walk is timed apart from the reading and parsing because it visits
 * folders that lms need not list (lms goes straight to
 * courses/<id>/course.yaml): parse= alone is the lower bound.
 *
 * With --stat, the floor of a warm run instead: the stats that the index
 * of the tree needs to tell that nothing changed (HACKING.md, "The index
 * of the tree").  For every folder of DIR/courses it stats the folder and
 * each named file that is there, on one thread, and prints
 *
 *   folders=N stats=N stat=SECONDS
 *
 * Which files are there is learnt first, untimed: a missing file needs no
 * stat of its own while its folder is as it was.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>

struct paths {
	char **v;
	size_t n, alloc;
};

struct totals {
	unsigned long long files, bytes, events;
};

static _Noreturn void die(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static _Noreturn void die(const char *fmt, ...)
{
	va_list ap;

	fputs("floor: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *xrealloc(void *p, size_t size)
{
	if (!(p = realloc(p, size)))
		die("out of memory");
	return p;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool wanted(const char *base, char **names, size_t nnames)
{
	size_t len = strlen(base);

	if (!nnames)
		return len > 5 && !strcmp(base + len - 5, ".yaml");
	for (size_t i = 0; i < nnames; i++)
		if (!strcmp(base, names[i]))
			return true;
	return false;
}

static char *join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	char *s = xrealloc(NULL, a + b + 2);

	memcpy(s, dir, a);
	s[a] = '/';
	memcpy(s + a + 1, name, b + 1);
	return s;
}

static void add_path(struct paths *p, char *path)
{
	if (p->n == p->alloc) {
		p->alloc = p->alloc ? p->alloc * 2 : 1024;
		p->v = xrealloc(p->v, p->alloc * sizeof(*p->v));
	}
	p->v[p->n++] = path;
}

static void paths_free(struct paths *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
}

/* d_type saves a stat per entry where the file system reports it. */
static int entry_type(const char *path, const struct dirent *e)
{
	struct stat st;

	if (e->d_type != DT_UNKNOWN)
		return e->d_type;
	if (lstat(path, &st) < 0)
		return DT_UNKNOWN;
	return S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG :
	       DT_UNKNOWN;
}

static void walk(const char *dir, char **names, size_t nnames,
		 struct paths *out)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		die("cannot open '%s': %s", dir, strerror(errno));
	while ((e = readdir(d))) {
		char *path;
		int type;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		path = join(dir, e->d_name);
		type = entry_type(path, e);
		if (type == DT_DIR) {
			walk(path, names, nnames, out);
		} else if (type == DT_REG && wanted(e->d_name, names, nnames)) {
			add_path(out, path);
			continue;
		}
		free(path);
	}
	closedir(d);
}

/* The whole file into buf, as lms reads a file before parsing it. */
static size_t read_whole(const char *path, char **buf, size_t *alloc)
{
	struct stat st;
	size_t len = 0;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || fstat(fd, &st) < 0)
		die("cannot read '%s': %s", path, strerror(errno));
	for (;;) {
		if (*alloc < len + 4096 || *alloc < (size_t)st.st_size + 1) {
			*alloc = (*alloc + 4096 + (size_t)st.st_size) * 2;
			*buf = xrealloc(*buf, *alloc);
		}
		n = read(fd, *buf + len, *alloc - len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			die("cannot read '%s': %s", path, strerror(errno));
		if (n == 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	return len;
}

static unsigned long long parse(const char *path, const char *text,
				size_t len)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	unsigned long long events = 0;
	bool end = false;

	if (!yaml_parser_initialize(&parser))
		die("out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	while (!end) {
		if (!yaml_parser_parse(&parser, &ev))
			die("%s:%zu:%zu: %s", path,
			    parser.problem_mark.line + 1,
			    parser.problem_mark.column + 1,
			    parser.problem ? parser.problem : "malformed YAML");
		end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		events++;
	}
	yaml_parser_delete(&parser);
	return events;
}

/* The paths below DIR/courses, open as *dir, of each folder and of each
 * named file in it that is there. */
static void present_files(const char *root, char **names, size_t nnames,
			  int *dir, struct paths *out, size_t *folders)
{
	char *courses = join(root, "courses");
	DIR *d = opendir(courses);
	struct dirent *e;

	if (!d || (*dir = open(courses, O_RDONLY | O_DIRECTORY)) < 0)
		die("cannot open '%s': %s", courses, strerror(errno));
	*folders = 0;
	while ((e = readdir(d))) {
		struct stat st;

		if (e->d_name[0] == '.' ||
		    fstatat(*dir, e->d_name, &st, 0) < 0 || !S_ISDIR(st.st_mode))
			continue;
		++*folders;
		for (size_t i = 0; i <= nnames; i++) {
			/* "ID", then "ID/NAME": below courses/ */
			char *path = i ? join(e->d_name, names[i - 1]) :
					 strdup(e->d_name);

			if (!path)
				die("out of memory");
			if (i && fstatat(*dir, path, &st, AT_SYMLINK_NOFOLLOW)) {
				free(path);
				continue;
			}
			add_path(out, path);
		}
	}
	closedir(d);
	free(courses);
}

static int stat_floor(const char *root, char **names, size_t nnames)
{
	struct paths paths = { NULL, 0, 0 };
	size_t folders;
	struct stat st;
	int dir;
	double t0;

	present_files(root, names, nnames, &dir, &paths, &folders);
	t0 = now();
	for (size_t i = 0; i < paths.n; i++)
		if (fstatat(dir, paths.v[i], &st, AT_SYMLINK_NOFOLLOW) < 0)
			die("cannot stat '%s': %s", paths.v[i],
			    strerror(errno));
	printf("folders=%zu stats=%zu stat=%.3f\n", folders, paths.n,
	       now() - t0);
	paths_free(&paths);
	free(names);
	close(dir);
	return 0;
}

int main(int argc, char **argv)
{
	struct paths paths = { NULL, 0, 0 };
	struct totals t = { 0, 0, 0 };
	char **names = NULL, *buf = NULL;
	size_t nnames = 0, alloc = 0;
	double t0, t1, t2;
	bool stats = false;

	if (argc < 2)
		goto usage;
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--stat")) {
			stats = true;
			continue;
		}
		if (strcmp(argv[i], "--name") || i + 1 == argc)
			goto usage;
		names = xrealloc(names, (nnames + 1) * sizeof(*names));
		names[nnames++] = argv[++i];
	}
	if (stats && !nnames)
		goto usage;
	if (stats)
		return stat_floor(argv[1], names, nnames);
	t0 = now();
	walk(argv[1], names, nnames, &paths);
	t1 = now();
	for (size_t i = 0; i < paths.n; i++) {
		size_t len = read_whole(paths.v[i], &buf, &alloc);

		t.events += parse(paths.v[i], buf, len);
		t.bytes += len;
		t.files++;
	}
	t2 = now();
	printf("files=%llu bytes=%llu events=%llu walk=%.3f parse=%.3f\n",
	       t.files, t.bytes, t.events, t1 - t0, t2 - t1);
	paths_free(&paths);
	free(names);
	free(buf);
	return 0;
usage:
	fputs("usage: floor DIR [--name FILE]...\n"
	      "       floor DIR --stat --name FILE...\n", stderr);
	return 2;
}
