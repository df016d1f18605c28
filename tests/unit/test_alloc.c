#include <malloc.h>
#include <sys/mman.h>
#include <sys/resource.h>

#include "test.h"

#include "alloc.h"

/* Pushes ints 0..n-1 with lms_array_push_run, from_empty as given. */
static void run_to(int **v, size_t *n, size_t to, bool from_empty)
{
	while (*n < to)
		*(int *)lms_array_push_run(v, n, sizeof(int), from_empty) =
			(int)*n;
}

static void assert_counts_up(const int *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		assert_int_equal(v[i], (int)i);
}

/* A run from empty makes room for LMS_ARRAY_RUN_FIRST at once, and keeps
 * every element through its growth; lms_array_push can go on from it. */
static void a_run_from_empty_starts_with_room(void **state)
{
	int *v = NULL;
	size_t n = 0;

	(void)state;
	run_to(&v, &n, 1, true);
	assert_true(malloc_usable_size(v) >= LMS_ARRAY_RUN_FIRST * sizeof(int));
	run_to(&v, &n, 100, true);
	assert_counts_up(v, n);
	while (n < 300)
		*(int *)lms_array_push(&v, &n, sizeof(int)) = (int)n;
	assert_counts_up(v, n);
	/* Emptied and filled again, it starts over. */
	n = 0;
	run_to(&v, &n, 20, true);
	assert_counts_up(v, n);
	free(v);
}

/* One that lms_array_push began, its capacity exactly its length, grows
 * as lms_array_push would: not from_empty, every append has room (the
 * sanitizer build would see a write past the end). */
static void a_run_on_a_pushed_array_grows_as_push(void **state)
{
	int *v = NULL;
	size_t n = 0;

	(void)state;
	*(int *)lms_array_push(&v, &n, sizeof(int)) = 0;
	*(int *)lms_array_push(&v, &n, sizeof(int)) = 1;
	run_to(&v, &n, 40, false);
	assert_counts_up(v, n);
	free(v);
}

/* Room made ahead is kept: filling it moves nothing; past it the array
 * doubles, keeping every element. */
static void room_made_ahead_is_kept(void **state)
{
	int *v = NULL, *was;
	size_t n = 0, cap = 0;

	(void)state;
	lms_array_room(&v, &cap, 1000, sizeof(int));
	assert_int_equal(cap, 1000);
	was = v;
	for (; n < 1000; n++) {
		lms_array_room(&v, &cap, n + 1, sizeof(int));
		v[n] = (int)n;
	}
	assert_ptr_equal(v, was);
	lms_array_room(&v, &cap, n + 1, sizeof(int));
	assert_int_equal(cap, 2000);
	v[n++] = 1000;
	assert_counts_up(v, n);
	/* Less than there is room for: nothing. */
	lms_array_room(&v, &cap, 10, sizeof(int));
	assert_int_equal(cap, 2000);
	free(v);
}

/* (key, place) pairs: qsort of these is a stable sort by key. */
struct keyed {
	uint32_t key;
	size_t at;
};

static int by_key_then_place(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* The radix sort gives the order a stable comparison sort gives, for
 * keys of few distinct values (many ties), keys that differ only in their
 * high bits, and keys of every bit. */
static void order_by_key_is_a_stable_sort(void **state)
{
	static const uint32_t masks[] = { 0x3, 0xffc00000u, 0xffffffffu, 0 };
	enum { N = 5000 };
	uint32_t *keys = malloc(N * sizeof(*keys));
	struct keyed *want = malloc(N * sizeof(*want));
	size_t *order = malloc(N * sizeof(*order));
	uint32_t x = 12345;

	(void)state;
	for (size_t m = 0; m < sizeof(masks) / sizeof(*masks); m++) {
		for (size_t n = 0; n <= N; n += n < 3 ? 1 : N / 3) {
			for (size_t i = 0; i < n; i++) {
				x = x * 1103515245u + 12345u;
				keys[i] = (x ^ (x >> 15) ^ (x << 13)) & masks[m];
				want[i].key = keys[i];
				want[i].at = i;
			}
			lms_array_sort(want, n, sizeof(*want),
				       by_key_then_place);
			lms_order_by_key(keys, n, order);
			for (size_t i = 0; i < n; i++)
				assert_int_equal(order[i], want[i].at);
		}
	}
	free(keys);
	free(want);
	free(order);
}

static long minor_faults(void)
{
	struct rusage u;

	getrusage(RUSAGE_SELF, &u);
	return u.ru_minflt;
}

/* The minor faults of writing a byte to each page of size bytes at p. */
static long faults_writing(char *p, size_t size)
{
	long before = minor_faults();

	/* Through a volatile pointer: a store never read back is one the
	 * compiler may leave out. */
	for (volatile char *v = p; v < p + size; v += 4096)
		*v = 1;
	return minor_faults() - before;
}

/* A buffer prefaulted is written without a fault for each page: of 8 MiB,
 * 2,048 pages, it takes less than half the faults of one that is not
 * (with AddressSanitizer, each takes the faults of its shadow too). */
static void prefaulted_memory_is_mapped(void **state)
{
	enum { SIZE = 8 << 20 };
	char *plain = malloc(SIZE), *prefaulted = malloc(SIZE);
	long faults, baseline;
	int refused = 0;

	(void)state;
#ifdef MADV_POPULATE_WRITE
	refused = madvise(prefaulted + 4096 - ((uintptr_t)prefaulted & 4095),
			  4096, MADV_POPULATE_WRITE);
#else
	refused = 1;
#endif
	lms_prefault(prefaulted, SIZE);
	faults = faults_writing(prefaulted, SIZE);
	baseline = faults_writing(plain, SIZE);
	free(plain);
	free(prefaulted);
	if (refused)
		skip();		/* a kernel older than 5.14 */
	assert_true(baseline > SIZE / 4096 / 2);
	assert_true(faults < baseline / 2);
	/* Less than a mebibyte, or nothing: nothing done, nothing broken. */
	lms_prefault(NULL, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_run_from_empty_starts_with_room),
		cmocka_unit_test(a_run_on_a_pushed_array_grows_as_push),
		cmocka_unit_test(room_made_ahead_is_kept),
		cmocka_unit_test(order_by_key_is_a_stable_sort),
		cmocka_unit_test(prefaulted_memory_is_mapped),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
