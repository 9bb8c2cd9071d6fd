// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck: check at every function entry how much stack is left.
 *
 * For i386 code, at the entry of every function it instruments, before the
 * frame is allocated, the plugin inserts
 *
 *	testl	$MASK, %esp
 *	jz	.LSCc<n>
 *
 * where MASK = (stack-size - 1) & ~(K - 1) and K is the smallest power of
 * two >= threshold + frame.  On a stack-size-aligned stack (sp & (size-1))
 * is the number of bytes left, so the jump is taken (early, never late) when
 * fewer than threshold bytes would remain below this function's frame.  The
 * cold stub, out of line, is one call of the runtime:
 *
 * .LSCc<n>:	call	__stackcheck_slowpath	# 5 bytes
 *		(the function's alignment)
 * f:		testl	$MASK, %esp		# the site's key: .LSCk<n>
 *		jz	.LSCc<n>
 *
 * It sits just before the function's label, where GCC would put a
 * -fpatchable-function-entry area (the plugin takes over that hook), so the
 * jz always reaches it with a rel8: 6 + 2 = 8 bytes on the hot path.  The
 * runtime finds the site's descriptor by the return address in a table
 * sorted once at start-up (the descriptor's key is the test's address, at
 * most 15 bytes of alignment after the call) and returns to the test's end.
 * When the test cannot be the function's first instruction (a patchable
 * area of its own, -pg, -fcf-protection: endbr32 first and, with shadow
 * stacks, return addresses that must not be rewritten), the stub is
 *
 * .LSCc<n>:	call	__stackcheck_slowpath
 * .LSCa<n>:	jmp	.LSCr<n>		# the key: the return address
 *
 * before the label or, with a patchable area, after the body (a jz rel32
 * when the body is long).  The stub has an unwind entry (FDE) of its own
 * that says it runs in the function's entry state.
 *
 * After every dynamic allocation (alloca, VLA) it checks again.  The frame
 * is the final static frame GCC settled on after the prologue (what
 * -fstack-usage reports), return address and saved registers included.
 * runtime/stackcheck.h is the contract with the runtime.
 *
 * This file, top down: the options (a table), what is never instrumented,
 * the decision per function, the instrumentation, the record (the table
 * line, verbose notes), the two RTL passes, and the registration, with why
 * each pass and hook sits where it does.  The call-graph analysis the
 * decision uses is stackcheck_elide.c.
 *
 * Options (-fplugin-arg-stackcheck-KEY[=VALUE]; the options table below,
 * defaults and limits from runtime/stackcheck_options.h):
 *	stack-size=N	size and alignment of the checked stacks, a power of
 *			two from 4096 to 1048576 (default 8192, i386
 *			THREAD_SIZE)
 *	threshold=N	report when fewer than N bytes would remain, at
 *			least 1 and below stack-size (1024)
 *	leaf-skip=N	do not check leaf functions (no calls, no alloca) whose
 *			frame is at most N bytes; their callers' threshold
 *			covers them, so an event may be seen up to N bytes
 *			late, never an overflow missed (64, or threshold / 2
 *			when a threshold given alone is not above 64; below
 *			threshold; 0: check all)
 *	callee-skip=N	do not check a function local to its unit (static,
 *			address never taken) whose depth is at most N bytes
 *			and whose callers are all checked: their tests
 *			reserve its depth (default: 64, or leaf-skip when
 *			that is smaller; below threshold; 0: check all)
 *	exclude=F,G	never instrument functions F and G (repeatable)
 *	disable		instrument nothing
 *	verbose		say, per function, its frame and the decision
 *	table=FILE	append a line per function to FILE:
 *			name, file:line, frame, dynamic sites, decision; an
 *			empty FILE first gets the version line
 *			"#stackcheck-table 1" (docs/reference/table-format.md)
 *	names=0|1	emit function names for the runtime (1), in section
 *			__stackcheck_names; 0 when the runtime can symbolize
 *			(kernel kallsyms)
 *
 * Usage:
 *	gcc -m32 -fplugin=stackcheck.so -fplugin-arg-stackcheck-threshold=1536
 *
 * Never instrumented: functions with __attribute__((no_stackcheck)) (see
 * stackcheck_attr.h), naked and ms_hook_prologue functions, functions
 * placed in .noinstr.text, .entry.text, .head.text or .cpuidle.text, and
 * the runtime (stackcheck_* and __stackcheck_*).
 */

#include "gcc-common.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "stackcheck.h"
#include "stackcheck_options.h"
#include "stackcheck_plugin.h"

__visible int plugin_is_GPL_compatible;

static struct plugin_info stackcheck_plugin_info = {
	.version = "1.0",
	/* .help: options_help(), from the options table */
};

/* ---- Helpers ---- */

static bool is_power_of_2(unsigned long x)
{
	return x && !(x & (x - 1));
}

static unsigned long round_up_pow2(unsigned long x)
{
	unsigned long k = 1;

	while (k < x && k)
		k <<= 1;
	return k ? k : ~0ul;
}

static unsigned int log2_of(unsigned long x)
{
	unsigned int n = 0;

	while (x > 1) {
		x >>= 1;
		n++;
	}
	return n;
}

/* Append to a malloc'd string (NULL to start one): no length limit. */
static char *append(char *s, const char *fmt, ...) ATTRIBUTE_PRINTF_2;
static char *append(char *s, const char *fmt, ...)
{
	va_list ap;
	char *add, *r;

	va_start(ap, fmt);
	add = xvasprintf(fmt, ap);
	va_end(ap);
	if (!s)
		return add;
	r = concat(s, add, NULL);
	free(s);
	free(add);
	return r;
}

