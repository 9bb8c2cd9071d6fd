/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stackcheck: the interface between the freestanding runtime core
 * (stackcheck_core.c, stackcheck_entry.S) and the environment it runs in.
 *
 * A glue (kernel-glue/linux/, kernel-glue/userspace/) implements every
 * stackcheck_glue_*() below, fills stackcheck_config and calls
 * stackcheck_init() once.  None of the glue functions may be instrumented by
 * the plugin (name them stackcheck_* or build the file without the plugin).
 *
 * How one check runs:
 *
 *   instrumented fn --jz--> stub --call--> __stackcheck_slowpath (entry.S)
 *	saves eflags, eax, ecx, edx on the checked stack, then
 *	stackcheck_enter()		on the CHECKED stack: must stay tiny.
 *	    quick rejection from (sp & (size - 1)), then
 *	    stackcheck_glue_stack(), exact bytes left, threshold,
 *	    stackcheck_glue_context(), stackcheck_glue_cpu(),
 *	    the per-CPU, per-context guard, stackcheck_glue_emergency_top();
 *	    writes a struct stackcheck_event at the top of the emergency stack
 *	    and returns its address (0: nothing to report).
 *	the trampoline moves %esp to the event (old %esp kept there), then
 *	stackcheck_report()		on the EMERGENCY stack of this CPU and
 *					context: counts, dedupes, rate limits,
 *					prints; releases the guard.
 *	switches back, restores everything, returns into the function.
 *
 * Functions marked "slow path" below run on the nearly full stack, at any
 * point of any context (NMI included), with the guard not yet taken: no
 * locks, no printing, frames of a few words.  The others are called from
 * stackcheck_report() on an emergency stack of STACKCHECK_EMERGENCY_SIZE
 * bytes, of which the core uses about 1 KiB (see stackcheck_core.c): print
 * and symbolize may use the rest.
 *
 * The glue must keep the slow path on one CPU from stackcheck_enter() to the
 * end of stackcheck_report() only as far as the emergency stack is
 * concerned: the event records the CPU whose guard it took and releases
 * that one, so a task migrated in the middle stays correct (other tasks on
 * the old CPU just see a busy guard and count a nested drop meanwhile).
 *
 * All shared state is updated with 32-bit atomics (__atomic builtins, inline
 * on i386; no 64-bit atomics, no locks that an interrupt on the same CPU
 * could wait on forever).
 */
#ifndef STACKCHECK_GLUE_H
#define STACKCHECK_GLUE_H

#include "stackcheck.h"

/* The kernel's compiler_attributes.h has it; user space gets it here. */
#ifndef __printf
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#endif

#define STACKCHECK_CHAIN_MAX		32
#define STACKCHECK_TOP_SITES		16	/* deepest sites kept for debugfs */
#define STACKCHECK_LINE_MAX		160
/*
 * Bytes of each emergency stack.  One per CPU and per context (task,
 * softirq, hardirq, NMI); the Linux glue gives each a page of its own (16
 * KiB per CPU, stackcheck_linux.c says why).
 */
#define STACKCHECK_EMERGENCY_SIZE	3072

/* The runtime's knobs; the glue sets them before stackcheck_init(). */
struct stackcheck_config {
	int threshold;		/* report below this many bytes left */
	int reserve;		/* below this, the event is imminent-overflow */
	int panic;		/* 1: panic after reporting an imminent overflow */
	unsigned int burst;	/* rate limit: at most burst blocks (< 65536) ... */
	unsigned int interval_ms; /* ... per interval; 0 = no limit */
	unsigned int stack_size; /* for the "enabled" line: the plugin's stack-size */
	/*
	 * A site's new low is printed only when it falls in a lower band of
	 * step bytes left ([k * step, (k + 1) * step)) than the site's
	 * previous low; 0: every new low.  A first report and an imminent
	 * overflow always print.  May change at any time.
	 */
	unsigned int step;
};
extern struct stackcheck_config stackcheck_config;

/*
 * Per-CPU state.  The glue owns the storage (e.g. DEFINE_PER_CPU), zeroed.
 * Must be at least 4-byte aligned (the core tags its address).
 */
struct stackcheck_cpu {
	unsigned int busy[STACKCHECK_NR_CONTEXTS];	/* reentrancy guards */
	unsigned int seq;		/* events numbered by this CPU */
};

/*
 * One event on its way from stackcheck_enter() to stackcheck_report(): the
 * core writes it at the top of the emergency stack.  Core-private, declared
 * here so a debugger and the glue can read it.
 */
