/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The harness of the overflow corpus (not a test: overflow.exp globs *.c).
 *
 * A test defines pattern(): code that, unchecked, eats the stack it runs on
 * until past_bottom() says it is OVERFLOW_PAST bytes below the bottom, deep
 * in the 4 KiB canary the user-space glue keeps below each stack, and then
 * comes back.  The harness runs it on the task stack, or (built with
 * -DOVERFLOW_ON_HARDIRQ) in a signal handler on the hardirq stack, with
 * STACKCHECK_PANIC=1, and checks:
 *  - the first event block names the stack under test, and when it is
 *    printed the canary below that stack is intact;
 *  - the panic hook is reached (an imminent overflow of that stack) with
 *    the canary of every stack intact: then it prints "overflow: caught"
 *    and exits with status 3 (6 when a check failed).
 * A pattern that comes back was not caught: the harness says so and exits
 * with status 4 when the canary below its stack was destroyed (what the
 * control builds of overflow.exp, the plugin disabled, must show), 5 when
 * it is intact (the pattern never reached the bottom: a broken test).
 * A test whose pattern overflows a stack other than the one it starts on
 * defines OVERFLOW_KIND to that stack's kind before including this file.
 *
 * No libc calls but variadic ones (dprintf, syscall): overflow.exp builds
 * the tests with -mregparm=3 too, and libc does not use that convention.
 */
#ifndef OVERFLOW_H
#define OVERFLOW_H

#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "stackcheck_user.h"
#include "stackcheck_attr.h"

enum { KIND_TASK, KIND_HARDIRQ, KIND_SOFTIRQ };

#ifdef OVERFLOW_ON_HARDIRQ
#define OVERFLOW_KIND	KIND_HARDIRQ
#endif
#ifndef OVERFLOW_KIND
#define OVERFLOW_KIND	KIND_TASK
#endif

/* How far below the bottom an unchecked pattern goes before it stops. */
#define OVERFLOW_PAST	512

static const char *const kind_name[] = { "task", "hardirq", "softirq" };

static unsigned long overflow_stop;
static volatile unsigned int sink;

/*
 * 1 once the stack pointer is OVERFLOW_PAST bytes below the bottom.  It
 * writes a word at the stack pointer, as a call would: an unchecked
 * pattern that stops here has written below the bottom for sure, whatever
 * part of its frame it wrote itself.
 */
static inline __attribute__((always_inline)) int past_bottom(void)
{
	unsigned long sp;

	__asm__ __volatile__("movl %%esp, %0\n\t"
			     "pushl %0\n\t"
			     "addl $4, %%esp"
			     : "=r"(sp) : : "memory");
	return sp < overflow_stop;
}

static void pattern(void);

/* ---- what the runtime printed, seen from its print hook ---- */

static int events;
static int first_on_stack;	/* the first event named the stack under test */
static int first_canary;	/* its canary was intact when it was printed */
static int last_imminent;	/* the last title was an imminent overflow of it */
static char first_title[160];

/*
 * The hooks run on the runtime's emergency stack (3 KiB, a report already
 * on it): no stdio there, whose unbuffered paths take a BUFSIZ buffer on
 * the stack.  Lines are written with one write(2) each.
 */
__no_stackcheck static void say(const char *a, const char *b, const char *c)
{
	char line[256];
	const char *parts[3] = { a, b, c };
	int n = 0, i;

	for (i = 0; i < 3; i++)
		for (; parts[i] && *parts[i] && n < (int)sizeof(line) - 1;
		     parts[i]++)
			line[n++] = *parts[i];
	line[n++] = '\n';
	syscall(SYS_write, 1, line, n);
}

/* The position in s just past the first occurrence of w, or 0. */
__no_stackcheck static const char *after(const char *s, const char *w)
{
	int i;

	for (; *s; s++) {
		for (i = 0; w[i] && s[i] == w[i]; i++)
			;
		if (!w[i])
			return s + i;
	}
	return 0;
}