/* The name the assembler and the symbol table know the function by. */
static const char *decl_asm_name(tree fndecl)
{
	const char *name = IDENTIFIER_POINTER(DECL_ASSEMBLER_NAME(fndecl));

	return name[0] == '*' ? name + 1 : name;
}

static const char *function_asm_name(void)
{
	return decl_asm_name(current_function_decl);
}

/*
 * ---- Options ----
 *
 * One entry per option: its key, its kind, its limits (from
 * runtime/stackcheck_options.h, which the user-space glue reads too), where
 * its value goes, and its help.  plugin_info's help and the parser are both
 * made from this table.
 */

static unsigned long stack_size = STACKCHECK_STACK_SIZE_DEFAULT;
static unsigned long threshold = STACKCHECK_THRESHOLD_DEFAULT;
unsigned long stackcheck_leaf_skip = STACKCHECK_LEAF_SKIP_DEFAULT;
unsigned long stackcheck_callee_skip = STACKCHECK_CALLEE_SKIP_DEFAULT;
#define leaf_skip stackcheck_leaf_skip
#define callee_skip stackcheck_callee_skip
static bool disable;
static bool verbose;
static bool emit_names = true;
static const char *table_path;
static vec<const char *> excluded;

enum option_kind {
	OPTION_NUMBER,		/* KEY=N: a decimal number from min to max */
	OPTION_FLAG,		/* KEY, no value */
	OPTION_BOOL,		/* KEY=0|1 */
	OPTION_STRING,		/* KEY=TEXT, not empty */
	OPTION_LIST,		/* KEY=A,B,...: repeatable, every item kept */
};

struct stackcheck_option {
	const char *key;
	enum option_kind kind;
	const char *value;	/* how the help names the value */
	unsigned long min, max;	/* a number's limits ... */
	bool power_of_2;	/* ... and whether it must be a power of two */
	unsigned long *below;	/* a number must also be below this one's */
	const char *below_key;	/* value, once all options are read */
	/* what a bad value is told (a printf format that may use min, max) */
	const char *expected;
	unsigned long *number;	/* where the value goes, by kind */
	bool *flag;
	const char **string;
	vec<const char *> *list;
	const char *help;
	bool given;
};

/* The largest threshold any stack size allows: the static bound of the skips. */
#define THRESHOLD_LIMIT	STACKCHECK_THRESHOLD_MAX(STACKCHECK_STACK_SIZE_MAX)

static struct stackcheck_option options[] = {
	{
		.key = "stack-size", .kind = OPTION_NUMBER, .value = "N",
		.min = STACKCHECK_STACK_SIZE_MIN,
		.max = STACKCHECK_STACK_SIZE_MAX, .power_of_2 = true,
		.expected = "a power of two from %lu to %lu",
		.number = &stack_size,
		.help = "size and alignment of the checked stacks",
	}, {
		.key = "threshold", .kind = OPTION_NUMBER, .value = "N",
		.min = STACKCHECK_THRESHOLD_MIN,
		.max = THRESHOLD_LIMIT,
		.below = &stack_size, .below_key = "stack-size",
		.expected = "a number of bytes, at least %lu and below stack-size",
		.number = &threshold,
		.help = "report below N bytes left",
	}, {
		.key = "leaf-skip", .kind = OPTION_NUMBER, .value = "N",
		.min = 0,
		.max = STACKCHECK_LEAF_SKIP_MAX(THRESHOLD_LIMIT),
		.below = &threshold, .below_key = "threshold",
		.expected = "a number of bytes below threshold (0 checks every leaf)",
		.number = &leaf_skip,
		.help = "skip leaf functions with frames <= N bytes",
	}, {
		.key = "callee-skip", .kind = OPTION_NUMBER, .value = "N",
		.min = 0,
		.max = STACKCHECK_CALLEE_SKIP_MAX(THRESHOLD_LIMIT),
		.below = &threshold, .below_key = "threshold",
		.expected = "a number of bytes below threshold (0 checks every local function)",
		.number = &callee_skip,
		.help = "skip unit-local functions with frames <= N bytes called only from checked functions",
	}, {
		.key = "exclude", .kind = OPTION_LIST, .value = "F,G",
		.list = &excluded,
		.help = "never instrument these functions",
	}, {
		.key = "disable", .kind = OPTION_FLAG,
		.flag = &disable,
		.help = "instrument nothing",
	}, {
		.key = "verbose", .kind = OPTION_FLAG,
		.flag = &verbose,
		.help = "report the decision for every function",
	}, {
		.key = "table", .kind = OPTION_STRING, .value = "FILE",
		.expected = "a file name",
		.string = &table_path,
		.help = "append the per-function table to FILE",
	}, {
		.key = "names", .kind = OPTION_BOOL, .value = "0|1",
		.expected = "0 or 1",
		.flag = &emit_names,
		.help = "emit function names for the runtime",
	},
};

static struct stackcheck_option *find_option(const char *key)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(options); i++)
		if (!strcmp(options[i].key, key))
			return &options[i];
	return NULL;
}

/* plugin_info's help: a line per option, with its default. */
static char *options_help(void)
{
	char *help = NULL;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(options); i++) {
		const struct stackcheck_option *o = &options[i];

		help = append(help, "%s%s%s\t%s", o->key, o->value ? "=" : "",
			      o->value ? o->value : "", o->help);
		if (o->kind == OPTION_NUMBER)
			help = append(help, " (%lu)", *o->number);
		else if (o->kind == OPTION_BOOL)
			help = append(help, " (%d)", *o->flag);
		help = append(help, "\n");
	}
	return help;
}

