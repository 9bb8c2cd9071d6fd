/* A recursion through a chain of tail calls: hop3 calls hop1, which
   tail-calls hop2, which tail-calls hop3.  hop1 and hop2 make no other
   call (leaf-like once GCC turns their calls into jumps, from -O2) but
   they are in a cycle, and a cycle is always checked.  */
/* { dg-do run } */
/* { dg-set-env "STACKCHECK_PANIC=1" } */
/* { dg-exit-status 3 } */

#include "overflow.h"

static unsigned int hop3(unsigned int n, unsigned int acc);

__attribute__((noinline)) static unsigned int hop2(unsigned int n,
						   unsigned int acc)
{
	return hop3(n, acc * 5 + 1);
}

__attribute__((noinline)) static unsigned int hop1(unsigned int n,
						   unsigned int acc)
{
	return hop2(n, acc ^ n);
}

static unsigned int hop3(unsigned int n, unsigned int acc)
{
	if (past_bottom())
		return acc;
	return hop1(n + 1, acc) ^ n;
}

static void pattern(void)
{
	sink = hop3(0, 1);
}

/* { dg-final { scan-output "^stackcheck: E0\\.\\d+ imminent-overflow: (task|hardirq) stack, -?\\d+ bytes left in (hop1|hop2|hop3)" } } */
/* { dg-final { scan-output "^overflow: caught on the (task|hardirq) stack before its canary was touched$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
