// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck: the boot-time selftest, run by stackcheck.selftest=1.
 *
 * Drives a deep call chain on each stack stackcheck tells apart: the task
 * stack (from this late initcall), the hardirq stack and the softirq stack
 * (a timer_list, run by __do_softirq on the softirq stack when an interrupt
 * returns).  On i386 only a device interrupt (common_interrupt ->
 * __handle_irq) switches to this CPU's hardirq stack; the local APIC's
 * timer and the IPIs are system vectors, run on the stack they interrupt.
 * The hardirq chain therefore runs from a device interrupt: a free legacy
 * line requested here and raised by software where its chip can retrigger
 * it (the IO-APIC's sends the line's vector to the CPU), else (no APIC:
 * the 8259 cannot) an hrtimer in HRTIMER_MODE_REL_HARD, run by the timer
 * interrupt, the PIT's, a device interrupt there.  The chains run with
 * interrupts off: an interrupt taken near a stack's bottom would run its
 * entry code there, and a system vector all of itself (the APIC timer's
 * console flush needs more than 1 KiB).  Each chain
 * first descends in big steps (frames of SELFTEST_DESCEND bytes) to a
 * little above the threshold, then recurses through a function with a
 * smaller frame until it is below the threshold, and stops well above the
 * imminent-overflow reserve: short enough for the whole chain, down from
 * the context's entry, to fit in an event's 32 entries.  A test passes
 * when stackcheck counted and printed an event on that kind of stack.
 *
 * A fourth test checks the runtime's stack classification (the glue's
 * stackcheck_glue_stack()) against the kernel's own unwinder
 * (get_stack_info(), arch/x86/kernel/dumpstack_32.c) for addresses on each
 * kind of stack: the sp of each chain's context when it starts (task,
 * hardirq, softirq), the task stack's lowest word, this CPU's entry and
 * #DF stacks ("other"), and an address on no stack.  Kind and bounds must
 * agree.
 *
 * Tests 5 to 7 run a recursion on the same three stacks: a static function
 * with a small frame calling itself (one per kind), down to the same floor.
 * A local function with a small frame whose callers are all checked is
 * what callee-skip leaves unchecked; one in a cycle never is.  Each passes
 * when its own site (the recursion's entry test) reported, and events were
 * counted and printed on that kind of stack; boot.exp reads the titles
 * ("<kind> stack, N bytes left in selftest_<kind>_recurse").
 *
 * Results are KTAP, under the log's "stackcheck: " prefix.
 *
 * This file is built with the plugin: the chains must be instrumented.  Its
 * instrumented functions are named selftest_*: the plugin never instruments
 * stackcheck_* (the runtime's names).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/moduleparam.h>
#include <linux/hrtimer.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/preempt.h>
#include <linux/kallsyms.h>
#include <linux/sched/task_stack.h>
#include <asm/processor.h>
#include <asm/stacktrace.h>
#include <asm/cpu_entry_area.h>

#include "stackcheck_glue.h"

static bool selftest;
module_param(selftest, bool, 0444);
MODULE_PARM_DESC(selftest, "1: run the selftest at boot (late initcall)");

/* The chain's own frame; the plugin adds saved registers and the ra. */
#define SELFTEST_FRAME		192
#define SELFTEST_DESCEND_FRAME	768
#define SELFTEST_MAX_DEPTH	64
#define SELFTEST_TRIES		20	/* timer shots to land on the right stack */
/* The recursion's frame is a few words: a THREAD_SIZE stack in 2048. */
#define SELFTEST_RECURSE_MAX_DEPTH	2048

extern struct stackcheck_site __start___stackcheck_sites[];
extern struct stackcheck_site __stop___stackcheck_sites[];

/* One address, as stackcheck and as the kernel's unwinder see it. */
struct selftest_probe {
	const char *what;
	unsigned long addr;
	enum stackcheck_kind want;	/* STACKCHECK_NR_KINDS: on no stack */
	bool taken;
	bool known;			/* stackcheck_glue_stack() */
	struct stackcheck_stack st;
	int err;			/* get_stack_info() */
	struct stack_info info;
};

struct selftest_run {
	const char *name;
	enum stackcheck_kind kind;	/* the stack the chain must run on */
	bool recursion;			/* the recursion, not the deep chain */
	unsigned long floor;		/* bytes left the chain stays above */
	unsigned long lowest;		/* bytes left at the deepest frame */
	unsigned int depth;
	unsigned long deep_ra;		/* the recursion's, at its deepest */
	unsigned int result;
	enum stackcheck_kind ran_on;	/* where it did run */
	bool ran;
	unsigned int tries;
	struct completion done;
	struct selftest_probe probe;	/* the sp the chain starts from */
};

/* The stack sp is on, as the runtime sees it; STACKCHECK_NR_KINDS: none. */
static enum stackcheck_kind selftest_stack_of(unsigned long sp)
{
	struct stackcheck_stack st;

	return stackcheck_glue_stack(sp, &st) ? st.kind : STACKCHECK_NR_KINDS;
}

/* Both views of addr; with preemption off (the per-CPU stacks). */
static void selftest_probe(struct selftest_probe *p, const char *what,
			   unsigned long addr, enum stackcheck_kind want)
{
	p->what = what;
	p->addr = addr;
	p->want = want;
	p->known = stackcheck_glue_stack(addr, &p->st);
	p->err = get_stack_info((unsigned long *)addr, current, &p->info, NULL);
	p->taken = true;
}

/*
 * One chain function per stack kind: each is its own check site, so each
 * gets its "first" report whatever the others did.  noipa: identical code
 * folding would make the three one function, and one site.
 */
#define SELFTEST_CHAIN(kind)						\
static noinline __attribute__((__noipa__))				\
unsigned int selftest_##kind##_chain(struct selftest_run *run,		\
						     unsigned long parent_sp, \
						     unsigned int depth)	\
{									\
	volatile char pad[SELFTEST_FRAME];				\
	unsigned long sp = current_stack_pointer;			\
	unsigned long left = sp & (THREAD_SIZE - 1);			\
	unsigned long frame = parent_sp ? parent_sp - sp : SELFTEST_FRAME + 32; \
	unsigned int r = 0;						\
									\
	pad[0] = depth;							\
	pad[SELFTEST_FRAME - 1] = depth;				\
	if (left < run->lowest) {					\
		run->lowest = left;					\
		run->depth = depth;					\
	}								\
	/* The next frame would still leave floor bytes: go on. */	\
	if (left >= run->floor + frame && depth < SELFTEST_MAX_DEPTH)	\
		r = selftest_##kind##_chain(run, sp, depth + 1);	\
	/* Used after the call: no tail call, the frame stays. */	\
	return r + pad[0] + pad[SELFTEST_FRAME - 1];			\
}

/*
 * The big steps: recurse while one more step would still leave the chain
 * two of its frames above the threshold, then start the chain.  Below the
 * frame-size warning (CONFIG_FRAME_WARN, 1024 on i386).
 */
#define SELFTEST_DESCEND(kind)						\
static noinline __attribute__((__noipa__))				\
unsigned int selftest_##kind##_descend(struct selftest_run *run)	\
{									\
	volatile char pad[SELFTEST_DESCEND_FRAME];			\
	unsigned long sp = current_stack_pointer;			\
	unsigned long left = sp & (THREAD_SIZE - 1);			\
	unsigned long threshold = READ_ONCE(stackcheck_config.threshold); \
	unsigned int r;							\
									\
	pad[0] = 1;							\
	pad[SELFTEST_DESCEND_FRAME - 1] = 1;				\
	if (left >= threshold + SELFTEST_DESCEND_FRAME + 64 +		\
		    2 * (SELFTEST_FRAME + 32))				\
		r = selftest_##kind##_descend(run);			\
	else								\
		r = selftest_##kind##_chain(run, 0, 0);			\
	return r + pad[0] + pad[SELFTEST_DESCEND_FRAME - 1];		\
}

SELFTEST_CHAIN(task)
SELFTEST_CHAIN(hardirq)
SELFTEST_CHAIN(softirq)
SELFTEST_DESCEND(task)
SELFTEST_DESCEND(hardirq)
SELFTEST_DESCEND(softirq)

/*
 * The recursion: static, its address never taken, a frame of a few words,
 * so a rule that misses the cycle would call it a covered callee of its
 * caller (not local: reached through selftest_recursions[]).  It recurses
 * while the next frame would still leave floor bytes.  no_icf, not noipa,
 * on it and on its caller: the three must stay three sites (identical
 * code folding would merge them, or their callers and then drop two), and
 * stay local.
 */
#define SELFTEST_RECURSE(kind)						\
static noinline __attribute__((__no_icf__))				\
unsigned int selftest_##kind##_recurse(struct selftest_run *run,	\
				       unsigned long parent_sp,		\
				       unsigned int depth)		\
{									\
	unsigned long sp = current_stack_pointer;			\
	unsigned long left = sp & (THREAD_SIZE - 1);			\
	unsigned int r = 0;						\
									\
	if (left < run->lowest) {					\
		run->lowest = left;					\
		run->depth = depth;					\
		run->deep_ra = (unsigned long)__builtin_return_address(0); \
	}								\
	if (depth < SELFTEST_RECURSE_MAX_DEPTH &&			\
	    (!parent_sp || left >= run->floor + (parent_sp - sp)))	\
		r = selftest_##kind##_recurse(run, sp, depth + 1);	\
	/* An xor GCC cannot turn into a loop: every frame stays. */	\
	return r ^ depth;						\
}									\
									\
