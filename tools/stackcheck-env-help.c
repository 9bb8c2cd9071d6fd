// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck-env-help: print the user-space glue's environment as a manual
 * section (ENVIRONMENT, the form tools/mkman reads), from the table the glue
 * reads its variables with (kernel-glue/userspace/stackcheck_env.h): each
 * variable, what it means, its default and its limits.  A host program, built
 * into build/ for the man page stackcheck(7) (tools/install.mk); not
 * installed.  No arguments; exit 2 when given any.
 */
#include <stdio.h>

#include "stackcheck_options.h"
#include "stackcheck_env.h"

static const struct {
	const char *name;
	unsigned long def, min;
	int pow2;
	const char *help;
} env[STACKCHECK_NR_ENV] = {
#define X(name, field, def, min, max, pow2, help) \
	[STACKCHECK_ENV_##name] = { "STACKCHECK_" #name, def, min, pow2, help },
	STACKCHECK_ENV(X)
#undef X
};

/*
 * The limits as words.  A maximum that follows the stack size (the same
 * distance below it at the smallest and the largest stack) is said so; one
 * that changes with it otherwise is given at the default stack size.
 */
static void print_limits(int i)
{
	unsigned long lo = stackcheck_env_max(i, STACKCHECK_STACK_SIZE_MIN);
	unsigned long hi = stackcheck_env_max(i, STACKCHECK_STACK_SIZE_MAX);
	unsigned long def = stackcheck_env_max(i, STACKCHECK_STACK_SIZE_DEFAULT);

	if (env[i].pow2 && lo == hi)
		printf("a power of two from %lu to %lu", env[i].min, hi);
	else if (env[i].pow2)
		printf("a power of two from %lu to %lu at the default stack size",
		       env[i].min, def);
	else if (lo == hi && env[i].min == 0 && hi == 1)
		printf("0 or 1");
	else if (lo == hi)
		printf("%lu to %lu", env[i].min, hi);
	else if (STACKCHECK_STACK_SIZE_MIN - lo == STACKCHECK_STACK_SIZE_MAX - hi)
		printf("%lu to STACKCHECK_STACK_SIZE - %lu", env[i].min,
		       STACKCHECK_STACK_SIZE_MIN - lo);
	else
		printf("%lu to %lu at the default stack size", env[i].min, def);
}

int main(int argc, char **argv)
{
	int i;

	if (argc != 1) {
		fprintf(stderr, "usage: %s (no arguments): prints the STACKCHECK_* environment as a manual section\n",
			argv[0]);
		return 2;
	}
	printf("ENVIRONMENT\n");
	for (i = 0; i < STACKCHECK_NR_ENV; i++) {
		printf("    %s\n", env[i].name);
		printf("        %s.\n", env[i].help);
		printf("        Default: %lu. Limits: ", env[i].def);
		print_limits(i);
		printf(".\n");
	}
	return fflush(stdout) ? 2 : 0;
}
