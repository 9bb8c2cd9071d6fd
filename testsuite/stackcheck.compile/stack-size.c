/* stack-size=4096 (a 4 KiB stack): MASK = 4095 & ~2047 = 0x800, and the
   descriptor says log2 = 12.  stack-size=16384: MASK 0x3800, log2 = 14 is
   in stack-size-16k.c.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-stack-size=4096" } */

extern int sink (int);
int f (int x) { return sink (x) + 1; }

/* { dg-final { scan-assembler-function f "^\ttestl\t\\\$0x800, %esp" 1 } } */
/* { dg-final { scan-assembler "^\t\\.long \\.LSCk\[0-9\]+, 0x4c0000\[0-9a-f\]\[0-9a-f\], 0xffffffff, 0$" } } */
