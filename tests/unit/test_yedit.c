#include <stdlib.h>

#include "test.h"

#include "facilitator.h"

#include "course.h"
#include "courseedit.h"
#include "yedit.h"

/* A hand-written course.yaml with comments, odd spacing and quoting. */
static const char commented[] =
	"# Matlaging, høsten 2026.  Planlagt med rus- og psykiatritjenesten.\n"
	"id: kurs\n"
	"title: 'Matlaging og kosthold'   # tittelen på plakaten\n"
	"\n"
	"status: open          # åpen for påmelding\n"
	"capacity: 12\n"
	"topics:\n"
	"  - kosthold          # mat\n"
	"  - rop\n"
	"facilitators:\n"
	"- id: ola-hansen      # leder praktisk del\n"
	"  phases: [plan, deliver, evaluate]\n"
	"\n"
	"# Kjøkkenet er booket disse dagene.\n"
	"sessions:\n"
	"  - date: 2026-09-07\n"
	"    start: \"11:00\"     # etter morgengruppa\n"
	"    end: \"14:00\"\n"
	"  - {date: 2026-09-10, start: \"11:00\", end: \"14:00\"}\n"
	"forms: [kursevaluering]   # mestringstro kommer\n"
	"# slutt\n";

static struct lms_buf text;

static int setup(void **state)
{
	(void)state;
	lms_buf_init(&text);
	lms_buf_adds(&text, commented);
	return 0;
}

static void reset_text(void)
{
	lms_buf_reset(&text);
	lms_buf_adds(&text, commented);
}

static int teardown(void **state)
{
	(void)state;
	lms_buf_release(&text);
	return 0;
}

/* Replaces the first occurrence of from in commented with to. */
static char *expected(const char *from, const char *to)
{
	const char *at = strstr(commented, from);
	struct lms_buf b = LMS_BUF_INIT;

	assert_non_null(at);
	lms_buf_add(&b, commented, (size_t)(at - commented));
	lms_buf_adds(&b, to);
	lms_buf_adds(&b, at + strlen(from));
	return lms_buf_detach(&b);
}

static void check(const char *from, const char *to)
{
	char *want = expected(from, to);

	assert_string_equal(text.buf, want);
	free(want);
}

static void sets_a_scalar_in_place(void **state)
{
	(void)state;
	assert_int_equal(lms_yedit_set_scalar(&text, "c", NULL, "capacity", "14"), 0);
	check("capacity: 12\n", "capacity: 14\n");
}

static void keeps_comments_after_the_value(void **state)
{
	(void)state;
	assert_int_equal(lms_yedit_set_scalar(&text, "c", NULL, "status", "running"), 0);
	check("status: open ", "status: running ");
	assert_int_equal(lms_yedit_set_scalar(&text, "c", NULL, "title",
					      "\"Mat: teori\""), 0);
	assert_non_null(strstr(text.buf, "title: \"Mat: teori\"   # tittelen "
			       "på plakaten\n"));
}

static void adds_a_missing_key_to_its_mapping(void **state)
{
	(void)state;
	assert_int_equal(lms_yedit_set_scalar(&text, "c", NULL, "sessions.1.place",
					      "Helsehuset"), 0);
	check("    end: \"14:00\"\n  - {",
	      "    end: \"14:00\"\n    place: Helsehuset\n  - {");
}

static void adds_to_flow_mappings(void **state)
{
	(void)state;
	assert_int_equal(lms_yedit_set_scalar(&text, "c", NULL, "sessions.2.place",
					      "Kjøkkenet"), 0);
	check("end: \"14:00\"}", "end: \"14:00\", place: Kjøkkenet}");
}

static void adds_top_level_keys_at_the_end(void **state)
{
	(void)state;
	assert_int_equal(lms_yedit_set_scalar(&text, "c", NULL, "place", "Treffstedet"),
			 0);
	check("# mestringstro kommer\n", "# mestringstro kommer\n"
	      "place: Treffstedet\n");
}

static void sets_flow_lists(void **state)
{
	(void)state;
	assert_int_equal(lms_yedit_set_list(&text, "c", NULL, "forms",
					    (const char *[]){ "a", "b" }, 2), 0);
	check("forms: [kursevaluering]", "forms: [a, b]");
}

static void sets_block_lists_item_by_item(void **state)
{
	(void)state;
	assert_int_equal(lms_yedit_set_list(&text, "c", NULL, "topics",
					    (const char *[]){ "kosthold", "mat",
							      "rus" }, 3), 0);
	check("  - rop\n", "  - mat\n  - rus\n");
	reset_text();
	assert_int_equal(lms_yedit_set_list(&text, "c", NULL, "topics",
					    (const char *[]){ "kosthold" }, 1), 0);
	check("  - rop\n", "");
	reset_text();
	assert_int_equal(lms_yedit_set_list(&text, "c", NULL, "topics", NULL, 0), 0);
	check("topics:\n  - kosthold          # mat\n  - rop\n", "topics: []\n");
}

