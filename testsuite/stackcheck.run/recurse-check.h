/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A recursion that goes down to 600 bytes above the bottom of the stack it
 * runs on, recording each level's CFA and lowest byte, and the checks of the
 * events it raised against that truth (task.c, hardirq.c, softirq.c).
 */
#ifndef RECURSE_CHECK_H
#define RECURSE_CHECK_H

#include "run-common.h"

#define LEVELS 200
static unsigned long cfa[LEVELS + 1], low[LEVELS + 1];
static unsigned long rec_bottom;
static volatile int sink;

__attribute__((noinline)) int recurse(int n)
{
	volatile char buf[100];
	unsigned long sp;

	__asm__ __volatile__("movl %%esp, %0" : "=r"(sp));
	cfa[n] = (unsigned long)__builtin_dwarf_cfa();
	low[n] = sp;
	buf[0] = n;
	if (n == LEVELS || sp - rec_bottom < 600)
		return buf[0];
	return recurse(n + 1) + buf[0];
}

/* Run the recursion on the stack of kind via start(); check its events. */
static int recurse_and_check(int kind, const char *name, void (*start)(void))
{
	unsigned long top = stack_top(kind), bottom = stack_bottom(kind);
	char key[32];
	int i, l, ev = 0, chain_ok = 1;
	unsigned long d0, s0, d1, s1, sp;

	rec_bottom = bottom;
	capture_start();
	start();
	stackcheck_user_set_print_hook(0);
	for (i = 0; i < ncaptured; i++)
		printf("captured: %s\n", captured[i]);

	/* Every event: its sp names a level; left must match that level. */
	snprintf(key, sizeof(key), "stack=%s left=", name);
	for (l = 0; (l = find_line(l, key, NULL)) >= 0; l++) {
		long left = field(captured[l], "left=", 0);

		sp = field(captured[l], "sp=", 0);
		for (i = 0; i <= LEVELS; i++)
			if (cfa[i] - 4 == sp)
				break;
		CHECK(i <= LEVELS, "event sp=%#lx is no level's", sp);
		if (i > LEVELS)
			continue;
		printf("event at level %d: left=%ld truth=%ld\n", i, left,
		       (long)(low[i] - bottom));
		CHECK(labs(left - (long)(low[i] - bottom)) <= 16,
		      "left=%ld truth=%ld", left, (long)(low[i] - bottom));
		ev++;
	}
	CHECK(ev >= 2, "%d events", ev);
	if (ev < 2)
		return 1;

	/* The first event's chain: entries 1.. are recurse's frames. */
	l = find_line(0, "Depth Size Location", NULL);
	CHECK(l > 0 && strstr(captured[l + 1], " 0) ") &&
	      strstr(captured[l + 1], "recurse+"), "entry 0: %s",
	      captured[l + 1]);
	for (i = 2; i <= 6; i++) {
		const char *e = strstr(captured[l + i], ") ");
		unsigned long depth, size;
		char where[64];

		if (!e || sscanf(e + 2, "%lu %lu %63s", &depth, &size, where) != 3 ||
		    strncmp(where, "recurse+", 8) || size != cfa[0] - cfa[1]) {
			chain_ok = 0;
			printf("chain entry: %s (frame is %lu)\n", captured[l + i],
			       cfa[0] - cfa[1]);
		}
	}
	CHECK(chain_ok, "chain entries 1-5 are recurse frames of %lu bytes",
	      cfa[0] - cfa[1]);
	if (!chain_ok)
		return 1;
	/* Depths add up, and entry 1 starts at the CFA of the one that fired. */
	sscanf(strstr(captured[l + 1], ") ") + 2, "%lu %lu", &d0, &s0);
	sscanf(strstr(captured[l + 2], ") ") + 2, "%lu %lu", &d1, &s1);
	sp = field(captured[find_line(0, "sp=", NULL)], "sp=", 0);
	CHECK(d0 == d1 + s0, "d0=%lu d1=%lu s0=%lu", d0, d1, s0);
	CHECK(d1 == top - (sp + 4), "d1=%lu top-cfa=%lu", d1, top - (sp + 4));
	CHECK(stackcheck_user_canary_intact(kind), "canary below %s", name);
	return failures ? 1 : 0;
}

#endif /* RECURSE_CHECK_H */
