/* A frame larger than the stack: 16 KiB of locals with the default 8 KiB
   stack-size.  The plugin builds it without an ICE as checked-always (its
   test calls the slow path at every entry); on the main thread, a stack the
   runtime does not watch, it runs; on the task stack it is reported as an
   imminent overflow before its frame is allocated: with STACKCHECK_PANIC=1
   the panic hook finds the canary below the stack intact and the frame
   never entered.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-set-env "STACKCHECK_PANIC=1" } */
/* { dg-exit-status 3 } */

#include <unistd.h>
#include "stress-common.h"

static volatile int entered;

__attribute__((noinline)) int huge(int x)
{
	volatile char buf[16384];

	entered++;
	buf[0] = (char)x;
	buf[sizeof(buf) - 1] = (char)(x + 1);
	return buf[0] + buf[sizeof(buf) - 1];
}

static int result;

static void on_task(void *arg)
{
	result = huge(5);
}

static void hook(const char *why)
{
	printf("panic hook: %s; canary intact: %d; entered: %d\n", why,
	       stackcheck_user_canary_intact(KIND_TASK), entered);
	fflush(stdout);
	_exit(3);
}

int main(void)
{
	int r;

	stackcheck_user_set_panic_hook(hook);
	r = huge(20);
	printf("main thread: %d, entered %d\n", r, entered);
	fflush(stdout);
	stackcheck_user_run_task(on_task, NULL);
	printf("not reached: %d\n", result);
	return 0;
}

/* { dg-final { scan-table "^huge\t\[^\t\]*\t16\[0-9\]\[0-9\]\[0-9\]\t0\tchecked-always$" 1 } } */
/* { dg-final { scan-output "^main thread: 41, entered 1$" } } */
/* { dg-final { scan-output "^stackcheck: E0\\.1 imminent-overflow: task stack, -\[0-9\]+ bytes left in huge$" } } */
/* { dg-final { scan-output "^stackcheck: E0\\.1 stack=task left=-\[0-9\]+ threshold=1024 frame=16\[0-9\]\[0-9\]\[0-9\] dynamic=0 " } } */
/* { dg-final { scan-output "^panic hook: imminent stack overflow; canary intact: 1; entered: 1$" } } */
/* { dg-final { scan-output-not "not reached" } } */
