/* Rate limiting: with STACKCHECK_BURST=2 per STACKCHECK_INTERVAL_MS=1000,
   five new lows in a burst print two blocks and drop three; in the next
   window the drop is announced before the next block, two more print,
   three more drop and the summary line says so; the counts are exact.
   The new lows are 16 bytes apart: STACKCHECK_STEP=0 prints each.  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-leaf-skip=0" } */
/* { dg-set-env "STACKCHECK_BURST=2 STACKCHECK_INTERVAL_MS=1000 STACKCHECK_STEP=0" } */

#include <time.h>
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
	unsigned long bottom = stack_bottom(KIND_TASK);
	struct timespec ts = { 1, 300000000 };	/* into the next window */
	int i;

	for (i = 0; i < 5; i++)
		call_at(bottom + 900 - 16 * i, target);
	nanosleep(&ts, 0);
	for (i = 5; i < 10; i++)
		call_at(bottom + 900 - 16 * i, target);
	return 0;
}

/* { dg-final { scan-output-times "near-overflow: task stack" 4 } } */
/* { dg-final { scan-output-times "^stackcheck: dropped 3 events \\(ratelimit\\)$" 2 } } */
/* { dg-final { scan-output "^stackcheck: E0.2 end\nstackcheck: dropped 3 events \\(ratelimit\\)\nstackcheck: E0.3 near-overflow" } } */
/* { dg-final { scan-output "^stackcheck: summary stack=task events=10 printed=4 dropped=6 stepped=0 lowest=" } } */
