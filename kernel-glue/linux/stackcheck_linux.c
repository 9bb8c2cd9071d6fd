// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck: the Linux glue of the runtime core (runtime/stackcheck_glue.h).
 *
 * Which stack an sp is on (i386: the task stack, this CPU's hardirq and
 * softirq stacks, the entry and #DF stacks as "other", see
 * arch/x86/kernel/dumpstack_32.c), who is running,
 * printk, kallsyms, the clock, the per-CPU state and emergency stacks, the
 * boot parameters stackcheck.threshold=, stackcheck.panic=, stackcheck.step=
 * and the debugfs files under /sys/kernel/debug/stackcheck/.
 *
 * Built without the plugin (lib/stackcheck/Makefile).  The functions the
 * core calls from its slow path (stackcheck_glue_stack, _context, _cpu,
 * _emergency_top) run on the nearly full stack, in any context, before the
 * guard is taken: they use only inline helpers (raw per-CPU accessors, no
 * debug_smp_processor_id()), because an instrumented callee would recurse.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/moduleparam.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/sched/task_stack.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/kallsyms.h>
#include <linux/timekeeping.h>
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>
#include <linux/reboot.h>
#include <linux/sort.h>
#include <linux/build_bug.h>
#include <linux/version.h>
#include <asm/processor.h>
#include <asm/sections.h>
#include <asm/cpu_entry_area.h>

#include "stackcheck_glue.h"

/* The entry test assumes THREAD_SIZE-aligned stacks of the compiled size. */
static_assert(CONFIG_GCC_PLUGIN_STACKCHECK_STACK_SIZE == THREAD_SIZE,
	      "GCC_PLUGIN_STACKCHECK_STACK_SIZE must equal THREAD_SIZE");
static_assert(sizeof(struct stackcheck_site) == STACKCHECK_SITE_SIZE,
	      "the site descriptor is 16 bytes");

/* The plugin's descriptors, bounded by arch/x86/kernel/vmlinux.lds.S. */
extern struct stackcheck_site __start___stackcheck_sites[];
extern struct stackcheck_site __stop___stackcheck_sites[];

/*
 * Per CPU: the core's guards and sequence number, and one emergency stack
 * per context (task, softirq, hardirq, NMI) so that a report interrupted by
 * a deeper context does not share its stack.
 *
 * Each stack is the upper 3 KiB of a page of its own: an interrupt taken
 * during a report runs the kernel's DEBUG_STACKOVERFLOW check, which takes
 * any sp in the lowest THREAD_SIZE / 8 (+ thread_info) of a THREAD_SIZE
 * block for a nearly full stack (a warning and a stack dump, or a panic with
 * panic_on_stackoverflow): the lowest KiB of each page, where such a block
 * may begin, holds no stack.  Four pages, 16 KiB per CPU.
 */
struct stackcheck_linux_page {
	union {
		struct stackcheck_cpu core;	/* in page 0's low KiB */
		char low[PAGE_SIZE - STACKCHECK_EMERGENCY_SIZE];
	};
	unsigned long stack[STACKCHECK_EMERGENCY_SIZE / sizeof(unsigned long)];
};

struct stackcheck_linux_cpu {
	struct stackcheck_linux_page page[STACKCHECK_NR_CONTEXTS];
} __aligned(PAGE_SIZE);
static DEFINE_PER_CPU_PAGE_ALIGNED(struct stackcheck_linux_cpu, stackcheck_linux_cpu);

/* Only a report that filled its 3 KiB to the last 16 bytes would reach the zone. */
static_assert(sizeof(struct stackcheck_linux_page) == PAGE_SIZE &&
	      PAGE_SIZE - STACKCHECK_EMERGENCY_SIZE >= THREAD_SIZE / 8,
	      "an emergency stack reaches into the low KiB of its page");

/* ---- the slow path: inline helpers only ---- */

/*
 * This CPU's hardirq and softirq stacks: per-CPU pointers of their own up
 * to Linux 6.1, fields of pcpu_hot from 6.2 on.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
#define stackcheck_irq_stack(which) raw_cpu_read(pcpu_hot.which##_stack_ptr)
#else
#define stackcheck_irq_stack(which) raw_cpu_read(which##_stack_ptr)
#endif

static __always_inline bool on_range(unsigned long sp, unsigned long bottom,
				     unsigned long size,
				     enum stackcheck_kind kind,
				     struct stackcheck_stack *st)
{
	/* sp == top cannot be: the stub's return address is on the stack. */
	if (!bottom || sp - bottom >= size)
		return false;
	st->bottom = bottom;
	st->top = bottom + size;
	st->kind = kind;
	return true;
}