static void appends_to_a_block_list(void **state)
{
	const struct lms_yedit_pair item[] = {
		{ "id", "kari" }, { "phases", "[plan]" }
	};

	(void)state;
	assert_int_equal(lms_yedit_append(&text, "c", NULL, "facilitators", item, 2), 0);
	check("  phases: [plan, deliver, evaluate]\n",
	      "  phases: [plan, deliver, evaluate]\n- id: kari\n"
	      "  phases: [plan]\n");
}

static void appends_where_the_list_is_missing_or_empty(void **state)
{
	const struct lms_yedit_pair item[] = { { "date", "2026-09-14" } };
	const char *empty = "id: x\ntitle: T\nsessions: []\nforms: [a]\n";
	const char *none = "id: x\ntitle: T\nsessions:\nforms: [a]\n";
	const char *absent = "id: x\ntitle: T\n";

	(void)state;
	lms_buf_reset(&text);
	lms_buf_adds(&text, empty);
	assert_int_equal(lms_yedit_append(&text, "c", NULL, "sessions", item, 1), 0);
	assert_string_equal(text.buf, "id: x\ntitle: T\nsessions: "
			    "[{date: 2026-09-14}]\nforms: [a]\n");
	lms_buf_reset(&text);
	lms_buf_adds(&text, none);
	assert_int_equal(lms_yedit_append(&text, "c", NULL, "sessions", item, 1), 0);
	assert_string_equal(text.buf, "id: x\ntitle: T\nsessions:\n"
			    "  - date: 2026-09-14\nforms: [a]\n");
	lms_buf_reset(&text);
	lms_buf_adds(&text, absent);
	assert_int_equal(lms_yedit_append(&text, "c", NULL, "sessions", item, 1), 0);
	assert_string_equal(text.buf, "id: x\ntitle: T\nsessions:\n"
			    "  - date: 2026-09-14\n");
}

static void removes_items_and_keys(void **state)
{
	(void)state;
	assert_int_equal(lms_yedit_remove(&text, "c", NULL, "sessions.2"), 0);
	check("  - {date: 2026-09-10, start: \"11:00\", end: \"14:00\"}\n", "");
	reset_text();
	assert_int_equal(lms_yedit_remove(&text, "c", NULL, "facilitators.1"), 0);
	check("facilitators:\n- id: ola-hansen      # leder praktisk del\n"
	      "  phases: [plan, deliver, evaluate]\n", "facilitators: []\n");
	reset_text();
	assert_int_equal(lms_yedit_remove(&text, "c", NULL, "capacity"), 0);
	check("capacity: 12\n", "");
	reset_text();
	assert_int_equal(lms_yedit_remove(&text, "c", NULL, "sessions.2.end"), 0);
	check(", end: \"14:00\"}", "}");
	/* The first key of a block list item: the next key takes its place. */
	reset_text();
	assert_int_equal(lms_yedit_remove(&text, "c", NULL, "sessions.1.date"), 0);
	check("  - date: 2026-09-07\n    start:", "  - start:");
	reset_text();
	assert_int_equal(lms_yedit_remove(&text, "c", NULL, "facilitators.1.id"),
			 0);
	check("- id: ola-hansen      # leder praktisk del\n  phases:",
	      "- phases:");
	/* The last key of a block list item, indented but with no dash on
	 * its line: its line goes, and the item keeps its other keys. */
	reset_text();
	assert_int_equal(lms_yedit_remove(&text, "c", NULL, "sessions.1.end"),
			 0);
	check("    end: \"14:00\"\n  - {", "  - {");
}

static void new_keys_follow_the_schema_order(void **state)
{
	(void)state;
	assert_int_equal(lms_yedit_set_scalar(&text, "c", &lms_course_schema,
					      "place", "Treffstedet"), 0);
	/* After the last key that the schema puts before it. */
	check("  - rop\n", "  - rop\nplace: Treffstedet\n");
	reset_text();
	assert_int_equal(lms_yedit_set_scalar(&text, "c", &lms_course_schema,
					      "description", "Om mat"), 0);
	check("\nstatus: open", "description: Om mat\n\nstatus: open");
	reset_text();
	assert_int_equal(lms_yedit_set_scalar(&text, "c", &lms_course_schema,
					      "sessions.2.theme", "Mat"), 0);
	check("end: \"14:00\"}", "end: \"14:00\", theme: Mat}");
	reset_text();
	assert_int_equal(lms_yedit_set_scalar(&text, "c", &lms_course_schema,
					      "sessions.1.theme", "Teori"), 0);
	check("    end: \"14:00\"\n  - {",
	      "    end: \"14:00\"\n    theme: Teori\n  - {");
}

