/* leaf-skip=0: every function is checked, leaves included.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-leaf-skip=0" } */

int small_leaf (int x) { return x * 3 + 1; }

/* { dg-final { scan-assembler-function small_leaf "^\ttestl\t\\\$0x1800, %esp" 1 } } */
/* { dg-final { scan-table "^small_leaf\t.*\tchecked$" 1 } } */
