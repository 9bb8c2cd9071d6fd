/* Never instrumented: the plugin's attribute (through stackcheck_attr.h),
   naked functions, the kernel's entry/noinstr/early-boot sections and the
   runtime's own stackcheck_ names.  */
/* { dg-do compile } */
/* { dg-options "-O2" } */

#include "stackcheck_attr.h"

extern int sink (int);

__no_stackcheck int by_attribute (int x) { return sink (x); }
__attribute__ ((no_stackcheck)) int by_raw_attribute (int x) { return sink (x); }
__attribute__ ((naked)) void naked_fn (void) { __asm__ ("ret"); }
__attribute__ ((section (".noinstr.text"))) int in_noinstr (int x) { return sink (x); }
__attribute__ ((section (".entry.text"))) int in_entry (int x) { return sink (x); }
__attribute__ ((section (".head.text"))) int in_head (int x) { return sink (x); }
int stackcheck_helper (int x) { return sink (x); }
int __stackcheck_helper (int x) { return sink (x); }
int normal (int x) { return sink (x); }

/* { dg-final { scan-assembler-function by_attribute "# stackcheck|__stackcheck_slowpath" 0 } } */
/* { dg-final { scan-assembler-function by_raw_attribute "# stackcheck|__stackcheck_slowpath" 0 } } */
/* { dg-final { scan-assembler-function naked_fn "# stackcheck|__stackcheck_slowpath" 0 } } */
/* { dg-final { scan-assembler-function in_noinstr "# stackcheck|__stackcheck_slowpath" 0 } } */
/* { dg-final { scan-assembler-function in_entry "# stackcheck|__stackcheck_slowpath" 0 } } */
/* { dg-final { scan-assembler-function in_head "# stackcheck|__stackcheck_slowpath" 0 } } */
/* { dg-final { scan-assembler-function normal "^\ttestl\t" 1 } } */
/* { dg-final { scan-table "\tskipped:attribute$" 2 } } */
/* { dg-final { scan-table "^naked_fn\t.*\tskipped:naked$" 1 } } */
/* { dg-final { scan-table "\tskipped:section$" 3 } } */
/* { dg-final { scan-table "\tskipped:runtime$" 2 } } */
/* { dg-final { scan-table "\tchecked$" 1 } } */
