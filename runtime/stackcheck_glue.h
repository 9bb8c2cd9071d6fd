/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stackcheck: the interface between the freestanding runtime core
 * (stackcheck_core.c, stackcheck_entry.S) and the environment it runs in.
 *
 * A glue (kernel-glue/linux/, kernel-glue/userspace/) implements every
 * stackcheck_glue_*() below and calls stackcheck_init() once.  None of the
 * glue functions may be instrumented by the plugin, and the ones marked
 * "slow path" run on the nearly full stack: keep their frames tiny.
 */
#ifndef STACKCHECK_GLUE_H
#define STACKCHECK_GLUE_H

#include "stackcheck.h"

#define STACKCHECK_CHAIN_MAX	32
#define STACKCHECK_PENDING	8	/* nested events queued per CPU */
#define STACKCHECK_TOP_SITES	16	/* deepest sites kept for debugfs */
#define STACKCHECK_LINE_MAX	160

/* The runtime's knobs; the glue sets them before stackcheck_init(). */
struct stackcheck_config {
	int threshold;		/* report below this many bytes left */
	int reserve;		/* below this, the event is imminent-overflow */
	int panic;		/* 1: panic after reporting an imminent overflow */
	unsigned int burst;	/* rate limit: at most burst blocks ... */
	unsigned int interval_ms; /* ... per interval; 0 = no limit */
};
extern struct stackcheck_config stackcheck_config;

/* An event queued by a nested slow path, printed by the one it interrupted. */
struct stackcheck_pending {
	struct stackcheck_site *site;
	unsigned long sp;
	unsigned long ra;
	int left;
	enum stackcheck_kind kind;
};

/* Per-CPU state.  The glue owns the storage (e.g. DEFINE_PER_CPU). */
struct stackcheck_cpu {
	unsigned int busy;		/* reentrancy guard */
	unsigned int seq;		/* events raised by this CPU */
	unsigned int npending;
	struct stackcheck_pending pending[STACKCHECK_PENDING];
};

/* Per-stack-kind counters: exact whether or not anything was printed. */
struct stackcheck_stats {
	unsigned long events;
	unsigned long printed;
	unsigned long dropped;
	int lowest;			/* meaningful when events != 0 */
	struct stackcheck_site *lowest_site;
};
extern struct stackcheck_stats stackcheck_stats[STACKCHECK_NR_KINDS];

struct stackcheck_top {
	struct stackcheck_site *site;
	int left;
	enum stackcheck_kind kind;
};
extern struct stackcheck_top stackcheck_top[STACKCHECK_TOP_SITES];

/* ---- implemented by the glue ---- */

/*
 * Which known stack holds sp, and its bounds.  False when sp is on no stack
 * the glue knows (a user-space main thread, the i386 entry or #DF stacks):
 * the check's mask means nothing there.  Slow path.
 */
bool stackcheck_glue_stack(unsigned long sp, struct stackcheck_stack *st);

/* This CPU's state.  Slow path. */
struct stackcheck_cpu *stackcheck_glue_cpu(void);

/* One past the top of this CPU's emergency stack, 16-byte aligned. */
unsigned long stackcheck_glue_emergency_top(void);

/* Who is running: comm, pid, cpu, context. */
void stackcheck_glue_who(struct stackcheck_who *who);

/* Print one complete line (no trailing newline in line). */
void stackcheck_glue_print(const char *line);

/* "function+0xoff/0xsize" or the best it can; always NUL-terminates. */
void stackcheck_glue_symbolize(unsigned long addr, char *buf, unsigned int len);

/* A monotonic clock for rate limiting. */
unsigned long long stackcheck_glue_now_ns(void);

/* Called after an imminent overflow has been printed, with config.panic set. */
void stackcheck_glue_panic(const char *why);

/* ---- provided by the core ---- */

void stackcheck_init(unsigned long nsites);
void stackcheck_print_summary(void);
void stackcheck_reset(void);

/* Called from stackcheck_entry.S; explicit regparm so any caller ABI works. */
__attribute__((regparm(3)))
unsigned long stackcheck_enter(struct stackcheck_site *site, unsigned long sp,
			       unsigned long ra);
__attribute__((regparm(3)))
void stackcheck_report(struct stackcheck_site *site, unsigned long sp,
		       unsigned long fp);

#endif /* STACKCHECK_GLUE_H */
