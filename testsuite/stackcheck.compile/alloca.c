/* After every dynamic allocation (alloca, VLA) the stack is checked again,
   with the allocated size already in %esp: a "dynamic" check.  The entry
   check stays.  */
/* { dg-do compile } */
/* { dg-options "-O2" } */

extern void use (char *);

void
with_alloca (unsigned int n)
{
  char *p = __builtin_alloca (n);
  use (p);
}

void
with_vla (unsigned int n, unsigned int m)
{
  char a[n];
  use (a);
  if (m)
    {
      char b[m];
      use (b);
    }
}

void
no_dynamic (void)
{
  char a[16];
  use (a);
}

/* { dg-final { scan-assembler-function with_alloca "testl\t\\\$0x1800, %esp\t# stackcheck frame=" 1 } } */
/* { dg-final { scan-assembler-function with_alloca "# stackcheck dynamic" 1 } } */
/* { dg-final { scan-assembler-function with_vla "# stackcheck dynamic" 2 } } */
/* { dg-final { scan-assembler-function no_dynamic "# stackcheck dynamic" 0 } } */
/* { dg-final { scan-table "^with_alloca\t\[^\t\]*\t\[0-9\]+\t1\tchecked$" 1 } } */
/* { dg-final { scan-table "^with_vla\t\[^\t\]*\t\[0-9\]+\t2\tchecked$" 1 } } */
/* Dynamic sites carry the DYNAMIC bit (1 << 29) and as frame what the
   function pushes below the allocation (16 bytes: use's argument).  */
/* { dg-final { scan-assembler-times "^\t\\.long \\.LSCr\[0-9\]+, 0x2d000010, 0xffffffff, 0$" 3 } } */