/* Parse a decimal number into *out; false when it is not one. */
static bool parse_ulong(const char *s, unsigned long *out)
{
	char *end;

	if (!s || !*s || !ISDIGIT(*s))
		return false;
	errno = 0;
	*out = strtoul(s, &end, 10);
	return !errno && !*end;
}

static void bad_value(const char *plugin, const struct plugin_argument *arg,
		      const struct stackcheck_option *o)
{
	char *expected = xasprintf(o->expected, o->min, o->max);

	error(G_("invalid value '%s' for '-fplugin-arg-%s-%s': expected %s"),
	      arg->value, plugin, arg->key, expected);
	free(expected);
}

/* One argument, by its option's entry: false (and an error) when bad. */
static bool parse_option(const char *plugin, struct stackcheck_option *o,
			 const struct plugin_argument *arg)
{
	unsigned long v;

	if (o->kind == OPTION_FLAG) {
		if (arg->value) {
			error(G_("option '-fplugin-arg-%s-%s' takes no value"),
			      plugin, arg->key);
			return false;
		}
	} else if (!arg->value) {
		error(G_("option '-fplugin-arg-%s-%s' needs a value: "
			 "'-fplugin-arg-%s-%s=VALUE'"),
		      plugin, arg->key, plugin, arg->key);
		return false;
	}

	switch (o->kind) {
	case OPTION_NUMBER:
		if (!parse_ulong(arg->value, &v) || v < o->min || v > o->max ||
		    (o->power_of_2 && !is_power_of_2(v))) {
			bad_value(plugin, arg, o);
			return false;
		}
		*o->number = v;
		break;
	case OPTION_FLAG:
		*o->flag = true;
		break;
	case OPTION_BOOL:
		if (strcmp(arg->value, "0") && strcmp(arg->value, "1")) {
			bad_value(plugin, arg, o);
			return false;
		}
		*o->flag = arg->value[0] == '1';
		break;
	case OPTION_STRING:
		if (!*arg->value) {
			bad_value(plugin, arg, o);
			return false;
		}
		*o->string = arg->value;
		break;
	case OPTION_LIST: {
		char *items = xstrdup(arg->value), *tok, *save;

		for (tok = strtok_r(items, ",", &save); tok;
		     tok = strtok_r(NULL, ",", &save))
			o->list->safe_push(xstrdup(tok));
		free(items);
		break;
	}
	}
	o->given = true;
	return true;
}

/*
 * The options must make sense together, whatever their order: each number
 * below the one it is bounded by.  Two defaults follow other options first:
 * a threshold given alone at or below the default leaf-skip makes leaf-skip
 * half of it, and callee-skip, unless given, is at most leaf-skip
 * (leaf-skip=0 checks everything).
 */
static bool check_options(const char *plugin)
{
	unsigned int i;

	if (!find_option("leaf-skip")->given && leaf_skip >= threshold)
		leaf_skip = threshold / 2;
	if (!find_option("callee-skip")->given && leaf_skip < callee_skip)
		callee_skip = leaf_skip;

	for (i = 0; i < ARRAY_SIZE(options); i++) {
		const struct stackcheck_option *o = &options[i];

		if (!o->below || *o->number < *o->below)
			continue;
		error(G_("invalid value '%lu' for '-fplugin-arg-%s-%s': "
			 "expected a number of bytes below %s (%lu)"),
		      *o->number, plugin, o->key, o->below_key, *o->below);
		return false;
	}
	return true;
}

static bool parse_arguments(const char *plugin, int argc,
			    const struct plugin_argument *argv)
{
	int i;

	for (i = 0; i < argc; i++) {
		struct stackcheck_option *o = find_option(argv[i].key);

		if (!o) {
			error(G_("unknown option '-fplugin-arg-%s-%s'"), plugin,
			      argv[i].key);
			return false;
		}
		if (!parse_option(plugin, o, &argv[i]))
			return false;
	}
	return check_options(plugin);
}

/*
 * ---- What is never instrumented ----
 *
 * Whatever the call graph says: the attribute, naked functions, the
 * sections where no check can run, the runtime, exclude=, disable.
 */

/* Sections whose code runs where a check cannot (entry, early boot, idle). */
static const char *const excluded_sections[] = {
	".noinstr.text", ".entry.text", ".head.text", ".cpuidle.text",
};

static tree handle_no_stackcheck(tree *node, tree name, tree args, int flags,
				 bool *no_add_attrs)
{
	if (TREE_CODE(*node) != FUNCTION_DECL) {
		warning(OPT_Wattributes, "%qE attribute applies only to functions",
			name);
		*no_add_attrs = true;
	}
	return NULL_TREE;
}

static struct attribute_spec no_stackcheck_attr = {
	"no_stackcheck", 0, 0, true, false, false, false,
	handle_no_stackcheck, NULL,
};

static void register_attributes(void *event_data, void *data)
{
	register_attribute(&no_stackcheck_attr);
}

static bool name_excluded(const char *asm_name, const char *c_name)
{
	unsigned int i;
	const char *e;

	FOR_EACH_VEC_ELT(excluded, i, e)
		if (!strcmp(e, asm_name) || !strcmp(e, c_name))
			return true;
	return false;
}

