/* An interrupt in the middle of a report: the print hook raises SIGUSR1 on
   the first line of a task event; the handler recurses on the hardirq stack
   and its events are reported synchronously, on the hardirq emergency
   stack, between the lines of the interrupted block, which still completes
   in order.  Nothing is dropped.  */
/* { dg-do run } */
/* { dg-options "-O2 -fno-omit-frame-pointer -fplugin-arg-stackcheck-leaf-skip=0" } */

#include <signal.h>
#include "run-common.h"

static volatile int sink, raised;
static unsigned long irq_bottom;

__attribute__((noinline)) int irq_recurse(int n)
{
	volatile char buf[100];
	unsigned long sp;

	__asm__ __volatile__("movl %%esp, %0" : "=r"(sp));
	buf[0] = n;
	if (sp - irq_bottom < 600)
		return buf[0];
	return irq_recurse(n + 1) + buf[0];
}

static void irq(int signo)
{
	sink = irq_recurse(0);
}

static void hook(const char *line)
{
	capture_line(line);
	if (!raised && strstr(line, "near-overflow: task stack")) {
		raised = 1;
		raise(SIGUSR1);
	}
}

__attribute__((noinline)) void target(void)
{
	volatile char buf[32];

	buf[0] = 1;
	sink += buf[0];
}

/* The block of event id: title .. end, in order, all present. */
static int block_ok(const char *id, int *first, int *last)
{
	static const char *const order[] = {
		"overflow: ", " stack=", " comm=", " site=",
		" Depth Size Location (", " 0) ", " end",
	};
	char prefix[32];
	int i, k = 0;

	snprintf(prefix, sizeof(prefix), "stackcheck: %s ", id);
	*first = *last = -1;
	for (i = 0; i < ncaptured; i++) {
		if (strncmp(captured[i], prefix, strlen(prefix)))
			continue;
		if (*first < 0)
			*first = i;
		*last = i;
		if (k < 7 && strstr(captured[i], order[k]))
			k++;
	}
	return k == 7;
}

int main(void)
{
	int tf, tl, hf, hl;

	irq_bottom = stack_bottom(KIND_HARDIRQ);
	stackcheck_user_irq_handler(SIGUSR1, irq);
	ncaptured = 0;
	stackcheck_user_set_print_hook(hook);
	call_at(stack_bottom(KIND_TASK) + 700, target);
	stackcheck_user_set_print_hook(0);

	CHECK(block_ok("E0.1", &tf, &tl), "task block E0.1 incomplete");
	CHECK(block_ok("E0.2", &hf, &hl), "hardirq block E0.2 incomplete");
	CHECK(strstr(captured[tf], "task stack") != 0, "%s", captured[tf]);
	CHECK(strstr(captured[hf], "hardirq stack") != 0, "%s", captured[hf]);
	CHECK(tf < hf && hl < tl, "E0.1 %d-%d, E0.2 %d-%d", tf, tl, hf, hl);
	return failures ? 1 : 0;
}

/* { dg-final { scan-output-not "CHECK FAIL" } } */
/* { dg-final { scan-output "^stackcheck: E0.2 comm=\\S+ pid=\\d+ cpu=0 context=hardirq$" } } */
/* { dg-final { scan-output "^stackcheck: summary stack=task events=1 printed=1 dropped=0 " } } */
/* { dg-final { scan-output "^stackcheck: summary stack=hardirq events=\[1-9\]\\d* printed=\[1-9\]\\d* dropped=0 " } } */
/* { dg-final { scan-output-not "dropped \\d+ events" } } */
