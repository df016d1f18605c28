#ifndef LMS_SCHEMA_H
#define LMS_SCHEMA_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "yparse.h"

/*
 * The files of a tree are mapped to C structs through tables of fields,
 * one table per struct (after libcyaml and netplan): the loader walks
 * libyaml's events and finds each key's handler in the table, the emitter
 * writes a struct back in the table's order, and one function frees it.
 * A struct's table is its schema; the module that owns the struct
 * (course.c, form.c, ...) defines it.
 */

#define LMS_UNSET INT_MIN	/* an int or bool field that was not given */
#define LMS_NO_OFFSET SIZE_MAX

enum lms_type {
	LMS_T_STR,	/* char *, NULL when absent */
	LMS_T_ID,	/* char *, an id (see id.h) */
	LMS_T_MUNI,	/* char *, a four-digit municipality number */
	LMS_T_INT,	/* int, LMS_UNSET when absent */
	LMS_T_REAL,	/* double, NAN when absent */
	LMS_T_BOOL,	/* int: 0, 1, or LMS_UNSET */
	LMS_T_DATE,	/* int32_t, LMS_DATE_NONE when absent */
	LMS_T_TIME,	/* int minutes, LMS_TIME_NONE when absent */
	LMS_T_ENUM,	/* int: index into aux names, 0 when absent */
	LMS_T_FLAGS,	/* unsigned: bit i set for aux names[i] in a list */
	/* Name tables of ENUM and FLAGS start with "" (0: not given) and
	 * end with NULL. */
	LMS_T_STRS,	/* char ** with a size_t count at count_offset */
	LMS_T_IDS,	/* the same, every element an id */
	LMS_T_MUNIS,	/* the same, every element a municipality number */
	LMS_T_SEQ,	/* array of structs of schema aux, count at count_offset */
	LMS_T_STRUCT,	/* an embedded struct of schema aux */
	LMS_T_CUSTOM	/* struct lms_custom at aux does everything */
};

enum {
	LMS_REQUIRED = 1 << 0,	/* loading fails without it */
	LMS_QUOTED = 1 << 1,	/* written in double quotes ("1806", "11:00") */
	LMS_FLOW = 1 << 2	/* written on one line: [a, b] or {k: v} */
};

struct lms_loader;
struct lms_schema;

/* Loading, writing and freeing of a field that no lms_type describes. */
struct lms_custom {
	int (*load)(struct lms_loader *ld, const struct lms_event *ev, void *field);
	/* Writes all that follows "key:", from ' ' or '\n' to the last '\n'. */
	void (*emit)(struct lms_buf *out, const void *field, int indent);
	int (*is_empty)(const void *field);
	void (*release)(void *field);
};

struct lms_field {
	const char *key;
	enum lms_type type;
	size_t offset;
	size_t count_offset;
	const void *aux;
	unsigned flags;
};

struct lms_schema {
	const char *name;		/* "course", "session": used in messages */
	size_t size;
	const struct lms_field *fields;	/* ends with a NULL key */
	size_t mark_offset;		/* a struct lms_mark of where it starts */
	size_t extras_offset;		/* a struct lms_extras, or LMS_NO_OFFSET */
};

#define LMS_FIELD(T, k, type, member, flags) \
	{ k, type, offsetof(T, member), LMS_NO_OFFSET, NULL, flags }
#define LMS_ENUM_FIELD(T, k, member, names, flags) \
	{ k, LMS_T_ENUM, offsetof(T, member), LMS_NO_OFFSET, names, flags }
#define LMS_FLAGS_FIELD(T, k, member, names, flags) \
	{ k, LMS_T_FLAGS, offsetof(T, member), LMS_NO_OFFSET, names, flags }
