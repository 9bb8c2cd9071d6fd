/* STACKCHECK_STEP=100: the enabled line says so and the recursion of
   step.c prints the first event and one block per 100-byte band below the
   threshold it enters (at most 11 with the threshold 1024), exactly the
   blocks the model says.  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-callee-skip=0" } */
/* { dg-set-env "STACKCHECK_STEP=100" } */

#define STEP		100
#define STEP_STOP	400
#include "step-check.h"

int main(void)
{
	int r = step_check();

	CHECK(stackcheck_stats[STACKCHECK_TASK].printed >= 6 &&
	      stackcheck_stats[STACKCHECK_TASK].printed <= THRESHOLD / STEP + 1,
	      "%lu blocks", stackcheck_stats[STACKCHECK_TASK].printed);
	return r || failures;
}

/* { dg-final { scan-output "^stackcheck: enabled threshold=1024 size=8192 reserve=256 sites=\\d+ panic=0 step=100$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
