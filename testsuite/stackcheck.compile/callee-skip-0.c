/* callee-skip=0 checks local functions too; leaf-skip=0 alone does as
   well (callee-skip follows it unless given).  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-callee-skip=0" } */

extern int ext (int);

static __attribute__((noinline)) int
local (int x)
{
  return ext (x) + ext (x + 1);
}

int api (int x) { return local (x) + 1; }

/* { dg-final { scan-assembler-function local "^\ttestl\t" 1 } } */
/* { dg-final { scan-table "^local\t.*\tchecked$" 1 } } */
