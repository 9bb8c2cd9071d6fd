/* The emergency stacks are big enough: after reports with a full 32-entry
   chain, every entry symbolized by dladdr, in task and (nested inside the
   task's report) hardirq context, the deepest byte used on each emergency
   stack, measured by the glue's paint, leaves at least 512 of its 3072
   bytes.  */
/* { dg-do run } */
/* { dg-options "-O2 -fno-omit-frame-pointer" } */

#include <signal.h>
#include "run-common.h"
#include "stackcheck_glue.h"

static volatile int sink, raised;
static unsigned long rec_bottom;

__attribute__((noinline)) int deep(int n)
{
	volatile char buf[100];
	unsigned long sp;

	__asm__ __volatile__("movl %%esp, %0" : "=r"(sp));
	buf[0] = n;
	if (sp - rec_bottom < 600)
		return buf[0];
	return deep(n + 1) + buf[0];
}

static void irq(int signo)
{
	rec_bottom = stack_bottom(KIND_HARDIRQ);
	sink = deep(0);
}

static void hook(const char *line)
{
	if (!raised && strstr(line, "near-overflow: task stack")) {
		raised = 1;
		raise(SIGUSR1);
	}
}

static void task(void *arg)
{
	rec_bottom = stack_bottom(KIND_TASK);
	sink = deep(0);
}

int main(void)
{
	unsigned int t, h;

	stackcheck_user_irq_handler(SIGUSR1, irq);
	stackcheck_user_set_print_hook(hook);
	stackcheck_user_run_task(task, 0);
	stackcheck_user_set_print_hook(0);
	t = stackcheck_user_emergency_used(0);
	h = stackcheck_user_emergency_used(2);
	printf("emergency stack used: task %u, hardirq %u of %d bytes\n", t, h,
	       STACKCHECK_EMERGENCY_SIZE);
	CHECK(t > 256 && t <= STACKCHECK_EMERGENCY_SIZE - 512, "task %u", t);
	CHECK(h > 256 && h <= STACKCHECK_EMERGENCY_SIZE - 512, "hardirq %u", h);
	CHECK(stackcheck_user_emergency_used(1) == 0, "softirq used");
	return failures ? 1 : 0;
}

/* { dg-final { scan-output "Depth Size Location \\(32 entries, truncated\\)" } } */
/* { dg-final { scan-output "near-overflow: hardirq stack" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
