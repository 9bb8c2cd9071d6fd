/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The benchmark's no-op slow path: a __stackcheck_slowpath that only counts
 * its calls and returns.  The harness runs each workload on a fresh,
 * THREAD_SIZE-aligned 8 KiB stack and the workloads stay shallow, so the
 * entry test never jumps to the stub: what is measured is the hot path
 * alone.  The harness prints the count and the bench checks it is zero.  It
 * exists so that instrumented programs link without the runtime (runtime/,
 * libstackcheck-user.a, is the real slow path).
 */
	.text
	.globl	__stackcheck_slowpath
	.hidden	__stackcheck_slowpath
	.type	__stackcheck_slowpath, @function
__stackcheck_slowpath:
	pushfl
	incl	bench_slowpath_calls
	popfl
	ret
	.size	__stackcheck_slowpath, .-__stackcheck_slowpath
	.section .note.GNU-stack,"",@progbits