static void block_scalars_end_at_their_last_line(void **state)
{
	const char *before = "id: c\ntitle: T\ndescription: >-\n  en\n  to\n"
			     "\nstatus: open   # x\n";

	(void)state;
	lms_buf_reset(&text);
	lms_buf_adds(&text, before);
	assert_int_equal(lms_yedit_set_scalar(&text, "c", NULL, "description",
					      "Kort"), 0);
	assert_string_equal(text.buf, "id: c\ntitle: T\ndescription: Kort\n"
			    "\nstatus: open   # x\n");
	lms_buf_reset(&text);
	lms_buf_adds(&text, before);
	assert_int_equal(lms_yedit_remove(&text, "c", NULL, "description"), 0);
	assert_string_equal(text.buf, "id: c\ntitle: T\n\nstatus: open   # x\n");
}

static void refuses_what_it_cannot_find(void **state)
{
	(void)state;
	assert_int_equal(lms_yedit_set_scalar(&text, "c", NULL, "sessions.9.place", "x"),
			 LMS_ENOENT);
	assert_string_equal(lms_last_error()->msg,
			    "c: no 'sessions.9' in 'sessions.9.place': the "
			    "list has 2 items");
	assert_int_equal(lms_yedit_set_scalar(&text, "c", NULL, "topics", "x"),
			 LMS_EUSAGE);
	/* The document is no node to set or remove, empty or not. */
	assert_error(lms_yedit_set_scalar(&text, "c", NULL, "", "x"),
		     LMS_EUSAGE, 0, 0, "c: no key given to change");
	assert_int_equal(lms_yedit_remove(&text, "c", NULL, ""), LMS_EUSAGE);
	assert_string_equal(text.buf, commented);
	lms_buf_reset(&text);
	lms_buf_adds(&text, "\n");
	assert_int_equal(lms_yedit_set_list(&text, "c", NULL, "",
					    (const char *const[]){ "a" }, 1),
			 LMS_EUSAGE);
	assert_string_equal(text.buf, "\n");
	reset_text();
}

static void refuses_edits_through_aliases(void **state)
{
	(void)state;
	lms_buf_reset(&text);
	lms_buf_adds(&text, "a: &x {b: 1}\nc: *x\n");
	assert_int_equal(lms_yedit_set_scalar(&text, "c", NULL, "c.b", "2"), LMS_EDATA);
}

/* Edits the text in set to after, or checks it is refused (NULL). */
static void edit(const char *before, int (*op)(struct lms_buf *),
		 const char *after)
{
	lms_buf_reset(&text);
	lms_buf_adds(&text, before);
	if (after) {
		assert_int_equal(op(&text), 0);
		assert_string_equal(text.buf, after);
	} else {
		assert_int_equal(op(&text), LMS_EDATA);
		assert_string_equal(text.buf, before);
	}
}

static int remove_status(struct lms_buf *t)
{
	return lms_yedit_remove(t, "c", NULL, "status");
}

static int set_status(struct lms_buf *t)
{
	return lms_yedit_set_scalar(t, "c", NULL, "status", "open");
}

static int set_first_status(struct lms_buf *t)
{
	return lms_yedit_set_scalar(t, "c", NULL, "1.status", "open");
}

static int set_tags(struct lms_buf *t)
{
	static const char *const tags[] = { "b", "z" };

	return lms_yedit_set_list(t, "c", NULL, "tags", tags, 2);
}

static int remove_first_tag(struct lms_buf *t)
{
	return lms_yedit_remove(t, "c", NULL, "tags.1");
}

static int remove_first_of_first_tag(struct lms_buf *t)
{
	return lms_yedit_remove(t, "c", NULL, "tags.1.1");
}

static int append_facilitator(struct lms_buf *t)
{
	static const struct lms_yedit_pair kari = { "id", "kari-nordmann" };

	return lms_yedit_append(t, "c", NULL, "facilitators", &kari, 1);
}

static int remove_first_session(struct lms_buf *t)
{
	return lms_yedit_remove(t, "c", NULL, "sessions.1");
}

static int set_place_status(struct lms_buf *t)
{
	return lms_yedit_set_scalar(t, "c", NULL, "place.status", "b");
}

static int remove_place_status(struct lms_buf *t)
{
	return lms_yedit_remove(t, "c", NULL, "place.status");
}

static int add_place(struct lms_buf *t)
{
	return lms_yedit_set_scalar(t, "c", NULL, "place", "Sal");
}

/*
 * What an alias gives is edited where the alias is, not where its anchor
 * is: a key given by an alias is found by what it says and changed in
 * its own place, a value given by one is refused, and the text around an
 * alias (its neighbours, the end of a list it ends) is where it is.
 */