static __attribute__((__no_icf__))					\
void selftest_##kind##_recursion(struct selftest_run *run)		\
{									\
	run->result = selftest_##kind##_recurse(run, 0, 0);		\
}

SELFTEST_RECURSE(task)
SELFTEST_RECURSE(hardirq)
SELFTEST_RECURSE(softirq)

static void (*const selftest_recursions[])(struct selftest_run *) = {
	[STACKCHECK_TASK] = selftest_task_recursion,
	[STACKCHECK_HARDIRQ] = selftest_hardirq_recursion,
	[STACKCHECK_SOFTIRQ] = selftest_softirq_recursion,
};

/*
 * The lowest bytes left stackcheck saw at the entry test of the function
 * holding addr (its key is the test, at the function's start, or the
 * return address of a stub just before it); INT_MAX when it never fired,
 * INT_MIN when no site was found.
 */
static int selftest_site_low(unsigned long addr)
{
	struct stackcheck_site *s, *found = NULL;
	unsigned long size, off, start;
	unsigned int low;

	if (!kallsyms_lookup_size_offset(addr, &size, &off))
		return INT_MIN;
	start = addr - off;
	for (s = __start___stackcheck_sites; s < __stop___stackcheck_sites; s++) {
		if (s->info & STACKCHECK_INFO_DYNAMIC)
			continue;
		if (s->key >= start && s->key < start + size) {
			found = s;
			break;
		}
		if (s->key >= start - 16 && s->key < start)
			found = s;
	}
	if (!found)
		return INT_MIN;
	low = READ_ONCE(found->low);
	if (low == ~0u)
		return INT_MAX;
	return low == (unsigned int)-2 ? -1 : (int)low;
}

