/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers of the stress tests (not a test: stress.exp globs *.c only): run
 * a function with the stack pointer at a chosen depth of the runtime's task
 * stack, so that its check reports, and a CHECK that counts failures.
 */
#ifndef STRESS_COMMON_H
#define STRESS_COMMON_H

#include <stdio.h>
#include "stackcheck_user.h"
#include "stackcheck_attr.h"

enum { KIND_TASK, KIND_HARDIRQ, KIND_SOFTIRQ };

static int failures;

#define CHECK(cond, ...)						\
	do {								\
		if (!(cond)) {						\
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

/*
 * Call fn with the stack pointer at sp (its return address at sp - 4).
 * Not checked itself: it runs on whatever stack it is called from.
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

#endif /* STRESS_COMMON_H */
