/* stack-size=16384: MASK = 16383 & ~2047 = 0x3800, log2 = 14.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-stack-size=16384" } */

extern int sink (int);
int f (int x) { return sink (x) + 1; }

/* { dg-final { scan-assembler-function f "^\ttestl\t\\\$0x3800, %esp" 1 } } */
/* { dg-final { scan-assembler "^\t\\.long \\.LSCk\[0-9\]+, 0x4e0000\[0-9a-f\]\[0-9a-f\], 0xffffffff, 0$" } } */
