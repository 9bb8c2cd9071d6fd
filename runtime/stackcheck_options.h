/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stackcheck: the settings' defaults and limits, decided here once.
 *
 * The plugin's options (-fplugin-arg-stackcheck-KEY=N, plugin/stackcheck.c)
 * and the user-space glue's environment (STACKCHECK_*, kernel-glue/userspace/
 * stackcheck_user.c) read the same settings: both take their defaults and
 * limits from this header.  A value outside them is refused, never clamped:
 * the plugin with an error naming the option and what it expects, the glue
 * with a message naming the variable and its limits, and exit status 2.
 *
 *	setting		plugin		environment		default	limits
 *	stack size	stack-size	STACKCHECK_STACK_SIZE	8192	power of 2, 4096 .. 1 MiB
 *	threshold	threshold	STACKCHECK_THRESHOLD	1024	1 .. stack size - 1
 *	leaf-skip	leaf-skip	-			64	0 .. threshold - 1
 *	callee-skip	callee-skip	-			64 (1)	0 .. threshold - 1
 *	reserve		-		STACKCHECK_RESERVE	256	0 .. stack size - 1
 *	step		-		STACKCHECK_STEP		256	0 .. stack size - 1
 *	panic		-		STACKCHECK_PANIC	0	0 or 1
 *	burst		-		STACKCHECK_BURST	0	0 .. 65535
 *	interval	-		STACKCHECK_INTERVAL_MS	0	0 .. 2^31 - 1
 *
 * (1) or leaf-skip when that is smaller; a threshold given alone below the
 * default leaf-skip makes leaf-skip threshold / 2.
 *
 * The stack size: 4096 is a page, the smallest THREAD_SIZE i386 ever had
 * and the least the glue's sigaltstack needs for a signal frame; 1 MiB is
 * more than any kernel stack, and log2 of it fits the descriptor's field.
 * The limits that depend on another setting are the *_MAX(x) macros.
 *
 * Nothing here may depend on libc or on Linux: the plugin (C++), the glue
 * and a kernel may all include it.
 */
#ifndef STACKCHECK_OPTIONS_H
#define STACKCHECK_OPTIONS_H

#define STACKCHECK_STACK_SIZE_DEFAULT	8192ul
#define STACKCHECK_STACK_SIZE_MIN	4096ul
#define STACKCHECK_STACK_SIZE_MAX	(1ul << 20)
/* The stack size must also be a power of two (both readers check it). */

#define STACKCHECK_THRESHOLD_DEFAULT	1024ul
#define STACKCHECK_THRESHOLD_MIN	1ul
#define STACKCHECK_THRESHOLD_MAX(stack_size)	((stack_size) - 1)

#define STACKCHECK_LEAF_SKIP_DEFAULT	64ul
#define STACKCHECK_LEAF_SKIP_MAX(threshold)	((threshold) - 1)

#define STACKCHECK_CALLEE_SKIP_DEFAULT	64ul
#define STACKCHECK_CALLEE_SKIP_MAX(threshold)	((threshold) - 1)

#define STACKCHECK_RESERVE_DEFAULT	256ul
#define STACKCHECK_RESERVE_MAX(stack_size)	((stack_size) - 1)

#define STACKCHECK_STEP_DEFAULT		256ul
#define STACKCHECK_STEP_MAX(stack_size)	((stack_size) - 1)

#define STACKCHECK_PANIC_DEFAULT	0ul
#define STACKCHECK_PANIC_MAX		1ul

#define STACKCHECK_BURST_DEFAULT	0ul
#define STACKCHECK_BURST_MAX		65535ul

#define STACKCHECK_INTERVAL_MS_DEFAULT	0ul
#define STACKCHECK_INTERVAL_MS_MAX	0x7ffffffful

#endif /* STACKCHECK_OPTIONS_H */
