/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The alternatives' run-time hooks, empty: what each method costs at the call
 * site is what is measured.  -finstrument-functions calls the two
 * __cyg_profile_func_* hooks; the stackleak plugin calls stackleak_track_stack
 * (in a kernel it compares sp with current->lowest_stack: a few more
 * instructions, not counted here).  Assembled apart, never instrumented.
 */
	.text
	.globl	__cyg_profile_func_enter, __cyg_profile_func_exit
	.globl	stackleak_track_stack
	.type	__cyg_profile_func_enter, @function
	.type	__cyg_profile_func_exit, @function
	.type	stackleak_track_stack, @function
__cyg_profile_func_enter:
__cyg_profile_func_exit:
stackleak_track_stack:
	ret
	.size	__cyg_profile_func_enter, .-__cyg_profile_func_enter
	.size	__cyg_profile_func_exit, .-__cyg_profile_func_exit
	.size	stackleak_track_stack, .-stackleak_track_stack
	.section .note.GNU-stack,"",@progbits
