/* The hot path is 8 bytes: testl $imm32, %esp (f7 c4 + 4) and a jz rel8
   (74 + 1) back to the stub before the function's label, however long the
   function is.  A function with a patchable entry area of its own keeps its
   stub after the body: a long one then needs a jz rel32 (0f 84 + 4).  */
/* { dg-do assemble } */
/* { dg-options "-O2 -mregparm=3" } */

extern int sink (int);
extern volatile int v[64];

#define TEN(i) v[i] = sink (v[i] * 3 + i); v[i + 1] = sink (v[i + 2] ^ i); \
  v[i + 3] += sink (v[i + 4] - i); v[i + 5] = sink (v[i + 6] + v[i + 7]); \
  v[i + 8] -= sink (v[i + 9]);

int
long_body (int x)
{
  TEN (0) TEN (10) TEN (20) TEN (30) TEN (40) TEN (50)
  return sink (x);
}

int
short_body (int x)
{
  return sink (x) + 1;
}

__attribute__ ((patchable_function_entry (2, 1))) int
long_patchable (int x)
{
  TEN (0) TEN (10) TEN (20) TEN (30) TEN (40) TEN (50)
  return sink (x);
}

/* { dg-final { scan-entry-bytes long_body "^f7 c4 00 18 00 00 74 \[0-9a-f\]\[0-9a-f\]$" } } */
/* { dg-final { scan-entry-bytes short_body "^f7 c4 00 18 00 00 74 \[0-9a-f\]\[0-9a-f\]$" } } */
/* The patchable area (one nop) comes first, then the check, jz rel32.  */
/* { dg-final { scan-entry-bytes long_patchable "^90 f7 c4 00 18 00 00$" } } */
