/* A recursion whose every level passes a 2000-byte struct by value to a
   tiny leaf: the leaf's own frame is small enough to skip, the 2000 bytes
   are pushed by the caller and must count in the caller's frame, or they
   go unseen below its test.  */
/* { dg-do run } */
/* { dg-set-env "STACKCHECK_PANIC=1" } */
/* { dg-exit-status 3 } */

#include "overflow.h"

struct blob {
	unsigned int w[500];
};

static volatile int stop;

__attribute__((noinline)) static unsigned int peek(struct blob b)
{
	__asm__ __volatile__("" : : "r"(&b) : "memory");
	if (past_bottom())
		stop = 1;
	return b.w[0] ^ b.w[499];
}

static struct blob proto = { { 1 } };

unsigned int pass_blob(unsigned int n)
{
	unsigned int v;

	proto.w[499] = n;
	v = peek(proto);
	if (stop || past_bottom())
		return v;
	return pass_blob(n + 1) ^ v;
}

static void pattern(void)
{
	sink = pass_blob(0);
}

/* { dg-final { scan-output "^stackcheck: E0\\.\\d+ imminent-overflow: (task|hardirq) stack, -?\\d+ bytes left in (pass_blob|peek)" } } */
/* { dg-final { scan-output "^overflow: caught on the (task|hardirq) stack before its canary was touched$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