/* NULL when fndecl is to be instrumented, else why not. */
const char *decl_skip_reason(tree fndecl)
{
	tree attrs = DECL_ATTRIBUTES(fndecl);
	const char *asm_name = decl_asm_name(fndecl);
	const char *c_name = lang_hooks.decl_printable_name(fndecl, 0);
	unsigned int i;

	if (disable)
		return "disabled";
	if (lookup_attribute("no_stackcheck", attrs))
		return "attribute";
	if (lookup_attribute("naked", attrs) ||
	    lookup_attribute("ms_hook_prologue", attrs))
		return "naked";
	if (DECL_SECTION_NAME(fndecl)) {
		const char *sec = DECL_SECTION_NAME(fndecl);

		for (i = 0; i < ARRAY_SIZE(excluded_sections); i++)
			if (!strcmp(sec, excluded_sections[i]))
				return "section";
	}
	if (!strncmp(asm_name, "stackcheck_", 11) ||
	    !strncmp(asm_name, "__stackcheck_", 13))
		return "runtime";
	if (name_excluded(asm_name, c_name))
		return "excluded";
	return NULL;
}

static const char *skip_reason(void)
{
	return decl_skip_reason(current_function_decl);
}

/*
 * ---- The decision ----
 *
 * Per function, once its final frame is known: never instrumented (above),
 * or what the call-graph analysis allows (stackcheck_elide.c: a leaf, a
 * covered callee, a subtree), or an entry test that reserves its depth.
 */

/* What is decided for the current function. */
struct function_decision {
	const char *name;	/* its assembler name */
	unsigned long frame;	/* final static frame, return address included */
	unsigned long pushed;	/* pushed outgoing arguments, realignment */
	const char *why;	/* NULL: instrument it; else why not */
	struct stackcheck_decision d;
};

/* False when GCC has no stack usage for it (an error is reported). */
static bool decide_function(struct function_decision *f)
{
	f->name = function_asm_name();
	f->why = skip_reason();
	if (!cfun->su) {
		/* Cannot happen once flag_stack_usage_info is set. */
		error("stackcheck: no stack usage information for %qs", f->name);
		return false;
	}
	f->frame = current_function_static_stack_size;
	/* Outgoing arguments pushed below the frame (no -maccumulate-outgoing-args). */
	f->pushed = current_function_pushed_stack_size.to_constant();
	/*
	 * A realigned frame (and $-N, %esp in the prologue) drops up to N - 4
	 * bytes more, and with a DRAP copies the return address below them:
	 * the static size counts neither.  N covers both.
	 */
	if (crtl->stack_realign_needed)
		f->pushed += crtl->stack_alignment_needed / BITS_PER_UNIT;

	/*
	 * The decision made on the whole call graph, applied with the final
	 * frame (stackcheck_elide.c).
	 */
	stackcheck_elide_decide(f->frame, f->pushed, &f->d);
	if (!f->why)
		f->why = f->d.skip;
	return true;
}

/*
 * ---- The instrumentation ----
 *
 * The entry test and the checks after dynamic allocations, in the RTL of
 * the body; their stubs and descriptors wait in pending_stubs for the
 * second pass (below).
 */

/* The MASK of the entry test, 0 when every call must take the slow path. */
static unsigned long check_mask(unsigned long frame)
{
	unsigned long k = round_up_pow2(threshold + frame);

	if (k >= stack_size)
		return 0;
	return (stack_size - 1) & ~(k - 1);
}


static rtx_insn *emit_asm_after(const char *text, rtx_insn *after)
{
	location_t loc = DECL_SOURCE_LOCATION(current_function_decl);
	rtx body = gen_rtx_ASM_INPUT_loc(VOIDmode, ggc_strdup(text), loc);

	MEM_VOLATILE_P(body) = 1;
	return emit_insn_after_setloc(body, after, loc);
}

/* Sites of the current function, waiting for their stubs. */
struct stub {
	unsigned int id;
	unsigned int frame;
	bool dynamic;
	bool stub;		/* needs the out-of-line call */
	bool entry;		/* the call-only stub: key .LSCk, not .LSCa */
	bool pre;		/* the stub is printed before the label */
	rtx_insn *insn;		/* the test */
};
static vec<stub> pending_stubs;
static unsigned int next_id;

/*
 * The check of one site; a site gets one id and a key, the address the
 * runtime knows it by (.LSCk<n>: the entry test; .LSCr<n>: the return
 * address of a call in line).  The entry check jumps to a stub out of line.
 * A check after a dynamic allocation calls in line: it runs in the middle of
 * the body, where only GCC knows the unwind row, and alloca sites are few.
 * A frame too big for the mask calls at every entry.
 */
static rtx_insn *insert_check(rtx_insn *after, unsigned long frame,
			      bool dynamic)
{
	unsigned long mask;

	/* More than the descriptor holds is more than any stack anyway. */
	if (frame > STACKCHECK_INFO_FRAME_MASK)
		frame = STACKCHECK_INFO_FRAME_MASK;
	mask = check_mask(frame);
	stub s = { next_id++, (unsigned int)frame, dynamic, false, false, false,
		   NULL };
	char text[256];

	if (!mask)
		snprintf(text, sizeof(text),
			 "call\t" STACKCHECK_SLOWPATH "\t# stackcheck frame=%lu\n"
			 ".LSCr%u:", frame, s.id);
	else if (dynamic)
		snprintf(text, sizeof(text),
			 "testl\t$%#lx, %%esp\t# stackcheck dynamic\n"
			 "\tjnz\t.LSCr%u\n"
			 "\tcall\t" STACKCHECK_SLOWPATH "\n"
			 ".LSCr%u:", mask, s.id, s.id);
	else {
		snprintf(text, sizeof(text),
			 ".LSCk%u:\n"
			 "\ttestl\t$%#lx, %%esp\t# stackcheck frame=%lu\n"
			 "\tjz\t.LSCc%u\n"
			 ".LSCr%u:", s.id, mask, frame, s.id, s.id);
		s.stub = true;
	}
	s.insn = emit_asm_after(text, after);
	pending_stubs.safe_push(s);
	return s.insn;
}

