/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The alternatives' run-time hooks, empty: what each method costs at the call
 * site is what is measured, a lower bound of what any checker built on it
 * costs.  -finstrument-functions calls the two __cyg_profile_func_* hooks;
 * -pg calls mcount (in a kernel, ftrace's: with the stack tracer on, a walk
 * of the stack per call, which the kernel half of the bench measures); the
 * stackleak plugin calls stackleak_track_stack (in a kernel it compares sp
 * with current->lowest_stack: a few more instructions).  Without this
 * mcount, C library's gprof mcount would be linked in and measured.
 * Assembled apart, never instrumented.
 */
	.text
	.globl	__cyg_profile_func_enter, __cyg_profile_func_exit
	.globl	stackleak_track_stack, mcount
	.type	__cyg_profile_func_enter, @function
	.type	__cyg_profile_func_exit, @function
	.type	stackleak_track_stack, @function
	.type	mcount, @function
__cyg_profile_func_enter:
__cyg_profile_func_exit:
stackleak_track_stack:
mcount:
	ret
	.size	__cyg_profile_func_enter, .-__cyg_profile_func_enter
	.size	__cyg_profile_func_exit, .-__cyg_profile_func_exit
	.size	stackleak_track_stack, .-stackleak_track_stack
	.size	mcount, .-mcount
	.section .note.GNU-stack,"",@progbits
