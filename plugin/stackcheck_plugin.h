/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the plugin's files share: the options, why a function is never
 * instrumented, and the elision decisions (stackcheck_elide.c).
 */
#ifndef STACKCHECK_PLUGIN_H
#define STACKCHECK_PLUGIN_H

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