/* The first insn of the function's body: where the entry check goes. */
static rtx_insn *entry_point(void)
{
	edge e = single_succ_edge(ENTRY_BLOCK_PTR_FOR_FN(cfun));
	basic_block bb = e->dest;

	/*
	 * A first block that is also a jump target (a loop head, tail
	 * recursion turned into a loop) would run the check on every
	 * iteration, where the flags may be live: give the check a block of
	 * its own.  This also keeps endbr32 first under -fcf-protection.
	 */
	if (EDGE_COUNT(bb->preds) > 1 || LABEL_P(BB_HEAD(bb)))
		bb = split_edge(e);
	return bb_note(bb);
}

static bool sets_flags(rtx_insn *insn)
{
	return reg_set_p(gen_rtx_REG(CCmode, FLAGS_REG), insn);
}

/*
 * An insn of a function that calls alloca and moves the stack pointer down
 * by a run-time amount, or by a constant one that is neither the prologue's
 * (at most the static frame, the entry test's reserve: prologue_frame) nor
 * a call's argument area (those carry REG_ARGS_SIZE; alloca's never does):
 * alloca of a size constant propagation found, which csa may have merged
 * into the prologue's adjustment.
 */
static bool dynamic_allocation_p(rtx_insn *insn, unsigned long prologue_frame,
				 unsigned long *constant)
{
	rtx set = single_set(insn);
	HOST_WIDE_INT down;
	rtx src;

	*constant = 0;
	if (!set) {
		/* alloca's adjustment comes with a flags clobber. */
		rtx pat = PATTERN(insn);

		if (GET_CODE(pat) != PARALLEL || GET_CODE(XVECEXP(pat, 0, 0)) != SET)
			return false;
		set = XVECEXP(pat, 0, 0);
	}
	if (SET_DEST(set) != stack_pointer_rtx)
		return false;
	src = SET_SRC(set);
	if (GET_CODE(src) != MINUS && GET_CODE(src) != PLUS)
		return false;
	if (XEXP(src, 0) != stack_pointer_rtx)
		return false;
	if (!CONST_INT_P(XEXP(src, 1)))
		return true;
	if (find_reg_note(insn, REG_ARGS_SIZE, NULL_RTX))
		return false;
	down = GET_CODE(src) == PLUS ? -INTVAL(XEXP(src, 1))
				     : INTVAL(XEXP(src, 1));
	if (down <= 0 || (unsigned HOST_WIDE_INT)down <= prologue_frame)
		return false;
	*constant = down;
	return true;
}

/*
 * The checks of an instrumented function: the entry test, reserving its
 * depth, and one after every dynamic allocation.  Returns how many of
 * those.
 */
static unsigned int instrument_function(const struct function_decision *f)
{
	unsigned long prologue_frame = f->frame, constant;
	unsigned int dynamic_sites = 0;
	rtx_insn *insn;

	insert_check(entry_point(), f->d.reserve, false);
	if (!cfun->calls_alloca)
		return 0;

	for (insn = get_insns(); insn; insn = NEXT_INSN(insn)) {
		if (NOTE_P(insn) && NOTE_KIND(insn) == NOTE_INSN_PROLOGUE_END)
			prologue_frame = 0;
		if (!NONDEBUG_INSN_P(insn) ||
		    !dynamic_allocation_p(insn, prologue_frame, &constant))
			continue;
		/*
		 * The test clobbers the flags: the allocation must have
		 * clobbered them too.
		 */
		if (!sets_flags(insn))
			continue;
		/*
		 * It reserves what the function still pushes below the
		 * allocation, and the covered callees it calls.  A constant
		 * allocation is tested before it is made, reserving it too:
		 * %esp never passes the bottom unseen, not even by the slow
		 * path's own call.
		 */
		if (constant)
			insert_check(PREV_INSN(insn),
				     constant + f->pushed + f->d.covers, true);
		else
			insn = insert_check(insn, f->pushed + f->d.covers, true);
		dynamic_sites++;
	}
	return dynamic_sites;
}

/*
 * ---- The record ----
 *
 * What was decided, per function: a line of the table (table=FILE, the
 * format of docs/reference/table-format.md) and, with verbose, a note.
 */

static int table_fd = -1;

/* The first line of every table: its format's version. */
#define TABLE_VERSION_LINE	"#stackcheck-table 1\n"

/*
 * Opens table=FILE to append to it; an empty file gets the version line
 * first.  Every write is one whole line: with O_APPEND, parallel compiles
 * appending to one file never cut each other's lines (two that find it
 * empty at once both write the version line, which readers accept).
 */
static bool table_open(void)
{
	size_t len = strlen(TABLE_VERSION_LINE);
	struct stat st;

	table_fd = open(table_path, O_WRONLY | O_CREAT | O_APPEND, 0666);
	if (table_fd < 0)
		return false;
	if (fstat(table_fd, &st) == 0 && st.st_size == 0 &&
	    write(table_fd, TABLE_VERSION_LINE, len) != (ssize_t)len)
		warning(0, "stackcheck: cannot write to %qs", table_path);
	return true;
}

static void table_line(const char *name, unsigned long frame,
		       unsigned int dynamic_sites, const char *decision)
{
	expanded_location loc =
		expand_location(DECL_SOURCE_LOCATION(current_function_decl));
	char *line;
	int len;

	if (table_fd < 0)
		return;
	len = asprintf(&line, "%s\t%s:%d\t%lu\t%u\t%s\n", name,
		       loc.file ? loc.file : "?", loc.line, frame,
		       dynamic_sites, decision);
	if (len < 0)
		return;
	/* One write per line: O_APPEND keeps parallel compiles' lines whole. */
	if (write(table_fd, line, len) != len)
		warning(0, "stackcheck: cannot write to %qs", table_path);
	free(line);
}

