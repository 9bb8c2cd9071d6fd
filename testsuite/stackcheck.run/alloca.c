/* alloca and VLA: the check after the dynamic allocation fires (dynamic=1,
   frame = what the function still pushes below it) with bytes left = sp
   after the allocation - frame - bottom, measured; the entry check, well
   above the threshold, stays quiet.  */
/* { dg-do run } */
/* { dg-options "-O2 -fno-omit-frame-pointer" } */

#include <alloca.h>
#include "run-common.h"

static volatile int sink;
static unsigned long sp_alloca, sp_vla;

__attribute__((noinline)) void with_alloca(int n)
{
	char *p = alloca(n);

	__asm__ __volatile__("movl %%esp, %0" : "=r"(sp_alloca));
	memset(p, 1, n);
	sink = p[n - 1];
}

__attribute__((noinline)) void with_vla(int n)
{
	char v[n];

	__asm__ __volatile__("movl %%esp, %0" : "=r"(sp_vla));
	memset(v, 2, n);
	sink = v[n - 1];
}

static void call_alloca(void) { with_alloca(1200); }
static void call_vla(void) { with_vla(1300); }

int main(void)
{
	unsigned long bottom = stack_bottom(KIND_TASK);
	int l;

	capture_start();
	call_at(bottom + 2000, call_alloca);
	call_at(bottom + 2000, call_vla);
	stackcheck_user_set_print_hook(0);

	l = find_line(0, "left in with_alloca", NULL);
	CHECK(l >= 0, "no event for with_alloca");
	if (l >= 0) {
		long left = field(captured[l + 1], "left=", 0) +
			    field(captured[l + 1], "frame=", 0);

		printf("alloca: left=%ld truth=%ld\n", left,
		       (long)(sp_alloca - bottom));
		CHECK(labs(left - (long)(sp_alloca - bottom)) <= 16, "left=%ld",
		      left);
	}
	l = find_line(0, "left in with_vla", NULL);
	CHECK(l >= 0, "no event for with_vla");
	if (l >= 0) {
		long left = field(captured[l + 1], "left=", 0) +
			    field(captured[l + 1], "frame=", 0);

		printf("vla: left=%ld truth=%ld\n", left, (long)(sp_vla - bottom));
		CHECK(labs(left - (long)(sp_vla - bottom)) <= 16, "left=%ld",
		      left);
	}
	return failures ? 1 : 0;
}

/* { dg-final { scan-output-times "near-overflow: task stack, \\d+ bytes left in with_(alloca|vla)$" 2 } } */
/* { dg-final { scan-output-times " frame=\\d+ dynamic=1 size=8192 " 2 } } */
/* { dg-final { scan-output-not " dynamic=0 " } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
