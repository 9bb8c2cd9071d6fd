/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the run tests (not a test: run.exp globs *.c only).
 * The tests check the runtime against a truth they measure themselves: the
 * stack bounds from stackcheck_user_bounds(), each frame's CFA from
 * __builtin_dwarf_cfa(), and the log lines captured by a print hook.
 */
#ifndef RUN_COMMON_H
#define RUN_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "stackcheck_user.h"
#include "stackcheck_attr.h"

enum { KIND_TASK, KIND_HARDIRQ, KIND_SOFTIRQ };

/* ---- captured log lines ---- */

#define MAX_LINES	16384
static char captured[MAX_LINES][168];
static int ncaptured;

/*
 * Runs on an emergency stack, and may be interrupted by a signal whose
 * report captures too: take the slot first, then copy.
 */
static void capture_line(const char *line)
{
	int i = __atomic_fetch_add(&ncaptured, 1, __ATOMIC_SEQ_CST);

	if (i < MAX_LINES)
		strncpy(captured[i], line, sizeof(captured[0]) - 1);
	else
		__atomic_store_n(&ncaptured, MAX_LINES, __ATOMIC_SEQ_CST);
}

static void capture_start(void)
{
	ncaptured = 0;
	stackcheck_user_set_print_hook(capture_line);
}

/*
 * The number after "key" in line (key includes '='), or def.  Addresses
 * above 2 GiB (where qemu-user or a 4G/4G split puts stacks) are read in
 * full and come back as the same bits in a long.
 */
static long field(const char *line, const char *key, long def)
{
	const char *p = strstr(line, key);

	if (!p)
		return def;
	return (long)strtoll(p + strlen(key), NULL, 0);
}

/* The index of the first captured line matching all of a, b (b may be NULL). */
static int find_line(int from, const char *a, const char *b)
{
	int i;

	for (i = from; i < ncaptured; i++)
		if (strstr(captured[i], a) && (!b || strstr(captured[i], b)))
			return i;
	return -1;
}

static int failures;

#define CHECK(cond, ...)						\
	do {								\
		if (cond) {						\
			printf("CHECK ok: %s\n", #cond);		\
		} else {						\
			failures++;					\
			printf("CHECK FAIL: %s: ", #cond);		\
			printf(__VA_ARGS__);				\
			printf("\n");					\
		}							\
	} while (0)

static unsigned long stack_bottom(int kind)
{
	unsigned long b, t;

	stackcheck_user_bounds(kind, &b, &t);
	return b;
}

static unsigned long stack_top(int kind)
{
	unsigned long b, t;

	stackcheck_user_bounds(kind, &b, &t);
	return t;
}

/*
 * Call fn with the stack pointer at sp (fn's return address is pushed at
 * sp - 4, so fn's check sees sp_check = sp - 4).  esi is callee-saved.
 */
__no_stackcheck __attribute__((noinline))
static void call_at(unsigned long sp, void (*fn)(void))
{
	__asm__ __volatile__(
		"movl	%%esp, %%esi\n\t"
		"movl	%0, %%esp\n\t"
		"call	*%1\n\t"
		"movl	%%esi, %%esp"
		: : "r"(sp), "r"(fn)
		: "esi", "eax", "ecx", "edx", "memory", "cc");
}

#endif /* RUN_COMMON_H */
