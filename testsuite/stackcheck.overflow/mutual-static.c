/* Mutual recursion of two static functions with small frames (GCC may
   inline one into the other: then it is a direct recursion).  */
/* { dg-do run } */
/* { dg-set-env "STACKCHECK_PANIC=1" } */
/* { dg-exit-status 3 } */

#include "overflow.h"

static unsigned int pong(unsigned int n);

static unsigned int ping(unsigned int n)
{
	if (past_bottom())
		return n;
	return pong(n + 1) ^ n;
}

static unsigned int pong(unsigned int n)
{
	return ping(n + 2) ^ (n << 1);
}

static void pattern(void)
{
	sink = ping(0);
}

/* { dg-final { scan-output "^stackcheck: E0\\.\\d+ imminent-overflow: (task|hardirq) stack, -?\\d+ bytes left in (ping|pong)" } } */
/* { dg-final { scan-output "^overflow: caught on the (task|hardirq) stack before its canary was touched$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