static void edits_next_to_aliases_where_they_are(void **state)
{
	(void)state;
	edit("id: c1\nplace: &k status\ncapacity: 12\n*k : planned\n",
	     remove_status, "id: c1\nplace: &k status\ncapacity: 12\n");
	edit("id: c1\nplace: &k status\n*k : planned\ncapacity: 12\n",
	     set_status, "id: c1\nplace: &k status\n*k : open\ncapacity: 12\n");
	edit("title: &k tags\nid: c\n*k : [a]\n", set_tags,
	     "title: &k tags\nid: c\n*k : [b, z]\n");
	edit("{title: &k status, id: c, *k : planned}", set_status,
	     "{title: &k status, id: c, *k : open}");
	/* A list of sessions that ends in an alias ends there. */
	edit("id: c\nsessions:\n- &s {date: 2027-01-04}\n- *s\n",
	     add_place, "id: c\nsessions:\n- &s {date: 2027-01-04}\n- *s\n"
	     "place: Sal\n");
	/* A value given by an alias, null or not, is refused. */
	edit("place: &n ~\n# a comment\n# and another\nfacilitators: *n\n",
	     append_facilitator, NULL);
	edit("id: c\nplace: &p planned\nstatus: *p\n", set_status, NULL);
	edit("id: c\nplace: &p planned\nstatus: *p\n", remove_status, NULL);
	/* So is what holds an anchor that an alias names: a change to it
	 * would change that too, or leave the alias giving nothing. */
	edit("id: c\nstatus: &s planned\nplace: *s\n", set_status, NULL);
	edit("id: c\n&s status: planned\nplace: *s\n", remove_status, NULL);
	edit("id: c\nfacilitators: &f\n- {id: a}\nx: *f\n",
	     append_facilitator, NULL);
	edit("id: c\nsessions: &s\n- {date: 2027-01-04}\nx: *s\n",
	     remove_first_session, NULL);
	edit("id: c\nplace: &p {status: a}\nx: *p\n", set_place_status, NULL);
	edit("id: c\nplace: &p {room: a}\nx: *p\n", set_place_status, NULL);
	/* Without an alias, an anchor is only a name: a list with one is
	 * indented as its items are, not from the anchor's column. */
	edit("id: c\nstatus: &s planned\n", set_status,
	     "id: c\nstatus: open\n");
	edit("id: c\nfacilitators: &f\n  - {id: a}\n", append_facilitator,
	     "id: c\nfacilitators: &f\n  - {id: a}\n  - id: kari-nordmann\n");
	edit("id: c\nfacilitators: !!seq\n- {id: a}\n", append_facilitator,
	     "id: c\nfacilitators: !!seq\n- {id: a}\n- id: kari-nordmann\n");
	edit("id: c\nsessions:\n- &m\n  date: 2027-01-04\n- date: 2027-01-11\n",
	     remove_first_session, "id: c\nsessions:\n- date: 2027-01-11\n");
}

/*
 * An item's "- " is the first token after the item before it: a "-" in
 * a comment is not one, nor is the dash of an outer list.
 */
static void finds_each_items_own_dash(void **state)
{
	(void)state;
	edit("tags: &t\n  - # kost-hold\n    b\n", set_tags,
	     "tags: &t\n  - # kost-hold\n    b\n  - z\n");
	edit("tags:\n- # x-y\n  b\n- # a-b\n  c\n- d\n", set_tags,
	     "tags:\n- # x-y\n  b\n- # a-b\n  z\n");
	edit("tags:\n- &l\n  - a\n  - b\n- x\n", remove_first_tag,
	     "tags:\n- x\n");
	edit("tags:\n- a\n- !!seq\n  - b\n", remove_first_tag,
	     "tags:\n- !!seq\n  - b\n");
	edit("tags:\n- - a\n  - b\n- x\n", remove_first_of_first_tag,
	     "tags:\n- - b\n- x\n");
	edit("tags:\n-\n- z\n", set_tags, "tags:\n- b\n- z\n");
	edit("tags:\n- b\n-\n", set_tags, "tags:\n- b\n- z\n");
	edit("? tags\n: - a\n  - b\n", remove_first_tag, "? tags\n: - b\n");
	/* A comment right after a quoted value stays a comment. */
	edit("status: 'planned'# c\n", set_status, "status: open # c\n");
	edit("tags:\n- 'a'# c\n", set_tags, "tags:\n- b # c\n- z\n");
	/* A line of blanks with a tab is trailing space to a plain
	 * scalar, and an error after a new key. */
	edit("id: c\ntitle: M[kos\n \t\n", set_status,
	     "id: c\ntitle: M[kos\n \t\nstatus: open\n");
	/* The blank lines a |+ scalar keeps are its own: what follows it
	 * goes after them. */
	edit("facilitators:\n- &a |+\n  x\n\nb: *a\n", append_facilitator,
	     "facilitators:\n- &a |+\n  x\n\n- id: kari-nordmann\nb: *a\n");
	edit("id: c\ndescription: >2+\n   x\n\n", set_status,
	     "id: c\ndescription: >2+\n   x\n\nstatus: open\n");
	edit("tags:\n- - a\n- x\n", remove_first_of_first_tag,
	     "tags:\n- []\n- x\n");
}

