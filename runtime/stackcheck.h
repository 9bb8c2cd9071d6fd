/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stackcheck: the contract between the GCC plugin, the runtime core and a glue.
 *
 * The plugin puts, at the entry of every function it instruments,
 *
 *	testl	$MASK, %esp		# MASK = (stack_size - 1) & ~(K - 1)
 *	jz	.Lcold			# K = 2^ceil(log2(threshold + frame))
 *
 * and, out of line just before the function's label (or after its body
 * when the function has a patchable entry area of its own),
 *
 * .Lcold:	call	__stackcheck_slowpath
 *		nopl	SITE-(.+7)(%eax)	# 7-byte nop, disp32 = PC-relative site
 *		jmp	.Lret
 *
 * so the return address of the call points at the nop and the 32-bit
 * displacement at ra+3 locates the site descriptor: site = ra + 7 + disp.
 * A check after a dynamic allocation calls in line (the call and the nop,
 * no jmp).  stackcheck_site_addr(ra) is the address in the function the
 * site belongs to, for symbolizing.
 * Because every THREAD_SIZE-aligned stack has (sp & (stack_size - 1)) bytes
 * left, the test fires (sometimes early, never late) when fewer than
 * threshold + frame bytes remain.  __stackcheck_slowpath then does the exact
 * test and returns at once on a false alarm.
 *
 * Nothing in this header may depend on libc or on Linux.
 */
#ifndef STACKCHECK_H
#define STACKCHECK_H

#ifndef __ASSEMBLER__

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#endif

/*
 * One per instrumented check site, emitted by the plugin into the writable
 * section "__stackcheck_sites" (4-byte aligned).  16 bytes.
 */
struct stackcheck_site {
	const char *name;	/* function name, or NULL: glue symbolizes */
	unsigned int info;	/* see STACKCHECK_INFO_* */
	unsigned int low;	/* lowest bytes-left seen here, ~0u: never */
	unsigned int hits;	/* exact-check hits (saturating) */
};

/*
 * Where the function resumes after the check whose slow-path call returns
 * to ra: the stub's jmp target (rel8 or rel32), or right after the nop of an
 * in-line check.  The call itself may lie outside the function.
 */
static inline unsigned long stackcheck_site_addr(unsigned long ra)
{
	const unsigned char *p = (const unsigned char *)(ra + 7);

	if (p[0] == 0xeb)
		return ra + 9 + (signed char)p[1];
	if (p[0] == 0xe9)
		return ra + 12 + (unsigned long)(p[1] | p[2] << 8 | p[3] << 16 |
						 (unsigned long)p[4] << 24);
	return ra + 7;
}

#endif /* !__ASSEMBLER__ */

#define STACKCHECK_SITE_SIZE		16
#define STACKCHECK_SITE_INFO		4
#define STACKCHECK_SITE_LOW		8
#define STACKCHECK_SITE_HITS		12

/* info: bits 0-23 static frame bytes (return address included) */
#define STACKCHECK_INFO_FRAME_MASK	0x00ffffffu
/* bits 24-28: log2(stack-size) the site was compiled for */
#define STACKCHECK_INFO_LOG2_SHIFT	24
#define STACKCHECK_INFO_LOG2_MASK	0x1fu
/* bit 29: the check follows a dynamic allocation (alloca, VLA); frame = 0 */
#define STACKCHECK_INFO_DYNAMIC		(1u << 29)

#define STACKCHECK_SECTION		"__stackcheck_sites"
#define STACKCHECK_SLOWPATH		"__stackcheck_slowpath"

#ifndef __ASSEMBLER__

enum stackcheck_kind {
	STACKCHECK_TASK,
	STACKCHECK_HARDIRQ,
	STACKCHECK_SOFTIRQ,
	STACKCHECK_OTHER,	/* a known stack that is none of the above */
	STACKCHECK_NR_KINDS,
};

enum stackcheck_context {
	STACKCHECK_CTX_TASK,
	STACKCHECK_CTX_SOFTIRQ,
	STACKCHECK_CTX_HARDIRQ,
	STACKCHECK_CTX_NMI,
};

struct stackcheck_stack {
	unsigned long bottom;	/* lowest usable address */
	unsigned long top;	/* one past the highest */
	enum stackcheck_kind kind;
};

struct stackcheck_who {
	char comm[16];
	int pid;
	unsigned int cpu;
	enum stackcheck_context context;
};

#endif /* !__ASSEMBLER__ */
#endif /* STACKCHECK_H */