static void report_verbose(const struct function_decision *f,
			   unsigned int dynamic_sites)
{
	location_t loc = DECL_SOURCE_LOCATION(current_function_decl);
	const struct stackcheck_decision *d = &f->d;

	if (f->why)
		inform(loc, "stackcheck: %qs frame %lu bytes (%lu with pushed arguments), not checked (%s)",
		       f->name, f->frame, d->own, f->why);
	else if (!check_mask(d->reserve))
		inform(loc, "stackcheck: %qs frame %lu bytes, reserves %lu (own %lu, covered callees %lu), checked on every call (threshold + frame needs the whole stack), %u dynamic sites",
		       f->name, f->frame, d->reserve, d->own, d->covers,
		       dynamic_sites);
	else
		inform(loc, "stackcheck: %qs frame %lu bytes, reserves %lu (own %lu, covered callees %lu), checked (mask 0x%lx), %u dynamic sites",
		       f->name, f->frame, d->reserve, d->own, d->covers,
		       check_mask(d->reserve), dynamic_sites);
}

static void record_function(const struct function_decision *f,
			    unsigned int dynamic_sites)
{
	char buf[64];
	const char *decision;

	if (f->why) {
		snprintf(buf, sizeof(buf), "skipped:%s", f->why);
		decision = buf;
	} else {
		decision = check_mask(f->d.reserve) ? "checked" : "checked-always";
	}
	if (verbose)
		report_verbose(f, dynamic_sites);
	table_line(f->name, f->frame, dynamic_sites, decision);
}

/*
 * ---- Pass 1: stackcheck_insert, before *free_cfg ----
 *
 * Late in the RTL pipeline (pass_late_compilation, after variable
 * tracking): the prologue is made and scheduled, so the frame is the final
 * one (what -fstack-usage reports) and nothing moves the checks any more;
 * the CFG still exists, so that the entry check can have a block of its
 * own (split_edge).  Every function gets here, instrumented or not, in the
 * order GCC outputs them: the table records each one and the elision
 * applies its decisions in that order.
 */

static bool stackcheck_insert_gate(void)
{
	return true;
}

static unsigned int stackcheck_insert_execute(void)
{
	struct function_decision f = { };
	unsigned int dynamic_sites = 0;

	pending_stubs.truncate(0);
	if (!decide_function(&f))
		return 0;
	if (!f.why)
		dynamic_sites = instrument_function(&f);
	stackcheck_elide_expanded();
	record_function(&f, dynamic_sites);
	return 0;
}

STACKCHECK_RTL_PASS(stackcheck_insert)

/*
 * ---- Pass 2: stackcheck_stubs, after *free_cfg ----
 *
 * The stubs and the descriptors of the sites pass 1 left in pending_stubs.
 * Without a CFG, code can follow the body's last barrier; and it is still
 * before shorten_branches (the jz is sized with the stubs in place) and
 * before final, which prints the entry stub through the
 * patchable-function-entry hook, the one place GCC lets a plugin print
 * before a function's label once its alignment is decided.
 */

/* The entry stub of the function being output, printed before its label. */
static tree entry_stub_decl;
static unsigned int entry_stub_id;
static bool entry_stub_call_only;
static bool entry_stub_user_align;	/* DECL_USER_ALIGN before we set it */
static void (*gcc_print_patchable_function_entry)(FILE *, unsigned HOST_WIDE_INT, bool);

/*
 * The stub may be only the call, the runtime returning past the test, when
 * the test is the function's first instruction: nothing GCC prints later
 * comes before it (-pg's call, endbr32 under -fcf-protection), no shadow
 * stack (-fcf-protection=return) checks the return address, and the
 * function is aligned to at most 16 bytes.  The runtime checks the bytes
 * again before it trusts them.
 */
static bool call_only_ok(rtx_insn *test)
{
	tree decl = current_function_decl;
	int align = floor_log2(DECL_ALIGN(decl) / BITS_PER_UNIT);
	rtx_insn *insn;

	if (crtl->profile || flag_cf_protection != CF_NONE)
		return false;
	/*
	 * The runtime looks at most 15 bytes past the return address for the
	 * test: no alignment beyond 16 bytes between the call and the label.
	 */
	if (!DECL_USER_ALIGN(decl) && optimize_function_for_speed_p(cfun) &&
	    align_functions.levels[0].log > align)
		align = align_functions.levels[0].log;
	if (align > 4)
		return false;
	for (insn = get_insns(); insn; insn = NEXT_INSN(insn)) {
		if (NOTE_P(insn) || DEBUG_INSN_P(insn) || BARRIER_P(insn) ||
		    LABEL_P(insn))
			continue;
		return insn == test;
	}
	return false;
}

/* Where the stubs go: the end of the hot part of the function. */
static rtx_insn *stub_point(void)
{
	rtx_insn *insn, *last = get_last_insn();

	for (insn = get_insns(); insn; insn = NEXT_INSN(insn))
		if (NOTE_P(insn) &&
		    NOTE_KIND(insn) == NOTE_INSN_SWITCH_TEXT_SECTIONS)
			return PREV_INSN(insn);
	return last;
}

/*
 * Called by assemble_start_function before the function's label, when
 * crtl->patch_area_entry > 0 (stackcheck_stubs_execute set it to 1 for a
 * function whose entry stub goes there, and DECL_USER_ALIGN, so that GCC
 * left the alignment for -falign-functions to us: it goes between the stub
 * and the label, not before the stub).  Anything else is GCC's.
 */
