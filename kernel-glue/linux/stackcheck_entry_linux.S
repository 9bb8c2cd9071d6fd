/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stackcheck: the runtime's trampoline (runtime/stackcheck_entry.S) as the
 * kernel builds it.  The kernel links no .eh_frame (an orphan section to
 * the i386 linker script): the unwind tables go to .debug_frame, as
 * <asm/dwarf2.h> has every other assembler file do.
 */
	.cfi_sections .debug_frame
#include "stackcheck_entry.S"
