/* alloca in a loop: one function whose frame grows by 256 bytes per
   iteration until it runs off the stack; the check after each allocation
   sees it, before the block is written.  */
/* { dg-do run } */
/* { dg-set-env "STACKCHECK_PANIC=1" } */
/* { dg-exit-status 3 } */

#include "overflow.h"

#define CHUNK	256

__attribute__((noinline)) static unsigned int grab(void)
{
	unsigned int n = 0;

	for (;;) {
		volatile unsigned char *p = __builtin_alloca(CHUNK);

		if (past_bottom())
			return n;
		p[0] = n;
		p[CHUNK - 1] = n;
		n++;
	}
}

static void pattern(void)
{
	sink = grab();
}

/* { dg-final { scan-output "^stackcheck: E0\\.\\d+ imminent-overflow: (task|hardirq) stack, -?\\d+ bytes left in (grab)" } } */
/* { dg-final { scan-output "^overflow: caught on the (task|hardirq) stack before its canary was touched$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
