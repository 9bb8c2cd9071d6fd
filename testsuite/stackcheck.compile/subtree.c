/* Subtree (no option of its own: bounded by leaf-skip): a function not in
   a cycle whose every call goes directly to a function of this unit already
   decided, and whose own depth plus the most its callees use below their
   entry without a test is at most leaf-skip, is not checked.  A call to
   another unit (which may be a leaf there), a frame too big, or an
   untested callee that uses too much keep the test.  */
/* { dg-do compile } */
/* { dg-options "-O2" } */

extern int ext (int);

static __attribute__((noinline)) int
tested (int x)
{
  volatile char b[300];
  b[0] = x;
  return ext (b[0]);
}

int thin (int x) { return tested (x) + 1; }

int thin_ext (int x) { return ext (x) + 1; }

static __attribute__((noinline)) int leafy (int x) { return x * 3; }

int thin_leaf (int x) { return leafy (x) + leafy (x + 1); }

int
thick (int x)
{
  volatile char b[80];
  b[0] = x;
  return tested (b[0]);
}

static __attribute__((noinline)) int
medium_leaf (int x)
{
  volatile char b[40];
  b[0] = x;
  return b[0];
}

/* Its own frame over medium_leaf's (covered, about 52 bytes): more than 64.  */
int
over (int x)
{
  volatile char c[16];
  c[0] = x;
  return medium_leaf (c[0]) + medium_leaf (x + 1) + 1;
}

/* A small frame over medium_leaf alone: at most 64.  */
int under (int x) { return medium_leaf (x) + 1; }

/* { dg-final { scan-table "^thin\t.*\tskipped:subtree$" 1 } } */
/* { dg-final { scan-table "^thin_leaf\t.*\tskipped:subtree$" 1 } } */
/* { dg-final { scan-table "^thin_ext\t.*\tchecked$" 1 } } */
/* { dg-final { scan-table "^thick\t.*\tchecked$" 1 } } */
/* { dg-final { scan-table "^tested\t.*\tchecked$" 1 } } */
/* { dg-final { scan-table "^over\t.*\tchecked$" 1 } } */
/* { dg-final { scan-table "^under\t.*\tskipped:subtree$" 1 } } */
/* { dg-final { scan-assembler-function thin "# stackcheck|__stackcheck_slowpath" 0 } } */
/* { dg-final { scan-assembler-function thin_ext "^\ttestl\t.*# stackcheck frame=" 1 } } */
