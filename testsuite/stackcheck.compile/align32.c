/* The call-only stub returns at most 15 bytes before its test (the runtime
   looks no further): a function aligned to more than 16 bytes, by
   -falign-functions or its own attribute, gets call; jmp back instead, keyed
   by the call's return address.  16 bytes keep the call-only stub.  */
/* { dg-do compile } */
/* { dg-options "-O2 -falign-functions=32" } */

extern int sink (int);
int f (int x) { return sink (x) + 1; }
__attribute__((aligned (64))) int g (int x) { return sink (x) + 2; }
__attribute__((aligned (16), optimize ("align-functions=16"))) int h (int x) { return sink (x) + 3; }

/* { dg-final { scan-assembler-function f "^\\.LSCc\[0-9\]+:\n\tcall\t__stackcheck_slowpath\n\\.LSCa\[0-9\]+:\n\tjmp\t\\.LSCr\[0-9\]+\n\t\\.p2align 5$" 1 } } */
/* { dg-final { scan-assembler-function g "^\\.LSCc\[0-9\]+:\n\tcall\t__stackcheck_slowpath\n\\.LSCa\[0-9\]+:\n\tjmp\t\\.LSCr\[0-9\]+\n\t\\.(p2align 6|align 64)$" 1 } } */
/* { dg-final { scan-assembler-function h "^\\.LSCc\[0-9\]+:\n\tcall\t__stackcheck_slowpath\n\t\\.(p2align 4|align 16)$" 1 } } */
/* { dg-final { scan-assembler-times "^\t\\.long \\.LSCa\[0-9\]+, 0xd0000\[0-9a-f\]\[0-9a-f\], 0xffffffff, 0$" 2 } } */
/* { dg-final { scan-assembler-times "^\t\\.long \\.LSCk\[0-9\]+, 0x4d0000\[0-9a-f\]\[0-9a-f\], 0xffffffff, 0$" 1 } } */
