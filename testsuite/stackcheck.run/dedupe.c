/* Dedupe: one site hit 1000 times at the same depth prints one block (why=
   first) and counts 1000 events; deeper again prints one more (new-low:
   100 bytes deeper, so STACKCHECK_STEP=0, every new low; step.c tests the
   step).
   The site descriptor's hits and low say the same; the descriptors are
   sorted by key once the runtime started, and the name table knows the
   site's key.  */
/* { dg-do run } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-leaf-skip=0" } */
/* { dg-set-env "STACKCHECK_STEP=0" } */

#include "run-common.h"
#include "stackcheck.h"

extern struct stackcheck_site __start___stackcheck_sites[]
	__attribute__((weak, visibility("hidden")));
extern struct stackcheck_site __stop___stackcheck_sites[]
	__attribute__((weak, visibility("hidden")));
extern struct stackcheck_name __start___stackcheck_names[]
	__attribute__((weak, visibility("hidden")));
extern struct stackcheck_name __stop___stackcheck_names[]
	__attribute__((weak, visibility("hidden")));

static volatile int sink;

__attribute__((noinline)) void target(void)
{
	volatile char buf[32];

	buf[0] = 1;
	sink += buf[0];
}

int main(void)
{
	unsigned long bottom = stack_bottom(KIND_TASK);
	struct stackcheck_site *s, *site = 0;
	struct stackcheck_name *n;
	unsigned long key = 0;
	int i;

	for (i = 0; i < 1000; i++)
		call_at(bottom + 800, target);
	call_at(bottom + 700, target);
	for (n = __start___stackcheck_names; n < __stop___stackcheck_names; n++)
		if (!strcmp(n->name, "target"))
			key = n->key;
	CHECK(key != 0, "no name for target");
	for (s = __start___stackcheck_sites; s < __stop___stackcheck_sites; s++) {
		if (s->key == key)
			site = s;
		if (s + 1 < __stop___stackcheck_sites)
			CHECK(s->key < s[1].key, "sites not sorted: %#lx, %#lx",
			      s->key, s[1].key);
	}
	CHECK(site != 0, "no site for target");
	if (!site)
		return 1;
	printf("site hits=%u low=%d\n", site->hits, (int)site->low);
	CHECK(site->hits == 1001, "hits=%u", site->hits);
	CHECK((int)site->low < 700 && (int)site->low > 600, "low=%d",
	      (int)site->low);
	return failures ? 1 : 0;
}

/* { dg-final { scan-output-times "near-overflow: task stack, \\d+ bytes left in target$" 2 } } */
/* { dg-final { scan-output-times " why=first$" 1 } } */
/* { dg-final { scan-output-times " why=new-low$" 1 } } */
/* { dg-final { scan-output "^stackcheck: E0.1 .* sp=0x\[0-9a-f\]+(31c|b1c) why=first$" } } */
/* { dg-final { scan-output "^stackcheck: summary stack=task events=1001 printed=2 dropped=0 stepped=0 lowest=6\\d\\d at=target$" } } */
/* { dg-final { scan-output-not "CHECK FAIL" } } */
