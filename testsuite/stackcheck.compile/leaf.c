/* Leaf functions (no calls, no alloca) with frames of at most leaf-skip
   bytes (default 64) are not checked: their callers' threshold covers
   them.  Leaves with bigger frames are, and leaf-skip=0 checks them all.  */
/* { dg-do compile } */
/* { dg-options "-O2" } */

int
small_leaf (int *p, int n)
{
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

int
big_leaf (int n)
{
  volatile int a[64];
  for (int i = 0; i < 64; i++)
    a[i] = i * n;
  return a[n & 63];
}

extern int sink (int);
int caller (int x) { return sink (x); }

/* { dg-final { scan-assembler-function small_leaf "# stackcheck|__stackcheck_slowpath" 0 } } */
/* { dg-final { scan-assembler-function big_leaf "^\ttestl\t" 1 } } */
/* { dg-final { scan-assembler-function caller "^\ttestl\t" 1 } } */
/* { dg-final { scan-table "^small_leaf\t.*\tskipped:leaf$" 1 } } */
