/*
 * runstat: how long a command takes and how much memory it needs.
 *
 *   runstat [-n RUNS] [-s STATUS] [-o FILE] -- COMMAND ARGS...
 *
 * Runs COMMAND RUNS times (3 unless told), its stdout to /dev/null (or to
 * FILE, made anew by each run, for a caller that compares what the
 * command printed), and prints one line for scripts:
 *
 *   wall=1.234 cpu=1.800 maxrss_mib=12.3
 *
 * wall is the median of the runs' wall-clock times in seconds, cpu the
 * median of their user and system time together, maxrss_mib the largest
 * peak resident set of any run (the child's own rusage from wait4, so
 * that runstat's memory is not counted).  Exits 1 if any run
 * fails (exits with more than STATUS, 0 unless told: lms check exits 1
 * when it finds errors, which is its work done), 2 on a usage error.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_RUNS 1000

static int ok_status;		/* the largest exit status of a success */
static const char *out_path = "/dev/null";	/* the command's stdout */

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int usage(void)
{
	fputs("usage: runstat [-n RUNS] [-s STATUS] [-o FILE] -- COMMAND "
	      "ARGS...\n", stderr);
	return 2;
}

static void child(char **argv)
{
	int fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);

	if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0) {
		fprintf(stderr, "runstat: %s: %s\n", out_path, strerror(errno));
		_exit(127);
	}
	execvp(argv[0], argv);
	fprintf(stderr, "runstat: cannot run '%s': %s\n", argv[0],
		strerror(errno));
	_exit(127);
}

static double seconds(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

/* One run: its wall time into *wall, its user and system time into *cpu,
 * its peak memory into *kib. */
static int run_once(char **argv, double *wall, double *cpu, long *kib)
{
	struct rusage ru;
	double start = now();
	int status;
	pid_t pid = fork();

	if (pid < 0) {
		perror("runstat: fork");
		return -1;
	}
	if (pid == 0)
		child(argv);
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("runstat: wait4");
			return -1;
		}
	}
	*wall = now() - start;
	*cpu = seconds(ru.ru_utime) + seconds(ru.ru_stime);
	*kib = ru.ru_maxrss;	/* kilobytes on Linux and the BSDs */
	if (WIFEXITED(status) && WEXITSTATUS(status) <= ok_status)
		return 0;
	if (WIFEXITED(status))
		fprintf(stderr, "runstat: '%s' exited with %d\n", argv[0],
			WEXITSTATUS(status));
	else
		fprintf(stderr, "runstat: '%s' was killed by signal %d\n",
			argv[0], WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	return -1;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, long n)
{
	qsort(v, (size_t)n, sizeof(*v), by_value);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
	static double walls[MAX_RUNS], cpus[MAX_RUNS];
	long runs = 3, kib, max_kib = 0;
	char *end;
	int i = 1;

	if (i + 1 < argc && !strcmp(argv[i], "-n")) {
		runs = strtol(argv[i + 1], &end, 10);
		if (!*argv[i + 1] || *end || runs < 1 || runs > MAX_RUNS)
			return usage();
		i += 2;
	}
	if (i + 1 < argc && !strcmp(argv[i], "-s")) {
		ok_status = (int)strtol(argv[i + 1], &end, 10);
		if (!*argv[i + 1] || *end || ok_status < 0 || ok_status > 255)
			return usage();
		i += 2;
	}
	if (i + 1 < argc && !strcmp(argv[i], "-o")) {
		if (!*argv[i + 1])
			return usage();
		out_path = argv[i + 1];
		i += 2;
	}
	if (i + 1 >= argc || strcmp(argv[i], "--"))
		return usage();
	for (long r = 0; r < runs; r++) {
		if (run_once(argv + i + 1, &walls[r], &cpus[r], &kib) < 0)
			return 1;
		if (kib > max_kib)
			max_kib = kib;
	}
	printf("wall=%.3f cpu=%.3f maxrss_mib=%.1f\n", median(walls, runs),
	       median(cpus, runs), (double)max_kib / 1024);
	return 0;
}
