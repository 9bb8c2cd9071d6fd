/* How many bytes the slow path uses on the stack it checks, measured: the
   stack below the check is painted, a function whose frame is only its
   return address takes the slow path (once reporting, once a false alarm
   rejected by the exact test), and the lowest byte overwritten gives the
   figure.  It must stay within a few dozen bytes (at most 128).  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-leaf-skip=0" } */

#include "run-common.h"

#define PAINT 0xa5

__attribute__((noinline)) void target(void)
{
	__asm__ __volatile__("");
}

__no_stackcheck static unsigned long used_below(unsigned long sp)
{
	unsigned long bottom = stack_bottom(KIND_TASK);
	unsigned long sp_check = sp - 4, a;

	memset((void *)bottom, PAINT, sp - bottom - 4);
	call_at(sp, target);
	for (a = bottom; a < sp_check; a++)
		if (*(unsigned char *)a != PAINT)
			return sp_check - a;
	return 0;
}

int main(void)
{
	unsigned long bottom = stack_bottom(KIND_TASK);
	unsigned long event, quiet, alarm;

	event = used_below(bottom + 900);
	quiet = used_below(bottom + 900);
	alarm = used_below(bottom + 1600);
	printf("slow path bytes below the checked sp: %lu reporting, %lu repeat, %lu false alarm\n",
	       event, quiet, alarm);
	CHECK(event > 20 && event <= 128, "%lu", event);
	CHECK(quiet > 20 && quiet <= 128, "%lu", quiet);
	CHECK(alarm > 20 && alarm <= event, "%lu", alarm);
	return failures ? 1 : 0;
}

/* { dg-final { scan-output-times "near-overflow: task stack, \\d+ bytes left in target$" 1 } } */
/* { dg-final { scan-output "^stackcheck: summary stack=task events=2 printed=1 dropped=0 " } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
