/* With STACKCHECK_PANIC=1 and no hook, the user-space glue's default panic
   prints "stackcheck: panic: ..." after the block and exits with status 3;
   with a reserve of 600, 500 bytes left is already imminent.  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-leaf-skip=0" } */
/* { dg-set-env "STACKCHECK_PANIC=1 STACKCHECK_RESERVE=600" } */
/* { dg-exit-status 3 } */

#include "run-common.h"

static volatile int sink;

__attribute__((noinline)) void target(void)
{
	volatile char buf[32];

	buf[0] = 1;
	sink += buf[0];
}

int main(void)
{
	call_at(stack_bottom(KIND_TASK) + 560, target);
	printf("not reached\n");
	return 0;
}

/* { dg-final { scan-output "^stackcheck: enabled threshold=1024 size=8192 reserve=600 sites=\\d+ panic=1 step=256$" } } */
/* { dg-final { scan-output "^stackcheck: E0.1 imminent-overflow: task stack, 5\\d\\d bytes left in target$" } } */
/* { dg-final { scan-output "^stackcheck: E0.1 end\nstackcheck: panic: imminent stack overflow$" } } */
/* { dg-final { scan-output-not "not reached" } } */
