/* A VLA in a loop, 256 bytes bigger at each iteration: one allocation
   eventually asks for more than is left (the check after the allocation
   sees it, before the array is written).  */
/* { dg-do run } */
/* { dg-set-env "STACKCHECK_PANIC=1" } */
/* { dg-exit-status 3 } */

#include "overflow.h"

__attribute__((noinline)) static unsigned int widen(void)
{
	unsigned int size, n = 0;

	for (size = 256;; size += 256) {
		volatile unsigned char buf[size];

		if (past_bottom())
			return n;
		buf[0] = size;
		buf[size - 1] = size >> 8;
		n += buf[0];
	}
}

static void pattern(void)
{
	sink = widen();
}

/* { dg-final { scan-output "^stackcheck: E0\\.\\d+ imminent-overflow: (task|hardirq) stack, -?\\d+ bytes left in (widen)" } } */
/* { dg-final { scan-output "^overflow: caught on the (task|hardirq) stack before its canary was touched$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
