/* The entry check of a non-leaf function with a small frame: the two
   instruction fast path comes first, with MASK 0x1800 (threshold 1024 +
   a small frame rounds up to K = 2048 on an 8 KiB stack), and the cold stub,
   just before the function's label (a local function "small_frame.stackcheck"
   with an unwind entry of its own), calls the slow path and carries the site
   in a 7-byte nop.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mregparm=3" } */

extern int sink (int);

int
small_frame (int x)
{
  return sink (x) + 1;
}

/* { dg-final { scan-assembler-function-first small_frame "^\ttestl\t\\\$0x1800, %esp" } } */
/* { dg-final { scan-assembler-function small_frame "^\ttestl\t\\\$0x1800, %esp\t# stackcheck frame=\[0-9\]+\n\tjz\t\\.LSCc\[0-9\]+$" 1 } } */
/* { dg-final { scan-assembler "\nsmall_frame\\.stackcheck:\n\t\\.cfi_startproc\n\\.LSCc\[0-9\]+:\n\tcall\t__stackcheck_slowpath\n\t\\.p2align 4\n\t\\.cfi_endproc\n\t\\.size\tsmall_frame\\.stackcheck, \\.-small_frame\\.stackcheck\n\t\\.type\tsmall_frame, @function\nsmall_frame:\n" } } */
/* { dg-final { scan-assembler-function small_frame "^\\.LSCc\[0-9\]+:\n\tcall\t__stackcheck_slowpath\n\t\\.p2align 4$" 1 } } */
/* { dg-final { scan-assembler "\\.pushsection __stackcheck_sites,\"aw\",@progbits" } } */
/* { dg-final { scan-table "^small_frame\t\[^\t\]*basic\\.c:13\t\[0-9\]+\t0\tchecked$" 1 } } */
/* The descriptor: name, info = log2(8192) << 24 | frame, never reported, no hits.  */
/* { dg-final { scan-assembler "^\t\\.long \\.LSCk\[0-9\]+, 0x4d0000\[0-9a-f\]\[0-9a-f\], 0xffffffff, 0$" } } */
/* { dg-final { scan-assembler "^\t\\.long \\.LSCk\[0-9\]+, \\.LSCn\[0-9\]+$" } } */
