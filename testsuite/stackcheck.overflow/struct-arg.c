/* A recursion that passes a 512-byte struct by value: each level's copy
   is in its caller's outgoing arguments, not in the callee's frame.  The
   empty asm makes the whole copy used, so GCC cannot pass fields only.  */
/* { dg-do run } */
/* { dg-set-env "STACKCHECK_PANIC=1" } */
/* { dg-exit-status 3 } */

#include "overflow.h"

struct blob {
	unsigned int w[128];
};

static unsigned int carry(struct blob b, unsigned int n)
{
	__asm__ __volatile__("" : : "r"(&b) : "memory");
	b.w[n & 127] ^= n;
	if (past_bottom())
		return b.w[0];
	return carry(b, n + 1) ^ b.w[n & 127];
}

static void pattern(void)
{
	struct blob b = { { 1 } };

	sink = carry(b, 0);
}

/* { dg-final { scan-output "^stackcheck: E0\\.\\d+ imminent-overflow: (task|hardirq) stack, -?\\d+ bytes left in (carry)" } } */
/* { dg-final { scan-output "^overflow: caught on the (task|hardirq) stack before its canary was touched$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
