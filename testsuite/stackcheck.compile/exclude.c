/* exclude= names functions that are never instrumented; the option can be
   repeated and takes comma-separated lists.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-exclude=skip_a,skip_b -fplugin-arg-stackcheck-exclude=skip_c" } */

extern int sink (int);

int skip_a (int x) { return sink (x) + 1; }
int skip_b (int x) { return sink (x) + 2; }
int skip_c (int x) { return sink (x) + 3; }
int kept (int x) { return sink (x) + 4; }

/* { dg-final { scan-assembler-function skip_a "# stackcheck|__stackcheck_slowpath" 0 } } */
/* { dg-final { scan-assembler-function skip_b "# stackcheck|__stackcheck_slowpath" 0 } } */
/* { dg-final { scan-assembler-function skip_c "# stackcheck|__stackcheck_slowpath" 0 } } */
/* { dg-final { scan-assembler-function kept "^\ttestl\t" 1 } } */
/* { dg-final { scan-table "^skip_\[abc\]\t.*\tskipped:excluded$" 3 } } */
/* { dg-final { scan-table "^kept\t.*\tchecked$" 1 } } */
