/* Direct recursion of a global function with a 700-byte frame.  */
/* { dg-do run } */
/* { dg-set-env "STACKCHECK_PANIC=1" } */
/* { dg-exit-status 3 } */

#include "overflow.h"

unsigned int big_down_global(unsigned int n)
{
	volatile unsigned char buf[700];

	buf[0] = n;
	buf[sizeof(buf) - 1] = n >> 8;
	if (past_bottom())
		return n;
	return big_down_global(n + 1) ^ buf[0] ^ buf[sizeof(buf) - 1];
}

static void pattern(void)
{
	sink = big_down_global(0);
}

/* { dg-final { scan-output "^stackcheck: E0\\.\\d+ imminent-overflow: (task|hardirq) stack, -?\\d+ bytes left in (big_down_global)" } } */
/* { dg-final { scan-output "^overflow: caught on the (task|hardirq) stack before its canary was touched$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
