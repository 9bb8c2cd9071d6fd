/* threshold=2048: K for a small frame becomes 4096, MASK 0x1000.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-threshold=2048" } */

extern int sink (int);
int f (int x) { return sink (x) + 1; }

/* { dg-final { scan-assembler-function f "^\ttestl\t\\\$0x1000, %esp" 1 } } */
