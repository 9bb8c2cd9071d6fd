/* gdb's `bt` from inside stackcheck_report, on the emergency stack, unwinds
   through __stackcheck_slowpath (its CFA expression; gdb shows it as a
   signal frame, which it is marked as) into the instrumented recursion, at
   the resume point past the entry test (the slow path rewrote its return
   address there first; the stub, "gdb_recurse.stackcheck", is no frame of
   its own any more), and its callers.  */
/* { dg-do run } */
/* { dg-options "-O2 -g" } */

#include "run-common.h"

static volatile int sink;

__attribute__((noinline)) int gdb_recurse(int n)
{
	volatile char buf[200];

	buf[0] = n;
	if (n == 0)
		return buf[0];
	return gdb_recurse(n - 1) + buf[0];
}

__attribute__((noinline)) void gdb_task(void *arg)
{
	sink = gdb_recurse(40);
}

int main(void)
{
	stackcheck_user_run_task(gdb_task, 0);
	return 0;
}

/* { dg-final { scan-output "bytes left in gdb_recurse$" } } */
/* { dg-final { stackcheck-gdb-bt "stackcheck_report" "#0 +stackcheck_report \[^\n\]*\n#1 +(<signal handler called>|\[^\n\]*__stackcheck_slowpath )\[^\n\]*\n#2 +\[^\n\]*gdb_recurse \[^\n\]*\n#3 +\[^\n\]*gdb_recurse .*gdb_task" } } */
