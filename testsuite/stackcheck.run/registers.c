/* The slow path preserves every register and eflags (DF included): an asm
   caller loads all of them with patterns, calls __stackcheck_slowpath with
   its own site descriptor (keyed by the return address, named through the
   name table) where the check must report, and compares; and a
   regparm(3) function with three arguments, its check firing, computes
   right.  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-leaf-skip=0" } */

#include "run-common.h"

struct regs {
	unsigned int eax, ebx, ecx, edx, esi, edi, ebp, eflags;
};
static struct regs out;

void regs_probe(struct regs *r);

__asm__(
	"	.text\n"
	"	.globl	regs_probe\n"
	"	.type	regs_probe, @function\n"
	"regs_probe:\n"
	"	pushl	%ebp\n"
	"	pushl	%ebx\n"
	"	pushl	%esi\n"
	"	pushl	%edi\n"
	"	pushl	20(%esp)\n"		/* r */
	"	movl	$0x11111111, %eax\n"
	"	movl	$0x22222222, %ebx\n"
	"	movl	$0x33333333, %ecx\n"
	"	movl	$0x44444444, %edx\n"
	"	movl	$0x55555555, %esi\n"
	"	movl	$0x66666666, %edi\n"
	"	movl	$0x77777777, %ebp\n"
	"	pushl	$0xcd7\n"		/* CF PF AF ZF SF DF OF */
	"	popfl\n"
	"	call	__stackcheck_slowpath\n"
	"regs_ra:\n"
	"	pushfl\n"
	"	pushl	%eax\n"
	"	movl	8(%esp), %eax\n"	/* r */
	"	movl	%ebx, 4(%eax)\n"
	"	movl	%ecx, 8(%eax)\n"
	"	movl	%edx, 12(%eax)\n"
	"	movl	%esi, 16(%eax)\n"
	"	movl	%edi, 20(%eax)\n"
	"	movl	%ebp, 24(%eax)\n"
	"	popl	%ecx\n"
	"	movl	%ecx, 0(%eax)\n"
	"	popl	%ecx\n"
	"	movl	%ecx, 28(%eax)\n"
	"	addl	$4, %esp\n"
	"	cld\n"
	"	popl	%edi\n"
	"	popl	%esi\n"
	"	popl	%ebx\n"
	"	popl	%ebp\n"
	"	ret\n"
	"	.size	regs_probe, .-regs_probe\n"
	"	.pushsection __stackcheck_sites, \"aw\", @progbits\n"
	"	.balign	4\n"
	"	.long	regs_ra, 0x0d000010, 0xffffffff, 0\n"
	"	.popsection\n"
	"	.pushsection __stackcheck_names, \"aw\", @progbits\n"
	"	.balign	4\n"
	"	.long	regs_ra, regs_site_name\n"
	"	.popsection\n"
	"	.pushsection .rodata\n"
	"regs_site_name:\n"
	"	.string	\"regs_probe_site\"\n"
	"	.popsection\n");

__no_stackcheck static void probe(void)
{
	regs_probe(&out);
}

static volatile unsigned int result;

__attribute__((regparm(3), noinline)) unsigned int mix(unsigned int a,
							unsigned int b,
							unsigned int c)
{
	volatile unsigned int pad[8];

	pad[0] = a;
	return pad[0] * 1000003 + b * 1009 + c;
}

static void call_mix(void)
{
	result = mix(0x1234567, -77u, 0x7654321);
}

int main(void)
{
	unsigned long bottom = stack_bottom(KIND_TASK);

	call_at(bottom + 700, probe);
	printf("eax=%#x ebx=%#x ecx=%#x edx=%#x esi=%#x edi=%#x ebp=%#x eflags=%#x\n",
	       out.eax, out.ebx, out.ecx, out.edx, out.esi, out.edi, out.ebp,
	       out.eflags);
	CHECK(out.eax == 0x11111111, "eax");
	CHECK(out.ebx == 0x22222222, "ebx");
	CHECK(out.ecx == 0x33333333, "ecx");
	CHECK(out.edx == 0x44444444, "edx");
	CHECK(out.esi == 0x55555555, "esi");
	CHECK(out.edi == 0x66666666, "edi");
	CHECK(out.ebp == 0x77777777, "ebp");
	CHECK((out.eflags & 0xcd5) == 0xcd5, "eflags %#x", out.eflags);

	call_at(bottom + 600, call_mix);
	CHECK(result == 0x1234567u * 1000003u + -77u * 1009u + 0x7654321u,
	      "mix = %#x", result);
	return failures ? 1 : 0;
}

/* { dg-final { scan-output "^stackcheck: E0.1 near-overflow: task stack, \\d+ bytes left in regs_probe_site$" } } */
/* { dg-final { scan-output "near-overflow: task stack, \\d+ bytes left in mix$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
