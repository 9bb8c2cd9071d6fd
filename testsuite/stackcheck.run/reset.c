/* stackcheck_reset() clears the counters, the deepest-sites table and every
   site's low and hits: the same event after a reset is a "first" again, and
   the summary counts only what came after it.  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-leaf-skip=0" } */

#include "run-common.h"
#include "stackcheck_glue.h"

static volatile int sink;

__attribute__((noinline)) void target(void)
{
	volatile char buf[32];

	buf[0] = 1;
	sink += buf[0];
}

int main(void)
{
	unsigned long bottom = stack_bottom(KIND_TASK);
	int i;

	for (i = 0; i < 3; i++)
		call_at(bottom + 800, target);
	CHECK(stackcheck_stats[0].events == 3, "events %lu",
	      stackcheck_stats[0].events);
	CHECK(stackcheck_top[0].site != 0, "top table empty");
	stackcheck_reset();
	CHECK(stackcheck_stats[0].events == 0 && stackcheck_top[0].site == 0,
	      "not reset");
	for (i = 0; i < 2; i++)
		call_at(bottom + 800, target);
	return failures ? 1 : 0;
}

/* { dg-final { scan-output-times " why=first$" 2 } } */
/* { dg-final { scan-output-not " why=new-low$" } } */
/* { dg-final { scan-output "^stackcheck: summary stack=task events=2 printed=1 dropped=0 stepped=0 lowest=\\d+ at=target$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
