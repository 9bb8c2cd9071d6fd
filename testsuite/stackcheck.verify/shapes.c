/* Shapes the verifier must pass when the plugin made them: leaves, covered
   callees, tail calls, a switch table, a struct returned through a hidden
   pointer, variadic calls, alloca and VLA (checked again in the body), a
   big frame, an address-taken function.  stackcheck.verify/verify.exp
   builds it at several levels and option sets.  */

#include <stdarg.h>

extern int ext (int);
extern void use (void *);

struct big { int a[8]; };

int
leaf (int x)
{
  return x * 3 + 1;
}

static __attribute__ ((noinline)) int
helper (int x)
{
  return ext (x) + ext (x + 1);
}

static __attribute__ ((noinline)) int
small_leaf (int x)
{
  return x ^ 0x55;
}

int
tail (int x)
{
  return ext (x + 2);
}

int
sw (int x)
{
  switch (x)
    {
    case 0: return ext (1);
    case 1: return ext (5) + helper (x);
    case 2: return ext (7);
    case 3: return 9;
    case 4: return ext (11);
    case 5: return 3;
    default: return small_leaf (x);
    }
}

__attribute__ ((noinline)) struct big
make_big (int x)
{
  struct big b;
  for (int i = 0; i < 8; i++)
    b.a[i] = ext (x + i);
  return b;
}

__attribute__ ((noinline)) int
vsum (int n, ...)
{
  va_list ap;
  int s = 0;
  va_start (ap, n);
  while (n--)
    s += va_arg (ap, int);
  va_end (ap);
  return s;
}

void
with_alloca (unsigned int n)
{
  char *p = __builtin_alloca (n);
  use (p);
}

void
with_vla (unsigned int n)
{
  for (unsigned int i = 1; i <= n; i++)
    {
      char a[i];
      use (a);
    }
}

int
big_frame (int x)
{
  volatile char b[300];
  b[x & 255] = x;
  return ext (b[1]);
}

static int
by_pointer (int x)
{
  return ext (x) * 2;
}

int (*pointer) (int) = by_pointer;

int
api (int x)
{
  struct big b = make_big (x);
  return helper (x) + sw (x) + tail (x) + leaf (x) + vsum (3, x, b.a[1], 2)
	 + big_frame (x);
}
