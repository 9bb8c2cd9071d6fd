/* An interrupt arriving with the task stack nearly full: the task recurses
   until about 1.3 KiB are left (no event yet), then a signal runs a
   recursion on the hardirq stack that overflows it.  The event and the
   panic must name the hardirq stack, with both canaries intact.  */
/* { dg-do run } */
/* { dg-set-env "STACKCHECK_PANIC=1" } */
/* { dg-exit-status 3 } */

#define OVERFLOW_KIND	KIND_HARDIRQ
#include "overflow.h"

static unsigned long task_bottom;

static unsigned int irq_down(unsigned int n)
{
	if (past_bottom())
		return n;
	return irq_down(n + 1) ^ n;
}

static void irq(void)
{
	sink = irq_down(0);
}

static unsigned int task_down(unsigned int n)
{
	unsigned long sp;

	__asm__ __volatile__("movl %%esp, %0" : "=r"(sp));
	if (sp - task_bottom < 1300) {
		raise_irq(irq);
		return n;
	}
	return task_down(n + 1) ^ n;
}

static void pattern(void)
{
	unsigned long top;

	stackcheck_user_bounds(KIND_TASK, &task_bottom, &top);
	sink = task_down(0);
}

/* { dg-final { scan-output "^stackcheck: E0\\.\\d+ imminent-overflow: hardirq stack, -?\\d+ bytes left in (irq_down)" } } */
/* { dg-final { scan-output "^overflow: caught on the hardirq stack before its canary was touched$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
/* { dg-final { scan-output-not "near-overflow: task stack" } } */