/* 1 when s starts with w. */
__no_stackcheck static int starts(const char *s, const char *w)
{
	while (*w && *s == *w)
		s++, w++;
	return !*w;
}

/* s names the stack under test: "<kind> stack,". */
__no_stackcheck static int names_stack(const char *s)
{
	const char *w = kind_name[OVERFLOW_KIND];

	while (*w && *s == *w)
		s++, w++;
	return !*w && starts(s, " stack,");
}

__no_stackcheck static int canaries_intact(void)
{
	int k;

	for (k = KIND_TASK; k <= KIND_SOFTIRQ; k++)
		if (!stackcheck_user_canary_intact(k))
			return 0;
	return 1;
}

/* Called after each line the runtime prints, on its emergency stack. */
__no_stackcheck STACKCHECK_USER_ABI static void on_line(const char *line)
{
	const char *near = after(line, " near-overflow: ");
	const char *imminent = after(line, " imminent-overflow: ");
	const char *title = near ? near : imminent;
	int i;

	if (!title)
		return;
	if (!events++) {
		first_on_stack = names_stack(title);
		first_canary = stackcheck_user_canary_intact(OVERFLOW_KIND);
		for (i = 0; line[i] && i < (int)sizeof(first_title) - 1; i++)
			first_title[i] = line[i];
	}
	last_imminent = imminent && names_stack(imminent);
}

static int failures;

__no_stackcheck static void check(int ok, const char *what)
{
	say("CHECK ", ok ? "ok: " : "FAIL: ", what);
	failures += !ok;
}

/* Called after an imminent overflow was printed: the end of the program. */
__no_stackcheck STACKCHECK_USER_ABI static void on_panic(const char *why)
{
	const char *name = kind_name[OVERFLOW_KIND];

	say("panic hook: ", why, 0);
	say("first event: ", first_title, 0);
	check(first_on_stack, "the first event names the stack under test");
	check(first_canary, "its canary was intact when it was printed");
	check(last_imminent, "the panic follows an imminent overflow of it");
	check(canaries_intact(), "every canary is intact at the panic");
	if (!failures)
		say("overflow: caught on the ", name,
		    " stack before its canary was touched");
	syscall(SYS_exit_group, failures ? 6 : 3);
}

/* ---- running the pattern ---- */

static void (*irq_fn)(void);

__no_stackcheck STACKCHECK_USER_ABI static void on_irq(int signo)
{
	irq_fn();
}

/*
 * Run fn in a signal handler on the hardirq stack, interrupting the code
 * that calls this (the signal is delivered before kill returns).
 */
static void raise_irq(void (*fn)(void))
{
	irq_fn = fn;
	syscall(SYS_kill, syscall(SYS_getpid), SIGUSR1);
}

static void run_pattern(void *arg)
{
#ifdef OVERFLOW_ON_HARDIRQ
	raise_irq(pattern);
#else
	pattern();
#endif
}

int main(void)
{
	unsigned long bottom, top;

	stackcheck_user_bounds(OVERFLOW_KIND, &bottom, &top);
	overflow_stop = bottom - OVERFLOW_PAST;
	/* The hooks take their argument on the stack, whatever -mregparm. */
	stackcheck_user_set_print_hook((void (*)(const char *))on_line);
	stackcheck_user_set_panic_hook((void (*)(const char *))on_panic);
	stackcheck_user_irq_handler(SIGUSR1, (void (*)(int))on_irq);
	stackcheck_user_run_task(run_pattern, 0);

	if (stackcheck_user_canary_intact(OVERFLOW_KIND)) {
		dprintf(1, "overflow: not caught; the canary below the %s stack is intact: the pattern never reached the bottom\n",
			kind_name[OVERFLOW_KIND]);
		return 5;
	}
	dprintf(1, "overflow: not caught; the canary below the %s stack was destroyed (%d events)\n",
		kind_name[OVERFLOW_KIND], events);
	return 4;
}

#endif /* OVERFLOW_H */