static void selftest_run_chain(struct selftest_run *run)
{
	unsigned long flags;

	selftest_probe(&run->probe, run->name, current_stack_pointer, run->kind);
	run->ran_on = selftest_stack_of(current_stack_pointer);
	run->ran = true;
	run->lowest = THREAD_SIZE;
	/* Reports then go to the log buffer, the consoles follow (irq_work). */
	local_irq_save(flags);
	if (run->recursion) {
		selftest_recursions[run->kind](run);
		local_irq_restore(flags);
		return;
	}
	switch (run->kind) {
	case STACKCHECK_TASK:
		selftest_task_descend(run);
		break;
	case STACKCHECK_HARDIRQ:
		selftest_hardirq_descend(run);
		break;
	default:
		selftest_softirq_descend(run);
		break;
	}
	local_irq_restore(flags);
}

/* ---- hardirq: a device interrupt raised by software, or an hrtimer ---- */

/* The run the hrtimer or the timer_list below is armed for. */
static struct selftest_run *selftest_timer_run;
static struct hrtimer selftest_hrtimer;

/*
 * A free legacy line (1..15) whose chip can retrigger it, requested with
 * fn: its number, or -ENODEV.  IO-APIC lines can (irq_retrigger sends the
 * line's vector to its CPU: common_interrupt, then the hardirq stack), the
 * 8259's cannot.  Shared with nothing: no device drives a free line.  The
 * reach storm (lib/stackcheck-reach) raises its hardirq share with these
 * two as well.
 */
