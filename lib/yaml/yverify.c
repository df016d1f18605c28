#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "emit.h"
#include "error.h"
#include "i18n.h"
#include "yparse.h"
#include "yverify.h"

/* Reading */

static int read_root(struct lms_loader *ld, const struct lms_event *root,
		     void *obj)
{
	struct lms_node *out = obj;

	if (root->type != LMS_EV_END)
		return lms_loader_node(ld, root, out);
	memset(out, 0, sizeof(*out));
	out->type = LMS_EV_END;
	return 0;
}

static int read_tree(const char *path, const char *text, size_t len,
		     struct lms_node *out)
{
	int err;

	memset(out, 0, sizeof(*out));
	if ((err = lms_load_custom_text(path, text, len, read_root, out)))
		lms_node_release(out);
	return err;
}

int lms_ynode_read(const char *text, size_t len, struct lms_node *out)
{
	return read_tree("(value)", text, len, out);
}

/* Applying the change to the tree before it */

/* An empty document or a plain null: what a new key or list replaces. */
static bool is_null(const struct lms_node *n)
{
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL" };

	if (n->type == LMS_EV_END)
		return true;
	if (n->type != LMS_EV_SCALAR || !n->plain)
		return false;
	for (size_t i = 0; i < sizeof(nulls) / sizeof(*nulls); i++)
		if (!strcmp(n->scalar, nulls[i]))
			return true;
	return false;
}

/* The index in n->items of the value that key path segment seg (len
 * bytes) names: a mapping's value by its key, a list's item by its
 * 1-based number; -1 if there is none. */
static long child(const struct lms_node *n, const char *seg, size_t len)
{
	if (n->type == LMS_EV_MAP) {
		for (size_t i = 0; i + 1 < n->nitems; i += 2) {
			const char *key = n->items[i].scalar;

			if (key && strlen(key) == len && !memcmp(key, seg, len))
				return (long)i + 1;
		}
	} else if (n->type == LMS_EV_SEQ && len && strspn(seg, "0123456789") >= len) {
		unsigned long k = strtoul(seg, NULL, 10);

		if (k >= 1 && k <= n->nitems)
			return (long)k - 1;
	}
	return -1;
}

/* Moves *from into *to, leaving from empty. */
static void move_node(struct lms_node *to, struct lms_node *from)
{
	*to = *from;
	memset(from, 0, sizeof(*from));
}

static void make_empty(struct lms_node *n, enum lms_ev type)
{
	lms_node_release(n);
	n->type = type;
}

static void push(struct lms_node *list, struct lms_node *item)
{
	move_node(lms_array_push(&list->items, &list->nitems,
				 sizeof(*list->items)), item);
}

/* A list of want alone, in n. */
static void list_of(struct lms_node *n, struct lms_node *want)
{
	make_empty(n, LMS_EV_SEQ);
	push(n, want);
}

static void add_pair(struct lms_node *map, const char *key, size_t len,
		     struct lms_node *value)
{
	struct lms_node k = { .type = LMS_EV_SCALAR, .plain = 1 };

	k.scalar = lms_strndup(key, len);
	push(map, &k);
	push(map, value);
}

static void remove_child(struct lms_node *parent, long i)
{
	size_t from = parent->type == LMS_EV_MAP ? (size_t)i - 1 : (size_t)i;
	size_t n = parent->type == LMS_EV_MAP ? 2 : 1;

	for (size_t k = 0; k < n; k++) {
		lms_node_release(&parent->items[from]);
		lms_array_remove(parent->items, &parent->nitems,
				 sizeof(*parent->items), from);
	}
}

/* The change at the last segment seg of its key path, in parent; false
 * if the change cannot be made there. */
static bool change_at(struct lms_node *parent, const char *seg, size_t len,
		      const struct lms_ychange *c)
{
	long i;

	if (is_null(parent) && c->want)
		make_empty(parent, LMS_EV_MAP);
	i = child(parent, seg, len);
	if (!c->want) {
		if (i >= 0)
			remove_child(parent, i);
		return true;
	}
	if (i < 0 && parent->type != LMS_EV_MAP)
		return false;	/* a list's item that is not there */
	if (i < 0) {
		struct lms_node value = { .type = LMS_EV_SCALAR, .plain = 1 };

		value.scalar = lms_strdup("");	/* a null, set below */
		add_pair(parent, seg, len, &value);
		i = (long)parent->nitems - 1;
	}
	if (!c->append) {
		lms_node_release(&parent->items[i]);
		move_node(&parent->items[i], c->want);
	} else if (parent->items[i].type == LMS_EV_SEQ) {
		push(&parent->items[i], c->want);
	} else if (is_null(&parent->items[i])) {
		list_of(&parent->items[i], c->want);
	} else {
		return false;	/* not a list, so nothing is appended */
	}
	return true;
}