struct stackcheck_event {
	struct stackcheck_site *site;
	unsigned long sp;		/* sp at the check */
	unsigned long ra;		/* where the function resumes */
	int left;			/* exact bytes left below the frame */
	struct stackcheck_stack stack;	/* the stack sp is on */
	struct stackcheck_cpu *cpu;	/* whose guard was taken */
	enum stackcheck_context context;
};

/* Per-stack-kind counters: exact whether or not anything was printed. */
struct stackcheck_stats {
	unsigned long events;	/* every exact-check hit below threshold */
	unsigned long printed;	/* blocks printed */
	unsigned long dropped;	/* ratelimit + nested */
	unsigned long stepped;	/* new lows in the band of the site's last low */
	int lowest;		/* meaningful when events != 0 */
	/*
	 * The site that reached lowest, tagged: the low 2 bits count updates
	 * so that lowest and the site are published as one pair with 32-bit
	 * compare-and-swap.  Read it with STACKCHECK_LOWEST_SITE().
	 */
	unsigned long lowest_site;
};
#define STACKCHECK_LOWEST_SITE(st) \
	((struct stackcheck_site *)((st)->lowest_site & ~3ul))
extern struct stackcheck_stats stackcheck_stats[STACKCHECK_NR_KINDS];

/* The deepest sites (lowest left), unordered; site == NULL: free slot. */
struct stackcheck_top {
	struct stackcheck_site *site;
	unsigned long ra;	/* where its function resumed: symbolize it */
	int left;
	enum stackcheck_kind kind;
};
extern struct stackcheck_top stackcheck_top[STACKCHECK_TOP_SITES];

/* ---- implemented by the glue ---- */

/*
 * Which known stack holds sp, and its bounds.  Stacks that are not
 * THREAD_SIZE-aligned but known (the i386 entry and #DF stacks, kind
 * STACKCHECK_OTHER) say so with their real bounds.  False when sp is on no
 * stack the glue knows (a user-space main thread, an emergency stack): the
 * check's mask means nothing there.  Slow path.
 */
bool stackcheck_glue_stack(unsigned long sp, struct stackcheck_stack *st);

/* What this CPU is running now: task, softirq, hardirq, nmi.  Slow path. */
enum stackcheck_context stackcheck_glue_context(void);

/* This CPU's state.  Slow path. */
struct stackcheck_cpu *stackcheck_glue_cpu(void);

/*
 * One past the top of this CPU's emergency stack for context ctx, 16-byte
 * aligned, STACKCHECK_EMERGENCY_SIZE bytes.  Only the slow path holding
 * cpu->busy[ctx] uses it.  Slow path.
 */
unsigned long stackcheck_glue_emergency_top(enum stackcheck_context ctx);

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

/*
 * Once, after stackcheck_config is set: sorts the site array (the section
 * __stackcheck_sites, [start, stop)) by key in place, remembers it and
 * prints the "enabled" line.
 */
void stackcheck_init(struct stackcheck_site *start, struct stackcheck_site *stop);

/* Before stackcheck_init(), optional: the plugin's names (section __stackcheck_names). */
void stackcheck_init_names(const struct stackcheck_name *start,
			   const struct stackcheck_name *stop);

/* The summary lines, one per stack kind, and pending "dropped" lines. */
void stackcheck_print_summary(void);

/*
 * The summary text itself, the one stackcheck_print_summary() prints: one
 * line per stack kind ("summary stack=task events=... at=..."), each handed
 * to emit without the "stackcheck: " prefix and without a newline (a glue's
 * own view of it, e.g. a debugfs file).  Ordinary code, not the slow path.
 */
void stackcheck_format_summary(void (*emit)(const char *line, void *arg),
			       void *arg);

/* Clears the stats, the top table and every site's low and hits. */
void stackcheck_reset(void);

/* Called from stackcheck_entry.S; explicit regparm so any caller ABI works. */
__attribute__((regparm(3)))
struct stackcheck_site *stackcheck_locate(unsigned long *ra_slot);
__attribute__((regparm(3)))
unsigned long stackcheck_enter(struct stackcheck_site *site, unsigned long sp,
			       unsigned long ra);
__attribute__((regparm(3)))
void stackcheck_report(struct stackcheck_event *ev, unsigned long sp,
		       unsigned long fp);

#endif /* STACKCHECK_GLUE_H */