int stackcheck_irq_request(irq_handler_t fn, const char *name, void *dev);
bool stackcheck_irq_raise(unsigned int irq);

int stackcheck_irq_request(irq_handler_t fn, const char *name, void *dev)
{
	unsigned int irq;

	for (irq = 1; irq < 16; irq++) {
		struct irq_data *d = irq_get_irq_data(irq);
		struct irq_chip *chip = d ? irq_data_get_irq_chip(d) : NULL;

		if (!chip || !chip->irq_retrigger || irq_has_action(irq))
			continue;
		if (!request_irq(irq, fn, 0, name, dev))
			return irq;
	}
	return -ENODEV;
}

/* True when the interrupt was sent. */
bool stackcheck_irq_raise(unsigned int irq)
{
	struct irq_data *d = irq_get_irq_data(irq);

	return d && d->chip->irq_retrigger && d->chip->irq_retrigger(d);
}

/* Runs the chain wherever the interrupt runs: the test checks the stack. */
static irqreturn_t selftest_irq_fn(int irq, void *dev)
{
	struct selftest_run *run = dev;

	if (!run->ran) {
		selftest_run_chain(run);
		complete(&run->done);
	}
	return IRQ_HANDLED;
}

static enum hrtimer_restart selftest_hrtimer_fn(struct hrtimer *t)
{
	struct selftest_run *run = selftest_timer_run;

	/* An hrtimer run from a system vector is on the interrupted stack. */
	if (selftest_stack_of(current_stack_pointer) != run->kind &&
	    ++run->tries < SELFTEST_TRIES) {
		hrtimer_forward_now(t, ms_to_ktime(1));
		return HRTIMER_RESTART;
	}
	selftest_run_chain(run);
	complete(&run->done);
	return HRTIMER_NORESTART;
}

/* ---- softirq: a timer_list ---- */

static struct timer_list selftest_timer;

static void selftest_timer_fn(struct timer_list *t)
{
	struct selftest_run *run = selftest_timer_run;

	/* ksoftirqd runs softirqs on its own task stack: try again. */
	if (selftest_stack_of(current_stack_pointer) != run->kind &&
	    ++run->tries < SELFTEST_TRIES) {
		mod_timer(t, jiffies + 1);
		return;
	}
	selftest_run_chain(run);
	complete(&run->done);
}

/* ---- the tests ---- */

static void selftest_print(const char *fmt, ...)
{
	char line[STACKCHECK_LINE_MAX];
	va_list ap;
	int n;

	n = scnprintf(line, sizeof(line), "stackcheck: ");
	va_start(ap, fmt);
	vscnprintf(line + n, sizeof(line) - n, fmt, ap);
	va_end(ap);
	stackcheck_glue_print(line);
}

static const char *selftest_kind_name(enum stackcheck_kind kind)
{
	return kind < STACKCHECK_NR_KINDS ? stackcheck_kind_name(kind) : "no known";
}

