/* A bad environment value stops the program before main with a clear
   message and status 2: here a step that is not a number of bytes.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-set-env "STACKCHECK_STEP=1k" } */
/* { dg-exit-status 2 } */

#include "run-common.h"

int main(void)
{
	printf("main reached\n");
	return 0;
}

/* { dg-final { scan-output "^stackcheck: STACKCHECK_STEP=1k: expected a number from 0 to 8191$" } } */
/* { dg-final { scan-output-not "main reached" } } */
