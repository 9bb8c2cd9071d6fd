/* The entry constant follows the frame: K is the power of two at or above
   threshold + frame, MASK = 8191 & ~(K - 1).  Frames are made exact with
   -fomit-frame-pointer and a 4-byte preferred stack boundary.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fomit-frame-pointer -mpreferred-stack-boundary=2" } */

extern void use (volatile char *);

/* 1024 + frame <= 2048: MASK 0x1800.  */
void frame_small (void) { volatile char b[512]; use (b); }
/* 2048 < 1024 + frame <= 4096: MASK 0x1000.  */
void frame_mid (void) { volatile char b[1500]; use (b); }
/* 4096 < 1024 + frame <= 8192: no bit of the mask is left: every call
   takes the slow path, which is said once, inline.  */
void frame_big (void) { volatile char b[5000]; use (b); }

/* { dg-final { scan-assembler-function frame_small "testl\t\\\$0x1800, %esp\t# stackcheck frame=52\[0-9\]\\M" 1 } } */
/* { dg-final { scan-assembler-function frame_mid "testl\t\\\$0x1000, %esp\t# stackcheck frame=15\[0-9\]\[0-9\]\\M" 1 } } */
/* { dg-final { scan-assembler-function frame_big "testl" 0 } } */
/* { dg-final { scan-assembler-function frame_big "^\tcall\t__stackcheck_slowpath\t# stackcheck frame=50\[0-9\]\[0-9\]\n\\.LSCr\[0-9\]+:" 1 } } */
/* { dg-final { scan-table "^frame_big\t.*\tchecked-always$" 1 } } */
/* { dg-final { scan-table "\tchecked$" 2 } } */
