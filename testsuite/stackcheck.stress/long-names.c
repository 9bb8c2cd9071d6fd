/* Function names of 640, 1,280, 5,120 and 20,480 characters: the plugin
   builds them without an ICE, its table and descriptors name them in full,
   the program computes what it must, and the runtime reports each of them
   on the task stack, its lines cut at their fixed size, never overrun.  */
/* { dg-do run } */
/* { dg-options "-O2" } */

#include "stress-common.h"

/* Each X4 pastes four copies of its argument: 4^n copies of a seed. */
#define X4_(a)		a##a##a##a
#define X4(a)		X4_(a)
#define NAME640		X4(X4(X4(klmnopqrst)))			/* 64 x 10 */
#define NAME1280	X4(X4(X4(X4(abcde))))			/* 256 x 5 */
#define NAME5120	X4(X4(X4(X4(X4(fghij)))))		/* 1024 x 5 */
#define NAME20480	X4(X4(X4(X4(X4(X4(uvwxy))))))		/* 4096 x 5 */

static volatile int sink;

/* Global, weak and calling on: none of them is a leaf the plugin may skip,
   nor a subtree (a weak callee may be another unit's definition).  */
__attribute__((noinline, weak)) void add1(int *x)
{
	*x += 1 + sink;
}

__attribute__((noinline, weak)) int NAME640(int x)
{
	add1(&x);
	return x * 2;
}

__attribute__((noinline, weak)) int NAME1280(int x)
{
	return NAME640(x + 3) + 1;
}

__attribute__((noinline, weak)) int NAME5120(int x)
{
	return NAME1280(x * 5) + 7;
}

__attribute__((noinline, weak)) int NAME20480(int x)
{
	return NAME5120(x - 1) * 3;
}

static int result;

static void chain(void)
{
	result = NAME20480(10);
}

int main(void)
{
	/* ((((10 - 1) * 5 + 3 + 1) * 2 + 1) + 7) * 3 = 318 */
	chain();
	CHECK(result == 318, "main thread: %d", result);
	result = 0;
	/* 900 bytes above the bottom: each of the four checks reports. */
	call_at(stack_bottom(KIND_TASK) + 900, chain);
	CHECK(result == 318, "task stack: %d", result);
	printf("long-names: result %d, %d failures\n", result, failures);
	return failures != 0;
}

/* { dg-final { scan-output "^long-names: result 318, 0 failures$" } } */
/* { dg-final { stress-table-name klmnopqrst 64 } } */
/* { dg-final { stress-table-name abcde 256 } } */
/* { dg-final { stress-table-name fghij 1024 } } */
/* { dg-final { stress-table-name uvwxy 4096 } } */
/* The stub's local symbol carries the whole name too.  */
/* { dg-final { stress-asm-label uvwxy 4096 .stackcheck } } */
/* The runtime counts at least the five sites and names each in a report.  */
/* { dg-final { scan-output "^stackcheck: enabled .* sites=(?:\[5-9\]|\[1-9\]\[0-9\]+) " } } */
/* { dg-final { scan-output "^stackcheck: E0\\.\[0-9\]+ near-overflow: task stack, \[0-9\]+ bytes left in (?:klmnopqrst){4}" } } */
/* { dg-final { scan-output "^stackcheck: E0\\.\[0-9\]+ near-overflow: task stack, \[0-9\]+ bytes left in (?:abcde){8}" } } */
/* { dg-final { scan-output "^stackcheck: E0\\.\[0-9\]+ near-overflow: task stack, \[0-9\]+ bytes left in (?:fghij){8}" } } */
/* { dg-final { scan-output "^stackcheck: E0\\.\[0-9\]+ near-overflow: task stack, \[0-9\]+ bytes left in (?:uvwxy){8}" } } */
/* { dg-final { scan-output "^stackcheck: E0\\.\[0-9\]+ end$" } } */
