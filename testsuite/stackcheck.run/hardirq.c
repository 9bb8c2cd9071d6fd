/* A recursion in a signal handler, on the sigaltstack that stands for the
   hardirq stack, interrupting task code: reported as "hardirq" stack and
   context, bytes-left within 16 bytes of the truth, the recursion's chain.  */
/* { dg-do run } */
/* { dg-options "-O2 -fno-omit-frame-pointer" } */

#include <signal.h>
#include "recurse-check.h"

static void irq(int signo)
{
	sink = recurse(0);
}

static void task(void *arg)
{
	raise(SIGUSR1);
}

static void start(void)
{
	stackcheck_user_irq_handler(SIGUSR1, irq);
	stackcheck_user_run_task(task, 0);
}

int main(void)
{
	return recurse_and_check(KIND_HARDIRQ, "hardirq", start);
}

/* { dg-final { scan-output "near-overflow: hardirq stack, \\d+ bytes left in recurse$" } } */
/* { dg-final { scan-output "cpu=0 context=hardirq$" } } */
/* { dg-final { scan-output-not "context=task$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
/* { dg-final { scan-output "summary stack=hardirq events=\[1-9\]\\d* printed=\[1-9\]\\d* dropped=0 stepped=\\d+ lowest=\\d+ at=recurse$" } } */
/* { dg-final { scan-output "summary stack=task events=0 " } } */
