/* A recursion run by stackcheck_user_run_softirq() (from task code, as a
   softirq runs on irq exit) is reported as "softirq" stack and context.  */
/* { dg-do run } */
/* { dg-options "-O2 -fno-omit-frame-pointer" } */

#include "recurse-check.h"

static void softirq(void *arg)
{
	sink = recurse(0);
}

static void task(void *arg)
{
	stackcheck_user_run_softirq(softirq, 0);
}

static void start(void)
{
	stackcheck_user_run_task(task, 0);
}

int main(void)
{
	return recurse_and_check(KIND_SOFTIRQ, "softirq", start);
}

/* { dg-final { scan-output "near-overflow: softirq stack, \\d+ bytes left in recurse$" } } */
/* { dg-final { scan-output "cpu=0 context=softirq$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
/* { dg-final { scan-output "summary stack=softirq events=\[1-9\]\\d* printed=\[1-9\]\\d* dropped=0 stepped=\\d+ lowest=\\d+ at=recurse$" } } */
/* { dg-final { scan-output "summary stack=task events=0 " } } */
