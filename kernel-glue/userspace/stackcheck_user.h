/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stackcheck user-space glue: lets -m32 test programs exercise the runtime the
 * way a kernel would.  "Task" code runs on a THREAD_SIZE-aligned stack
 * (makecontext/swapcontext), "hardirq" code in a signal handler on a
 * THREAD_SIZE-aligned sigaltstack, "softirq" code on a third aligned stack.
 * The main thread's own stack is not aligned: events there are ignored.
 *
 * Link: gcc -m32 prog.c build/libstackcheck-user.a  (prog.c built with the
 * plugin).  The runtime prints the log format of docs/reference/log-format.md on
 * stderr.  Its environment (STACKCHECK_STACK_SIZE, _THRESHOLD, _RESERVE,
 * _PANIC, _BURST, _INTERVAL_MS, _STEP), read at start-up, is the table
 * STACKCHECK_ENV of stackcheck_env.h, with each variable's default, limits
 * and meaning; `man 7 stackcheck` prints it.  A value that is not a decimal
 * number in range stops the program with a message naming the variable and
 * its limits, and exit status 2.
 * At exit the summary lines are printed.  kind below is enum stackcheck_kind
 * (0 task, 1 hardirq, 2 softirq).
 */
#ifndef STACKCHECK_USER_H
#define STACKCHECK_USER_H

#include <stddef.h>

/*
 * The glue is built with the default i386 convention; these declarations
 * say so, so that programs built with -mregparm=3 (as the kernel is) call
 * it right.  Callbacks (fn, handler, hooks) are called with the default
 * convention too: under -mregparm=3 declare them
 * __attribute__((regparm(0))) if they use their arguments.
 */
#define STACKCHECK_USER_ABI	__attribute__((regparm(0)))

/* Run fn(arg) on the "task" stack and come back when it returns. */
STACKCHECK_USER_ABI void stackcheck_user_run_task(void (*fn)(void *), void *arg);

/* Run fn(arg) on the "softirq" stack and come back when it returns. */
STACKCHECK_USER_ABI void stackcheck_user_run_softirq(void (*fn)(void *), void *arg);

/* Install handler for signo, to run on the "hardirq" stack. */
STACKCHECK_USER_ABI void stackcheck_user_irq_handler(int signo, void (*handler)(int));

/* Lowest and highest address of each stack, for tests that check the truth. */
STACKCHECK_USER_ABI void stackcheck_user_bounds(int kind, unsigned long *bottom, unsigned long *top);

/*
 * Called instead of abort() after an imminent overflow was printed with
 * STACKCHECK_PANIC=1.  The default prints "stackcheck: panic: <why>" and
 * exits with status 3.
 */
STACKCHECK_USER_ABI void stackcheck_user_set_panic_hook(void (*hook)(const char *why));

/*
 * Called after every line the runtime printed (tests use it to raise an
 * "interrupt" in the middle of a report).  NULL: none.
 */
STACKCHECK_USER_ABI void stackcheck_user_set_print_hook(void (*hook)(const char *line));

/*
 * Bytes of the emergency stack of context (enum stackcheck_context: 0 task,
 * 1 softirq, 2 hardirq, 3 nmi) ever used so far: the glue paints them at
 * start-up, this finds the deepest byte overwritten.
 */
STACKCHECK_USER_ABI unsigned int stackcheck_user_emergency_used(int context);

/* Bytes below each stack's bottom that the glue fills with a canary. */
#define STACKCHECK_USER_GUARD	4096
#define STACKCHECK_USER_CANARY	0x5c5c5c5cu
/* 1 when the canary below the stack of kind is intact. */
STACKCHECK_USER_ABI int stackcheck_user_canary_intact(int kind);

#endif /* STACKCHECK_USER_H */
