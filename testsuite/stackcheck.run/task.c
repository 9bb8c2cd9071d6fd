/* A recursion on the task stack is reported as "task", with bytes-left within
   16 bytes of the truth (each level's lowest byte, measured), the right
   function, and a chain made of the recursion's frames with their sizes.  */
/* { dg-do run } */
/* { dg-options "-O2 -fno-omit-frame-pointer" } */

#include "recurse-check.h"

static void task(void *arg)
{
	sink = recurse(0);
}

static void start(void)
{
	stackcheck_user_run_task(task, 0);
}

int main(void)
{
	return recurse_and_check(KIND_TASK, "task", start);
}

/* { dg-final { scan-output "near-overflow: task stack, \\d+ bytes left in recurse$" } } */
/* { dg-final { scan-output "comm=\\S+ pid=\\d+ cpu=0 context=task$" } } */
/* { dg-final { scan-output "site=recurse\\+0x\[0-9a-f\]+/0x\[0-9a-f\]+$" } } */
/* { dg-final { scan-output "why=first$" } } */
/* { dg-final { scan-output "why=new-low$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
/* { dg-final { scan-output "summary stack=task events=\[1-9\]\\d* printed=\[1-9\]\\d* dropped=0 stepped=\\d+ lowest=\\d+ at=recurse$" } } */
/* { dg-final { scan-output "summary stack=hardirq events=0 " } } */
