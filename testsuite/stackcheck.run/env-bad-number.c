/* A bad environment value stops the program before main with a clear
   message and status 2: here a threshold that is not a number.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-set-env "STACKCHECK_THRESHOLD=12abc" } */
/* { dg-exit-status 2 } */

#include "run-common.h"

int main(void)
{
	printf("main reached\n");
	return 0;
}

/* { dg-final { scan-output "^stackcheck: STACKCHECK_THRESHOLD=12abc: expected a number from 1 to 8191$" } } */
/* { dg-final { scan-output-not "main reached" } } */