/*
 * Only an anchor an edit rewrites or is inside counts, and only where an
 * alias names it: the items, keys and neighbours it leaves as they were
 * may carry one.  An anchor is found after a tag and a comment too.
 */
static void edits_beside_anchors(void **state)
{
	(void)state;
	edit("status: !!str # c\n  &p planned\nplace: *p\n", set_status, NULL);
	edit("facilitators:\n- &a {id: a}\nx: *a\n", append_facilitator,
	     "facilitators:\n- &a {id: a}\n- id: kari-nordmann\nx: *a\n");
	edit("id: c\n&s status: planned\nx: *s\n", set_status,
	     "id: c\n&s status: open\nx: *s\n");
	edit("tags:\n- &a b\n- c\nx: *a\n", set_tags,
	     "tags:\n- &a b\n- z\nx: *a\n");
	edit("tags:\n- &a c\n- b\nx: *a\n", set_tags, NULL);
	edit("tags:\n- b\n- &a c\n- d\nx: *a\n", set_tags, NULL);
	edit("tags: &t\n- b\n- z\nx: *t\n", set_tags,
	     "tags: &t\n- b\n- z\nx: *t\n");
	edit("tags: &t\n- b\nx: *t\n", set_tags, NULL);
	/* Only an anchor an alias names counts. */
	edit("title: &t x\nstatus: &s planned\nplace: *t\n", set_status,
	     "title: &t x\nstatus: open\nplace: *t\n");
	edit("title: &s-2 x\nstatus: &s planned\nplace: *s-2\n", set_status,
	     "title: &s-2 x\nstatus: open\nplace: *s-2\n");
	edit("status: &s-2 planned\nplace: *s-2\n", set_status, NULL);
	edit("a: &m {status: &s planned}\nb: *m\nstatus: *s\n", set_status,
	     NULL);
	/* A name given again names the later node from there on. */
	edit("status: &p planned\nplace: &p b\nx: *p\n", set_status,
	     "status: open\nplace: &p b\nx: *p\n");
	edit("status: &p planned\nx: *p\nplace: &p b\n", set_status, NULL);
	edit("place: &p b\nx: *p\nstatus: &p planned\n", set_status,
	     "place: &p b\nx: *p\nstatus: open\n");
	/* The anchor of a mapping's first key is the key's. */
	edit("place:\n  &k room: a\nx: *k\n", set_place_status,
	     "place:\n  &k room: a\n  status: b\nx: *k\n");
	edit("place: &m\n  &k room: a\nx: *k\n", set_place_status,
	     "place: &m\n  &k room: a\n  status: b\nx: *k\n");
	edit("place: &m\n  &k room: a\nx: *m\n", set_place_status, NULL);
	edit("place: !!map # c\n  &k room: a\nx: *k\n", set_place_status,
	     "place: !!map # c\n  &k room: a\n  status: b\nx: *k\n");
	edit("place: &m # c\n  &k room: a\nx: *m\n", set_place_status, NULL);
	edit("place: &m {room: a}\nx: *m\n", remove_place_status,
	     "place: &m {room: a}\nx: *m\n");
}

/* The course-level edits: typed values, then a load validates them. */
static void course_set_formats_by_type(void **state)
{
	struct lms_course c;

	(void)state;
	assert_int_equal(lms_course_set(&text, "c", "capacity", "014"), 0);
	assert_int_equal(lms_course_set(&text, "c", "sessions.1.end", "15:00"), 0);
	assert_int_equal(lms_course_set(&text, "c", "waitlist", "yes"), 0);
	assert_int_equal(lms_course_set(&text, "c", "target_groups",
					"relatives,at-risk"), 0);
	assert_int_equal(lms_course_set(&text, "c", "place",
					"Treffstedet, kjøkkenet"), 0);
	assert_non_null(strstr(text.buf, "capacity: 14\n"));
	assert_non_null(strstr(text.buf, "    end: \"15:00\"\n"));
	assert_non_null(strstr(text.buf, "waitlist: true\n"));
	assert_non_null(strstr(text.buf, "target_groups: [relatives, at-risk]\n"));
	assert_non_null(strstr(text.buf, "place: Treffstedet, kjøkkenet\n"));
	assert_int_equal(lms_course_load(&c, "c", text.buf, text.len, "kurs",
					 NULL), 0);
	assert_int_equal(c.capacity, 14);
	lms_course_release(&c);
}

