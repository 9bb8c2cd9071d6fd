/* With -fcf-protection the endbr32 stays the first instruction and the
   check follows it.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fcf-protection" } */

extern int sink (int);
int f (int x) { return sink (x) + 1; }

/* { dg-final { scan-assembler-function-first f "^\tendbr32" } } */
/* { dg-final { scan-assembler-function f "^\tendbr32\n(#APP\n# \[^\n\]*\n)?\ttestl\t\\\$0x1800, %esp" 1 } } */