/*
 * The stacks arch/x86/kernel/dumpstack_32.c knows, in its order, with its
 * bounds: the task stack, this CPU's entry (trampoline) stack, hardirq and
 * softirq stacks, and the #DF stack.  bottom is the stack's base: the
 * lowest word of a task stack holds STACK_END_MAGIC, of an IRQ stack the
 * interrupted sp (irq_32.c), so 4 bytes left is already too late.
 *
 * The entry and #DF stacks are "other": one page each, in the CPU's entry
 * area, not THREAD_SIZE-aligned, so the entry test (sp & (THREAD_SIZE - 1))
 * finds a near overflow there only by chance; once it fires, the exact
 * test below uses their real bounds.  get_cpu_entry_area() is noinstr
 * (never instrumented) and is only called for an sp on none of the usual
 * three.  The emergency stacks, where the core prints, are on no known
 * stack: nothing is reported from there.
 */
bool stackcheck_glue_stack(unsigned long sp, struct stackcheck_stack *st)
{
	struct cpu_entry_area *cea;

	if (on_range(sp, (unsigned long)task_stack_page(current), THREAD_SIZE,
		     STACKCHECK_TASK, st))
		return true;
	if (on_range(sp, (unsigned long)stackcheck_irq_stack(hardirq),
		     THREAD_SIZE, STACKCHECK_HARDIRQ, st))
		return true;
	if (on_range(sp, (unsigned long)stackcheck_irq_stack(softirq),
		     THREAD_SIZE, STACKCHECK_SOFTIRQ, st))
		return true;
	cea = get_cpu_entry_area(raw_smp_processor_id());
	if (on_range(sp, (unsigned long)&cea->entry_stack_page.stack,
		     sizeof(cea->entry_stack_page.stack), STACKCHECK_OTHER, st))
		return true;
	return on_range(sp, (unsigned long)cea->doublefault_stack.stack,
			sizeof(cea->doublefault_stack.stack), STACKCHECK_OTHER,
			st);
}

enum stackcheck_context stackcheck_glue_context(void)
{
	if (in_nmi())
		return STACKCHECK_CTX_NMI;
	if (in_hardirq())
		return STACKCHECK_CTX_HARDIRQ;
	if (in_serving_softirq())
		return STACKCHECK_CTX_SOFTIRQ;
	return STACKCHECK_CTX_TASK;
}

struct stackcheck_cpu *stackcheck_glue_cpu(void)
{
	return &raw_cpu_ptr(&stackcheck_linux_cpu)->page[0].core;
}

unsigned long stackcheck_glue_emergency_top(enum stackcheck_context ctx)
{
	return (unsigned long)raw_cpu_ptr(&stackcheck_linux_cpu)->page[ctx].stack +
	       STACKCHECK_EMERGENCY_SIZE;
}

/* ---- called by stackcheck_report(), on an emergency stack ---- */

void stackcheck_glue_who(struct stackcheck_who *who)
{
	struct task_struct *task = current;
	unsigned int i;

	memcpy(who->comm, task->comm, sizeof(who->comm));
	who->comm[sizeof(who->comm) - 1] = 0;
	for (i = 0; who->comm[i]; i++)
		if (who->comm[i] <= ' ' || who->comm[i] > '~')
			who->comm[i] = '_';
	who->pid = task_pid_nr(task);
	who->cpu = raw_smp_processor_id();
	who->context = stackcheck_glue_context();
}

/*
 * With interrupts on, printk writes the consoles at once.  With them off
 * the check may have fired under a lock the console path takes (a
 * runqueue lock: console_unlock() wakes up waiters; the serial port's lock
 * in its interrupt handler), so the line goes to the log buffer only and
 * irq_work prints it moments later; a panic or an oops flushes it too.
 * From NMI printk defers by itself.
 *
 * stackcheck_glue_print_hook: a test's hook (the reach storm selftest, which
 * opens an interrupt window there while one of its reports is open), called
 * before each line; NULL: none.
 */