#define LMS_LIST_FIELD(T, k, type, member, aux, flags) \
	{ k, type, offsetof(T, member), offsetof(T, n##member), aux, flags }
#define LMS_STRUCT_FIELD(T, k, member, schema, flags) \
	{ k, LMS_T_STRUCT, offsetof(T, member), LMS_NO_OFFSET, schema, flags }
#define LMS_CUSTOM_FIELD(T, k, member, custom, flags) \
	{ k, LMS_T_CUSTOM, offsetof(T, member), LMS_NO_OFFSET, custom, flags }
#define LMS_FIELD_END { NULL, LMS_T_STR, 0, LMS_NO_OFFSET, NULL, 0 }

/* Any YAML value, kept as it was for keys that lms does not know. */
struct lms_node {
	enum lms_ev type;		/* LMS_EV_SCALAR, LMS_EV_SEQ or LMS_EV_MAP */
	char *scalar;
	int plain;
	struct lms_node *items;		/* maps: key, value, key, value ... */
	size_t nitems;
};

struct lms_extra {
	char *key;
	struct lms_node value;
	struct lms_mark at;
};

struct lms_extras {
	struct lms_extra *v;
	size_t n;
};

/* A finding that does not stop loading: lms check reports these. */
struct lms_diag {
	char *path;
	struct lms_mark at;
	char *msg;
	char *key;				/* the unknown key, if that is it */
	const struct lms_schema *schema;	/* where the key was found */
};

struct lms_diags {
	struct lms_diag *v;
	size_t n;
};

void lms_diags_release(struct lms_diags *d);

/* Sets every field of obj to "absent". */
void lms_schema_init(const struct lms_schema *s, void *obj);
/* Frees what the fields of obj own, not obj itself; obj is then absent. */
void lms_schema_release(const struct lms_schema *s, void *obj);
void lms_schema_release_array(const struct lms_schema *s, void *arr, size_t n);
const struct lms_field *lms_schema_field(const struct lms_schema *s,
					 const char *key);
/*
 * Copies the value of field from (of src) into field to (of dst), which
 * is absent: a field of the same key in another schema, such as a
 * template's capacity into a course's.  Scalars, strings and lists of
 * strings; false for any other type, or when the types differ.
 */
bool lms_field_copy(const struct lms_field *to, void *dst,
		    const struct lms_field *from, const void *src);

#define LMS_KEY_MAX 128
/*
 * The field a key path names ("sessions.3.place" is the session schema's
 * place); LMS_EUSAGE for a path that names no single field, with a
 * suggestion for a likely typo.
 */
int lms_schema_resolve(const struct lms_schema *s, const char *keypath,
		       const struct lms_field **out);

/*
 * Loads a document of text (named path in messages) into obj.  With
 * is_list, the document is a sequence of such structs and obj points to the
 * array pointer, n to its count.  Unknown keys go to diags (which may be
 * NULL) and, where the schema keeps them, into the struct's extras.
 */
int lms_load_text(const char *path, const char *text, size_t len,
		  const struct lms_schema *s, void *obj,
		  struct lms_diags *diags);
int lms_load_list_text(const char *path, const char *text, size_t len,
		       const struct lms_schema *s, void *arrp, size_t *n,
		       struct lms_diags *diags);

/*
 * Checks the text of one value for field f and converts it into *field
 * (numbers, dates, times, enums; strings are only checked).  On failure
 * appends the reason to why and returns LMS_EDATA without recording it.
 */
int lms_value_parse(const struct lms_field *f, const char *s, void *field,
		    struct lms_buf *why);

/*
 * Loads a document whose shape no schema describes (attendance, keyed by
 * dates): load gets the root event (LMS_EV_END for an empty file) and
 * reads the rest through the loader.  It cleans up obj itself on failure.
 */
typedef int lms_doc_loader(struct lms_loader *ld, const struct lms_event *root,
			   void *obj);
int lms_load_custom_text(const char *path, const char *text, size_t len,
			 lms_doc_loader *load, void *obj);

/* The loader as custom handlers see it. */
struct lms_yparser *lms_loader_parser(struct lms_loader *ld);
/* Records an error at a mark, naming the current key path. */
int lms_loader_error(struct lms_loader *ld, struct lms_mark at,
		     const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Loads one value of a simple type (not SEQ, STRUCT or CUSTOM). */
int lms_loader_scalar(struct lms_loader *ld, const struct lms_event *ev,
		      const struct lms_field *f, void *field);
int lms_loader_node(struct lms_loader *ld, const struct lms_event *ev,
		    struct lms_node *out);
/* The key (len bytes) of the value read next, named in messages until
 * lms_loader_pop_key. */
void lms_loader_push_key(struct lms_loader *ld, const char *key, size_t len);
void lms_loader_pop_key(struct lms_loader *ld);

void lms_node_release(struct lms_node *n);

#endif
