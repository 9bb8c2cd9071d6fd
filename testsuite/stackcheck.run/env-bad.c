/* A bad environment value stops the program before main with a clear
   message and status 2: here a stack size that is not a power of two.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-set-env "STACKCHECK_STACK_SIZE=12288" } */
/* { dg-exit-status 2 } */

#include "run-common.h"

int main(void)
{
	printf("main reached\n");
	return 0;
}

/* { dg-final { scan-output "^stackcheck: STACKCHECK_STACK_SIZE=12288: expected a power of two$" } } */
/* { dg-final { scan-output-not "main reached" } } */