void (*stackcheck_glue_print_hook)(void);

void stackcheck_glue_print(const char *line)
{
	void (*hook)(void) = READ_ONCE(stackcheck_glue_print_hook);

	if (hook)
		hook();
	if (irqs_disabled() || in_nmi())
		printk_deferred(KERN_WARNING "%s\n", line);
	else
		printk(KERN_WARNING "%s\n", line);
}

void stackcheck_glue_symbolize(unsigned long addr, char *buf, unsigned int len)
{
	char name[KSYM_NAME_LEN];
	unsigned long size, offset;
	const char *sym;
	char *modname;

	sym = kallsyms_lookup(addr, &size, &offset, &modname, name);
	if (!sym)
		snprintf(buf, len, "0x%lx", addr);
	else if (modname)
		snprintf(buf, len, "%s+%#lx/%#lx [%s]", sym, offset, size,
			 modname);
	else
		snprintf(buf, len, "%s+%#lx/%#lx", sym, offset, size);
}

unsigned long long stackcheck_glue_now_ns(void)
{
	return ktime_get_mono_fast_ns();
}

void stackcheck_glue_panic(const char *why)
{
	panic("stackcheck: %s", why);
}

/* ---- boot parameters: stackcheck.threshold=, .panic=, .step= ---- */

static int stackcheck_threshold = CONFIG_GCC_PLUGIN_STACKCHECK_THRESHOLD;

/*
 * The entry test was built for CONFIG_GCC_PLUGIN_STACKCHECK_THRESHOLD: a
 * higher run-time threshold would only be seen where the test fires early,
 * so it is clamped.  Lower is fine: the exact test does the rest.
 */
static int stackcheck_set_threshold(const char *val,
				    const struct kernel_param *kp)
{
	int v, ret;

	ret = kstrtoint(val, 0, &v);
	if (ret)
		return ret;
	if (v < 0)
		return -EINVAL;
	if (v > CONFIG_GCC_PLUGIN_STACKCHECK_THRESHOLD) {
		pr_warn("stackcheck: threshold %d above the compiled %d: using %d\n",
			v, CONFIG_GCC_PLUGIN_STACKCHECK_THRESHOLD,
			CONFIG_GCC_PLUGIN_STACKCHECK_THRESHOLD);
		v = CONFIG_GCC_PLUGIN_STACKCHECK_THRESHOLD;
	}
	stackcheck_threshold = v;
	WRITE_ONCE(stackcheck_config.threshold, v);
	return 0;
}

static const struct kernel_param_ops stackcheck_threshold_ops = {
	.set = stackcheck_set_threshold,
	.get = param_get_int,
};
module_param_cb(threshold, &stackcheck_threshold_ops, &stackcheck_threshold,
		0644);
MODULE_PARM_DESC(threshold, "report when fewer bytes than this would remain");

module_param_named(panic, stackcheck_config.panic, int, 0644);
MODULE_PARM_DESC(panic, "1: panic after an imminent-overflow report");

/*
 * The core reads the step at every new low: set at boot or later through
 * /sys/module/stackcheck/parameters/step.  A step of a whole stack or more
 * is a mistake (no second band), refused like a number that is none.
 */
static int stackcheck_set_step(const char *val, const struct kernel_param *kp)
{
	unsigned int v;
	int ret;

	ret = kstrtouint(val, 0, &v);
	if (ret)
		return ret;
	if (v >= THREAD_SIZE)
		return -EINVAL;
	WRITE_ONCE(stackcheck_config.step, v);
	return 0;
}

static const struct kernel_param_ops stackcheck_step_ops = {
	.set = stackcheck_set_step,
	.get = param_get_uint,
};
module_param_cb(step, &stackcheck_step_ops, &stackcheck_config.step, 0644);
MODULE_PARM_DESC(step,
		 "print a site's new low only in a lower band of this many bytes below the threshold (0: every new low)");

/* ---- debugfs: /sys/kernel/debug/stackcheck/{summary,sites,reset} ---- */

#ifdef CONFIG_DEBUG_FS
static unsigned long stackcheck_nsites(void)
{
	return __stop___stackcheck_sites - __start___stackcheck_sites;
}

static void stackcheck_seq_line(const char *line, void *m)
{
	seq_printf(m, "%s\n", line);
}

