/* Function shapes the kernel is full of: each gets exactly one entry check,
   before anything else (endbr32 aside), whatever the options.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-stackcheck-leaf-skip=0" } */

#include <stdarg.h>

extern int sink (int);
extern void die (void) __attribute__ ((noreturn));
struct big { int a[8]; };

/* Shrink-wrapping candidate: the fast exit needs no frame.  */
int shrink (int x)
{
  if (x < 0)
    return -1;
  return sink (x) + sink (x + 1);
}

/* A tail call.  */
int tail (int x) { return sink (x * 2); }

/* noreturn.  */
void fatal (int x) { sink (x); die (); }

/* Variadic.  */
int vsum (int n, ...)
{
  va_list ap;
  int s = 0;
  va_start (ap, n);
  while (n--)
    s += va_arg (ap, int);
  va_end (ap);
  return sink (s);
}

/* Struct return (the callee pops the hidden pointer).  */
struct big make_big (int x)
{
  struct big b;
  for (int i = 0; i < 8; i++)
    b.a[i] = sink (x + i);
  return b;
}

/* Nested function.  */
int outer (int x)
{
  int inner (int y) { return sink (x + y); }
  return inner (1) + inner (2);
}

/* { dg-final { scan-assembler-function shrink "^\ttestl\t\\\$0x\[0-9a-f\]+, %esp\t# stackcheck frame=" 1 } } */
/* { dg-final { scan-assembler-function tail "^\ttestl\t\\\$0x\[0-9a-f\]+, %esp\t# stackcheck frame=" 1 } } */
/* { dg-final { scan-assembler-function fatal "^\ttestl\t\\\$0x\[0-9a-f\]+, %esp\t# stackcheck frame=" 1 } } */
/* { dg-final { scan-assembler-function vsum "^\ttestl\t\\\$0x\[0-9a-f\]+, %esp\t# stackcheck frame=" 1 } } */
/* { dg-final { scan-assembler-function make_big "^\ttestl\t\\\$0x\[0-9a-f\]+, %esp\t# stackcheck frame=" 1 } } */
/* { dg-final { scan-assembler-function outer "^\ttestl\t\\\$0x\[0-9a-f\]+, %esp\t# stackcheck frame=" 1 } } */
/* { dg-final { scan-assembler-function-first shrink "^\t(testl\t\\\$|endbr32)" } } */
/* { dg-final { scan-assembler-function-first tail "^\t(testl\t\\\$|endbr32)" } } */
/* { dg-final { scan-assembler-function-first fatal "^\t(testl\t\\\$|endbr32)" } } */
/* { dg-final { scan-assembler-function-first vsum "^\t(testl\t\\\$|endbr32)" } } */
/* { dg-final { scan-assembler-function-first make_big "^\t(testl\t\\\$|endbr32)" } } */
/* { dg-final { scan-assembler-function-first outer "^\t(testl\t\\\$|endbr32)" } } */
/* Every checked function has its stub.  */
/* { dg-final { scan-assembler-same-count "^\tcall\t__stackcheck_slowpath$" "^\ttestl\t\\\$0x\[0-9a-f\]+, %esp\t# stackcheck frame=" } } */
