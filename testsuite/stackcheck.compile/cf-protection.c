/* With -fcf-protection the endbr32 stays the first instruction and the
   check follows it; the stub is call; jmp back (the return address is not
   rewritten: shadow stacks), its key the call's return address.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fcf-protection" } */

extern int sink (int);
int f (int x) { return sink (x) + 1; }

/* { dg-final { scan-assembler-function-first f "^\tendbr32" } } */
/* { dg-final { scan-assembler-function f "^\tendbr32\n(#APP\n# \[^\n\]*\n)?\t\\.LSCk\[0-9\]+:\n\ttestl\t\\\$0x1800, %esp" 1 } } */
/* { dg-final { scan-assembler-function f "^\\.LSCc\[0-9\]+:\n\tcall\t__stackcheck_slowpath\n\\.LSCa\[0-9\]+:\n\tjmp\t\\.LSCr\[0-9\]+$" 1 } } */
/* { dg-final { scan-assembler "^\t\\.long \\.LSCa\[0-9\]+, 0xd0000\[0-9a-f\]\[0-9a-f\], 0xffffffff, 0$" } } */
