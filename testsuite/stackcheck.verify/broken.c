/* Functions that stackcheck.verify/verify.exp breaks by hand in the
   assembly the plugin made: their tests deleted, the verifier must say
   which function is left uncovered and exit 1.  */

extern int ext (int);
extern void use (void *);

/* A big frame: without its test, 300 bytes nobody checked.  */
int
big_frame (int x)
{
  volatile char b[300];
  b[x & 255] = x;
  return ext (b[1]);
}

/* alloca: without its tests, a stack change of unknown size.  */
void
with_alloca (unsigned int n)
{
  char *p = __builtin_alloca (n);
  use (p);
}

/* Mutual recursion: without their tests, a cycle nothing checks.  */
static int pong (int x);

static __attribute__ ((noinline)) int
ping (int x)
{
  return x > 0 ? pong (ext (x) - 1) + 1 : 0;
}

static __attribute__ ((noinline)) int
pong (int x)
{
  return x > 0 ? ping (ext (x) - 2) * 2 : 1;
}

/* Address taken: without its test, entered from anywhere.  */
static __attribute__ ((noinline)) int
by_pointer (int x)
{
  volatile char b[200];
  b[x & 127] = x;
  return ext (b[3]);
}

int (*pointer) (int) = by_pointer;

int
api (int x)
{
  return big_frame (x) + ping (x);
}
