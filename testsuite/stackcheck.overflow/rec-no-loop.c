/* A recursion GCC cannot turn into a loop: each level links a local to
   the level above (the call is in tail position, but the callee reads
   the caller's local, so the caller's frame must stay).  */
/* { dg-do run } */
/* { dg-set-env "STACKCHECK_PANIC=1" } */
/* { dg-exit-status 3 } */

#include "overflow.h"

struct link {
	const struct link *up;
	unsigned int n;
};

static unsigned int nest(const struct link *up)
{
	struct link me = { up, up->n + 1 };

	if (past_bottom())
		return me.n;
	return nest(&me);
}

static void pattern(void)
{
	struct link root = { 0, 0 };

	sink = nest(&root);
}

/* { dg-final { scan-output "^stackcheck: E0\\.\\d+ imminent-overflow: (task|hardirq) stack, -?\\d+ bytes left in (nest)" } } */
/* { dg-final { scan-output "^overflow: caught on the (task|hardirq) stack before its canary was touched$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