static void stackcheck_print_patchable_function_entry(FILE *file,
	unsigned HOST_WIDE_INT size, bool record_p)
{
	tree decl = current_function_decl;
	const char *name;
	unsigned int id = entry_stub_id;
	bool cfi = dwarf2out_do_cfi_asm();
	int align;

	if (!decl || decl != entry_stub_decl) {
		gcc_print_patchable_function_entry(file, size, record_p);
		return;
	}
	entry_stub_decl = NULL_TREE;
	DECL_USER_ALIGN(decl) = entry_stub_user_align;
	name = function_asm_name();

	/*
	 * With names (user space), the stub is a local function "F.stackcheck"
	 * (like GCC's "F.cold") so that debuggers name its frame; without
	 * (the kernel symbolizes with kallsyms), no symbol: kallsyms stays as
	 * it was, and the runtime names the site by where it resumes.
	 */
	if (emit_names)
		fprintf(file, "\t.type\t%s.stackcheck, @function\n%s.stackcheck:\n",
			name, name);
	/* The stub runs in the entry state: CFA = %esp + 4, nothing saved. */
	if (cfi)
		fputs("\t.cfi_startproc\n", file);
	fprintf(file, ".LSCc%u:\n"
		"\tcall\t" STACKCHECK_SLOWPATH "\n", id);
	if (!entry_stub_call_only)
		fprintf(file, ".LSCa%u:\n"
			"\tjmp\t.LSCr%u\n", id, id);

	/*
	 * The label keeps the alignment assemble_start_function would have
	 * given it.  After a call-only stub the padding is the call's return
	 * address: its FDE and symbol cover it.
	 */
	align = floor_log2(DECL_ALIGN(decl) / BITS_PER_UNIT);
	if (align > 0)
		ASM_OUTPUT_ALIGN(file, align);
	if (!DECL_USER_ALIGN(decl) && align_functions.levels[0].log > align &&
	    optimize_function_for_speed_p(cfun)) {
#ifdef ASM_OUTPUT_MAX_SKIP_ALIGN
		int max_skip = align_functions.levels[0].maxskip;

		if (flag_limit_function_alignment && crtl->max_insn_address > 0 &&
		    max_skip >= crtl->max_insn_address)
			max_skip = crtl->max_insn_address - 1;
		ASM_OUTPUT_MAX_SKIP_ALIGN(file, align_functions.levels[0].log,
					  max_skip);
		if (max_skip == align_functions.levels[0].maxskip)
			ASM_OUTPUT_MAX_SKIP_ALIGN(file,
						  align_functions.levels[1].log,
						  align_functions.levels[1].maxskip);
#else
		ASM_OUTPUT_ALIGN(file, align_functions.levels[0].log);
#endif
	}
	if (cfi)
		fputs("\t.cfi_endproc\n", file);
	if (emit_names)
		fprintf(file, "\t.size\t%s.stackcheck, .-%s.stackcheck\n",
			name, name);
}

static bool stackcheck_stubs_gate(void)
{
	return pending_stubs.length() != 0;
}

static unsigned int stackcheck_stubs_execute(void)
{
	const char *name = function_asm_name();
	bool cfi = dwarf2out_do_cfi_asm();
	unsigned int log2 = log2_of(stack_size);
	rtx_insn *after = stub_point();
	rtx_insn *prev;
	bool tail_stubs = false;
	char skip[32];
	unsigned int i;
	stub *s;

	/*
	 * The entry stub goes before the label, unless the function has a
	 * patchable area of its own (-fpatchable-function-entry or the
	 * attribute): then after the body.  Before the label it is only the
	 * call when the test is the function's first instruction and the
	 * return address may be rewritten.
	 */
	FOR_EACH_VEC_ELT(pending_stubs, i, s) {
		if (!s->stub)
			continue;
		if (!crtl->patch_area_size && !crtl->patch_area_entry) {
			crtl->patch_area_size = 1;
			crtl->patch_area_entry = 1;
			entry_stub_decl = current_function_decl;
			entry_stub_id = s->id;
			entry_stub_call_only = s->entry = call_only_ok(s->insn);
			entry_stub_user_align = DECL_USER_ALIGN(current_function_decl);
			DECL_USER_ALIGN(current_function_decl) = 1;
			s->stub = false;
			s->pre = true;
		} else {
			tail_stubs = true;
		}
	}

	/* Nothing falls into the stubs. */
	prev = after;
	while (prev && (NOTE_P(prev) || DEBUG_INSN_P(prev)))
		prev = PREV_INSN(prev);
	if (tail_stubs && prev && !BARRIER_P(prev)) {
		snprintf(skip, sizeof(skip), "jmp\t.LSCe%u", next_id);
		after = emit_asm_after(skip, after);
	}

	FOR_EACH_VEC_ELT(pending_stubs, i, s) {
		unsigned int id = s->id;
		unsigned int info = (s->frame & STACKCHECK_INFO_FRAME_MASK) |
				    (log2 << STACKCHECK_INFO_LOG2_SHIFT) |
				    (s->dynamic ? STACKCHECK_INFO_DYNAMIC : 0) |
				    (s->entry ? STACKCHECK_INFO_ENTRY : 0);
		char key[32];
		char *text = NULL;

		/* The address the runtime finds the site by. */
		snprintf(key, sizeof(key), ".LSC%c%u",
			 s->entry ? 'k' : (s->stub || s->pre ? 'a' : 'r'), id);

		if (s->stub) {
			/*
			 * The stub runs in the entry state of the function:
			 * the unwind row must say so, the last row of the
			 * body (after a barrier) is not it.
			 */
			if (cfi)
				text = append(text,
					".cfi_remember_state\n"
					"\t.cfi_def_cfa %%esp, 4\n"
					"\t.cfi_restore %%ebp\n"
					"\t.cfi_restore %%ebx\n"
					"\t.cfi_restore %%esi\n"
					"\t.cfi_restore %%edi\n");
			text = append(text,
				".LSCc%u:\n"
				"\tcall\t" STACKCHECK_SLOWPATH "\n"
				".LSCa%u:\n"
				"\tjmp\t.LSCr%u\n",
				id, id, id);
			if (cfi)
				text = append(text, "\t.cfi_restore_state\n");
		}
		if (emit_names)
			text = append(text,
				"%s.pushsection .rodata.str1.1,\"aMS\",@progbits,1\n"
				".LSCn%u:\n\t.string \"%s\"\n"
				"\t.popsection\n"
				"\t.pushsection " STACKCHECK_NAMES_SECTION ",\"aw\",@progbits\n"
				"\t.balign 4\n"
				"\t.long %s, .LSCn%u\n"
				"\t.popsection\n", text ? "\t" : "", id, name,
				key, id);
		text = append(text,
			"%s.pushsection " STACKCHECK_SECTION ",\"aw\",@progbits\n"
			"\t.balign 4\n"
			"\t.long %s, %#x, 0xffffffff, 0\n"
			"\t.popsection",
			text ? "\t" : "", key, info);
		after = emit_asm_after(text, after);
		free(text);
	}
	if (tail_stubs && prev && !BARRIER_P(prev)) {
		snprintf(skip, sizeof(skip), ".LSCe%u:", next_id++);
		emit_asm_after(skip, after);
	}
	pending_stubs.truncate(0);
	return 0;
}
STACKCHECK_RTL_PASS(stackcheck_stubs)

