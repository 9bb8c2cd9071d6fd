/* The step, by default 256 bytes: a 300-level recursion of a small frame,
   every frame a new low of its site, prints the first event and then one
   block per 256-byte band below the threshold it enters (at most 4 with
   the threshold 1024), not one per frame; the site's low and hits and the
   counters stay exact, and the summary counts the new lows not printed
   (stepped=).  step-check.h holds
   the recursion and the model it is checked against.  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-callee-skip=0" } */

#define STEP		256
#define STEP_STOP	400	/* above the reserve: nothing imminent */
#include "step-check.h"

int main(void)
{
	int r = step_check();

	CHECK(stackcheck_stats[STACKCHECK_TASK].printed <= THRESHOLD / STEP,
	      "%lu blocks", stackcheck_stats[STACKCHECK_TASK].printed);
	CHECK(stackcheck_stats[STACKCHECK_TASK].stepped >= 15, "%lu stepped",
	      stackcheck_stats[STACKCHECK_TASK].stepped);
	return r || failures;
}

/* { dg-final { scan-output "^stackcheck: enabled threshold=1024 size=8192 reserve=256 sites=\\d+ panic=0 step=256$" } } */
/* { dg-final { scan-output "^stackcheck: summary stack=task events=\\d+ printed=\[2-4\] dropped=0 stepped=\[1-9\]\\d* lowest=\\d+ at=down$" } } */
/* { dg-final { scan-output-not "imminent-overflow" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
