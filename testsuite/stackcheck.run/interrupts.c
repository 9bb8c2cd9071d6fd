/* Interrupts at any point of the slow path: a 200 us interval timer raises
   SIGALRM (the "hardirq", on its own stack) while task code takes the slow
   path 200 times, each a new low, so most of the time is spent inside
   reports; each of the first 300 handlers goes one step deeper on the
   hardirq stack and reports too (later ones return at once: a slow machine
   gets a burst, never an endless storm).  Every block, task or hardirq, is
   complete (title .. end, one each per id), none is dropped, the counts are
   exact, and nothing hangs (dladdr's lock must not be taken by a report
   that interrupted another report inside it).  The new lows are 2 bytes
   apart: STACKCHECK_STEP=0 prints each.  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-leaf-skip=0" } */
/* { dg-set-env "STACKCHECK_STEP=0" } */

#include <signal.h>
#include <sys/time.h>
#include "run-common.h"

static volatile int sink, irqs;

__attribute__((noinline)) void task_target(void)
{
	volatile char buf[32];

	buf[0] = 1;
	sink += buf[0];
}

__attribute__((noinline)) void irq_target(void)
{
	volatile char buf[32];

	buf[0] = 1;
	sink += buf[0];
}

static void irq(int signo)
{
	unsigned long bottom = stack_bottom(KIND_HARDIRQ);

	/* Deeper each time: every one is a new low. */
	if (irqs < 300)
		call_at(bottom + 1000 - 2 * irqs, irq_target);
	irqs++;
}

int main(void)
{
	struct itimerval it = { { 0, 200 }, { 0, 200 } };
	unsigned long bottom = stack_bottom(KIND_TASK);
	int i, l, titles[2] = { 0, 0 }, bad = 0;

	capture_start();
	stackcheck_user_irq_handler(SIGALRM, irq);
	setitimer(ITIMER_REAL, &it, 0);
	for (i = 0; i < 200; i++)
		call_at(bottom + 1000 - 2 * i, task_target);
	it.it_value.tv_usec = 0;
	it.it_interval.tv_usec = 0;
	setitimer(ITIMER_REAL, &it, 0);
	stackcheck_user_set_print_hook(0);
	printf("%d interrupts, %d lines\n", irqs, ncaptured);
	CHECK(ncaptured < MAX_LINES, "too many lines");

	/* Each id: one title, one end, the end after the title. */
	for (l = 0; l < ncaptured; l++) {
		char id[24], end[40];
		int e, n, t = 0;

		if (!strstr(captured[l], "-overflow: "))
			continue;
		if (sscanf(captured[l], "stackcheck: %23s", id) != 1)
			continue;
		titles[strstr(captured[l], "hardirq stack") ? 1 : 0]++;
		snprintf(end, sizeof(end), "stackcheck: %s end", id);
		for (e = -1, n = 0; n < ncaptured; n++) {
			char pre[32];

			snprintf(pre, sizeof(pre), "stackcheck: %s ", id);
			if (!strncmp(captured[n], pre, strlen(pre)) &&
			    strstr(captured[n], "-overflow: "))
				t++;
			if (!strcmp(captured[n], end))
				e = e < 0 ? n : -2;
		}
		if (t != 1 || e < l) {
			bad++;
			printf("block %s: %d titles, end at %d, title at %d\n", id,
			       t, e, l);
		}
	}
	printf("task blocks %d, hardirq blocks %d\n", titles[0], titles[1]);
	CHECK(bad == 0, "%d incomplete blocks", bad);
	CHECK(titles[0] == 200, "%d task blocks", titles[0]);
	CHECK(irqs > 0 && titles[1] > 0, "%d interrupts, %d hardirq blocks",
	      irqs, titles[1]);
	return failures ? 1 : 0;
}

/* { dg-final { scan-output-not "CHECK FAIL" } } */
/* { dg-final { scan-output "^stackcheck: summary stack=task events=200 printed=200 dropped=0 " } } */
/* { dg-final { scan-output "^stackcheck: summary stack=hardirq events=(\\d+) printed=\\1 dropped=0 " } } */
/* { dg-final { scan-output-not "dropped \\d+ events" } } */