static void course_set_refusals(void **state)
{
	(void)state;
	assert_int_equal(lms_course_set(&text, "c", "capacity", "many"),
			 LMS_EUSAGE);
	assert_string_equal(lms_last_error()->msg,
			    "capacity: 'many' is not a whole number");
	assert_int_equal(lms_course_set(&text, "c", "status", "done"), LMS_EUSAGE);
	assert_int_equal(lms_course_set(&text, "c", "capasity", "3"), LMS_EUSAGE);
	assert_string_equal(lms_last_error()->msg, "course has no key "
			    "'capasity'; did you mean 'capacity'?");
	assert_int_equal(lms_course_set(&text, "c", "id", "other"), LMS_EUSAGE);
	assert_int_equal(lms_course_set(&text, "c", "sessions", "x"), LMS_EUSAGE);
	assert_int_equal(lms_course_set(&text, "c", "target_groups", "kids"),
			 LMS_EUSAGE);
	assert_string_equal(text.buf, commented);
}

static void assign_and_unassign(void **state)
{
	struct lms_course c;

	(void)state;
	assert_int_equal(lms_course_load(&c, "c", text.buf, text.len, NULL, NULL),
			 0);
	assert_int_equal(lms_course_assign(&text, "c", &c, "ola-hansen",
					   LMS_DELIVER), 0);
	check("  phases: [plan, deliver, evaluate]", "  phases: [deliver]");
	assert_int_equal(lms_course_unassign(&text, "c", &c, "kari"), LMS_ENOENT);
	lms_course_release(&c);
}

/* A role on the course: set for one there, and written with a new one;
 * the rest of the file as it was. */
static void assign_with_a_role(void **state)
{
	struct lms_course c;

	(void)state;
	assert_int_equal(lms_course_load(&c, "c", text.buf, text.len, NULL, NULL),
			 0);
	assert_int_equal(lms_course_assign_role(&text, "c", &c, "ola-hansen",
						LMS_DELIVER,
						LMS_USER_REPRESENTATIVE), 0);
	check("  phases: [plan, deliver, evaluate]\n",
	      "  phases: [deliver]\n  role: user-representative\n");
	lms_course_release(&c);
	assert_int_equal(lms_course_load(&c, "c", text.buf, text.len, NULL, NULL),
			 0);
	assert_int_equal(c.facilitators[0].role, LMS_USER_REPRESENTATIVE);
	assert_int_equal(lms_course_assign_role(&text, "c", &c, "per", LMS_PLAN,
						LMS_PROFESSIONAL), 0);
	check("  phases: [plan, deliver, evaluate]\n",
	      "  phases: [deliver]\n  role: user-representative\n"
	      "- id: per\n  phases: [plan]\n  role: professional\n");
	lms_course_release(&c);
}

/* One edit of each kind, as lms course set, assign and unassign and lms
 * facilitator add make them. */
static void edit_all_ways(struct lms_buf *t)
{
	const struct lms_yedit_pair item[] = {
		{ "id", "kari" }, { "phases", "[plan]" }
	};
	struct lms_course c;

	assert_int_equal(lms_course_set(t, "c", "capacity", "14"), 0);
	assert_int_equal(lms_course_set(t, "c", "place", "Helsehuset"), 0);
	assert_int_equal(lms_course_set(t, "c", "description", "Om mat"), 0);
	assert_int_equal(lms_course_set(t, "c", "sessions.1.theme", "Teori"), 0);
	assert_int_equal(lms_course_set(t, "c", "sessions.2.theme", "Praksis"), 0);
	assert_int_equal(lms_course_set(t, "c", "topics", "kosthold,mat,rus"), 0);
	assert_int_equal(lms_course_set(t, "c", "forms", "a,b"), 0);
	assert_int_equal(lms_course_set(t, "c", "status", ""), 0);
	assert_int_equal(lms_yedit_append(t, "c", NULL, "facilitators", item, 2), 0);
	assert_int_equal(lms_course_load(&c, "c", t->buf, t->len, NULL, NULL), 0);
	assert_int_equal(lms_course_assign(t, "c", &c, "ola-hansen", LMS_PLAN), 0);
	assert_int_equal(lms_course_assign(t, "c", &c, "per", LMS_DELIVER), 0);
	lms_course_release(&c);
	assert_int_equal(lms_course_load(&c, "c", t->buf, t->len, NULL, NULL), 0);
	assert_int_equal(lms_course_unassign(t, "c", &c, "kari"), 0);
	lms_course_release(&c);
	assert_int_equal(lms_yedit_remove(t, "c", NULL, "sessions.2"), 0);
}

static char *with_breaks(const char *lf, const char *bom, const char *eol)
{
	struct lms_buf b = LMS_BUF_INIT;

	lms_buf_adds(&b, bom);
	for (; *lf; lf++) {
		if (*lf == '\n')
			lms_buf_adds(&b, eol);
		else
			lms_buf_addch(&b, *lf);
	}
	return lms_buf_detach(&b);
}

/*
 * A file with a byte-order mark, CR LF or lone CR line ends is edited as
 * the same file with LF, and keeps its line ends and its mark.
 */
