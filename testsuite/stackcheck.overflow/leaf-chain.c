/* A recursion whose every level calls down a chain of 24 tiny static
   functions: c1..c12 call the next and use its result (each small enough
   for callee-skip), c13..c24 tail-call the next (leaf-like from -O2, each
   small enough for leaf-skip), c25 is a leaf.  The chain is in no cycle:
   its functions may go unchecked, and the bytes they use must then be in
   the frame their checked caller reserves.  */
/* { dg-do run } */
/* { dg-set-env "STACKCHECK_PANIC=1" } */
/* { dg-exit-status 3 } */

#include "overflow.h"

static volatile int stop;

__attribute__((noinline)) static unsigned int c25(unsigned int x)
{
	if (past_bottom())
		stop = 1;
	return x * 3;
}

#define TAIL(i, next)							\
__attribute__((noinline)) static unsigned int c##i(unsigned int x)	\
{									\
	return next(x + i);						\
}
#define CALL(i, next)							\
__attribute__((noinline)) static unsigned int c##i(unsigned int x)	\
{									\
	return next(x * 5 + i) ^ i;					\
}

TAIL(24, c25) TAIL(23, c24) TAIL(22, c23) TAIL(21, c22) TAIL(20, c21)
TAIL(19, c20) TAIL(18, c19) TAIL(17, c18) TAIL(16, c17) TAIL(15, c16)
TAIL(14, c15) TAIL(13, c14)
CALL(12, c13) CALL(11, c12) CALL(10, c11) CALL(9, c10) CALL(8, c9)
CALL(7, c8) CALL(6, c7) CALL(5, c6) CALL(4, c5) CALL(3, c4) CALL(2, c3)
CALL(1, c2)

unsigned int climb(unsigned int n)
{
	unsigned int v = c1(n);

	if (stop || past_bottom())
		return v;
	return climb(n + 1) ^ v;
}

static void pattern(void)
{
	sink = climb(0);
}

/* { dg-final { scan-output "^stackcheck: E0\\.\\d+ imminent-overflow: (task|hardirq) stack, -?\\d+ bytes left in (climb|c\\d+)" } } */
/* { dg-final { scan-output "^overflow: caught on the (task|hardirq) stack before its canary was touched$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
