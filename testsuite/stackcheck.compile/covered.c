/* Covered callees (callee-skip, default 64 bytes): a function local to
   the unit, its address never taken, in no call-graph cycle, whose depth
   (frame, pushed arguments and the depth of the covered functions it
   calls) is small and whose callers are all instrumented, is not checked:
   its callers' tests reserve its depth.  A covered function may call
   another (called_from_local under local_caller: api reserves both).  An
   address-taken one, a recursive one and a big-framed one are checked.  */
/* { dg-do compile } */
/* { dg-options "-O2" } */

extern int ext (int);

static __attribute__((noinline)) int
covered (int x)
{
  return ext (x) + ext (x + 1);
}

static __attribute__((noinline)) int
called_from_local (int x)
{
  return ext (x) * ext (x - 1);
}

static __attribute__((noinline)) int
local_caller (int x)
{
  return called_from_local (x) + ext (x);
}

static __attribute__((noinline)) int
address_taken (int x)
{
  return ext (x) * 3 + ext (x);
}

static __attribute__((noinline)) int
big_frame (int x)
{
  volatile char b[200];
  b[0] = x;
  return ext (b[0]) + ext (1);
}

static __attribute__((noinline)) int
recursive (int x)
{
  return x > 0 ? ext (recursive (ext (x))) : 0;
}

int (*fp) (int) = address_taken;

int
api (int x)
{
  return covered (x) + big_frame (x) + recursive (x) + local_caller (x) + 1;
}

/* { dg-final { scan-assembler-function covered "# stackcheck|__stackcheck_slowpath" 0 } } */
/* { dg-final { scan-table "^covered\t.*\tskipped:covered$" 1 } } */
/* { dg-final { scan-table "^local_caller\t.*\tskipped:covered$" 1 } } */
/* { dg-final { scan-table "^called_from_local\t.*\tskipped:covered$" 1 } } */
/* { dg-final { scan-assembler-function address_taken "^\ttestl\t.*# stackcheck frame=" 1 } } */
/* { dg-final { scan-assembler-function big_frame "^\ttestl\t.*# stackcheck frame=" 1 } } */
/* { dg-final { scan-assembler-function recursive "^\ttestl\t.*# stackcheck frame=" 1 } } */
/* { dg-final { scan-assembler-function api "^\ttestl\t.*# stackcheck frame=" 1 } } */
