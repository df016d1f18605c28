#ifndef LMS_FINDINGS_H
#define LMS_FINDINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/*
 * What lms check finds: each finding has a place, a severity, the rule
 * that found it and a message, and is printed as a compiler prints a
 * diagnostic, "path:line:col: error: message [rule]".
 */
enum lms_rule {
	LMS_RULE_SCHEMA, LMS_RULE_DATES, LMS_RULE_REFERENCES,
	LMS_RULE_CONFLICTS, LMS_RULE_CAPACITY, LMS_RULE_PARTICIPATION,
	LMS_RULE_PRIVACY, LMS_RULE_HOLIDAYS, LMS_RULE_CATALOG,
	LMS_RULE_AVAILABILITY, LMS_RULE_FEES, LMS_NRULES
};
#define LMS_ALL_RULES ((1u << LMS_NRULES) - 1)

/* "schema", "dates", ...: the names of the rules in enum order, then
 * NULL. */
extern const char *const lms_rule_names[];

enum lms_severity { LMS_WARNING, LMS_ERROR };
extern const char *const lms_severity_names[];

/* 32 bytes on 64-bit: a check of a national tree holds 200,000. */
struct lms_finding {
	char *path;
	char *msg;			/* in the block of path */
	unsigned line, col;		/* 1-based; 0 when the file has none */
	uint32_t seq;			/* its place among them, which the
					 * sort keeps for those at one place */
	unsigned char severity;		/* enum lms_severity */
	unsigned char rule;		/* enum lms_rule */
};

/* A run of findings in the temporary file: where it starts, how many. */
struct lms_findings_run {
	int64_t at;
	size_t n;
};

struct lms_findings {
	struct lms_finding *v;		/* those held in memory */
	size_t n;
	unsigned rules;			/* bit per rule: those to report */
	/*
	 * Past held_max bytes held (0, as init leaves it: never), v goes
	 * sorted to a temporary file in tmpdir (NULL: /tmp) as a run, and
	 * lms_findings_each merges the runs, as the bookings do
	 * (conflicts.h): a check of a national tree finds 200,000, most of
	 * its memory.
	 */
	size_t held, held_max;
	const char *tmpdir;
	FILE *spill;
	int64_t spill_len;		/* bytes written to it */
	struct lms_findings_run *runs;
	size_t nruns;
	size_t spilled[2];		/* by severity */
	int spill_err;			/* the first error of the file */
};

/* The held_max of lms check. */
#define LMS_FINDINGS_HELD ((size_t)8 << 20)

void lms_findings_init(struct lms_findings *f, unsigned rules);
void lms_findings_release(struct lms_findings *f);

/* Adds a finding, unless its rule is not among f->rules. */
void lms_finding(struct lms_findings *f, enum lms_rule rule,
		 enum lms_severity severity, const char *path, unsigned line,
		 unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
/* Moves every finding of from to the end of to; from is left empty. */
void lms_findings_move(struct lms_findings *to, struct lms_findings *from);
/* Those held, by path, line and column, in place; findings at one
 * place keep their order. */
void lms_findings_sort(struct lms_findings *f);
/*
 * Calls each with every finding in the order of lms_findings_sort, those
 * of the runs merged with those held (sorted first), and frees each once
 * each has seen it: f is left empty.  Stops at the first non-zero that
 * each returns, and returns it; LMS_EIO if the temporary file could not
 * be written or read.
 */
int lms_findings_each(struct lms_findings *f,
		      int (*each)(void *arg, const struct lms_finding *x),
		      void *arg);
/* How many of severity there are, held and in runs. */
size_t lms_findings_count(const struct lms_findings *f,
			  enum lms_severity severity);

#endif
