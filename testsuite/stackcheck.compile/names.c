/* names=0: no name table (the kernel symbolizes with kallsyms), so no
   string is emitted.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-names=0" } */

extern int sink (int);
int f (int x) { return sink (x) + 1; }

/* { dg-final { scan-assembler "^\t\\.long \\.LSCk\[0-9\]+, 0x4d0000\[0-9a-f\]\[0-9a-f\], 0xffffffff, 0$" } } */
/* { dg-final { scan-assembler-not "\\.LSCn" } } */
/* { dg-final { scan-assembler-not "__stackcheck_names" } } */
