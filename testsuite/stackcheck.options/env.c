/* A program for the environment tests of options.exp: the user-space glue
   reads STACKCHECK_* before main, and the runtime's "enabled" line says
   what it took.  A bad value stops it before main.  */
#include <stdio.h>

int main (void)
{
  printf ("main reached\n");
  return 0;
}
