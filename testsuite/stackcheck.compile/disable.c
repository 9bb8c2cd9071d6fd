/* disable: nothing is instrumented, the table still says why.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-disable" } */

extern int sink (int);
int f (int x) { return sink (x); }
void g (unsigned n) { char *p = __builtin_alloca (n); sink (*p); }

/* { dg-final { scan-assembler-not "# stackcheck|__stackcheck" } } */
/* { dg-final { scan-table "\tskipped:disabled$" 2 } } */
