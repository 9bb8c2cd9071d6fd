/* Tail recursion becomes a loop whose head is the first block: the check
   must run once per call, before the loop, not on every iteration.  */
/* { dg-do compile } */
/* { dg-options "-O2" } */

extern int sink (int);

int
count_down (int n, int acc)
{
  if (n == 0)
    return sink (acc);
  return count_down (n - 1, acc + n);
}

/* { dg-final { scan-assembler-function count_down "^\ttestl\t\\\$" 1 } } */
/* { dg-final { scan-assembler-function-first count_down "^\ttestl\t\\\$" } } */
