/*
 * gen: writes a national-scale service tree for the benchmarks.
 *
 *   gen DIR [--municipalities N] [--courses N] [--seed S]
 *
 * Every municipality runs the same number of courses, so the defaults (428
 * municipalities, 125 courses each) give 53,500 courses.  The same seed
 * gives the same bytes: each course draws from its own generator, seeded
 * from the seed and the course's number, not from rand().  Nobody in the
 * tree is real: participants are random ids and facilitators are called
 * "Fasilitator 017".
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "date.h"

/* Courses before this day have been held; it is fixed so that the tree
 * does not depend on the day it was generated. */
#define REF_Y 2026
#define REF_M 2
#define REF_D 1
/* First sessions fall in the REF_BEFORE days before REF and REF_AFTER
 * after, so that most courses are completed and some running or open. */
#define REF_BEFORE 1000
#define REF_AFTER 90

#define MAX_PEOPLE 64
#define MAX_SESSIONS 12
/* Municipality numbers are county * 100 + k, with k from 1 to this. */
#define PER_COUNTY 24

static _Noreturn void die(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static _Noreturn void die(const char *fmt, ...)
{
	va_list ap;

	fputs("gen: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* splitmix64: small, fast, and good enough to draw test data. */
struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static struct rng rng_for(uint64_t seed, uint64_t stream)
{
	struct rng r = { seed * 0x2545f4914f6cdd1du + stream };

	rng_next(&r);
	return r;
}

/* A number from 0 to n - 1 (the bias of % is far below what matters). */
static unsigned below(struct rng *r, unsigned n)
{
	return (unsigned)(rng_next(r) % n);
}

static unsigned between(struct rng *r, unsigned lo, unsigned hi)
{
	return lo + below(r, hi - lo + 1);
}

static bool chance(struct rng *r, unsigned percent)
{
	return below(r, 100) < percent;
}

/* What a course is about; the weights say how common each kind is. */
struct kind {
	const char *title;
	const char *topics;
	const char *groups;
	bool diagnosis_independent;
	const char *follow_up;		/* NULL: none offered */
	bool drop_in;			/* headcounts instead of enrolments */
	unsigned weight;
};

static const struct kind kinds[] = {
	{ "Leve med diabetes type 2", "[diabetes, kosthold]",
	  "[patients, relatives]", false, "frisklivssentral", false, 10 },
	{ "Leve med KOLS", "[kols, fysisk-aktivitet]", "[patients, relatives]",
	  false, "likepersonsgruppe", false, 8 },
	{ "Mestringstreff", "[mestring]", "[patients, relatives]", true,
	  "selvhjelpsgruppe", false, 14 },
	{ "Kurs i mestring av nedstemthet", "[psykisk-helse]",
	  "[at-risk, patients]", false, "selvhjelpsgruppe", false, 10 },
	{ "Mestring av angst", "[psykisk-helse, angst]", "[at-risk, patients]",
	  false, "selvhjelpsgruppe", false, 6 },
	{ "Søvnskolen", "[sovn]", "[at-risk]", true, "frisklivssentral",
	  false, 6 },
	{ "Bra mat for bedre helse", "[kosthold]", "[at-risk]", true,
	  "frisklivssentral", false, 8 },
	{ "Pårørendeskole demens", "[demens]", "[relatives]", false,
	  "parorendegruppe", false, 7 },
	{ "Pårørende innen rus og psykisk helse", "[rop]", "[relatives]",
	  false, "parorendegruppe", false, 6 },
	{ "Leve med langvarige smerter", "[smerte]", "[patients]", false,
	  "likepersonsgruppe", false, 7 },
	{ "Hjertekurs", "[hjertehelse, fysisk-aktivitet]",
	  "[patients, relatives]", false, "frisklivssentral", false, 5 },
	{ "Leve med kreft", "[kreft]", "[patients, relatives]", false,
	  "likepersonsgruppe", false, 5 },
	{ "Tilbake i arbeid", "[arbeid, mestring]", "[at-risk]", true,
	  "oppfolgingssamtale", false, 4 },
	{ "Helsepedagogikk for ansatte", "[helsepedagogikk]", "[staff]", true,
	  NULL, false, 1 },
	{ "Åpent mestringstreff", "[mestring]", "[patients, relatives]", true,
	  NULL, true, 3 },
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

static const char *const places[] = {
	"Helsehuset, møterom 2", "Frisklivssentralen", "Biblioteket",
	"Treffstedet, kjøkkenet", "Kulturhuset", "Rådhuset, kantina",
	"Lærings- og mestringssenteret", "Idrettshallen, sal B",
};

static const char *const themes[] = {
	"Kunnskap om sykdommen", "Kosthold i hverdagen", "Fysisk aktivitet",
	"Søvn og hvile", "Tanker og følelser", "Stress og avspenning",
	"Kommunikasjon med helsepersonell", "Erfaringsdeling",
	"Mestring i hverdagen", "Rettigheter og tjenester",
	"Nettverk og pårørende", "Medisiner og behandling",
	"Egne ressurser", "Praktisk matlaging",
};

static const char *const topics[] = {
	"diabetes", "kols", "mestring", "psykisk-helse", "kosthold", "sovn",
	"demens", "rop", "smerte", "kreft", "hjertehelse", "fysisk-aktivitet",
};

static const char *const comments[] = {
	"Mer praksis, takk", "Fint å møte andre i samme situasjon",
	"For mye teori denne gangen", "Gode pauser", "Lokalet var for lite",
	"Ønsker flere samlinger", "Nyttig å høre brukerrepresentantens erfaring",
};

static const char *const starts[] = { "10:00", "11:00", "12:00", "17:00",
				      "18:00" };

/* The forms: their items are what the evaluations answer. */
struct item {
	const char *id;
	const char *text;
	bool reverse;
	bool is_text;
};

static const struct item mestringstro_items[] = {
	{ "hverdagen", "Jeg har tro på at jeg kan mestre hverdagen med de "
	  "helseutfordringene jeg har", false, false },
	{ "hjelp", "Jeg vet hvor jeg kan få hjelp når jeg trenger det",
	  false, false },
	{ "mal", "Jeg klarer å sette meg små mål og følge dem opp",
	  false, false },
	{ "tilbakeslag", "Når jeg får et tilbakeslag, finner jeg en måte å "
	  "komme videre på", false, false },
	{ "ressurser", "Jeg kjenner mine egne ressurser og vet hva som gir meg "
	  "krefter", false, false },
	{ "si-fra", "Jeg klarer å si fra om det som er viktig for meg til "
	  "helsepersonell", false, false },
	{ "oppgitt", "Jeg føler meg ofte maktesløs overfor helsa mi",
	  true, false },
	{ "pavirke", "Jeg opplever at jeg selv kan påvirke hvordan jeg har det",
	  false, false },
	{ NULL, NULL, false, false }
};

static const struct item kursevaluering_items[] = {
	{ "nytte", "Innholdet var nyttig for meg", false, false },
	{ "teori-praksis", "Balansen mellom teori og praksis var god",
	  false, false },
	{ "erfaringer", "Det var tid og rom til å dele erfaringer",
	  false, false },
	{ "trygghet", "Jeg følte meg trygg i gruppa", false, false },
	{ "formidling", "Kurslederne og brukerrepresentantene formidlet godt",
	  false, false },
	{ "lokaler", "Lokalene passet godt for kurset", false, false },
	{ "kommentar", "Hva bør vi gjøre annerledes neste gang?", false, true },
	{ NULL, NULL, false, false }
};

struct form {
	const char *id;
	const char *title;
	int min, max;
	const char *labels;
	const struct item *items;
};

static const struct form mestringstro = {
	"mestringstro", "Tro på egen mestring", 1, 4,
	"[Stemmer ikke, Stemmer litt, Stemmer ganske godt, Stemmer helt]",
	mestringstro_items
};

static const struct form kursevaluering = {
	"kursevaluering", "Evaluering av kurset", 1, 5,
	"[Helt uenig, Litt uenig, Verken eller, Litt enig, Helt enig]",
	kursevaluering_items
};

enum { PARTICIPANT, RELATIVE };
enum { ENROLLED, WAITLISTED, WITHDRAWN, COMPLETED, NOT_COMPLETED };
static const char *const role_names[] = { "participant", "relative" };
static const char *const enrol_names[] = {
	"enrolled", "waitlisted", "withdrawn", "completed", "not-completed"
};
static const char *const referral_names[] = { "self", "gp", "specialist",
					      "other" };

struct person {
	char id[9];
	int role, status, referral;
	int32_t requested;
	unsigned muni;			/* index into gen.munis */
	int relative_of;		/* index of a person, or -1 */
	unsigned reliability;		/* percent of sessions attended */
	unsigned present;
	int base;			/* mestringstro level, tenths */
	bool follow_up;
};

struct session {
	int32_t date;
	const char *start;
	char end[6];
	const char *theme;
	const char *place;
	bool led_by;
};

struct course {
	struct rng r;
	char id[32];
	const struct kind *kind;
	unsigned muni;
	int status;			/* index into status_names */
	unsigned capacity;
	bool waitlist;
	const char *place;
	unsigned fac[3], nfac;
	struct session s[MAX_SESSIONS];
	unsigned ns, held;
	struct person p[MAX_PEOPLE];
	unsigned np;
};

enum { OPEN, RUNNING, COMPLETED_COURSE };
static const char *const status_names[] = { "open", "running", "completed" };

struct gen {
	const char *dir;
	unsigned nmunis, ncourses, nfacs;
	uint64_t seed;
	char (*munis)[5];
	unsigned host;
	int32_t ref;
	unsigned long long files, bytes;
	char path[PATH_MAX];
	char iobuf[1 << 16];
};

/* Files */

static FILE *create(struct gen *g, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static FILE *create(struct gen *g, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(g->path, sizeof(g->path), "%s/", g->dir);
	FILE *f;

	va_start(ap, fmt);
	vsnprintf(g->path + n, sizeof(g->path) - (size_t)n, fmt, ap);
	va_end(ap);
	if (!(f = fopen(g->path, "w")))
		die("cannot create '%s': %s", g->path, strerror(errno));
	/* One buffer for all files: most fit in it whole, so each is
	 * written with a single write(). */
	setvbuf(f, g->iobuf, _IOFBF, sizeof(g->iobuf));
	return f;
}

static void finish(struct gen *g, FILE *f)
{
	long size = ftell(f);

	if (ferror(f) || fclose(f) != 0 || size < 0)
		die("cannot write '%s': %s", g->path, strerror(errno));
	g->files++;
	g->bytes += (unsigned long long)size;
}

static void make_dir(struct gen *g, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void make_dir(struct gen *g, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(g->path, sizeof(g->path), "%s/", g->dir);

	va_start(ap, fmt);
	vsnprintf(g->path + n, sizeof(g->path) - (size_t)n, fmt, ap);
	va_end(ap);
	if (mkdir(g->path, 0777) < 0 && errno != EEXIST)
		die("cannot create '%s': %s", g->path, strerror(errno));
}

/* The tree must be new: gen never writes over someone's files. */
static void make_root(const char *dir)
{
	DIR *d;
	struct dirent *e;

	if (mkdir(dir, 0777) == 0)
		return;
	if (errno != EEXIST || !(d = opendir(dir)))
		die("cannot create '%s': %s", dir, strerror(errno));
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			die("'%s' is not empty", dir);
	closedir(d);
}

static const char *date_str(int32_t date, char buf[11])
{
	lms_date_format(date, buf);
	return buf;
}

/*
 * .lms/ and a .gitignore that keeps it out of git, as a tree has them
 * once lms has written to it: lms keeps its index there.  Not counted
 * among the tree's files, which are the YAML files lms reads.
 */
static void write_lms_dir(struct gen *g)
{
	FILE *f;

	make_dir(g, ".lms");
	f = create(g, ".gitignore");
	fputs(".lms/\n", f);
	if (ferror(f) || fclose(f) != 0)
		die("cannot write '%s': %s", g->path, strerror(errno));
}

/* The service, its forms and its facilitators */

static void write_service(struct gen *g)
{
	FILE *f = create(g, "lms.yaml");
	unsigned a = (g->host + 1) % g->nmunis, b = (g->host + 2) % g->nmunis;

	fprintf(f, "# A generated tree for benchmarks: nothing in it is real.\n"
		"name: Nasjonal benchmark-tjeneste\n"
		"municipality: \"%s\"\n", g->munis[g->host]);
	/* The next two municipalities are partners, if there are two more. */
	if (g->nmunis > 2)
		fprintf(f, "partners: [\"%s\", \"%s\"]\n", g->munis[a],
			g->munis[b]);
	else
		fputs("partners: []\n", f);
	fputs("min_cell: 5\ncompletion: 0.75\nretention_months: 24\n", f);
	finish(g, f);
}

static void write_form(struct gen *g, const struct form *form)
{
	FILE *f = create(g, "forms/%s.yaml", form->id);

	fprintf(f, "id: %s\ntitle: %s\nscale:\n  min: %d\n  max: %d\n"
		"  labels: %s\nscore: mean\nitems:\n", form->id, form->title,
		form->min, form->max, form->labels);
	for (const struct item *it = form->items; it->id; it++) {
		fprintf(f, "  - id: %s\n    text: %s\n", it->id, it->text);
		if (it->reverse)
			fputs("    reverse: true\n", f);
		if (it->is_text)
			fputs("    type: text\n", f);
	}
	finish(g, f);
}

/* Every third facilitator is a user representative. */
static bool is_user_rep(unsigned i)
{
	return i % 3 == 2;
}

static void write_facilitators(struct gen *g)
{
	FILE *f = create(g, "people/facilitators.yaml");
	struct rng r = rng_for(g->seed, UINT64_MAX);
	char from[11], to[11];

	fputs("# Fictional facilitators of a generated benchmark tree.\n", f);
	for (unsigned i = 0; i < g->nfacs; i++) {
		unsigned t = below(&r, sizeof(topics) / sizeof(*topics));

		fprintf(f, "- id: fasilitator-%04u\n  name: Fasilitator %04u\n"
			"  kind: %s\n  topics: [%s, %s]\n", i + 1, i + 1,
			is_user_rep(i) ? "user-representative" : "professional",
			topics[t], topics[(t + 1) % (sizeof(topics) /
						   sizeof(*topics))]);
		fprintf(f, "  trained: %s\n", is_user_rep(i) ?
			"[likepersonskurs]" : "[helsepedagogikk]");
		if (chance(&r, 80))
			fputs("  available: true\n", f);
		else
			fprintf(f, "  available: [%s, %s]\n",
				date_str(g->ref - REF_BEFORE, from),
				date_str(g->ref + (int32_t)below(&r, 365), to));
	}
	finish(g, f);
}

/* A course's plan */

static const struct kind *pick_kind(struct rng *r)
{
	unsigned total = 0, x;

	for (size_t i = 0; i < NKINDS; i++)
		total += kinds[i].weight;
	x = below(r, total);
	for (size_t i = 0;; i++) {
		if (x < kinds[i].weight)
			return &kinds[i];
		x -= kinds[i].weight;
	}
}

/* Facilitators work near home: each municipality draws from a window of
 * the list, with a professional first and often a user representative. */
static void pick_facilitators(const struct gen *g, struct course *c)
{
	unsigned base = (unsigned)((uint64_t)c->muni * g->nfacs / g->nmunis);
	unsigned i = base + below(&c->r, 6);

	while (is_user_rep(i % g->nfacs))
		i++;
	c->fac[c->nfac++] = i % g->nfacs;
	if (chance(&c->r, 75)) {
		i = base + below(&c->r, 6);
		while (!is_user_rep(i % g->nfacs))
			i++;
		c->fac[c->nfac++] = i % g->nfacs;
	}
	if (chance(&c->r, 20)) {
		i = c->fac[0] + 1;
		while (is_user_rep(i % g->nfacs))
			i++;
		if (i % g->nfacs != c->fac[0])
			c->fac[c->nfac++] = i % g->nfacs;
	}
}

static void plan_sessions(const struct gen *g, struct course *c)
{
	int32_t date = g->ref - REF_BEFORE +
		       (int32_t)below(&c->r, REF_BEFORE + REF_AFTER);
	bool twice = chance(&c->r, 20);
	const char *start = starts[below(&c->r, 5)];
	int minutes = (start[0] - '0') * 600 + (start[1] - '0') * 60 +
		      (int)between(&c->r, 4, 6) * 30;
	unsigned t = below(&c->r, sizeof(themes) / sizeof(*themes));

	c->ns = between(&c->r, 4, MAX_SESSIONS);
	for (unsigned i = 0; i < c->ns; i++) {
		struct session *s = &c->s[i];

		s->date = date;
		s->start = start;
		lms_time_format(minutes, s->end);
		if (i == 0)
			s->theme = "Velkommen, forventninger og mål";
		else if (i == c->ns - 1)
			s->theme = "Oppsummering og veien videre";
		else
			s->theme = themes[(t + i) % (sizeof(themes) /
						     sizeof(*themes))];
		s->place = chance(&c->r, 5) ? "Biblioteket" : NULL;
		s->led_by = chance(&c->r, 10);
		date += twice ? (i % 2 ? 4 : 3) : 7;
		if (s->date < g->ref)
			c->held++;
	}
	c->status = c->held == c->ns ? COMPLETED_COURSE :
		    c->held ? RUNNING : OPEN;
}

static void plan_course(const struct gen *g, struct course *c, unsigned muni,
			unsigned k)
{
	memset(c, 0, sizeof(*c));
	c->r = rng_for(g->seed, (uint64_t)muni * 100000u + k);
	c->muni = muni;
	snprintf(c->id, sizeof(c->id), "m%s-c%03u", g->munis[muni], k + 1);
	c->kind = pick_kind(&c->r);
	c->capacity = between(&c->r, 8, 20);
	c->waitlist = chance(&c->r, 85);
	c->place = places[below(&c->r, sizeof(places) / sizeof(*places))];
	pick_facilitators(g, c);
	plan_sessions(g, c);
}

static void write_fac_ids(FILE *f, const struct course *c)
{
	for (unsigned i = 0; i < c->nfac && i < 2; i++)
		fprintf(f, "%sfasilitator-%04u", i ? ", " : "", c->fac[i] + 1);
}

static void write_plan(struct gen *g, const struct course *c)
{
	static const char *const phases[] = {
		"[plan, deliver, evaluate]", "[plan, deliver]", "[deliver]"
	};
	FILE *f = create(g, "courses/%s/course.yaml", c->id);
	int y, m, d;
	char date[11];

	lms_date_to_ymd(c->s[0].date, &y, &m, &d);
	fprintf(f, "id: %s\ntitle: %s, %s %d\nstatus: %s\n"
		"target_groups: %s\ntopics: %s\ndiagnosis_independent: %s\n"
		"capacity: %u\nwaitlist: %s\nplace: %s, %s\nfacilitators:\n",
		c->id, c->kind->title, m <= 6 ? "vår" : "høst", y,
		status_names[c->status], c->kind->groups, c->kind->topics,
		c->kind->diagnosis_independent ? "true" : "false", c->capacity,
		c->waitlist ? "true" : "false", c->place, g->munis[c->muni]);
	for (unsigned i = 0; i < c->nfac; i++)
		fprintf(f, "  - id: fasilitator-%04u\n    phases: %s\n",
			c->fac[i] + 1, phases[i]);
	fputs("sessions:\n", f);
	for (unsigned i = 0; i < c->ns; i++) {
		const struct session *s = &c->s[i];

		fprintf(f, "  - date: %s\n    start: \"%s\"\n    end: \"%s\"\n"
			"    theme: %s\n", date_str(s->date, date), s->start,
			s->end, s->theme);
		/* Each municipality has places of its own. */
		if (s->place)
			fprintf(f, "    place: %s, %s\n", s->place,
				g->munis[c->muni]);
		if (s->led_by && s->date < g->ref) {
			fputs("    led_by: [", f);
			write_fac_ids(f, c);
			fputs("]\n", f);
		}
	}
	fputs("forms: [kursevaluering, mestringstro]\n", f);
	if (c->kind->follow_up)
		fprintf(f, "follow_up: [%s]\n", c->kind->follow_up);
	finish(g, f);
}

/* Who came */

static void make_person_id(struct rng *r, char id[9])
{
	static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";

	id[0] = 'p';
	id[1] = '-';
	for (int i = 2; i < 8; i++)
		id[i] = alphabet[below(r, 36)];
	id[8] = '\0';
}

/* Some people come back for another course; they are drawn from a few
 * people of each municipality, whose ids follow from the municipality
 * alone, so that courses generated apart share them.  A report counts
 * them once in each course they are on. */
#define RETURN_PERCENT 10

static void pick_returner(const struct gen *g, struct course *c,
			  struct person *p)
{
	unsigned pool = g->ncourses / 4 + 1;
	uint64_t j = below(&c->r, pool);
	struct rng r = rng_for(g->seed, UINT64_MAX / 2 + p->muni * 10000u + j);
	char id[9];

	make_person_id(&r, id);
	/* One record per person and course. */
	for (unsigned i = 0; i < c->np; i++)
		if (!strcmp(c->p[i].id, id))
			return;
	memcpy(p->id, id, sizeof(id));
}

/* Most people live where the course is; some come from nearby, a few
 * from anywhere (intermunicipal services, people who moved). */
static unsigned pick_muni(const struct gen *g, struct course *c)
{
	unsigned x = below(&c->r, 100);

	if (x < 85)
		return c->muni;
	if (x < 95)
		return (c->muni + between(&c->r, 1, 3)) % g->nmunis;
	return below(&c->r, g->nmunis);
}

static int pick_referral(struct rng *r)
{
	unsigned x = below(r, 100);

	return x < 45 ? 0 : x < 75 ? 1 : x < 90 ? 2 : 3;
}

static void pick_role(struct course *c, struct person *p)
{
	const char *groups = c->kind->groups;

	p->role = PARTICIPANT;
	p->relative_of = -1;
	if (!strcmp(groups, "[relatives]")) {
		p->role = RELATIVE;
	} else if (strstr(groups, "relatives") && chance(&c->r, 30)) {
		p->role = RELATIVE;
		/* Often the person they support takes the course too. */
		if (c->np > 0 && chance(&c->r, 50)) {
			int j = (int)below(&c->r, c->np);

			if (c->p[j].role == PARTICIPANT)
				p->relative_of = j;
		}
	}
}

/* Requests come in first come, first served: seats, then the waiting
 * list, and a few withdraw before the start. */
static void enrol_people(const struct gen *g, struct course *c)
{
	unsigned want = c->capacity * between(&c->r, 60, 140) / 100, seated = 0;
	int32_t requested = c->s[0].date - (int32_t)between(&c->r, 20, 75);

	if (want < 3)
		want = 3;
	for (unsigned i = 0; i < want && c->np < MAX_PEOPLE; i++) {
		struct person *p = &c->p[c->np];

		memset(p, 0, sizeof(*p));
		make_person_id(&c->r, p->id);
		pick_role(c, p);
		requested += (int32_t)below(&c->r, 3);
		/* Before the course, and before today for open ones. */
		if (requested >= c->s[0].date)
			requested = c->s[0].date - 1;
		if (requested >= g->ref)
			requested = g->ref - 1;
		p->requested = requested;
		p->referral = pick_referral(&c->r);
		p->muni = pick_muni(g, c);
		if (chance(&c->r, RETURN_PERCENT))
			pick_returner(g, c, p);
		p->reliability = between(&c->r, 65, 100);
		p->base = (int)between(&c->r, 15, 30);
		if (chance(&c->r, 6)) {
			p->status = WITHDRAWN;
		} else if (seated < c->capacity) {
			p->status = ENROLLED;
			seated++;
		} else if (c->waitlist) {
			p->status = WAITLISTED;
		} else {
			continue;	/* turned away: no record */
		}
		c->np++;
	}
}

static bool seated(const struct person *p)
{
	return p->status == ENROLLED || p->status == COMPLETED ||
	       p->status == NOT_COMPLETED;
}

static const char *attend(struct course *c, struct person *p)
{
	if (chance(&c->r, p->reliability)) {
		p->present++;
		return "present";
	}
	return chance(&c->r, 60) ? "absent" : "excused";
}

static void write_attendance(struct gen *g, struct course *c)
{
	FILE *f = create(g, "courses/%s/attendance.yaml", c->id);
	char date[11];

	if (!c->held)
		fputs("{}\n", f);
	for (unsigned i = 0; i < c->held; i++) {
		fprintf(f, "\"%s\":\n", date_str(c->s[i].date, date));
		if (c->kind->drop_in) {
			fprintf(f, "  headcount: {participants: %u, relatives: "
				"%u}\n", between(&c->r, 3, 15),
				between(&c->r, 0, 5));
			continue;
		}
		for (unsigned j = 0; j < c->np; j++)
			if (seated(&c->p[j]))
				fprintf(f, "  %s: %s\n", c->p[j].id,
					attend(c, &c->p[j]));
	}
	finish(g, f);
}

/* A completed course settles each seat: three quarters of the sessions
 * make it completed (the tree's completion setting). */
static void settle(struct course *c)
{
	if (c->status != COMPLETED_COURSE)
		return;
	for (unsigned j = 0; j < c->np; j++) {
		struct person *p = &c->p[j];

		if (!seated(p))
			continue;
		p->status = p->present * 4 >= c->ns * 3 ? COMPLETED :
			    NOT_COMPLETED;
		p->follow_up = p->status == COMPLETED && c->kind->follow_up &&
			       chance(&c->r, 40);
	}
}

static void write_enrolments(struct gen *g, const struct course *c)
{
	FILE *f = create(g, "courses/%s/enrolments.yaml", c->id);
	char date[11];

	if (!c->np)
		fputs("[]\n", f);
	for (unsigned j = 0; j < c->np; j++) {
		const struct person *p = &c->p[j];

		fprintf(f, "- person: %s\n  role: %s\n  status: %s\n"
			"  requested: %s\n  referral: %s\n"
			"  municipality: \"%s\"\n", p->id, role_names[p->role],
			enrol_names[p->status], date_str(p->requested, date),
			referral_names[p->referral], g->munis[p->muni]);
		if (p->relative_of >= 0)
			fprintf(f, "  relative_of: %s\n",
				c->p[p->relative_of].id);
		if (p->follow_up)
			fprintf(f, "  follow_up: %s\n", c->kind->follow_up);
	}
	finish(g, f);
}

/* What they thought */

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Mestringstro on 1..4 around the person's level (in tenths), which the
 * course raises a little by the post questionnaire. */
static void write_mestringstro(FILE *f, struct course *c, int level)
{
	const char *sep = "{";

	for (const struct item *it = mestringstro_items; it->id; it++) {
		int noise = (int)between(&c->r, 0, 16) - 8;
		int v = clamp((level + noise + 5) / 10, 1, 4);

		fprintf(f, "%s%s: %d", sep, it->id, it->reverse ? 5 - v : v);
		sep = ", ";
	}
	fputs("}\n", f);
}

static void write_feedback(FILE *f, struct course *c)
{
	const char *sep = "{";
	int level = (int)between(&c->r, 3, 5);

	for (const struct item *it = kursevaluering_items; it->id; it++) {
		if (it->is_text) {
			if (chance(&c->r, 8))
				fprintf(f, ", %s: \"%s\"", it->id,
					comments[below(&c->r, sizeof(comments) /
						       sizeof(*comments))]);
			continue;
		}
		fprintf(f, "%s%s: %d", sep, it->id,
			clamp(level + (int)between(&c->r, 0, 2) - 1, 1, 5));
		sep = ", ";
	}
	fputs("}\n", f);
}

/* Both return how many responses they wrote. */
static unsigned write_pre_post(FILE *f, struct course *c, const char *phase,
			       int32_t day, bool post)
{
	unsigned n = 0;
	char date[11];

	date_str(day, date);
	for (unsigned j = 0; j < c->np; j++) {
		struct person *p = &c->p[j];

		if (!seated(p) || (post && p->status != COMPLETED) ||
		    !chance(&c->r, post ? 80 : 90))
			continue;
		fprintf(f, "- form: mestringstro\n  phase: %s\n  person: %s\n"
			"  date: %s\n  answers: ", phase, p->id, date);
		write_mestringstro(f, c, p->base + (post ? 5 : 0));
		n++;
	}
	return n;
}

static unsigned write_session_feedback(FILE *f, struct course *c, unsigned i)
{
	unsigned n = c->np ? between(&c->r, 1, 4) : 0;
	char date[11];

	date_str(c->s[i].date, date);
	for (unsigned k = 0; k < n; k++) {
		const struct person *p = &c->p[below(&c->r, c->np)];

		fprintf(f, "- form: kursevaluering\n  phase: session\n"
			"  session: %s\n", date);
		/* Half answer on paper, without a name. */
		if (seated(p) && chance(&c->r, 50))
			fprintf(f, "  person: %s\n", p->id);
		fprintf(f, "  date: %s\n  answers: ", date);
		write_feedback(f, c);
	}
	return n;
}

static void write_evaluations(struct gen *g, struct course *c)
{
	FILE *f = create(g, "courses/%s/evaluations.yaml", c->id);
	unsigned n = 0;

	if (c->held && !c->kind->drop_in)
		n += write_pre_post(f, c, "pre", c->s[0].date, false);
	for (unsigned i = 0; i < c->held && !c->kind->drop_in; i++)
		if (chance(&c->r, 30))
			n += write_session_feedback(f, c, i);
	if (c->status == COMPLETED_COURSE && !c->kind->drop_in)
		n += write_pre_post(f, c, "post", c->s[c->ns - 1].date, true);
	if (!n)
		fputs("[]\n", f);
	finish(g, f);
}

static void write_course(struct gen *g, unsigned muni, unsigned k)
{
	struct course c;

	plan_course(g, &c, muni, k);
	make_dir(g, "courses/%s", c.id);
	write_plan(g, &c);
	if (!c.kind->drop_in)
		enrol_people(g, &c);
	write_attendance(g, &c);
	settle(&c);
	write_enrolments(g, &c);
	write_evaluations(g, &c);
}

/* Setup */

static void make_munis(struct gen *g)
{
	g->munis = calloc(g->nmunis, sizeof(*g->munis));
	if (!g->munis)
		die("out of memory");
	for (unsigned i = 0; i < g->nmunis; i++)
		snprintf(g->munis[i], sizeof(g->munis[i]), "%02u%02u",
			 (i / PER_COUNTY + 1) % 100, (i % PER_COUNTY + 1) % 100);
}

static unsigned parse_count(const char *opt, const char *s, unsigned max)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (!*s || *end || errno || v < 1 || v > max || *s == '-')
		die("%s: '%s' is not a whole number from 1 to %u", opt, s, max);
	return (unsigned)v;
}

static void usage(void)
{
	fputs("usage: gen DIR [--municipalities N] [--courses N] [--seed S]\n",
	      stderr);
	exit(2);
}

static void parse_args(struct gen *g, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "municipalities", required_argument, NULL, 'm' },
		{ "courses", required_argument, NULL, 'c' },
		{ "seed", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	g->nmunis = 428;
	g->ncourses = 125;
	g->seed = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'm':
			g->nmunis = parse_count("--municipalities", optarg,
						99 * PER_COUNTY);
			break;
		case 'c':
			g->ncourses = parse_count("--courses", optarg, 9999);
			break;
		case 's':
			g->seed = parse_count("--seed", optarg, UINT_MAX);
			break;
		default:
			usage();
		}
	}
	if (optind != argc - 1)
		usage();
	g->dir = argv[optind];
}

int main(int argc, char **argv)
{
	static struct gen g;
	struct rng r;

	parse_args(&g, argc, argv);
	make_munis(&g);
	r = rng_for(g.seed, UINT64_MAX - 1);
	g.host = below(&r, g.nmunis);
	/* Six facilitators in each municipality, each in a course or two at
	 * a time, as in a real service; fewer shared more widely would book
	 * each into many sessions at once. */
	g.nfacs = g.nmunis * 6;
	g.ref = lms_date_from_ymd(REF_Y, REF_M, REF_D);
	make_root(g.dir);
	make_dir(&g, "courses");
	make_dir(&g, "forms");
	make_dir(&g, "people");
	write_lms_dir(&g);
	write_service(&g);
	write_form(&g, &mestringstro);
	write_form(&g, &kursevaluering);
	write_facilitators(&g);
	for (unsigned m = 0; m < g.nmunis; m++)
		for (unsigned k = 0; k < g.ncourses; k++)
			write_course(&g, m, k);
	fprintf(stderr, "gen: %u courses, %llu files, %llu bytes\n",
		g.nmunis * g.ncourses, g.files, g.bytes);
	free(g.munis);
	return 0;
}
