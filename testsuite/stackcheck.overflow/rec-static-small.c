/* Direct recursion of a static function with a small frame: the classic
   overflow, and the one a "covered callee" rule that reads the call graph
   too late skips (a static function whose only other caller is itself).
   The xor after the call keeps it from becoming a loop.  */
/* { dg-do run } */
/* { dg-set-env "STACKCHECK_PANIC=1" } */
/* { dg-exit-status 3 } */

#include "overflow.h"

static unsigned int down(unsigned int n)
{
	if (past_bottom())
		return n;
	return down(n + 1) ^ n;
}

static void pattern(void)
{
	sink = down(0);
}

/* { dg-final { scan-output "^stackcheck: E0\\.\\d+ imminent-overflow: (task|hardirq) stack, -?\\d+ bytes left in (down)" } } */
/* { dg-final { scan-output "^overflow: caught on the (task|hardirq) stack before its canary was touched$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
