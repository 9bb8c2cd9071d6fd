// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck-report, the questions the renderers ask of the model: totals,
 * an event's stack size and threshold, the orders of the lists.  All read
 * a const model; none changes it.
 */
#include "report.h"

#include <stddef.h>

/* A count added over the stack kinds (member: offsetof in struct kindstat). */
static unsigned long long over_kinds(const struct model *m, size_t member)
{
	unsigned long long n = 0;
	int i;

	for (i = 0; i < NKINDS; i++)
		n += *(const unsigned long long *)((const char *)&m->k[i] + member);
	return n;
}

unsigned long long model_total_events(const struct model *m)
{
	return over_kinds(m, offsetof(struct kindstat, events));
}

unsigned long long model_total_truncated(const struct model *m)
{
	return over_kinds(m, offsetof(struct kindstat, truncated));
}

/* The stack size and threshold an event was reported against. */
long long event_size(const struct event *ev)
{
	if (ev->have_numbers)
		return ev->size;
	return ev->boot_size > 0 ? ev->boot_size : DEFAULT_SIZE;
}

long long event_threshold(const struct event *ev)
{
	return ev->have_numbers ? ev->threshold : ev->boot_threshold;
}

long long event_reserve(const struct event *ev)
{
	return ev->boot_reserve;
}

const char *model_file_name(const struct model *m, unsigned idx)
{
	return strcmp(m->files[idx], "-") ? m->files[idx] : "(stdin)";
}

/* --fail-below: some event, or some summary's lowest=, went below it. */
int model_below(const struct model *m, long long bytes)
{
	return m->any_low && m->min_low < bytes;
}

int cmp_sites(const void *a, const void *b)
{
	const struct entry *x = *(struct entry *const *)a, *y = *(struct entry *const *)b;

	if (x->low != y->low)
		return x->low < y->low ? -1 : 1;
	if (x->events != y->events)
		return x->events > y->events ? -1 : 1;
	return strcmp(x->key, y->key);
}

int cmp_funcs(const void *a, const void *b)
{
	const struct entry *x = *(struct entry *const *)a, *y = *(struct entry *const *)b;

	if (x->bytes != y->bytes)
		return x->bytes > y->bytes ? -1 : 1;
	if (x->frames != y->frames)
		return x->frames > y->frames ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* The chain entry present after entry i (-1: the first one), or -1. */
int chain_next(const struct event *ev, int i)
{
	while (++i < CHAIN_MAX)
		if (ev->chain[i].present)
			return i;
	return -1;
}
