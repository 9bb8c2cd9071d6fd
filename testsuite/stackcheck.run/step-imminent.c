/* The step never holds back an imminent overflow: the recursion of step.c
   goes on below the reserve (256 bytes left) and every frame there, each a
   new low, prints its imminent-overflow block; above the reserve one block
   per 256-byte band.  The canary below the stack stays intact.  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-callee-skip=0" } */

#define STEP		256
#define STEP_STOP	180	/* the slow path needs its bytes too */
#include "step-check.h"

int main(void)
{
	int r = step_check();

	CHECK(imminent_blocks >= 3, "%d imminent blocks", imminent_blocks);
	return r || failures;
}

/* { dg-final { scan-output "imminent-overflow: task stack, \\d+ bytes left in down$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
