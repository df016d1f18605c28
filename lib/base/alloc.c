#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

static void (*oom_handler)(void) = abort;

void lms_set_oom_handler(void (*handler)(void))
{
	oom_handler = handler ? handler : abort;
}

static void *checked(void *p)
{
	if (!p) {
		oom_handler();
		abort();	/* a handler must not return */
	}
	return p;
}

void *lms_malloc(size_t size)
{
	return checked(malloc(size ? size : 1));
}

void *lms_calloc(size_t n, size_t size)
{
	return checked(calloc(n ? n : 1, size ? size : 1));
}

void *lms_realloc(void *p, size_t size)
{
	return checked(realloc(p, size ? size : 1));
}

char *lms_strdup(const char *s)
{
	return checked(strdup(s));
}

char *lms_strndup(const char *s, size_t n)
{
	return checked(strndup(s, n));
}

static int is_power_of_two(size_t n)
{
	return n && !(n & (n - 1));
}

void *lms_array_push(void *arrp, size_t *n, size_t size)
{
	char **arr = arrp;
	char *item;

	if (*n == 0 || is_power_of_two(*n)) {
		size_t cap = *n ? *n * 2 : 1;

		if (cap > SIZE_MAX / size)
			checked(NULL);
		*arr = lms_realloc(*arr, cap * size);
	}
	item = *arr + *n * size;
	memset(item, 0, size);
	(*n)++;
	return item;
}

void lms_array_remove(void *arr, size_t *n, size_t size, size_t i)
{
	char *base = arr;

	memmove(base + i * size, base + (i + 1) * size, (*n - i - 1) * size);
	(*n)--;
}

void lms_array_sort(void *arr, size_t n, size_t size,
		    int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(arr, n, size, cmp);
}
