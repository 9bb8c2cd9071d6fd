/* The function shapes of compile-shapes.c, run twice: on the main thread
   (not a checked stack: the slow path must ignore it) and on the task stack
   with a threshold so high that every call takes the slow path and reports.
   Both runs must compute exactly the same results: the slow path preserves
   every register (regparm arguments included) and the flags, whatever the
   code generation options.  */
/* { dg-do run } */
/* { dg-options "-fplugin-arg-stackcheck-threshold=8000 -fplugin-arg-stackcheck-leaf-skip=0" } */
/* { dg-set-env "STACKCHECK_THRESHOLD=8000" } */

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "stackcheck_user.h"

#define RP __attribute__ ((regparm (3), noinline))

struct big { int a[8]; };
static volatile int vol = 1;
static jmp_buf env;

RP static int leaf3 (int a, int b, int c) { return a * 7 + b * 3 + c; }
RP static int shrink (int x, int y, int z)
{
  if (x < 0)
    return -1;
  return leaf3 (x, y, z) + leaf3 (z, y, x);
}
RP static int tail (int x, int y, int z) { return leaf3 (x + 1, y + 2, z + 3); }
__attribute__ ((noinline)) static int vsum (int n, ...)
{
  va_list ap;
  int s = 0;
  va_start (ap, n);
  while (n--)
    s = s * 31 + va_arg (ap, int);
  va_end (ap);
  return s;
}
__attribute__ ((noinline)) static struct big make_big (int x)
{
  struct big b;
  for (int i = 0; i < 8; i++)
    b.a[i] = leaf3 (x, i, vol);
  return b;
}
__attribute__ ((noinline)) static int outer (int x)
{
  int inner (int y) { return leaf3 (x, y, vol); }
  return inner (1) * 5 + inner (2);
}
__attribute__ ((noinline)) static int with_alloca (unsigned n)
{
  volatile char *p = __builtin_alloca (n);
  int s = 0;
  for (unsigned i = 0; i < n; i++)
    p[i] = (char) i;
  for (unsigned i = 0; i < n; i++)
    s += p[i];
  return s;
}
__attribute__ ((noinline)) static int with_vla (unsigned n)
{
  int a[n];
  for (unsigned i = 0; i < n; i++)
    a[i] = leaf3 (i, n, 1);
  return a[n - 1] + a[0];
}
__attribute__ ((noinline)) static void jumper (int x)
{
  if (x > 3)
    longjmp (env, x);
  jumper (x + 1);
}
RP static int recurse (int n, int acc, int k)
{
  if (n == 0)
    return acc;
  return recurse (n - 1, acc * 3 + k, k ^ n) + (n & 1);
}
/* Flags live across a call would be a compiler bug, but a comparison whose
   result feeds a call argument exercises the flags around the check.  */
RP static int flags (int a, int b, int c) { return leaf3 (a < b, b > c, a == c); }

static void
shapes (unsigned long *r)
{
  struct big b = make_big (5);
  r[0] = shrink (1, 2, 3);
  r[1] = shrink (-1, 2, 3);
  r[2] = tail (4, 5, 6);
  r[3] = vsum (5, 1, 2, 3, 4, 5);
  r[4] = b.a[0] + b.a[7] * 3;
  r[5] = outer (9);
  r[6] = with_alloca (300);
  r[7] = with_vla (40);
  r[8] = setjmp (env) ? 100 : (jumper (0), 0);
  r[9] = recurse (20, 1, 7);
  r[10] = flags (1, 2, 1) + flags (3, 2, 3) * 100;
}

static unsigned long on_main[11], on_task[11];

static void
run (void *arg)
{
  shapes (arg);
}

int
main (void)
{
  shapes (on_main);
  stackcheck_user_run_task (run, on_task);
  for (int i = 0; i < 11; i++)
    if (on_main[i] != on_task[i])
      {
        printf ("shapes: result %d differs: %lu on the main stack, %lu on the task stack\n",
                i, on_main[i], on_task[i]);
        return 1;
      }
  if (on_main[1] != (unsigned long) -1 || on_main[8] != 100)
    {
      printf ("shapes: wrong results\n");
      return 1;
    }
  printf ("shapes: ok\n");
  return 0;
}

/* { dg-final { scan-output "^shapes: ok$" } } */
/* The slow path really ran and reported on the task stack.  */
/* { dg-final { scan-output "^stackcheck: E0\\.1 near-overflow: task stack, \[0-9\]+ bytes left in " } } */
/* { dg-final { scan-output "^stackcheck: summary stack=task events=(\[1-9\]\[0-9\]\[0-9\]*) " } } */
/* { dg-final { scan-output-not "stackcheck: E\[0-9.\]+ \[a-z-\]+: (hardirq|softirq|other) stack" } } */
