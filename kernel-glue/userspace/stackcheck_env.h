/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stackcheck user-space glue: its environment, decided here once.
 *
 * STACKCHECK_ENV(X) is the table of the STACKCHECK_* variables the glue
 * (stackcheck_user.c) reads at start-up, in the order it reads them; the
 * manual's ENVIRONMENT section (build/stackcheck-env-help, from
 * tools/stackcheck-env-help.c, and the man page stackcheck(7)) is printed
 * from the same table.  Each entry is
 *
 *	X(NAME, FIELD, DEFAULT, MIN, MAX, POW2, HELP)
 *
 *	NAME		the variable is STACKCHECK_<NAME>
 *	FIELD		the member of struct stackcheck_config it sets
 *	DEFAULT, MIN	runtime/stackcheck_options.h's
 *	MAX		an expression of `size', the stack size in effect
 *			(STACKCHECK_STACK_SIZE, read first; its own MAX does
 *			not use it): runtime/stackcheck_options.h's
 *	POW2		1: the value must also be a power of two
 *	HELP		what the value means: one sentence of the manual, no
 *			full stop
 *
 * A value that is not a decimal number from MIN to MAX is refused, never
 * clamped: a message naming the variable and its limits ("stackcheck:
 * STACKCHECK_STEP=1k: expected a number from 0 to 8191"), or "expected a
 * power of two", and exit status 2.
 *
 * Nothing here may depend on libc: the glue (-m32) and the host program
 * that prints the manual (tools/stackcheck-env-help.c) both include it.
 */
#ifndef STACKCHECK_ENV_H
#define STACKCHECK_ENV_H

#include "stackcheck_options.h"

#define STACKCHECK_ENV(X)						\
	X(STACK_SIZE, stack_size, STACKCHECK_STACK_SIZE_DEFAULT,	\
	  STACKCHECK_STACK_SIZE_MIN, STACKCHECK_STACK_SIZE_MAX, 1,	\
	  "Size and alignment of the task, hardirq and softirq stacks; " \
	  "must equal the plugin's stack-size")				\
	X(THRESHOLD, threshold, STACKCHECK_THRESHOLD_DEFAULT,		\
	  STACKCHECK_THRESHOLD_MIN, STACKCHECK_THRESHOLD_MAX(size), 0,	\
	  "Report below this many bytes left")				\
	X(RESERVE, reserve, STACKCHECK_RESERVE_DEFAULT,			\
	  0ul, STACKCHECK_RESERVE_MAX(size), 0,				\
	  "Below this many bytes left the event is imminent-overflow")	\
	X(PANIC, panic, STACKCHECK_PANIC_DEFAULT,			\
	  0ul, STACKCHECK_PANIC_MAX, 0,					\
	  "1: after an imminent overflow is printed, print "		\
	  "\"stackcheck: panic: ...\" and exit with status 3 "		\
	  "(or call the panic hook)")					\
	X(BURST, burst, STACKCHECK_BURST_DEFAULT,			\
	  0ul, STACKCHECK_BURST_MAX, 0,					\
	  "Rate limit: print at most this many blocks per "		\
	  "STACKCHECK_INTERVAL_MS; 0: no limit")			\
	X(INTERVAL_MS, interval_ms, STACKCHECK_INTERVAL_MS_DEFAULT,	\
	  0ul, STACKCHECK_INTERVAL_MS_MAX, 0,				\
	  "The rate limit's window in milliseconds; 0: no limit")	\
	X(STEP, step, STACKCHECK_STEP_DEFAULT,				\
	  0ul, STACKCHECK_STEP_MAX(size), 0,				\
	  "Print a site's new low only when it falls in a lower band of " \
	  "this many bytes left than its previous low; 0: every new low")

/* The table's indices: STACKCHECK_ENV_STACK_SIZE, ...; STACKCHECK_NR_ENV. */
enum stackcheck_env_index {
#define X(name, field, def, min, max, pow2, help) STACKCHECK_ENV_##name,
	STACKCHECK_ENV(X)
#undef X
	STACKCHECK_NR_ENV
};

/* The stack size is read first: the other limits depend on it. */
_Static_assert(STACKCHECK_ENV_STACK_SIZE == 0, "STACK_SIZE is not first");

/* The largest value variable i may have at this stack size. */
static inline unsigned long stackcheck_env_max(int i, unsigned long size)
{
	(void)size;
	switch (i) {
#define X(name, field, def, min, max, pow2, help)			\
	case STACKCHECK_ENV_##name: return max;
	STACKCHECK_ENV(X)
#undef X
	}
	return 0;
}

#endif /* STACKCHECK_ENV_H */
