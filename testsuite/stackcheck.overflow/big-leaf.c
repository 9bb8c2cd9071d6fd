/* A recursion whose every level calls a leaf with a 900-byte frame: the
   leaf alone takes the stack past its bottom from a level that still had
   900 bytes.  Checked by default; with leaf-skip above 900 it is not, and
   only a runtime reserve of at least leaf-skip makes the panic come in
   time (overflow.exp sets STACKCHECK_RESERVE for that option set).  */
/* { dg-do run } */
/* { dg-set-env "STACKCHECK_PANIC=1" } */
/* { dg-exit-status 3 } */

#include "overflow.h"

static volatile int stop;

__attribute__((noinline)) static unsigned int wide_leaf(unsigned int x)
{
	volatile unsigned char buf[880];

	buf[0] = x;
	buf[sizeof(buf) - 1] = x >> 8;
	if (past_bottom())
		stop = 1;
	return buf[0] + buf[sizeof(buf) - 1];
}

unsigned int under(unsigned int n)
{
	unsigned int v = wide_leaf(n);

	if (stop || past_bottom())
		return v;
	return under(n + 1) ^ v;
}

static void pattern(void)
{
	sink = under(0);
}

/* { dg-final { scan-output "^stackcheck: E0\\.\\d+ imminent-overflow: (task|hardirq) stack, -?\\d+ bytes left in (under|wide_leaf)" } } */
/* { dg-final { scan-output "^overflow: caught on the (task|hardirq) stack before its canary was touched$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
