// SPDX-License-Identifier: GPL-2.0
/* Workload: the kernel's heapsort (lib/sort.c): the input's words sorted as
 * u32 with the generic swap, then as 12-byte records with a caller's swap
 * (the two ways kernel code calls it). */
#include <linux/sort.h>
#include "kshim.h"

struct rec {
	u32 key, a, b;
};

static int cmp_u32(const void *a, const void *b)
{
	u32 x = *(const u32 *)a, y = *(const u32 *)b;

	return x < y ? -1 : x > y;
}

static int cmp_rec(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->a < y->a ? -1 : x->a > y->a;
}

static void swap_rec(void *a, void *b, int size)
{
	struct rec t = *(struct rec *)a;

	*(struct rec *)a = *(struct rec *)b;
	*(struct rec *)b = t;
}

BENCH_ENTRY long bench_run(const void *in, size_t in_len, void *out,
			   size_t out_cap)
{
	size_t n = in_len / 4, nrec = n / 3, i;
	u32 *w = out;
	struct rec *r;

	if (out_cap < in_len + nrec * sizeof(*r))
		return -1;
	memcpy(w, in, n * 4);
	sort(w, n, 4, cmp_u32, NULL);
	r = (struct rec *)(w + n);
	for (i = 0; i < nrec; i++) {
		r[i].key = ((const u32 *)in)[3 * i] & 0xfff;
		r[i].a = ((const u32 *)in)[3 * i + 1];
		r[i].b = (u32)i;
	}
	sort(r, nrec, sizeof(*r), cmp_rec, swap_rec);
	return n * 4 + nrec * sizeof(*r);
}
