/* Recursion through functions the plugin may not skip: a static function
   calling itself and a static pair calling each other are always tested
   (a call-graph cycle).  The verifier finds a cycle of untested functions
   in the code of a plugin that skipped them as "covered".  */

extern int ext (int);

static __attribute__ ((noinline)) int
self (int x)
{
  return x > 0 ? ext (self (ext (x))) : 0;
}

static int odd (int x);

static __attribute__ ((noinline)) int
even (int x)
{
  return x ? odd (x - 1) : 1;
}

static __attribute__ ((noinline)) int
odd (int x)
{
  return x ? even (ext (x) - 1) : 0;
}

int
api (int x)
{
  return self (x) + even (x);
}