/* ---- Callbacks and registration ---- */

static void stackcheck_start_unit(void *gcc_data, void *user_data)
{
	/* Makes GCC record the final static frame size of every function. */
	flag_stack_usage_info = 1;
}

static void stackcheck_finish(void *gcc_data, void *user_data)
{
	if (table_fd >= 0)
		close(table_fd);
	table_fd = -1;
}

__visible int plugin_init(struct plugin_name_args *plugin_info,
			  struct plugin_gcc_version *version)
{
	const char *plugin = plugin_info->base_name;

	if (!plugin_default_version_check(version, &gcc_version)) {
		if (strcmp(version->basever, gcc_version.basever))
			error(G_("incompatible GCC version: plugin %qs was built for GCC %s, this compiler is GCC %s"),
			      plugin, gcc_version.basever, version->basever);
		else
			error(G_("incompatible GCC build: plugin %qs was built for another build of GCC %s (its date, revision or configure line differ): rebuild the plugin with this compiler"),
			      plugin, version->basever);
		return 1;
	}
	stackcheck_plugin_info.help = options_help();
	if (!parse_arguments(plugin, plugin_info->argc, plugin_info->argv))
		return 1;
	if (TARGET_64BIT) {
		error(G_("stackcheck supports i386 (-m32) code only; this "
			 "compilation targets %s"),
		      TARGET_X32 ? "x32 (-mx32)" : "x86_64 (-m64)");
		return 1;
	}
	if (ASSEMBLER_DIALECT != ASM_ATT) {
		error(G_("stackcheck supports AT&T assembler syntax only, not -masm=intel"));
		return 1;
	}
	if (table_path && !table_open()) {
		error(G_("cannot open '%s' for '-fplugin-arg-%s-table': %m"),
		      table_path, plugin);
		return 1;
	}

	PASS_INFO(stackcheck_insert, "*free_cfg", 1, PASS_POS_INSERT_BEFORE);
	PASS_INFO(stackcheck_stubs, "*free_cfg", 1, PASS_POS_INSERT_AFTER);

	register_callback(plugin, PLUGIN_INFO, NULL, &stackcheck_plugin_info);
	/* The attribute exists even with disable: code that uses it builds. */
	register_callback(plugin, PLUGIN_ATTRIBUTES, register_attributes, NULL);
	/* disable with neither a table nor verbose: nothing to see either. */
	if (disable && !table_path && !verbose)
		return 0;
	register_callback(plugin, PLUGIN_START_UNIT, stackcheck_start_unit, NULL);
	/*
	 * The elision's call graph, read at the end of IPA: complete
	 * (inlining decided, clones made) and no function expanded yet, so
	 * no edge dropped (stackcheck_elide.c).
	 */
	register_callback(plugin, PLUGIN_ALL_IPA_PASSES_END,
			  stackcheck_elide_analyze, NULL);
	register_callback(plugin, PLUGIN_FINISH, stackcheck_finish, NULL);
	/*
	 * The entry stub goes before the function's label, where only the
	 * patchable-function-entry hook prints: ours prints the stub for the
	 * functions pass 2 chose and hands every other call to GCC's.
	 */
	gcc_print_patchable_function_entry =
		targetm.asm_out.print_patchable_function_entry;
	targetm.asm_out.print_patchable_function_entry =
		stackcheck_print_patchable_function_entry;
	/* Both passes around *free_cfg: see Pass 1 and Pass 2 above. */
	register_callback(plugin, PLUGIN_PASS_MANAGER_SETUP, NULL,
			  &stackcheck_insert_pass_info);
	register_callback(plugin, PLUGIN_PASS_MANAGER_SETUP, NULL,
			  &stackcheck_stubs_pass_info);
	return 0;
}