/*
 * A line with the settings and the memory stackcheck takes, then the
 * summary lines of the log (the core's stackcheck_format_summary()),
 * without the "stackcheck: " prefix.
 */
static int stackcheck_summary_show(struct seq_file *m, void *v)
{
	seq_printf(m, "config threshold=%d reserve=%d panic=%d step=%u size=%lu sites=%lu site_bytes=%lu percpu_bytes=%zu\n",
		   READ_ONCE(stackcheck_config.threshold),
		   stackcheck_config.reserve, READ_ONCE(stackcheck_config.panic),
		   READ_ONCE(stackcheck_config.step),
		   THREAD_SIZE, stackcheck_nsites(),
		   stackcheck_nsites() * sizeof(struct stackcheck_site),
		   sizeof(struct stackcheck_linux_cpu));
	stackcheck_format_summary(stackcheck_seq_line, m);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(stackcheck_summary);

static int stackcheck_top_cmp(const void *a, const void *b)
{
	const struct stackcheck_top *x = a, *y = b;

	return x->left < y->left ? -1 : x->left > y->left;
}

/* The deepest sites, lowest first: bytes left, stack, hits, function. */
static int stackcheck_sites_show(struct seq_file *m, void *v)
{
	struct stackcheck_top top[STACKCHECK_TOP_SITES];
	char sym[KSYM_SYMBOL_LEN];
	unsigned int i, n = 0;

	for (i = 0; i < STACKCHECK_TOP_SITES; i++) {
		top[n] = stackcheck_top[i];	/* racy, and fine for a view */
		if (top[n].site)
			n++;
	}
	sort(top, n, sizeof(top[0]), stackcheck_top_cmp, NULL);
	seq_puts(m, "left stack frame hits site\n");
	for (i = 0; i < n; i++) {
		stackcheck_glue_symbolize(top[i].ra, sym, sizeof(sym));
		seq_printf(m, "%d %s %u %u %s\n", top[i].left,
			   stackcheck_kind_name(top[i].kind),
			   top[i].site->info & STACKCHECK_INFO_FRAME_MASK,
			   READ_ONCE(top[i].site->hits), sym);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(stackcheck_sites);

static ssize_t stackcheck_reset_write(struct file *file,
				      const char __user *ubuf, size_t count,
				      loff_t *ppos)
{
	bool reset;
	int ret;

	ret = kstrtobool_from_user(ubuf, count, &reset);
	if (ret)
		return ret;
	if (!reset)
		return -EINVAL;
	stackcheck_reset();
	return count;
}

static const struct file_operations stackcheck_reset_fops = {
	.write = stackcheck_reset_write,
	.llseek = noop_llseek,
};

static int __init stackcheck_debugfs_init(void)
{
	struct dentry *dir = debugfs_create_dir("stackcheck", NULL);

	debugfs_create_file("summary", 0400, dir, NULL,
			    &stackcheck_summary_fops);
	debugfs_create_file("sites", 0400, dir, NULL, &stackcheck_sites_fops);
	debugfs_create_file("reset", 0200, dir, NULL, &stackcheck_reset_fops);
	return 0;
}
fs_initcall(stackcheck_debugfs_init);
#endif /* CONFIG_DEBUG_FS */

/* ---- set-up and shutdown ---- */

/* The summary at shutdown: the last word of every boot log. */
static int stackcheck_reboot(struct notifier_block *nb, unsigned long action,
			     void *data)
{
	stackcheck_print_summary();
	return NOTIFY_DONE;
}

static struct notifier_block stackcheck_reboot_nb = {
	.notifier_call = stackcheck_reboot,
};

/*
 * early_initcall: after the boot parameters, before the other CPUs and most
 * of the kernel start.  The slow path works before this too (it only lacks
 * the settings and the low-water marks' starting point).
 */
static int __init stackcheck_linux_init(void)
{
	stackcheck_config.threshold = stackcheck_threshold;
	stackcheck_config.reserve = 256;
	stackcheck_config.burst = 10;		/* as printk_ratelimit() */
	stackcheck_config.interval_ms = 5000;
	stackcheck_config.stack_size = THREAD_SIZE;
	stackcheck_init(__start___stackcheck_sites, __stop___stackcheck_sites);
	register_reboot_notifier(&stackcheck_reboot_nb);
	return 0;
}
early_initcall(stackcheck_linux_init);
