/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stackcheck: __stackcheck_slowpath, the trampoline every check stub calls.
 *
 * Entry (from the stub or an in-line call, see stackcheck.h):
 *	(%esp)	ra: the stub's return address, up to 15 bytes before the
 *		entry test, or where an in-line check resumes
 *	%esp+4	the stack pointer at the check (sp_check)
 *	eax, edx, ecx may hold regparm arguments; eflags may be live (the
 *	check runs before anything else, but keep it exact anyway).
 *
 * It saves eflags, eax, ecx, edx (C preserves the rest), calls
 * stackcheck_locate(&ra), which returns the site's descriptor (binary
 * search by key) and rewrites ra to where the function resumes (past the
 * entry test), rejects a false alarm on its own (the test of
 * stackcheck_config.threshold against the bytes left on an aligned stack),
 * else calls stackcheck_enter(site, sp_check, ra), which returns 0 or the
 * address of an event record at the top of an emergency stack.  On 0 it
 * restores and returns.  Otherwise it moves %esp below the record (the old
 * %esp saved there), calls stackcheck_report(event, sp_check, ebp),
 * switches back, restores and returns.
 *
 * Bytes used on the checked stack, below sp_check: 4 (ra) + 16 (eflags and
 * three registers) + the larger of stackcheck_locate's frame and
 * stackcheck_enter's with the glue functions it calls (measured by
 * testsuite/stackcheck.run/slowpath-bytes.c, and the figure is in
 * README.md).
 *
 * CFI: while on the checked stack, CFA = esp + 4 + pushes.  On the
 * emergency stack the CFA is an expression: the old %esp, saved at a fixed
 * offset from the new one, plus 20, so a debugger stopped in
 * stackcheck_report() unwinds into the stub (whose CFI is the function's
 * entry row) and on to its callers (testsuite/stackcheck.run/gdb-bt.c).
 */

/*
 * From stackcheck.h, whose u-suffixed constants the assembler cannot read;
 * stackcheck_core.c asserts at compile time that they still agree.
 */
#define SITE_INFO	4
#define INFO_FRAME_MASK	0x00ffffff
#define INFO_LOG2_SHIFT	24
#define INFO_LOG2_MASK	0x1f
#define INFO_DYNAMIC	0x20000000

	.text
	.p2align 4
	.globl	__stackcheck_slowpath
	.hidden	__stackcheck_slowpath
	.type	__stackcheck_slowpath, @function
	/* Direct calls from PIC code too: no PLT, which on i386 needs %ebx. */
	.hidden	stackcheck_locate
	.hidden	stackcheck_enter
	.hidden	stackcheck_report
__stackcheck_slowpath:
	.cfi_startproc
	/*
	 * A signal frame to unwinders: the emergency stack may lie above or
	 * below the checked one, and gdb stops at a frame whose caller looks
	 * "inner" unless one of the two is not a normal frame.  It also makes
	 * them look up the stub's row at the return address itself.
	 */
	.cfi_signal_frame
	pushfl
	.cfi_adjust_cfa_offset 4
	.cfi_rel_offset 9, 0		/* eflags: DWARF register 9 on i386 */
	pushl	%eax
	.cfi_adjust_cfa_offset 4
	.cfi_rel_offset %eax, 0
	pushl	%ecx
	.cfi_adjust_cfa_offset 4
	.cfi_rel_offset %ecx, 0
	pushl	%edx
	.cfi_adjust_cfa_offset 4
	.cfi_rel_offset %edx, 0
	cld				/* the C code assumes DF clear */

	leal	16(%esp), %eax		/* &ra */
	call	stackcheck_locate	/* %eax = site; ra = the resume point */

	/*
	 * The quick rejection, before stackcheck_enter's frame: on an aligned
	 * stack of the size the site was compiled for, (sp_check & (size - 1))
	 * is the exact number of bytes left, so a false alarm (the mask rounds
	 * up) costs nothing below these 24 bytes (28 with PIC's get-PC call)
	 * but stackcheck_locate's frame.
	 */
	movl	SITE_INFO(%eax), %edx	/* site->info */
	movl	%edx, %ecx
	shrl	$INFO_LOG2_SHIFT, %ecx
	andl	$INFO_LOG2_MASK, %ecx
	negl	%ecx
	addl	$32, %ecx		/* 32 - log2(size) */
	pushl	%eax			/* site */
	.cfi_adjust_cfa_offset 4
	leal	24(%esp), %eax		/* sp_check */
	shll	%cl, %eax
	shrl	%cl, %eax		/* sp_check & (size - 1) */
	testl	$INFO_DYNAMIC, %edx
	jnz	1f
	addl	$4, %eax		/* an entry test: the return address */