/* Runs one test, prints its KTAP result; true when it passed. */
static bool selftest_one(unsigned int nr, struct selftest_run *run)
{
	struct stackcheck_stats *st = &stackcheck_stats[run->kind];
	unsigned long events = READ_ONCE(st->events);
	unsigned long printed = READ_ONCE(st->printed);
	int threshold = READ_ONCE(stackcheck_config.threshold);
	int reserve = stackcheck_config.reserve;
	const char *why = NULL;
	int irq;

	/* Deepest frame: at least floor, less than floor + one frame. */
	if (threshold - reserve < 2 * (SELFTEST_FRAME + 32)) {
		selftest_print("ok %u - %s # SKIP threshold %d too close to the reserve %d",
			       nr, run->name, threshold, reserve);
		return true;
	}
	run->floor = reserve + (threshold - reserve - SELFTEST_FRAME - 32) / 2;
	init_completion(&run->done);
	selftest_timer_run = run;

	switch (run->kind) {
	case STACKCHECK_TASK:
		selftest_run_chain(run);
		break;
	case STACKCHECK_HARDIRQ:
		irq = stackcheck_irq_request(selftest_irq_fn, "stackcheck-selftest", run);
		if (irq >= 0) {
			selftest_print("# %s: source irq %d, a free line raised by software (retrigger)",
				       run->name, irq);
			if (!stackcheck_irq_raise(irq))
				why = "the interrupt could not be raised";
			else if (!wait_for_completion_timeout(&run->done, 5 * HZ))
				why = "the interrupt never came";
			free_irq(irq, run);
			break;
		}
		selftest_print("# %s: source an HRTIMER_MODE_REL_HARD hrtimer (no line to raise by software)",
			       run->name);
		hrtimer_init(&selftest_hrtimer, CLOCK_MONOTONIC,
			     HRTIMER_MODE_REL_HARD);
		selftest_hrtimer.function = selftest_hrtimer_fn;
		hrtimer_start(&selftest_hrtimer, ms_to_ktime(1),
			      HRTIMER_MODE_REL_HARD);
		if (!wait_for_completion_timeout(&run->done, 5 * HZ)) {
			hrtimer_cancel(&selftest_hrtimer);
			why = "the hrtimer never ran";
		}
		break;
	default:
		timer_setup(&selftest_timer, selftest_timer_fn, 0);
		mod_timer(&selftest_timer, jiffies + 1);
		if (!wait_for_completion_timeout(&run->done, 5 * HZ)) {
			del_timer_sync(&selftest_timer);
			why = "the timer never ran";
		}
		break;
	}

	if (!why && run->ran_on != run->kind)
		why = "ran on another stack";
	else if (!why && run->lowest >= threshold)
		why = "the chain did not reach the threshold";
	else if (!why && READ_ONCE(st->events) == events)
		why = "no event counted on this stack";
	else if (!why && READ_ONCE(st->printed) == printed)
		why = "no event printed for this stack";
	if (run->recursion && run->ran) {
		int low = selftest_site_low(run->deep_ra);

		selftest_print("# %s: the recursion's site in %pS: lowest %d bytes left",
			       run->name, (void *)run->deep_ra, low);
		if (!why && low == INT_MIN)
			why = "the recursion has no site: not instrumented";
		else if (!why && low >= threshold)
			why = "the recursion's own site never reported";
	}

	selftest_print("# %s: ran on %s stack, depth %u, lowest %lu bytes left (floor %lu), events %lu -> %lu, printed %lu -> %lu",
		       run->name, selftest_kind_name(run->ran_on),
		       run->depth, run->lowest, run->floor, events,
		       READ_ONCE(st->events), printed, READ_ONCE(st->printed));
	if (why) {
		selftest_print("not ok %u - %s # %s", nr, run->name, why);
		return false;
	}
	selftest_print("ok %u - %s", nr, run->name);
	return true;
}

/* The kernel's stack types as stackcheck's kinds. */
static enum stackcheck_kind selftest_kind_of_type(enum stack_type type)
{
	switch (type) {
	case STACK_TYPE_UNKNOWN:
		return STACKCHECK_NR_KINDS;
	case STACK_TYPE_TASK:
		return STACKCHECK_TASK;
	case STACK_TYPE_IRQ:
		return STACKCHECK_HARDIRQ;
	case STACK_TYPE_SOFTIRQ:
		return STACKCHECK_SOFTIRQ;
	default:		/* entry trampoline, #DF */
		return STACKCHECK_OTHER;
	}
}

/* NULL when stackcheck and the kernel agree on p, as expected. */
static const char *selftest_probe_check(const struct selftest_probe *p)
{
	enum stackcheck_kind kernel;

	if (!p->taken)
		return "never taken";
	kernel = p->err ? STACKCHECK_NR_KINDS : selftest_kind_of_type(p->info.type);
	selftest_print("# classification: %s at %#lx: stackcheck %s [%#lx, %#lx), kernel %s [%#lx, %#lx)",
		       p->what, p->addr,
		       selftest_kind_name(p->known ? p->st.kind : STACKCHECK_NR_KINDS),
		       p->known ? p->st.bottom : 0, p->known ? p->st.top : 0,
		       selftest_kind_name(kernel),
		       p->err ? 0 : (unsigned long)p->info.begin,
		       p->err ? 0 : (unsigned long)p->info.end);
	if (kernel != p->want)
		return "the kernel puts the probe on another stack";
	if (!p->known)
		return kernel == STACKCHECK_NR_KINDS ? NULL : "a stack stackcheck does not know";
	if (kernel == STACKCHECK_NR_KINDS)
		return "stackcheck sees a stack where the kernel sees none";
	if (p->st.kind != kernel)
		return "another kind of stack";
	if (p->st.bottom != (unsigned long)p->info.begin ||
	    p->st.top != (unsigned long)p->info.end)
		return "other bounds";
	return NULL;
}

