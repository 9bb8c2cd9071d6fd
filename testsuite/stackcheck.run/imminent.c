/* An imminent overflow: a 2000-byte frame entered 1000 bytes above the
   bottom is reported (imminent-overflow, negative bytes left) before the
   frame is allocated: the panic hook, called with STACKCHECK_PANIC=1, finds
   the canary below the stack intact and the frame never written.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-set-env "STACKCHECK_PANIC=1" } */
/* { dg-exit-status 3 } */

#include <unistd.h>
#include "run-common.h"

static volatile int sink;
static volatile int entered;

__attribute__((noinline)) void big(void)
{
	volatile char buf[2000];

	entered = 1;
	buf[0] = 1;
	buf[1999] = 2;
	sink = buf[0] + buf[1999];
}

static void hook(const char *why)
{
	printf("panic hook: %s; canary intact: %d; frame entered: %d\n", why,
	       stackcheck_user_canary_intact(KIND_TASK), entered);
	fflush(stdout);
	_exit(3);
}

int main(void)
{
	stackcheck_user_set_panic_hook(hook);
	call_at(stack_bottom(KIND_TASK) + 1000, big);
	printf("not reached\n");
	return 0;
}

/* { dg-final { scan-output "^stackcheck: enabled .* panic=1 step=\\d+$" } } */
/* { dg-final { scan-output "^stackcheck: E0.1 imminent-overflow: task stack, -\\d+ bytes left in big$" } } */
/* { dg-final { scan-output "^stackcheck: E0.1 end$" } } */
/* { dg-final { scan-output "panic hook: imminent stack overflow; canary intact: 1; frame entered: 0" } } */
/* { dg-final { scan-output-not "not reached" } } */
