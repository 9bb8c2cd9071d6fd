/* Direct recursion of a static function with a 700-byte frame: a dozen
   levels fill the 8 KiB stack.  */
/* { dg-do run } */
/* { dg-set-env "STACKCHECK_PANIC=1" } */
/* { dg-exit-status 3 } */

#include "overflow.h"

static unsigned int big_down(unsigned int n)
{
	volatile unsigned char buf[700];

	buf[0] = n;
	buf[sizeof(buf) - 1] = n >> 8;
	if (past_bottom())
		return n;
	return big_down(n + 1) ^ buf[0] ^ buf[sizeof(buf) - 1];
}

static void pattern(void)
{
	sink = big_down(0);
}

/* { dg-final { scan-output "^stackcheck: E0\\.\\d+ imminent-overflow: (task|hardirq) stack, -?\\d+ bytes left in (big_down)" } } */
/* { dg-final { scan-output "^overflow: caught on the (task|hardirq) stack before its canary was touched$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
