// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel services the lib/ workloads call: string functions and a bump
 * allocator.  Built with the workload's flags (regparm, plugin, ...) like the
 * kernel's own arch/x86/lib string code, so every variant pays for its own.
 */
#include "kshim.h"

void *bench_kmemcpy(void *d, const void *s, size_t n)
{
	void *ret = d;

	__asm__ __volatile__("rep movsb"
			     : "+D"(d), "+S"(s), "+c"(n) : : "memory");
	return ret;
}

void *bench_kmemmove(void *d, const void *s, size_t n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;

	if (dp <= sp || dp >= sp + n)
		return bench_kmemcpy(d, s, n);
	while (n--)
		dp[n] = sp[n];
	return d;
}

void *bench_kmemset(void *d, int c, size_t n)
{
	void *ret = d;

	__asm__ __volatile__("rep stosb"
			     : "+D"(d), "+c"(n) : "a"(c) : "memory");
	return ret;
}

int bench_kmemcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}

/* Large enough for the biggest workload (rbtree nodes, xz/zlib state). */
#define ARENA_SIZE	(16u << 20)
static unsigned char arena[ARENA_SIZE] __aligned(16);
static size_t arena_used;

void *kmalloc(size_t size, gfp_t flags)
{
	void *p;

	size = (size + 15) & ~(size_t)15;
	if (size > ARENA_SIZE - arena_used)
		return NULL;
	p = arena + arena_used;
	arena_used += size;
	return p;
}

void kfree(const void *p)
{
}
