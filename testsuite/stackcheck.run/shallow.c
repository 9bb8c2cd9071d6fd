/* Nothing is reported for code that stays far from the bottom of the task
   stack, nor for deep code on the main thread's stack (not a known stack:
   the mask fires there at random, the runtime must not believe it).  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-leaf-skip=0" } */

#include "run-common.h"

static volatile int sink;

__attribute__((noinline)) int shallow(int n)
{
	volatile char buf[64];

	buf[0] = n;
	return n ? shallow(n - 1) + buf[0] : 0;
}

/* About 40 KiB of main-thread stack: crosses many 8 KiB boundaries. */
__attribute__((noinline)) int deep_on_main(int n)
{
	volatile char buf[180];

	buf[0] = n;
	return n ? deep_on_main(n - 1) + buf[0] : 0;
}

static void task(void *arg)
{
	sink = shallow(20);
}

int main(void)
{
	stackcheck_user_run_task(task, 0);
	sink = deep_on_main(200);
	printf("done %d\n", sink);
	return 0;
}

/* { dg-final { scan-output "done \\d+" } } */
/* { dg-final { scan-output "^stackcheck: enabled threshold=1024 size=8192 reserve=256 sites=\[1-9\]\\d* panic=0 step=256$" } } */
/* { dg-final { scan-output-not "overflow" } } */
/* { dg-final { scan-output-times "^stackcheck: summary stack=\[a-z\]+ events=0 printed=0 dropped=0 stepped=0 lowest=none at=-$" 4 } } */
