/* Mutual recursion of two global functions with small frames, one of
   them with a 300-byte frame.  */
/* { dg-do run } */
/* { dg-set-env "STACKCHECK_PANIC=1" } */
/* { dg-exit-status 3 } */

#include "overflow.h"

unsigned int pong_global(unsigned int n);

unsigned int ping_global(unsigned int n)
{
	if (past_bottom())
		return n;
	return pong_global(n + 1) ^ n;
}

unsigned int pong_global(unsigned int n)
{
	volatile unsigned char buf[300];

	buf[0] = n;
	return ping_global(n + 2) ^ buf[0];
}

static void pattern(void)
{
	sink = ping_global(0);
}

/* { dg-final { scan-output "^stackcheck: E0\\.\\d+ imminent-overflow: (task|hardirq) stack, -?\\d+ bytes left in (ping_global|pong_global)" } } */
/* { dg-final { scan-output "^overflow: caught on the (task|hardirq) stack before its canary was touched$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
