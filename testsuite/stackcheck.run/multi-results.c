/* Instrumented code computes the same results at every optimization level
   and ABI of run.exp's option sets (-O0..-O3, -mregparm=3,
   -fomit-frame-pointer, -fpic, no PIE): a recursion with three arguments
   and a spill-heavy loop, with a threshold so high that most calls on the
   task stack take the slow path and report.  */
/* { dg-do run } */
/* { dg-options "-fplugin-arg-stackcheck-threshold=4096 -fplugin-arg-stackcheck-leaf-skip=0" } */
/* { dg-set-env "STACKCHECK_THRESHOLD=4096" } */

/* No libc calls but variadic ones: the option sets include -mregparm=3. */
#include "stackcheck_user.h"

int printf(const char *, ...);

#define N 150

__attribute__((noinline)) unsigned int walk(unsigned int n, unsigned int a,
					    unsigned int b)
{
	volatile unsigned int pad[5];

	pad[0] = n;
	if (n == 0)
		return a ^ b;
	/* Through memory: GCC would turn "walk() * 5 + n" into a loop. */
	pad[1] = walk(n - 1, a * 3 + n, b + pad[0]);
	return pad[1] * 5 + n;
}

__attribute__((noinline)) double mixf(double x, int i, long long y)
{
	volatile double d[4] = { x, x * 2, x * 3, x * 4 };

	return d[i & 3] + (double)(y >> 3);
}

static unsigned int got_walk;
static double got_mixf;

static void task(void *arg)
{
	int i;

	got_walk = walk(N, 7, 11);
	got_mixf = 0;
	for (i = 0; i < 100; i++)
		got_mixf += mixf(i * 0.5, i, (long long)i << 35);
}

int main(void)
{
	unsigned int a = 7, b = 11, r, n;
	double f = 0;
	int i;

	/* The same computations without recursion or calls. */
	for (n = N; n > 0; n--) {
		a = a * 3 + n;
		b = b + n;
	}
	r = a ^ b;
	for (n = 1; n <= N; n++)
		r = r * 5 + n;
	for (i = 0; i < 100; i++)
		f += i * 0.5 * ((i & 3) + 1) + (double)(((long long)i << 35) >> 3);

	stackcheck_user_run_task(task, 0);
	printf("walk %#x expected %#x, mixf %.1f expected %.1f\n", got_walk, r,
	       got_mixf, f);
	if (got_walk != r || got_mixf != f) {
		printf("CHECK FAIL: wrong results\n");
		return 1;
	}
	return 0;
}

/* { dg-final { scan-output "near-overflow: task stack, \\d+ bytes left in walk$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
