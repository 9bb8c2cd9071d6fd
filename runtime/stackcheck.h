/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stackcheck: the contract between the GCC plugin, the runtime core and a glue.
 *
 * The plugin puts, at the entry of every function it instruments,
 *
 *	testl	$MASK, %esp		# MASK = (stack_size - 1) & ~(K - 1)
 *	jz	.Lcold			# K = 2^ceil(log2(threshold + frame))
 *
 * and, out of line just before the function's label,
 *
 * .Lcold:	call	__stackcheck_slowpath	# the call-only stub
 *		(at most 15 bytes of alignment)
 * f:		testl ...			# the site's key
 *
 * so the call returns (ra) at most 15 bytes before the test that jumped to
 * it: the slow path finds the descriptor whose key is the first at or after
 * ra (STACKCHECK_INFO_ENTRY), checks the test's bytes and its jz back to
 * ra - 5, and returns to the test's end (key + 8).  Where the test cannot
 * be the first instruction (a patchable area, -pg, -fcf-protection) the
 * stub is "call __stackcheck_slowpath; jmp back", before the label or after
 * the body; a check after a dynamic allocation calls in line; a frame too
 * big for any mask calls at every entry.  Those sites' key is the call's
 * return address, where they resume.  The descriptors of a program (or
 * vmlinux) are sorted by key once, by stackcheck_init().
 *
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
	unsigned long key;	/* the entry test, or the call's return address */
	unsigned int info;	/* see STACKCHECK_INFO_* */
	unsigned int low;	/* lowest bytes-left seen here, ~0u: never */
	unsigned int hits;	/* exact-check hits (saturating) */
};

/*
 * With the plugin's names=1 (user space), one per site in the writable
 * section "__stackcheck_names": the function's name, by the site's key.
 */
struct stackcheck_name {
	unsigned long key;
	const char *name;
};

#endif /* !__ASSEMBLER__ */

#define STACKCHECK_SITE_SIZE		16
#define STACKCHECK_SITE_INFO		4
#define STACKCHECK_SITE_LOW		8
#define STACKCHECK_SITE_HITS		12

/*
 * info: bits 0-23 the bytes the test reserves below %esp: at an entry the
 * function's depth (static frame with its return address, pushed arguments,
 * realignment, covered callees); after a dynamic allocation what the
 * function still pushes and the covered callees it calls.
 */
#define STACKCHECK_INFO_FRAME_MASK	0x00ffffffu
/* bits 24-28: log2(stack-size) the site was compiled for */
#define STACKCHECK_INFO_LOG2_SHIFT	24
#define STACKCHECK_INFO_LOG2_MASK	0x1fu
/* bit 29: the check follows a dynamic allocation (alloca, VLA): no return address */
#define STACKCHECK_INFO_DYNAMIC		(1u << 29)
/* bit 30: the call-only entry stub: key = the test, resume at key + 8 */
#define STACKCHECK_INFO_ENTRY		(1u << 30)

#define STACKCHECK_SECTION		"__stackcheck_sites"
#define STACKCHECK_NAMES_SECTION	"__stackcheck_names"
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
	STACKCHECK_NR_CONTEXTS,
};

/*
 * The names the log, debugfs, the report tool and the tests use for the
 * stack kinds and the contexts: defined here only.  A switch, not an array,
 * so that C, C++ (the plugin) and every tool can include it.
 */
static inline const char *stackcheck_kind_name(unsigned int kind)
{
	switch (kind) {
	case STACKCHECK_TASK:		return "task";
	case STACKCHECK_HARDIRQ:	return "hardirq";
	case STACKCHECK_SOFTIRQ:	return "softirq";
	case STACKCHECK_OTHER:		return "other";
	default:			return "?";
	}
}

static inline const char *stackcheck_context_name(unsigned int context)
{
	switch (context) {
	case STACKCHECK_CTX_TASK:	return "task";
	case STACKCHECK_CTX_SOFTIRQ:	return "softirq";
	case STACKCHECK_CTX_HARDIRQ:	return "hardirq";
	case STACKCHECK_CTX_NMI:	return "nmi";
	default:			return "?";
	}
}

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