static void keeps_line_ends(void **state)
{
	static const char *const boms[] = { "", "\xef\xbb\xbf" };
	static const char *const eols[] = { "\n", "\r\n", "\r" };
	struct lms_buf want_lf = LMS_BUF_INIT;

	(void)state;
	lms_buf_adds(&want_lf, commented);
	edit_all_ways(&want_lf);
	for (int i = 0; i < 2; i++) {
		for (int j = 0; j < 3; j++) {
			char *before = with_breaks(commented, boms[i], eols[j]);
			char *want = with_breaks(want_lf.buf, boms[i], eols[j]);

			lms_buf_reset(&text);
			lms_buf_adds(&text, before);
			edit_all_ways(&text);
			if (strcmp(text.buf, want))
				fail_msg("bom %d, eol %d:\n%s\nwanted\n%s", i, j,
					 text.buf, want);
			free(before);
			free(want);
		}
	}
	lms_buf_release(&want_lf);
}

/* A file that mixes line ends: new lines take those of their neighbours,
 * and the ends of lines that stay are untouched. */
static void mixed_line_ends(void **state)
{
	const char *before = "\xef\xbb\xbfid: c\r\ntitle: T\r\n"
			     "description: Et kurs\rfollow_up: [selvhjelp]\n"
			     "topics:\n  - mat\r\n  - rus\r"
			     "sessions:\r\n  - date: 2026-09-07\n";

	(void)state;
	lms_buf_reset(&text);
	lms_buf_adds(&text, before);
	assert_int_equal(lms_course_set(&text, "c", "place", "Helsehuset"), 0);
	assert_int_equal(lms_course_set(&text, "c", "topics", "mat,rus,kos"), 0);
	assert_int_equal(lms_course_set(&text, "c", "capacity", "9"), 0);
	assert_int_equal(lms_course_set(&text, "c", "sessions.1.theme", "T"), 0);
	assert_int_equal(lms_course_set(&text, "c", "status", "open"), 0);
	assert_string_equal(text.buf,
			    "\xef\xbb\xbfid: c\r\ntitle: T\r\n"
			    "description: Et kurs\rstatus: open\r"
			    "follow_up: [selvhjelp]\n"
			    "topics:\n  - mat\r\n  - rus\r  - kos\r"
			    "capacity: 9\rplace: Helsehuset\r"
			    "sessions:\r\n  - date: 2026-09-07\n"
			    "    theme: T\n");
}

/*
 * Where a splice would change another value, even to a file that loads,
 * the edit is refused and the text stays as it was (yverify.h).
 */
static int remove_c(struct lms_buf *t)
{
	return lms_yedit_remove(t, "c", NULL, "c");
}

static int add_b(struct lms_buf *t)
{
	return lms_yedit_set_scalar(t, "c", NULL, "b", "1");
}

static void refuses_edits_that_change_more(void **state)
{
	(void)state;
	/* A key on the line after its "?": its removal left the "?", a
	 * null key, in the mapping. */
	edit("?\n  c\n: 1\nid: 2\n", remove_c, NULL);
	/* A block scalar at the end of a file without a line break: a key
	 * after it would give it one. */
	edit("n: |\n  x", add_b, NULL);
	assert_string_equal(lms_last_error()->msg,
			    "c: cannot make this change safely: it would "
			    "change 'n' too; nothing was changed; edit the "
			    "file by hand");
	edit("n: |\n  x\n", add_b, "n: |\n  x\nb: 1\n");
}

/* A lone CR ends a line: the new key goes after it, not into the middle
 * of the value on the next line. */
static void lone_cr_is_a_line_end(void **state)
{
	struct lms_course c;

	(void)state;
	lms_buf_reset(&text);
	lms_buf_adds(&text, "id: c\ntitle: Kurs\ndescription: Et kurs\r"
		     "follow_up: selvhjelp\n  og mer\n");
	assert_int_equal(lms_course_set(&text, "c", "place", "Helsehuset"), 0);
	assert_string_equal(text.buf, "id: c\ntitle: Kurs\ndescription: Et kurs\r"
			    "place: Helsehuset\rfollow_up: selvhjelp\n  og mer\n");
	assert_int_equal(lms_course_load(&c, "c", text.buf, text.len, NULL, NULL), 0);
	assert_string_equal(c.place, "Helsehuset");
	assert_string_equal(c.follow_up[0], "selvhjelp og mer");
	lms_course_release(&c);
}

/* A key is found by what it says, not by its text: quoted, with an
 * anchor or with a tag, it is the same key, changed in place rather than
 * given a second time. */