static bool selftest_classification(unsigned int nr, struct selftest_run **runs,
				    unsigned int nruns)
{
	static unsigned long not_a_stack;
	struct selftest_probe probes[4] = {};
	struct cpu_entry_area *cea;
	const char *why = NULL, *w;
	unsigned int i;

	preempt_disable();
	cea = get_cpu_entry_area(smp_processor_id());
	selftest_probe(&probes[0], "task_stack_base",
		       (unsigned long)task_stack_page(current), STACKCHECK_TASK);
	selftest_probe(&probes[1], "entry_stack",
		       (unsigned long)&cea->entry_stack_page.stack + 64,
		       STACKCHECK_OTHER);
	selftest_probe(&probes[2], "doublefault_stack",
		       (unsigned long)cea->doublefault_stack.stack + 64,
		       STACKCHECK_OTHER);
	selftest_probe(&probes[3], "static_data", (unsigned long)&not_a_stack,
		       STACKCHECK_NR_KINDS);
	preempt_enable();

	/* A chain that did not run (skipped, or failed above) gave no probe. */
	for (i = 0; i < nruns; i++) {
		if (!runs[i]->ran) {
			selftest_print("# classification: %s: no probe, the chain did not run",
				       runs[i]->name);
			continue;
		}
		w = selftest_probe_check(&runs[i]->probe);
		if (w && !why)
			why = w;
	}
	for (i = 0; i < ARRAY_SIZE(probes); i++) {
		w = selftest_probe_check(&probes[i]);
		if (w && !why)
			why = w;
	}
	if (why) {
		selftest_print("not ok %u - stack_classification # %s", nr, why);
		return false;
	}
	selftest_print("ok %u - stack_classification", nr);
	return true;
}

static int __init stackcheck_selftest_init(void)
{
	static struct selftest_run runs[] = {
		{ .name = "task_stack", .kind = STACKCHECK_TASK },
		{ .name = "hardirq_stack", .kind = STACKCHECK_HARDIRQ },
		{ .name = "softirq_stack", .kind = STACKCHECK_SOFTIRQ },
	};
	static struct selftest_run recursions[] = {
		{ .name = "task_recursion", .kind = STACKCHECK_TASK,
		  .recursion = true },
		{ .name = "hardirq_recursion", .kind = STACKCHECK_HARDIRQ,
		  .recursion = true },
		{ .name = "softirq_recursion", .kind = STACKCHECK_SOFTIRQ,
		  .recursion = true },
	};
	struct selftest_run *chains[ARRAY_SIZE(runs)];
	size_t total = ARRAY_SIZE(runs) + 1 + ARRAY_SIZE(recursions);
	unsigned int burst = stackcheck_config.burst;
	unsigned int i, nr = 0, failed = 0;

	if (!selftest)
		return 0;

	/* Every first report must reach the log: no rate limit meanwhile. */
	WRITE_ONCE(stackcheck_config.burst, 0);
	selftest_print("KTAP version 1");
	selftest_print("1..%zu", total);
	for (i = 0; i < ARRAY_SIZE(runs); i++) {
		chains[i] = &runs[i];
		if (!selftest_one(++nr, &runs[i]))
			failed++;
	}
	if (!selftest_classification(++nr, chains, ARRAY_SIZE(chains)))
		failed++;
	for (i = 0; i < ARRAY_SIZE(recursions); i++)
		if (!selftest_one(++nr, &recursions[i]))
			failed++;
	WRITE_ONCE(stackcheck_config.burst, burst);
	selftest_print("# selftest: %u of %zu failed", failed, total);
	stackcheck_print_summary();
	return 0;
}
late_initcall(stackcheck_selftest_init);
