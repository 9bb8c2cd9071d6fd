/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the plugin's files share: the options, why a function is never
 * instrumented, and the elision decisions (stackcheck_elide.c).
 */
#ifndef STACKCHECK_PLUGIN_H
#define STACKCHECK_PLUGIN_H

/* plugin-version.h defines gcc_version in every file that includes it. */
static inline const void *stackcheck_gcc_version(void)
{
	return &gcc_version;
}

#if GCCPLUGIN_VERSION_MAJOR < 11 || GCCPLUGIN_VERSION_MAJOR > 14
#error "stackcheck is written for GCC 11-14 (tested with 12)"
#endif

/*
 * Pass boilerplate in the style of the kernel's gcc-generate-rtl-pass.h:
 * define the functions PASS_NAME##_gate and PASS_NAME##_execute, then
 * STACKCHECK_RTL_PASS(PASS_NAME) gives make_PASS_NAME_pass() for
 * gcc-common.h's PASS_INFO().  One macro for both passes of one file, where
 * gcc-generate-rtl-pass.h takes one PASS_NAME per inclusion.
 */
#define STACKCHECK_RTL_PASS(NAME)					\
namespace {								\
const pass_data NAME##_pass_data = {					\
	RTL_PASS, #NAME, OPTGROUP_NONE, TV_NONE,			\
	PROP_rtl, 0, 0, 0, 0,						\
};									\
class NAME##_pass : public rtl_opt_pass {				\
public:									\
	NAME##_pass() : rtl_opt_pass(NAME##_pass_data, g) {}		\
	bool gate(function *) final override { return NAME##_gate(); }	\
	unsigned int execute(function *) final override			\
	{								\
		return NAME##_execute();				\
	}								\
	opt_pass *clone() final override { return new NAME##_pass(); }	\
};									\
}									\
static opt_pass *make_##NAME##_pass(void) { return new NAME##_pass(); }

/* Options (stackcheck.c parses them). */
extern unsigned long stackcheck_leaf_skip;
extern unsigned long stackcheck_callee_skip;

/* NULL when fndecl is to be instrumented, else why not (stackcheck.c). */
const char *decl_skip_reason(tree fndecl);

/*
 * The unit's call graph, read once it is complete (PLUGIN_ALL_IPA_PASSES_END):
 * which functions are in a cycle and which may be covered by their callers.
 */
void stackcheck_elide_analyze(void *gcc_data, void *user_data);

/* What the RTL pass applies to the current function. */
struct stackcheck_decision {
	const char *skip;	/* NULL: test it; else "leaf", "covered" or "subtree" */
	unsigned long own;	/* static frame + pushed outgoing arguments */
	unsigned long covers;	/* depth of skipped callees its test covers */
	unsigned long reserve;	/* bytes the test reserves: own + covers */
};

void stackcheck_elide_decide(unsigned long frame, unsigned long pushed,
			     struct stackcheck_decision *d);
/* The current function is done (tested, skipped or not instrumented). */
void stackcheck_elide_expanded(void);

#endif /* STACKCHECK_PLUGIN_H */