static void finds_keys_by_what_they_say(void **state)
{
	static const char *const files[][2] = {
		{ "id: c\n\"status\": open\n", "id: c\n\"status\": running\n" },
		{ "id: c\n'status': open\n", "id: c\n'status': running\n" },
		{ "id: c\n&a status: open\n", "id: c\n&a status: running\n" },
		{ "id: c\n!!str status: open\n",
		  "id: c\n!!str status: running\n" },
		{ "{id: c, \"status\": open}", "{id: c, \"status\": running}" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		lms_buf_reset(&text);
		lms_buf_adds(&text, files[i][0]);
		assert_int_equal(lms_yedit_set_scalar(&text, "c", NULL, "status",
						      "running"), 0);
		assert_string_equal(text.buf, files[i][1]);
	}
	/* And where the schema's order puts a new key after it. */
	lms_buf_reset(&text);
	lms_buf_adds(&text, "\"id\": c\n\"title\": T\nsessions: []\n");
	assert_int_equal(lms_yedit_set_scalar(&text, "c", &lms_course_schema,
					      "status", "open"), 0);
	assert_string_equal(text.buf, "\"id\": c\n\"title\": T\nstatus: open\n"
			    "sessions: []\n");
}

/*
 * A key with no ':' after it ("? k" alone, or "k" in a flow mapping) has
 * an empty value, which libyaml marks at the next token: the value is
 * just after its key, and a value put there gets the ':' it lacked.
 */
static void values_of_keys_without_a_colon(void **state)
{
	(void)state;
	edit("tags:\n- ? k\n- c\n", remove_first_tag, "tags:\n- c\n");
	edit("? status\nid: c\n", remove_status, "id: c\n");
	edit("? status\nid: c\n", set_status, "? status\n: open\nid: c\n");
	edit("x: 1\n? status # c\n", set_status,
	     "x: 1\n? status\n: open # c\n");
	edit("{status, id: c}", set_status, "{status: open, id: c}");
	edit("- ? status\n", set_first_status, "- ? status\n  : open\n");
	edit("? tags\n? id\n", set_tags, "? tags\n: [b, z]\n? id\n");
	edit("{tags}", set_tags, "{tags: [b, z]}");
	edit("? facilitators\nid: c\n", append_facilitator,
	     "? facilitators\n:\n  - id: kari-nordmann\nid: c\n");
	/* What follows such a key goes after all of the key's lines. */
	edit("id: c\n? |+\n  x\n\n", set_status,
	     "id: c\n? |+\n  x\n\nstatus: open\n");
}

/*
 * A line of more spaces than a block scalar's indentation is part of its
 * value, after its last character: what comes after the scalar goes
 * after that line.
 */
static void block_scalars_keep_their_lines_of_blanks(void **state)
{
	(void)state;
	edit("id: c\ndescription: |\n  x\n   \n", set_status,
	     "id: c\ndescription: |\n  x\n   \nstatus: open\n");
	edit("id: c\ndescription: |\n  x\n   \n\n# c\n", set_status,
	     "id: c\ndescription: |\n  x\n   \nstatus: open\n\n# c\n");
	edit("id: c\ndescription: >-\n  x\n   ", set_status,
	     "id: c\ndescription: >-\n  x\n   \nstatus: open\n");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

/* A new key lines up with the mapping's keys, not with the text of an
 * explicit key ("? k"), which starts two columns in. */
static void new_keys_line_up_after_an_explicit_key(void **state)
{
	(void)state;
	lms_buf_reset(&text);
	lms_buf_adds(&text, "? note\n: x\nid: c\ntitle: T\n");
	assert_int_equal(lms_yedit_set_scalar(&text, "c", NULL, "place", "Rom"),
			 0);
	assert_non_null(strstr(text.buf, "\nplace: Rom\n"));
	assert_null(strstr(text.buf, "  place:"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(new_keys_line_up_after_an_explicit_key),
		T(values_of_keys_without_a_colon),
		T(block_scalars_keep_their_lines_of_blanks),
		T(sets_a_scalar_in_place),
		T(keeps_comments_after_the_value),
		T(adds_a_missing_key_to_its_mapping),
		T(adds_to_flow_mappings),
		T(adds_top_level_keys_at_the_end),
		T(sets_flow_lists),
		T(sets_block_lists_item_by_item),
		T(appends_to_a_block_list),
		T(appends_where_the_list_is_missing_or_empty),
		T(removes_items_and_keys),
		T(new_keys_follow_the_schema_order),
		T(block_scalars_end_at_their_last_line),
		T(refuses_what_it_cannot_find),
		T(refuses_edits_through_aliases),
		T(edits_next_to_aliases_where_they_are),
		T(finds_each_items_own_dash),
		T(edits_beside_anchors),
		T(finds_keys_by_what_they_say),
		T(course_set_formats_by_type),
		T(course_set_refusals),
		T(assign_and_unassign),
		T(assign_with_a_role),
		T(keeps_line_ends),
		T(mixed_line_ends),
		T(lone_cr_is_a_line_end),
		T(refuses_edits_that_change_more),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
