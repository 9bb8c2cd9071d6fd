/* One function with 384 dynamic sites (256 alloca, 128 VLA): the plugin
   puts a check after each (GCC duplicates some VLAs when it threads the
   jumps around the allocas: 511 at -O2; the table counts them all, as many
   as the assembly has), and on the task stack the
   runtime reports every site whose allocation came below the threshold,
   none above it, with the bytes left the program measures itself.  */
/* { dg-do run } */
/* { dg-options "-O2 -fno-omit-frame-pointer" } */

#include <stdlib.h>
#include <string.h>
#include "stress-common.h"

#define THRESHOLD	1024	/* the runtime's default */
#define STOP		600	/* no alloca below this many bytes left */

static unsigned long bottom, lowest = ~0ul;
static volatile int n_alloc = 16;
static int below, near_below, taken;

__attribute__((noinline)) void note(char *p, int i)
{
	unsigned long left = (unsigned long)p - bottom;

	p[0] = (char)i;
	if ((unsigned long)p < lowest)
		lowest = (unsigned long)p;
	/* Sites clearly below or near the threshold: the runtime's sp is
	   the allocation's, give or take the outgoing arguments.  */
	below += left < THRESHOLD - 16;
	near_below += left < THRESHOLD + 16;
	taken++;
}

#define A(i)								\
	if ((unsigned long)cur - bottom > STOP) {			\
		cur = __builtin_alloca(n_alloc);			\
		note(cur, i);						\
	}
#define V(i)								\
	{								\
		char v[n_alloc + ((i) & 7)];				\
		note(v, i);						\
	}
#define S(i)	A(2 * (i)) A(2 * (i) + 1) V(i)
#define S4(i)	S(4 * (i)) S(4 * (i) + 1) S(4 * (i) + 2) S(4 * (i) + 3)
#define S16(i)	S4(4 * (i)) S4(4 * (i) + 1) S4(4 * (i) + 2) S4(4 * (i) + 3)
#define S64(i)	S16(4 * (i)) S16(4 * (i) + 1) S16(4 * (i) + 2) S16(4 * (i) + 3)

__attribute__((noinline)) void many_sites(void)
{
	char here;
	char *cur = &here;

	S64(0) S64(1)
}

/* The reports of many_sites after an allocation, read from the log. */
static int reports;
static long min_left = 1L << 30;

static void hook(const char *line)
{
	const char *p;

	if (!strstr(line, " stack=task left=") || !strstr(line, " dynamic=1 "))
		return;
	p = strstr(line, " left=");
	reports++;
	if (strtol(p + 6, NULL, 10) < min_left)
		min_left = strtol(p + 6, NULL, 10);
}

int main(void)
{
	bottom = stack_bottom(KIND_TASK);
	stackcheck_user_set_print_hook(hook);
	call_at(bottom + 3000, many_sites);
	stackcheck_user_set_print_hook(NULL);

	printf("dynamic-sites: %d sites taken, %d below the threshold (%d near), %d reports, lowest %lu, min left %ld\n",
	       taken, below, near_below, reports, lowest - bottom, min_left);
	CHECK(lowest - bottom < THRESHOLD - 16, "never below the threshold");
	CHECK(reports >= below && reports <= near_below,
	      "%d reports for %d..%d sites", reports, below, near_below);
	CHECK(labs(min_left - (long)(lowest - bottom)) <= 16,
	      "min left %ld, measured %lu", min_left, lowest - bottom);
	printf("dynamic-sites: %d failures\n", failures);
	return failures != 0;
}

/* { dg-final { stress-dynamic-sites many_sites 384 } } */
/* { dg-final { scan-output "^dynamic-sites: 0 failures$" } } */
/* { dg-final { scan-output-not "imminent-overflow" } } */
