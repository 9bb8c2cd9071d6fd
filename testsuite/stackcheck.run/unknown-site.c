/* A slow-path call whose site is in no descriptor table (code built
   elsewhere, or before the runtime started) still checks, reports and
   resumes at the right place: a call-only entry stub with 11 bytes of
   alignment before its function's test resumes after the test (found from
   the bytes: testl $MASK, %esp; jz back to the call), an in-line call
   resumes where it returns.  Each function counts its runs: a wrong resume
   point would run the test again (a loop) or skip the count.  */
/* { dg-do run } */
/* { dg-options "-O2 -fno-pie -no-pie" } */

#include "run-common.h"

volatile unsigned int unk_entry_runs, unk_inline_runs;
void unk_entry(void);
void unk_inline(void);

__asm__(
	"	.text\n"
	"	.p2align 4\n"
	"unk_entry_stub:\n"
	"	call	__stackcheck_slowpath\n"
	"	.p2align 4\n"
	"	.globl	unk_entry\n"
	"	.type	unk_entry, @function\n"
	"unk_entry:\n"
	"	testl	$0x1800, %esp\n"
	"	jz	unk_entry_stub\n"
	"	incl	unk_entry_runs\n"
	"	ret\n"
	"	.size	unk_entry, .-unk_entry\n"
	"	.globl	unk_inline\n"
	"	.type	unk_inline, @function\n"
	"unk_inline:\n"
	"	call	__stackcheck_slowpath\n"
	"	incl	unk_inline_runs\n"
	"	ret\n"
	"	.size	unk_inline, .-unk_inline\n");

int main(void)
{
	unsigned long bottom = stack_bottom(KIND_TASK);
	const unsigned char *p = (const unsigned char *)unk_entry;

	CHECK(p[-16] == 0xe8 && p[7] == (unsigned char)-24,
	      "the stub is not 11 bytes before the test");
	call_at(bottom + 800, unk_entry);
	call_at(bottom + 700, unk_entry);
	call_at(bottom + 8000, unk_entry);	/* the test does not fire */
	CHECK(unk_entry_runs == 3, "unk_entry ran %u times", unk_entry_runs);
	call_at(bottom + 600, unk_inline);
	call_at(bottom + 4000, unk_inline);	/* no event: 4000 bytes left */
	CHECK(unk_inline_runs == 2, "unk_inline ran %u times", unk_inline_runs);
	return failures ? 1 : 0;
}

/* { dg-final { scan-output-times "near-overflow: task stack, \\d+ bytes left in unk_entry$" 2 } } */
/* { dg-final { scan-output-times "site=unk_entry\\+0x8/0x\[0-9a-f\]+$" 2 } } */
/* { dg-final { scan-output-times "near-overflow: task stack, \\d+ bytes left in unk_inline$" 1 } } */
/* { dg-final { scan-output "site=unk_inline\\+0x5/0x\[0-9a-f\]+$" } } */
/* { dg-final { scan-output "summary stack=task events=3 " } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
