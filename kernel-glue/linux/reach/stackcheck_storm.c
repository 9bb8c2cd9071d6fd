// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck: the event-storm selftest (CONFIG_STACKCHECK_STORM).
 *
 * Raises N near-overflow events, a third on each stack stackcheck tells
 * apart, all at once: the task share from the caller (a late initcall with
 * stackcheck_storm.events=N, or a write of N to
 * /sys/kernel/debug/stackcheck/storm), the hardirq share from a device
 * interrupt, the softirq share from a tasklet that interrupt schedules (run
 * at interrupt exit on the softirq stack).  On i386 only a device interrupt
 * switches to the hardirq stack (common_interrupt -> __handle_irq); the
 * local APIC's timer and IPIs are system vectors and run on the stack they
 * interrupt.  An hrtimer (HRTIMER_MODE_REL_HARD) fires every millisecond;
 * where a free legacy line can be raised by software (the IO-APIC's
 * retrigger sends its vector to the CPU) it raises that line, whose handler
 * runs the hardirq share; else (no APIC: the timer is the PIT, a device
 * interrupt) the hrtimer runs it itself.
 *
 * Room for interrupts: every deep chunk (task, softirq) runs with
 * interrupts off.  An interrupt taken near a stack's bottom runs its entry
 * code there, and a system vector all of itself: an APIC timer tick that
 * flushes the consoles needs more than 1 KiB, more than the threshold
 * leaves (seen on i386_defconfig: it overflowed the task stack).  Interrupts
 * come in between chunks, at a shallow depth, and inside reports: the
 * first line a report of a deep chunk prints calls the glue's print hook on
 * the report's emergency stack, and there the storm raises its line and
 * lets interrupts in (a window: the hardirq share, and at its exit the
 * softirq share, run while the task's or the softirq's report is open).  A
 * tasklet inside a hardirq report cannot run (softirqs wait for the hardirq
 * to end).  Each chunk that starts while a report of a lower context is
 * open is counted (the interrupted context's guard is held).
 *
 * Each event is one call of an instrumented function, storm_hit_<kind>(),
 * made from storm_descend_<kind>(), which is not instrumented and moves
 * the stack pointer (alloca) so that the call leaves between the reserve
 * and the threshold: every call is exactly one event, never an imminent
 * overflow.  The depth sweeps 4 bytes at a time, so each site reaches new
 * lows (and the rate limit has blocks to drop) before the sweep starts over.
 *
 * Pass, per stack kind: the hit counter of storm_hit_<kind>'s site rose by
 * exactly the calls made there, and the runtime's event counter of that
 * stack by at least as much (other code near the bottom of that stack:
 * shown as "elsewhere").  Over all kinds the sites' hit counters rose by
 * the events counted, less the nested ones (an event whose context's
 * report was already open: counted and dropped, without its site; at most
 * the drops); the blocks printed stayed within the rate limit's bound; a
 * hardirq or softirq chunk ran inside an open report of a lower context.
 * Results are KTAP lines, "stackcheck-storm: " prefixed, and
 * /sys/kernel/debug/stackcheck/storm shows the last run's figures.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/moduleparam.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/sched/task_stack.h>
#include <linux/magic.h>
#include <linux/mutex.h>
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>
#include <linux/kallsyms.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/irq.h>
#include <linux/delay.h>
#include <linux/preempt.h>
#include <asm/processor.h>

#include "stackcheck_glue.h"

/* The plugin's attribute: these functions move sp, they are not checked. */
#ifdef STACKCHECK_PLUGIN
#define __storm_nocheck __attribute__((no_stackcheck))
#else
#define __storm_nocheck
#endif

static unsigned long events;
module_param(events, ulong, 0444);
MODULE_PARM_DESC(events, "N: raise N near-overflow events at boot (late initcall)");

static bool imminent;
module_param(imminent, bool, 0444);
MODULE_PARM_DESC(imminent, "1: at boot, one call that leaves fewer bytes than the reserve");

#define STORM_HIT_FRAME		96	/* storm_hit's own array: checked */
#define STORM_TASK_CHUNK	500	/* events per descent, task stack */
#define STORM_IRQ_CHUNK		100	/* per timer shot and per tasklet run */
#define STORM_PERIOD_NS		1000000	/* the hrtimer: 1 ms */
#define STORM_TIMEOUT_S		120
#define STORM_WINDOW_US		3000	/* a window waits this long for a hardirq chunk */

/* The glue's print hook (kernel-glue/linux/stackcheck_linux.c). */
extern void (*stackcheck_glue_print_hook)(void);
/* A free legacy line raised by software (kernel-glue/linux/stackcheck_selftest.c). */
int stackcheck_irq_request(irq_handler_t fn, const char *name, void *dev);
bool stackcheck_irq_raise(unsigned int irq);

extern struct stackcheck_site __start___stackcheck_sites[];
extern struct stackcheck_site __stop___stackcheck_sites[];

struct storm_share {
	unsigned long want;		/* events to raise on this stack */
	unsigned long calls;		/* raised (calls of storm_hit_<kind>) */
	unsigned long chunks;
	unsigned long wrong_stack;	/* chunks skipped: not on this stack */
	unsigned long nested;		/* chunks run while a report was open */
	unsigned long windows;		/* interrupt windows in this stack's reports */
	unsigned long windows_skipped;	/* not opened: DEBUG_STACKOVERFLOW */
	unsigned int sweep;		/* depth step */
};

struct storm_result {
	struct storm_share share[3];	/* task, hardirq, softirq */
	unsigned long events[STACKCHECK_NR_KINDS];	/* counter deltas */
	unsigned long printed[STACKCHECK_NR_KINDS];
	unsigned long dropped[STACKCHECK_NR_KINDS];
	unsigned long long hits;	/* sum of the sites' hit deltas */
	unsigned long timer_fires;
	unsigned long irq_raised;	/* the line raised (by the timer, in windows) */
	unsigned long hardirq_runs;	/* hardirq handler runs (line or timer) */
	int irq;			/* the line, or -1: the hrtimer itself */
	u64 timer_late_max_ns;
	u64 elapsed_ns;
	unsigned long bound;		/* blocks the rate limit allows */
	bool ran, passed;
};

static struct storm_result storm_last;
static struct storm_result *storm_cur;
static DEFINE_MUTEX(storm_mutex);
static struct hrtimer storm_timer;
static struct tasklet_struct storm_tasklet;
static bool storm_stop;
static int storm_irq = -1;		/* the line, or -1: none */
static struct task_struct *storm_task;	/* runs the task share */
static int storm_armed[2];		/* task, softirq chunk: its CPU + 1 */

static bool storm_on(enum stackcheck_kind kind)
{
	struct stackcheck_stack st;

	return stackcheck_glue_stack(current_stack_pointer, &st) &&
	       st.kind == kind;
}

/* A report of a context below ctx is open on this CPU: we interrupted it. */
static bool storm_report_open(enum stackcheck_context ctx)
{
	struct stackcheck_cpu *cpu = stackcheck_glue_cpu();
	int c;

	for (c = STACKCHECK_CTX_TASK; c < ctx; c++)
		if (READ_ONCE(cpu->busy[c]))
			return true;
	return false;
}

/*
 * Bytes left the events are aimed at: from threshold - 96 down to
 * reserve + 96, 4 bytes a step.
 */
static unsigned int storm_target(struct storm_share *sh)
{
	int hi = READ_ONCE(stackcheck_config.threshold) - 96;
	int lo = stackcheck_config.reserve + 96;
	unsigned int steps = hi > lo ? (hi - lo) / 4 + 1 : 1;

	return hi - 4 * (sh->sweep++ % steps);
}

/*
 * One instrumented function per stack kind (one check site each); noipa
 * keeps identical code folding from making them one.
 */
#define STORM_KIND(kind)						\
static noinline __attribute__((__noipa__))				\
unsigned int storm_hit_##kind(unsigned int x)				\
{									\
	volatile char pad[STORM_HIT_FRAME];				\
									\
	pad[0] = x;							\
	pad[STORM_HIT_FRAME - 1] = x;					\
	return pad[0] + pad[STORM_HIT_FRAME - 1];			\
}									\
									\
/* Not checked: puts sp target bytes above the stack's bottom. */	\
static noinline __storm_nocheck __attribute__((__noipa__))		\
unsigned long storm_descend_##kind(unsigned int target, unsigned int n) \
{									\
	unsigned long left = current_stack_pointer & (THREAD_SIZE - 1);	\
	unsigned long need = target + STORM_HIT_FRAME + 64;		\
	volatile char *p;						\
	unsigned int i, sum = 0;					\
									\
	if (left < need + 64)						\
		return 0;	/* already deeper than the target */	\
	p = __builtin_alloca(left - need);				\
	p[0] = 0;							\
	for (i = 0; i < n; i++)						\
		sum += storm_hit_##kind(i);				\
	p[0] = sum;							\
	return n;							\
}

STORM_KIND(task)
STORM_KIND(hardirq)
STORM_KIND(softirq)
/*
 * The imminent test's own site: a site prints only its new lows, and the
 * storm's task site must start fresh (its reports open the windows).
 */
STORM_KIND(imminent)

static void storm_chunk(struct storm_share *sh, enum stackcheck_kind kind,
			enum stackcheck_context ctx, unsigned long chunk)
{
	unsigned long n = min_t(unsigned long, chunk, sh->want - sh->calls);
	unsigned long done, flags;
	int *armed = kind == STACKCHECK_TASK ? &storm_armed[0] :
		      kind == STACKCHECK_SOFTIRQ ? &storm_armed[1] : NULL;

	if (!n)
		return;
	if (!storm_on(kind)) {
		sh->wrong_stack++;
		return;
	}
	if (storm_report_open(ctx))
		sh->nested++;
	/* Deep with interrupts off; a report of this chunk opens a window. */
	local_irq_save(flags);
	if (armed)
		WRITE_ONCE(*armed, raw_smp_processor_id() + 1);
	switch (kind) {
	case STACKCHECK_TASK:
		done = storm_descend_task(storm_target(sh), n);
		break;
	case STACKCHECK_HARDIRQ:
		done = storm_descend_hardirq(storm_target(sh), n);
		break;
	default:
		done = storm_descend_softirq(storm_target(sh), n);
		break;
	}
	if (armed)
		WRITE_ONCE(*armed, 0);
	local_irq_restore(flags);
	if (!done)
		sh->wrong_stack++;
	sh->calls += done;
	sh->chunks++;
}

static void storm_tasklet_fn(struct tasklet_struct *t)
{
	struct storm_result *r = READ_ONCE(storm_cur);

	if (r && !READ_ONCE(storm_stop))
		storm_chunk(&r->share[STACKCHECK_SOFTIRQ], STACKCHECK_SOFTIRQ,
			    STACKCHECK_CTX_SOFTIRQ, STORM_IRQ_CHUNK);
}

/* The hardirq share: a chunk, nested in a report when one is open. */
static void storm_hardirq(struct storm_result *r)
{
	WRITE_ONCE(r->hardirq_runs, r->hardirq_runs + 1);
	storm_chunk(&r->share[STACKCHECK_HARDIRQ], STACKCHECK_HARDIRQ,
		    STACKCHECK_CTX_HARDIRQ, STORM_IRQ_CHUNK);
	if (r->share[STACKCHECK_SOFTIRQ].calls < r->share[STACKCHECK_SOFTIRQ].want)
		tasklet_hi_schedule(&storm_tasklet);
}

static irqreturn_t storm_irq_fn(int irq, void *dev)
{
	struct storm_result *r = READ_ONCE(storm_cur);

	if (r && !READ_ONCE(storm_stop))
		storm_hardirq(r);
	return IRQ_HANDLED;
}

/* Sends the line's vector to its CPU; with interrupts off it waits there. */
static void storm_raise(struct storm_result *r)
{
	if (stackcheck_irq_raise(storm_irq))
		r->irq_raised++;
}

/*
 * The glue's print hook: on the first line printed by a report of an
 * armed (deep, interrupts off) chunk, on that report's emergency stack,
 * raise the line and let interrupts in until a hardirq chunk ran (the
 * timer's, without a line: at most STORM_WINDOW_US).  Preemption stays
 * off: the task must not be switched out on an emergency stack.
 */
static void storm_print_hook(void)
{
	struct storm_result *r = READ_ONCE(storm_cur);
	struct stackcheck_stack st;
	unsigned long runs;
	unsigned int us;
	int c;

	if (!r || READ_ONCE(storm_stop) || !irqs_disabled() || in_hardirq() ||
	    in_nmi())
		return;
	c = in_serving_softirq() ? 1 : 0;
	if (READ_ONCE(storm_armed[c]) != raw_smp_processor_id() + 1 ||
	    (c == 0 && current != storm_task))
		return;
	/* On a known stack: not inside a report. */
	if (stackcheck_glue_stack(current_stack_pointer, &st))
		return;
	WRITE_ONCE(storm_armed[c], 0);
	/*
	 * DEBUG_STACKOVERFLOW's check in __handle_irq takes any sp in the
	 * lowest THREAD_SIZE / 8 of a THREAD_SIZE block for a nearly full
	 * stack ("low stack detected by irq handler" and a stack dump): an
	 * emergency stack is not THREAD_SIZE-aligned.  No window there.
	 */
	if (IS_ENABLED(CONFIG_DEBUG_STACKOVERFLOW) &&
	    (current_stack_pointer & (THREAD_SIZE - 1)) < THREAD_SIZE / 8 + 512) {
		r->share[c == 0 ? STACKCHECK_TASK : STACKCHECK_SOFTIRQ].windows_skipped++;
		return;
	}
	r->share[c == 0 ? STACKCHECK_TASK : STACKCHECK_SOFTIRQ].windows++;
	runs = READ_ONCE(r->hardirq_runs);
	if (storm_irq >= 0)
		storm_raise(r);
	preempt_disable();
	local_irq_enable();
	for (us = 0; us < STORM_WINDOW_US && READ_ONCE(r->hardirq_runs) == runs; us++)
		udelay(1);
	local_irq_disable();
	preempt_enable_no_resched();
}

static enum hrtimer_restart storm_timer_fn(struct hrtimer *t)
{
	struct storm_result *r = READ_ONCE(storm_cur);
	ktime_t now = hrtimer_cb_get_time(t);
	u64 late = ktime_to_ns(ktime_sub(now, hrtimer_get_expires(t)));

	if (!r || READ_ONCE(storm_stop))
		return HRTIMER_NORESTART;
	r->timer_fires++;
	if (late > r->timer_late_max_ns)
		r->timer_late_max_ns = late;
	/* The line's handler runs the hardirq share, once this one returns. */
	if (storm_irq >= 0)
		storm_raise(r);
	else
		storm_hardirq(r);
	hrtimer_forward_now(t, ns_to_ktime(STORM_PERIOD_NS));
	return HRTIMER_RESTART;
}

/*
 * The site of fn's entry check: found among the deepest sites the runtime
 * keeps (the storm's sites are there once they fired: they go deeper than
 * anything else), by the address where the check resumes.  NULL: not
 * found.
 */
static struct stackcheck_site *storm_site_of(void *fn)
{
	unsigned long size, off, addr;
	struct stackcheck_site *site;
	int i;

	for (i = 0; i < STACKCHECK_TOP_SITES; i++) {
		site = READ_ONCE(stackcheck_top[i].site);
		if (!site)
			continue;
		addr = READ_ONCE(stackcheck_top[i].ra);
		if (kallsyms_lookup_size_offset(addr, &size, &off) &&
		    addr - off == (unsigned long)fn)
			return site;
	}
	return NULL;
}

static void storm_print(const char *fmt, ...)
{
	char line[STACKCHECK_LINE_MAX];
	va_list ap;
	int n;

	n = scnprintf(line, sizeof(line), "stackcheck-storm: ");
	va_start(ap, fmt);
	vscnprintf(line + n, sizeof(line) - n, fmt, ap);
	va_end(ap);
	stackcheck_glue_print(line);
}

/*
 * A share that keeps landing on the wrong stack: the hardirq share without a
 * device interrupt on an APIC kernel.  Some misses are normal (an interrupt
 * from user mode stays on the task stack, ksoftirqd runs softirqs on its
 * own; on 6.1 i386_defconfig a thousand softirq chunks of 1,900 went to
 * ksoftirqd): hopeless only when four in five miss.
 */
static bool storm_hopeless(const struct storm_share *sh)
{
	return sh->wrong_stack >= 1000 && sh->wrong_stack > 4 * sh->chunks;
}

/* Runs the storm from process context; prints KTAP; true when it passed. */
static bool storm_run(unsigned long n)
{
	struct storm_result *r = &storm_last;
	struct stackcheck_stats before[STACKCHECK_NR_KINDS];
	unsigned int burst = READ_ONCE(stackcheck_config.burst);
	unsigned int interval = READ_ONCE(stackcheck_config.interval_ms);
	unsigned int step = READ_ONCE(stackcheck_config.step);
	unsigned long nsites = __stop___stackcheck_sites - __start___stackcheck_sites;
	static void *const storm_fns[3] = {
		(void *)storm_hit_task, (void *)storm_hit_hardirq, (void *)storm_hit_softirq
	};
	unsigned long long events_sum = 0;
	unsigned long printed_sum = 0, dropped_sum = 0, deadline, i;
	unsigned long site_calls[3];
	unsigned int *hits0;
	u64 t0;
	int k, nr = 0;
	bool ok, all = true;

	memset(r, 0, sizeof(*r));
	r->ran = true;
	hits0 = kvmalloc_array(nsites, sizeof(*hits0), GFP_KERNEL);
	if (!hits0) {
		storm_print("KTAP version 1");
		storm_print("1..0 # SKIP no memory for %lu site counters", nsites);
		return false;
	}
	for (k = 0; k < 3; k++)
		r->share[k].want = n / 3 + (k < n % 3);
	for (k = 0; k < STACKCHECK_NR_KINDS; k++)
		before[k] = stackcheck_stats[k];
	for (i = 0; i < nsites; i++)
		hits0[i] = READ_ONCE(__start___stackcheck_sites[i].hits);

	storm_print("KTAP version 1");
	storm_print("# storm: %lu events, threshold %d, reserve %d, THREAD_SIZE %lu, ratelimit %u per %u ms",
		    n, READ_ONCE(stackcheck_config.threshold),
		    stackcheck_config.reserve, THREAD_SIZE, burst, interval);
	storm_irq = stackcheck_irq_request(storm_irq_fn, "stackcheck-storm", &storm_irq);
	r->irq = storm_irq;
	if (storm_irq >= 0)
		storm_print("# hardirq source: irq %d, a free line raised by software (retrigger) every %u us",
			    storm_irq, STORM_PERIOD_NS / 1000);
	else
		storm_print("# hardirq source: the HRTIMER_MODE_REL_HARD hrtimer itself, every %u us (no line to raise by software)",
			    STORM_PERIOD_NS / 1000);
	storm_print("begin");
	t0 = ktime_get_ns();

	/*
	 * Every new low of the sweep to the rate limit: the step would let
	 * only one in step / 4 through, and the storm tests the limiter.
	 */
	WRITE_ONCE(stackcheck_config.step, 0);
	WRITE_ONCE(storm_stop, false);
	storm_task = current;
	WRITE_ONCE(storm_cur, r);
	WRITE_ONCE(stackcheck_glue_print_hook, storm_print_hook);
	hrtimer_init(&storm_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
	storm_timer.function = storm_timer_fn;
	hrtimer_start(&storm_timer, ns_to_ktime(STORM_PERIOD_NS),
		      HRTIMER_MODE_REL_HARD);

	/* The task share, yielding between chunks: userspace keeps running. */
	while (r->share[STACKCHECK_TASK].calls < r->share[STACKCHECK_TASK].want) {
		storm_chunk(&r->share[STACKCHECK_TASK], STACKCHECK_TASK,
			    STACKCHECK_CTX_TASK, STORM_TASK_CHUNK);
		if (r->share[STACKCHECK_TASK].wrong_stack > 100)
			break;
		cond_resched();
	}
	deadline = jiffies + STORM_TIMEOUT_S * HZ;
	while ((r->share[STACKCHECK_HARDIRQ].calls < r->share[STACKCHECK_HARDIRQ].want ||
		r->share[STACKCHECK_SOFTIRQ].calls < r->share[STACKCHECK_SOFTIRQ].want) &&
	       time_before(jiffies, deadline) &&
	       !storm_hopeless(&r->share[STACKCHECK_HARDIRQ]) &&
	       !storm_hopeless(&r->share[STACKCHECK_SOFTIRQ]))
		schedule_timeout_interruptible(1);

	/* Nothing raises the line or runs a chunk once storm_stop is seen. */
	WRITE_ONCE(storm_stop, true);
	hrtimer_cancel(&storm_timer);
	WRITE_ONCE(stackcheck_glue_print_hook, NULL);
	tasklet_kill(&storm_tasklet);
	if (storm_irq >= 0)
		free_irq(storm_irq, &storm_irq);	/* waits for its handler */
	tasklet_kill(&storm_tasklet);
	WRITE_ONCE(storm_cur, NULL);
	WRITE_ONCE(stackcheck_config.step, step);
	storm_task = NULL;
	storm_irq = -1;
	r->elapsed_ns = ktime_get_ns() - t0;

	for (k = 0; k < STACKCHECK_NR_KINDS; k++) {
		r->events[k] = READ_ONCE(stackcheck_stats[k].events) - before[k].events;
		r->printed[k] = READ_ONCE(stackcheck_stats[k].printed) - before[k].printed;
		r->dropped[k] = READ_ONCE(stackcheck_stats[k].dropped) - before[k].dropped;
		events_sum += r->events[k];
		printed_sum += r->printed[k];
		dropped_sum += r->dropped[k];
	}
	for (i = 0; i < nsites; i++)
		r->hits += READ_ONCE(__start___stackcheck_sites[i].hits) - hits0[i];
	for (k = 0; k < 3; k++) {
		struct stackcheck_site *site = storm_site_of(storm_fns[k]);

		site_calls[k] = site ? READ_ONCE(site->hits) - hits0[site - __start___stackcheck_sites] : 0;
	}
	kvfree(hits0);
	/* Fixed windows: a run of T ms touches at most T / interval + 2. */
	r->bound = burst && interval ?
		   burst * (unsigned long)(div_u64(r->elapsed_ns, 1000000ULL * interval) + 2) :
		   ULONG_MAX;
	storm_print("end");

	storm_print("1..%d", 6);
	for (k = 0; k < 3; k++) {
		struct storm_share *sh = &r->share[k];

		ok = sh->calls == sh->want && site_calls[k] == sh->calls &&
		     r->events[k] >= sh->calls;
		/*
		 * Two lines, each within STACKCHECK_LINE_MAX with the
		 * "stackcheck-storm: " prefix (a longer one is cut).
		 */
		storm_print("# %s: raised %lu of %lu in %lu chunks (%lu on a wrong stack), events %lu: %lu at storm_hit_%s, %ld elsewhere",
			    stackcheck_kind_name(k), sh->calls, sh->want, sh->chunks,
			    sh->wrong_stack, r->events[k], site_calls[k],
			    stackcheck_kind_name(k), (long)(r->events[k] - site_calls[k]));
		storm_print("# %s: printed %lu, dropped %lu, chunks in an open report %lu, interrupt windows in its reports %lu (%lu not opened)",
			    stackcheck_kind_name(k), r->printed[k], r->dropped[k],
			    sh->nested, sh->windows, sh->windows_skipped);
		storm_print("%s %d - %s_events_counted", ok ? "ok" : "not ok",
			    ++nr, stackcheck_kind_name(k));
		all &= ok;
	}
	ok = r->hits <= events_sum && events_sum - r->hits <= dropped_sum &&
	     r->events[STACKCHECK_OTHER] == 0;
	storm_print("# site hits %llu, events %llu (other stack %lu), without a site %lld (nested, counted as dropped: at most %lu)",
		    r->hits, events_sum, r->events[STACKCHECK_OTHER],
		    (long long)(events_sum - r->hits), dropped_sum);
	storm_print("%s %d - every_event_has_its_site", ok ? "ok" : "not ok", ++nr);
	all &= ok;
	ok = printed_sum <= r->bound;
	storm_print("# printed %lu blocks in %llu ms, bound %lu (%u per %u ms window)",
		    printed_sum, div_u64(r->elapsed_ns, 1000000), r->bound,
		    burst, interval);
	storm_print("%s %d - log_within_bound", ok ? "ok" : "not ok", ++nr);
	all &= ok;
	ok = r->share[STACKCHECK_HARDIRQ].nested + r->share[STACKCHECK_SOFTIRQ].nested > 0;
	storm_print("# timer fired %lu times, latest %llu us late; irq %d raised %lu times, hardirq handler runs %lu; hardirq chunks inside an open report %lu, softirq chunks %lu",
		    r->timer_fires, div_u64(r->timer_late_max_ns, 1000),
		    r->irq, r->irq_raised, r->hardirq_runs,
		    r->share[STACKCHECK_HARDIRQ].nested,
		    r->share[STACKCHECK_SOFTIRQ].nested);
	storm_print("%s %d - interrupt_inside_report_handled", ok ? "ok" : "not ok", ++nr);
	all &= ok;
	r->passed = all;
	storm_print("# storm: %s", all ? "passed" : "FAILED");
	stackcheck_print_summary();
	return all;
}

/*
 * An imminent overflow on the task stack: one call leaving about half the
 * reserve.  The runtime must print it (never rate-limited) from its
 * emergency stack before the frame is used, and the task stack's end
 * marker must still be intact afterwards.  With stackcheck.panic=1 the
 * kernel panics right after the block: the log then ends with it.
 */
static bool storm_imminent(void)
{
	struct stackcheck_stats *st = &stackcheck_stats[STACKCHECK_TASK];
	unsigned long printed = READ_ONCE(st->printed);
	int lowest0 = READ_ONCE(st->lowest), lowest;
	unsigned int target = stackcheck_config.reserve / 2;
	unsigned long done, flags;
	bool ok;

	storm_print("KTAP version 1");
	storm_print("1..1");
	/*
	 * storm_descend_imminent leaves target + 64 bytes of slack: aim lower.
	 * Interrupts off: an interrupt taken on a task stack with some 100
	 * bytes left would overflow it itself (seen with threshold 2048, where
	 * every call of the entry code takes the slow path); this tests the
	 * report, which stores its block in the log before the frame is used
	 * (printk_deferred with interrupts off: the consoles follow).
	 */
	local_irq_save(flags);
	done = storm_descend_imminent(target > 64 ? target - 64 : 0, 1);
	local_irq_restore(flags);
	lowest = READ_ONCE(st->lowest);
	ok = done == 1 && READ_ONCE(st->printed) == printed + 1 &&
	     lowest < stackcheck_config.reserve && lowest >= 0 &&
	     lowest < lowest0 && *end_of_stack(current) == STACK_END_MAGIC;
	storm_print("# imminent: called %lu, lowest %d bytes left (reserve %d), printed %lu -> %lu, end of stack %s",
		    done, lowest, stackcheck_config.reserve, printed,
		    READ_ONCE(st->printed),
		    *end_of_stack(current) == STACK_END_MAGIC ? "intact" : "OVERWRITTEN");
	storm_print("%s 1 - imminent_reported_before_damage", ok ? "ok" : "not ok");
	return ok;
}

/* ---- /sys/kernel/debug/stackcheck/storm ---- */

static int storm_show(struct seq_file *m, void *v)
{
	struct storm_result *r = &storm_last;
	int k;

	mutex_lock(&storm_mutex);
	if (!r->ran) {
		seq_puts(m, "storm: not run\n");
		goto out;
	}
	seq_printf(m, "storm: %s elapsed_ms=%llu timer_fires=%lu timer_late_max_us=%llu bound=%lu site_hits=%llu irq=%d irq_raised=%lu hardirq_runs=%lu\n",
		   r->passed ? "passed" : "FAILED",
		   div_u64(r->elapsed_ns, 1000000), r->timer_fires,
		   div_u64(r->timer_late_max_ns, 1000), r->bound, r->hits,
		   r->irq, r->irq_raised, r->hardirq_runs);
	for (k = 0; k < 3; k++)
		seq_printf(m, "storm: stack=%s want=%lu calls=%lu events=%lu printed=%lu dropped=%lu nested=%lu windows=%lu windows_skipped=%lu\n",
			   stackcheck_kind_name(k), r->share[k].want,
			   r->share[k].calls, r->events[k], r->printed[k],
			   r->dropped[k], r->share[k].nested, r->share[k].windows,
			   r->share[k].windows_skipped);
out:
	mutex_unlock(&storm_mutex);
	return 0;
}

static int storm_open(struct inode *inode, struct file *file)
{
	return single_open(file, storm_show, NULL);
}

static ssize_t storm_write(struct file *file, const char __user *ubuf,
			   size_t count, loff_t *ppos)
{
	unsigned long n;
	int ret;

	ret = kstrtoul_from_user(ubuf, count, 0, &n);
	if (ret)
		return ret;
	if (n < 3)
		return -EINVAL;
	mutex_lock(&storm_mutex);
	storm_run(n);
	mutex_unlock(&storm_mutex);
	return count;
}

static const struct file_operations storm_fops = {
	.open = storm_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = storm_write,
};

static int __init stackcheck_storm_init(void)
{
	struct dentry *dir = debugfs_lookup("stackcheck", NULL);

	tasklet_setup(&storm_tasklet, storm_tasklet_fn);
	if (!IS_ERR_OR_NULL(dir)) {
		debugfs_create_file("storm", 0600, dir, NULL, &storm_fops);
		dput(dir);
	}
	if (imminent)
		storm_imminent();
	if (events >= 3) {
		mutex_lock(&storm_mutex);
		storm_run(events);
		mutex_unlock(&storm_mutex);
	}
	return 0;
}
/* After the glue's selftest (a late_initcall): the log stays in order. */
late_initcall_sync(stackcheck_storm_init);
