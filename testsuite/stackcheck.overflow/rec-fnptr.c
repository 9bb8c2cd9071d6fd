/* Recursion through a function pointer (an ops table's callback calling
   back into the table): a static function whose address is taken.  */
/* { dg-do run } */
/* { dg-set-env "STACKCHECK_PANIC=1" } */
/* { dg-exit-status 3 } */

#include "overflow.h"

struct ops {
	unsigned int (*walk)(const struct ops *ops, unsigned int n);
};

static unsigned int walk(const struct ops *ops, unsigned int n)
{
	if (past_bottom())
		return n;
	return ops->walk(ops, n + 1) ^ n;
}

static const struct ops *volatile table;
static const struct ops the_ops = { walk };

static void pattern(void)
{
	table = &the_ops;
	sink = table->walk(table, 0);
}

/* { dg-final { scan-output "^stackcheck: E0\\.\\d+ imminent-overflow: (task|hardirq) stack, -?\\d+ bytes left in (walk)" } } */
/* { dg-final { scan-output "^overflow: caught on the (task|hardirq) stack before its canary was touched$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
