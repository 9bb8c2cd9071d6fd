/* A frame of 16 MiB (more than the descriptor's 24-bit frame field holds):
   the plugin builds it as checked-always and the runtime must still see a
   frame larger than the stack, and report the imminent overflow on the
   task stack before the frame is allocated (a frame cut to its low 24 bits
   would look like 4 bytes, pass, and write 16 MiB below the stack).  Not
   called on the main thread: 16 MiB is more than its limit too.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-set-env "STACKCHECK_PANIC=1" } */
/* { dg-exit-status 3 } */

#include <unistd.h>
#include "stress-common.h"

static volatile int entered;

__attribute__((noinline)) int enormous(int x)
{
	volatile char buf[1 << 24];

	entered++;
	buf[0] = (char)x;
	buf[sizeof(buf) - 1] = (char)(x + 1);
	return buf[0] + buf[sizeof(buf) - 1];
}

static int result;

static void on_task(void *arg)
{
	result = enormous(5);
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
	stackcheck_user_set_panic_hook(hook);
	stackcheck_user_run_task(on_task, NULL);
	printf("not reached: %d\n", result);
	return 0;
}

/* { dg-final { scan-table "^enormous\t\[^\t\]*\t167772\[0-9\]\[0-9\]\t0\tchecked-always$" 1 } } */
/* { dg-final { scan-output "^stackcheck: E0\\.1 imminent-overflow: task stack, -\[0-9\]+ bytes left in enormous$" } } */
/* { dg-final { scan-output "^panic hook: imminent stack overflow; canary intact: 1; entered: 0$" } } */
/* { dg-final { scan-output-not "not reached" } } */
