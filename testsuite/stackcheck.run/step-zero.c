/* STACKCHECK_STEP=0: every new low prints, as before the step existed: the
   small-frame recursion of step.c prints one block per frame below the
   threshold, nothing is stepped.  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-callee-skip=0" } */
/* { dg-set-env "STACKCHECK_STEP=0" } */

#define STEP		0
#define STEP_STOP	400
#include "step-check.h"

int main(void)
{
	int r = step_check();

	CHECK(stackcheck_stats[STACKCHECK_TASK].printed ==
	      stackcheck_stats[STACKCHECK_TASK].events &&
	      stackcheck_stats[STACKCHECK_TASK].stepped == 0,
	      "printed %lu of %lu", stackcheck_stats[STACKCHECK_TASK].printed,
	      stackcheck_stats[STACKCHECK_TASK].events);
	return r || failures;
}

/* { dg-final { scan-output "^stackcheck: enabled threshold=1024 size=8192 reserve=256 sites=\\d+ panic=0 step=0$" } } */
/* { dg-final { scan-output "^stackcheck: summary stack=task events=(\\d+) printed=\\1 dropped=0 stepped=0 lowest=\\d+ at=down$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
