/* Direct recursion of a global function with a small frame.  */
/* { dg-do run } */
/* { dg-set-env "STACKCHECK_PANIC=1" } */
/* { dg-exit-status 3 } */

#include "overflow.h"

unsigned int down_global(unsigned int n)
{
	if (past_bottom())
		return n;
	return down_global(n + 1) ^ n;
}

static void pattern(void)
{
	sink = down_global(0);
}

/* { dg-final { scan-output "^stackcheck: E0\\.\\d+ imminent-overflow: (task|hardirq) stack, -?\\d+ bytes left in (down_global)" } } */
/* { dg-final { scan-output "^overflow: caught on the (task|hardirq) stack before its canary was touched$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