/* Makes change c to the tree at root; false if its path leads nowhere. */
static bool apply(struct lms_node *root, const struct lms_ychange *c)
{
	struct lms_node *n = root;
	const char *k = c->keypath;

	if (!*k) {
		/* The document itself: only a list of records is appended to. */
		if (!c->append || !c->want)
			return false;
		if (n->type == LMS_EV_SEQ)
			push(n, c->want);
		else if (is_null(n))
			list_of(n, c->want);
		else
			return false;
		return true;
	}
	for (;;) {
		size_t len = strcspn(k, ".");
		long i;

		if (!k[len])
			return change_at(n, k, len, c);
		if ((i = child(n, k, len)) < 0)
			return false;
		n = &n->items[i];
		k += len + 1;
	}
}

/* Comparing */

/* A key with no name (a null key: "?" alone) leaves the path at its
 * mapping, which is where a message can point. */
static size_t push_key(struct lms_buf *at, const char *key)
{
	size_t len = at->len;

	if (*key)
		lms_buf_addf(at, "%s%s", len ? "." : "", key);
	return len;
}

static size_t push_index(struct lms_buf *at, size_t i)
{
	char n[24];

	snprintf(n, sizeof(n), "%zu", i + 1);
	return push_key(at, n);
}

/* The same string to every reader: quoted and plain alike only where
 * the plain one cannot be taken for a number, a boolean or a null. */
static bool same_scalar(const struct lms_node *a, const struct lms_node *b)
{
	return !strcmp(a->scalar, b->scalar) &&
	       (!a->plain == !b->plain || lms_yaml_plain_ok(a->scalar, 0));
}

static bool same(const struct lms_node *a, const struct lms_node *b,
		 struct lms_buf *at);

/* The value of key k (at items[k]) of map b that no earlier key used; -1
 * if none. */
static long find_key(const struct lms_node *b, const struct lms_node *key,
		     const bool *used)
{
	for (size_t i = 0; i + 1 < b->nitems; i += 2)
		if (!used[i] && same_scalar(key, &b->items[i]))
			return (long)i;
	return -1;
}

/* Mappings are the same pairs in any order: a key added goes where the
 * schema puts it, not last. */
static bool same_map(const struct lms_node *a, const struct lms_node *b,
		     struct lms_buf *at)
{
	bool *used = lms_calloc(b->nitems + 1, sizeof(*used));
	bool same_pairs = true;

	for (size_t i = 0; same_pairs && i + 1 < a->nitems; i += 2) {
		long k = find_key(b, &a->items[i], used);
		size_t len = push_key(at, a->items[i].scalar);

		same_pairs = k >= 0 && same(&a->items[i + 1], &b->items[k + 1], at);
		if (same_pairs) {
			used[k] = true;
			lms_buf_truncate(at, len);
		}
	}
	for (size_t i = 0; same_pairs && i + 1 < b->nitems; i += 2)
		if (!used[i]) {
			push_key(at, b->items[i].scalar);
			same_pairs = false;
		}
	lms_free(used);
	return same_pairs;
}

/* Whether b is a, as readers see them; at ends in the key path of the
 * first difference. */
static bool same(const struct lms_node *a, const struct lms_node *b,
		 struct lms_buf *at)
{
	/* An empty document is an empty value; and a mapping whose last
	 * key goes may be left a null, which readers take for absent too. */
	if (is_null(b) && (is_null(a) || (a->type == LMS_EV_MAP && !a->nitems)))
		return true;
	if (a->type != b->type)
		return false;
	if (a->type == LMS_EV_SCALAR)
		return same_scalar(a, b);
	if (a->type == LMS_EV_MAP)
		return same_map(a, b, at);
	if (a->nitems != b->nitems)
		return false;
	for (size_t i = 0; i < a->nitems; i++) {
		size_t len = push_index(at, i);

		if (!same(&a->items[i], &b->items[i], at))
			return false;
		lms_buf_truncate(at, len);
	}
	return true;
}

static int refuse(const char *path, const struct lms_buf *at)
{
	if (!at->len)
		return lms_error(LMS_EDATA, _("%s: cannot make this change "
					      "safely: it would change the file "
					      "elsewhere too; nothing was "
					      "changed; edit the file by hand"),
				 path);
	/* TRANSLATORS: %2$s is a key path, as in "sessions.2.place". */
	return lms_error(LMS_EDATA, _("%1$s: cannot make this change "
				      "safely: it would change '%2$s' too; "
				      "nothing was changed; edit the file by "
				      "hand"), path, at->buf);
}

int lms_yverify(const char *path, const char *before, size_t before_len,
		const char *after, size_t after_len,
		const struct lms_ychange *change)
{
	struct lms_node want, was, now;
	struct lms_buf at = LMS_BUF_INIT;
	int err = 0;

	if (change->want)
		move_node(&want, change->want);
	if (read_tree(path, after, after_len, &now)) {
		/* The caller's own check says what is wrong with it. */
		if (change->want)
			lms_node_release(&want);
		return 0;
	}
	if ((err = read_tree(path, before, before_len, &was)))
		goto out;
	if (!apply(&was, &(struct lms_ychange){ change->keypath,
				change->want ? &want : NULL, change->append }) ||
	    !same(&was, &now, &at))
		err = refuse(path, &at);
	lms_node_release(&was);
out:
	if (change->want)
		lms_node_release(&want);
	lms_node_release(&now);
	lms_buf_release(&at);
	return err;
}