1:	andl	$INFO_FRAME_MASK, %edx
	subl	%edx, %eax		/* bytes left below the frame */
#ifdef __PIC__
	call	2f
2:	popl	%ecx
	addl	$_GLOBAL_OFFSET_TABLE_+(.-2b), %ecx
	movl	stackcheck_config@GOT(%ecx), %ecx
	cmpl	(%ecx), %eax		/* stackcheck_config.threshold */
#else
	cmpl	stackcheck_config, %eax	/* stackcheck_config.threshold */
#endif
	popl	%eax			/* site (first argument) */
	.cfi_adjust_cfa_offset -4
	jge	.Lrestore

	movl	16(%esp), %ecx		/* ra, the resume point (third argument) */
	leal	20(%esp), %edx		/* sp_check (second argument) */
	call	stackcheck_enter
	testl	%eax, %eax
	jnz	.Lreport

.Lrestore:
	popl	%edx
	.cfi_adjust_cfa_offset -4
	.cfi_restore %edx
	popl	%ecx
	.cfi_adjust_cfa_offset -4
	.cfi_restore %ecx
	popl	%eax
	.cfi_adjust_cfa_offset -4
	.cfi_restore %eax
	popfl
	.cfi_adjust_cfa_offset -4
	.cfi_restore 9
	ret

.Lreport:
	.cfi_adjust_cfa_offset 16
	.cfi_rel_offset 9, 12
	.cfi_rel_offset %eax, 8
	.cfi_rel_offset %ecx, 4
	.cfi_rel_offset %edx, 0
	/*
	 * %eax = the event record, 16-byte aligned, at the top of the
	 * emergency stack.  New frame: old %esp at eax - 4, %esp = eax - 16
	 * (16-byte aligned at the call, as the i386 ABI wants).
	 */
	movl	%esp, -4(%eax)
	leal	-16(%eax), %esp
	/* CFA = *(esp + 12) + 20: DW_OP_breg4 12, DW_OP_deref, DW_OP_plus_uconst 20 */
	.cfi_escape 0x0f, 0x05, 0x74, 0x0c, 0x06, 0x23, 0x14
	movl	12(%esp), %edx
	addl	$20, %edx		/* sp_check (second argument) */
	movl	%ebp, %ecx		/* fp (third argument) */
	call	stackcheck_report
	movl	12(%esp), %esp
	.cfi_def_cfa %esp, 20
	jmp	.Lrestore
	.cfi_endproc
	.size	__stackcheck_slowpath, .-__stackcheck_slowpath

	.section .note.GNU-stack, "", @progbits

#ifndef __KERNEL__
/*
 * GNU property: IBT and SHSTK compatible.  The trampoline is only reached by
 * direct calls and returns with a plain ret on the stack it was called on,
 * so without this note a CET-enabled link would lose the property.
 */
	.section .note.gnu.property, "a"
	.p2align 2
	.long	1f - 0f			/* name size */
	.long	4f - 1f			/* descriptor size */
	.long	5			/* NT_GNU_PROPERTY_TYPE_0 */
0:	.asciz	"GNU"
1:	.p2align 2
	.long	0xc0000002		/* GNU_PROPERTY_X86_FEATURE_1_AND */
	.long	3f - 2f
2:	.long	0x3			/* IBT | SHSTK */
3:	.p2align 2
4:
#endif
