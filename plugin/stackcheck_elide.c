// SPDX-License-Identifier: GPL-2.0
/*
 * Which functions may go without an entry test, decided on the whole call
 * graph of the unit.
 *
 * The RTL pass cannot ask the call graph: by the time a function reaches
 * RTL, GCC has dropped its outgoing edges (its self-call among them) and
 * those of every function expanded before it, so a callers list read there
 * is incomplete and depends on the expansion order.  So the graph is read
 * once, when it is complete (the end of IPA: inlining decided, clones made,
 * nothing expanded yet), and what it says is kept per function:
 *
 *	in a cycle	direct or mutual recursion through direct calls:
 *			always tested.  A cycle through an indirect call
 *			passes through a function whose address is taken,
 *			which is tested (see below), or through a leaf,
 *			which has no calls.
 *	may be covered	local to the unit (cgraph's local: every use is a
 *			direct call from here), address never taken, no
 *			aliases, not a thunk, not in a cycle, and every
 *			caller (the function an inlined copy sits in counts)
 *			is instrumented.
 *
 * The RTL pass then applies it, with what only RTL knows (the final frame,
 * the calls that are left, leafness), in the order GCC expands functions:
 *
 *	covered		a function that may be covered, whose depth (own
 *			frame + pushed arguments + the depth of the covered
 *			callees it calls) is at most callee-skip, and none of
 *			whose callers was expanded before it.  Every caller
 *			that is tested reserves that depth in its test (the
 *			descriptor's frame), a covered caller adds it to its
 *			own depth: covered functions cost no unseen byte.
 *	leaf		no call but tail calls, not in a cycle, no alloca,
 *			own frame at most leaf-skip, and no covered callee
 *			(it has no test to reserve its depth).  Nothing
 *			reserves its bytes: up to leaf-skip bytes below a
 *			test go unseen, and a tail call pops the frame
 *			first, so leaves do not add up.
 *	subtree		not in a cycle, no alloca, every call (tail calls
 *			too) a direct one to a function of this unit already
 *			decided, and its own depth plus the most its callees
 *			use below their entry without a test (0 for a tested
 *			one, a leaf's or subtree's own figure, a covered
 *			one's depth and what goes unseen below it) at most
 *			leaf-skip.  A call anywhere else (another unit, a
 *			pointer, inline asm) could reach a leaf: no subtree.
 *
 * Every decided function records that figure, unseen: what it and the
 * untested functions below it may use before the next test.
 *
 * A caller expanded before a function that may be covered (GCC expands
 * callees first, but not always: -fno-toplevel-reorder, -O0) could not
 * reserve its depth: it marks the function forced, and it is tested.  A
 * reference to such a function anywhere in a caller counts, not only a
 * call: a call through a register loaded with its address is still a
 * call.  Decisions only ever turn a skip into a test, never the reverse.
 *
 * Bound: between the test of a function and the next test below it, at most
 * leaf-skip bytes go unseen (one leaf, one subtree, or a chain of tail
 * calls through them, each at most leaf-skip), at every optimisation level.
 */

#include "gcc-common.h"
#include "rtl-iter.h"
#include "stackcheck_plugin.h"

struct elide_info {
	bool in_cycle;
	bool may_cover;
	bool forced;		/* referenced by a caller expanded before it */
	bool expanded;
	bool covered;		/* decided: not tested, callers reserve depth */
	unsigned long depth;	/* if covered: bytes it and its callees use */
	bool decided;		/* unseen is known */
	unsigned long unseen;	/* bytes below its entry no test sees */
};

typedef hash_map<int_hash<int, -1, -2>, elide_info> elide_map_t;
static elide_map_t *elide_map;

static elide_info *elide_lookup(tree decl)
{
	if (!elide_map || !decl || TREE_CODE(decl) != FUNCTION_DECL)
		return NULL;
	return elide_map->get(DECL_UID(decl));
}

/* The function whose body an inlined copy ends up in. */
static cgraph_node *body_of(cgraph_node *n)
{
	return n->inlined_to ? n->inlined_to : n;
}

/* The graph, by index: the unit's functions with a body of their own. */
struct elide_graph {
	vec<cgraph_node *> nodes;
	hash_map<int_hash<int, -1, -2>, int> index;	/* node uid -> index */
	vec<vec<int> > succ;
};

static int graph_index(elide_graph *g, cgraph_node *n)
{
	int *i = g->index.get(n->get_uid());

	return i ? *i : -1;
}

/* The direct callees of n's body, inlined copies' calls included. */
static void collect_callees(elide_graph *g, cgraph_node *n, vec<int> *out)
{
	cgraph_edge *e;

	for (e = n->callees; e; e = e->next_callee) {
		int i;

		if (!e->inline_failed) {
			collect_callees(g, e->callee, out);
			continue;
		}
		i = graph_index(g, e->callee->ultimate_alias_target());
		if (i >= 0)
			out->safe_push(i);
	}
}

/*
 * Tarjan's strongly connected components, iteratively (a unit may hold
 * thousands of functions in one chain): in_cycle[] is set for every member
 * of a component of two or more, and for a function that calls itself.
 */
static void find_cycles(elide_graph *g, vec<bool> *in_cycle)
{
	int n = g->nodes.length(), counter = 0, i;
	vec<int> num = vNULL, low = vNULL, stack = vNULL;
	vec<bool> on_stack = vNULL;
	vec<std::pair<int, unsigned int> > work = vNULL;

	num.safe_grow_cleared(n);
	low.safe_grow_cleared(n);
	on_stack.safe_grow_cleared(n);
	for (i = 0; i < n; i++)
		num[i] = -1;

	for (i = 0; i < n; i++) {
		if (num[i] >= 0)
			continue;
		num[i] = low[i] = counter++;
		stack.safe_push(i);
		on_stack[i] = true;
		work.safe_push(std::make_pair(i, 0u));
		while (!work.is_empty()) {
			int v = work.last().first;
			unsigned int k = work.last().second;

			if (k < g->succ[v].length()) {
				int w = g->succ[v][k];

				work.last().second++;
				if (w == v) {
					(*in_cycle)[v] = true;
				} else if (num[w] < 0) {
					num[w] = low[w] = counter++;
					stack.safe_push(w);
					on_stack[w] = true;
					work.safe_push(std::make_pair(w, 0u));
				} else if (on_stack[w] && num[w] < low[v]) {
					low[v] = num[w];
				}
				continue;
			}
			work.pop();
			if (!work.is_empty() && low[v] < low[work.last().first])
				low[work.last().first] = low[v];
			if (low[v] != num[v])
				continue;
			/* v roots a component: the stack down to v. */
			if (stack.last() != v) {
				int w;

				do {
					w = stack.pop();
					on_stack[w] = false;
					(*in_cycle)[w] = true;
				} while (w != v);
			} else {
				stack.pop();
				on_stack[v] = false;
			}
		}
	}
	num.release();
	low.release();
	stack.release();
	on_stack.release();
	work.release();
}

/* May n go untested, its callers reserving its depth? */
static bool may_cover(elide_graph *g, cgraph_node *n, bool in_cycle)
{
	cgraph_edge *e;

	if (in_cycle || !n->local || n->address_taken || n->thunk ||
	    n->has_aliases_p() || !n->callers || decl_skip_reason(n->decl))
		return false;
	for (e = n->callers; e; e = e->next_caller) {
		cgraph_node *c = body_of(e->caller);

		if (c == n || c->thunk || graph_index(g, c) < 0 ||
		    decl_skip_reason(c->decl))
			return false;
	}
	return true;
}

void stackcheck_elide_analyze(void *gcc_data, void *user_data)
{
	elide_graph g;
	vec<bool> in_cycle = vNULL;
	cgraph_node *node;
	unsigned int i;

	if (!elide_map)
		elide_map = new elide_map_t;
	g.nodes = vNULL;
	g.succ = vNULL;
	FOR_EACH_DEFINED_FUNCTION(node) {
		if (node->inlined_to || node->alias)
			continue;
		g.index.put(node->get_uid(), g.nodes.length());
		g.nodes.safe_push(node);
	}
	g.succ.safe_grow_cleared(g.nodes.length());
	FOR_EACH_VEC_ELT(g.nodes, i, node)
		collect_callees(&g, node, &g.succ[i]);
	in_cycle.safe_grow_cleared(g.nodes.length());
	find_cycles(&g, &in_cycle);

	FOR_EACH_VEC_ELT(g.nodes, i, node) {
		elide_info info = { };

		info.in_cycle = in_cycle[i];
		info.may_cover = may_cover(&g, node, in_cycle[i]);
		elide_map->put(DECL_UID(node->decl), info);
	}
	FOR_EACH_VEC_ELT(g.nodes, i, node)
		g.succ[i].release();
	g.succ.release();
	g.nodes.release();
	in_cycle.release();
}

/*
 * Every function the current one refers to: a covered one adds its depth
 * (*covers), one that may be covered but is not expanded yet is forced to
 * be tested.  *calls and *sibcalls say whether it calls at all.
 */
/*
 * Bytes an asm template may push: 4 for each "push" in it that is not a
 * directive (.pushsection, in every jump label, BUG and exception table).
 */
static unsigned long asm_pushes(const char *tmpl)
{
	const char *p = tmpl;
	unsigned long n = 0;

	while ((p = strstr(p, "push"))) {
		if (p == tmpl || p[-1] != '.')
			n += 4;
		p += 4;
	}
	return n;
}

static void scan_references(unsigned long *covers, bool *calls, bool *sibcalls,
			    unsigned long *below, bool *below_known,
			    unsigned long *asm_stack)
{
	rtx_insn *insn;

	*asm_stack = 0;
	*covers = 0;
	*calls = *sibcalls = false;
	*below = 0;
	*below_known = true;
	for (insn = get_insns(); insn; insn = NEXT_INSN(insn)) {
		subrtx_iterator::array_type array;

		if (!INSN_P(insn))
			continue;
		if (CALL_P(insn)) {
			rtx call = get_call_rtx_from(insn);
			rtx addr = call ? XEXP(XEXP(call, 0), 0) : NULL_RTX;
			elide_info *t = NULL;

			if (SIBLING_CALL_P(insn))
				*sibcalls = true;
			else
				*calls = true;
			/* What the callee leaves unseen below its entry. */
			/*
			 * Only a definition that binds here: a weak or
			 * interposable one may be another unit's at run time.
			 */
			if (addr && GET_CODE(addr) == SYMBOL_REF &&
			    SYMBOL_REF_DECL(addr) != current_function_decl &&
			    SYMBOL_REF_DECL(addr) &&
			    !DECL_WEAK(SYMBOL_REF_DECL(addr)) &&
			    targetm.binds_local_p(SYMBOL_REF_DECL(addr)))
				t = elide_lookup(SYMBOL_REF_DECL(addr));
			if (t && t->decided) {
				if (t->unseen > *below)
					*below = t->unseen;
			} else {
				*below_known = false;
			}
		}
		FOR_EACH_SUBRTX(iter, array, PATTERN(insn), ALL) {
			const_rtx x = *iter;
			elide_info *t;

			/*
			 * Inline asm's pushes are in no frame size
			 * (pushf; pop in irq save, a probe): count them.
			 */
			if (GET_CODE(x) == ASM_OPERANDS)
				*asm_stack += asm_pushes(ASM_OPERANDS_TEMPLATE(x));
			if (GET_CODE(x) == ASM_INPUT)
				*asm_stack += asm_pushes(XSTR(x, 0));
			/* A call in inline asm is a call, to anywhere. */
			if ((GET_CODE(x) == ASM_OPERANDS &&
			     strstr(ASM_OPERANDS_TEMPLATE(x), "call")) ||
			    (GET_CODE(x) == ASM_INPUT &&
			     strstr(XSTR(x, 0), "call"))) {
				*calls = true;
				*below_known = false;
			}
			if (GET_CODE(x) != SYMBOL_REF)
				continue;
			t = elide_lookup(SYMBOL_REF_DECL(x));
			if (!t || SYMBOL_REF_DECL(x) == current_function_decl)
				continue;
			if (t->covered && t->depth > *covers)
				*covers = t->depth;
			else if (t->may_cover && !t->expanded)
				t->forced = true;
		}
	}
}

void stackcheck_elide_decide(unsigned long frame, unsigned long pushed,
			     struct stackcheck_decision *d)
{
	elide_info *self = elide_lookup(current_function_decl);
	bool calls, sibcalls, below_known;
	unsigned long below, asm_stack;

	scan_references(&d->covers, &calls, &sibcalls, &below, &below_known,
			&asm_stack);
	d->own = frame + pushed + asm_stack;
	d->reserve = d->own + d->covers;
	d->skip = NULL;

	if (self) {
		/* Tested, unless decided otherwise below. */
		self->decided = true;
		self->unseen = 0;
	}
	if (cfun->calls_alloca)
		return;
	if (self && self->may_cover && !self->forced &&
	    d->reserve <= stackcheck_callee_skip) {
		self->covered = true;
		self->depth = d->reserve;
		/* Unseen when its caller is not tested (a subtree). */
		self->decided = below_known;
		self->unseen = d->own + below;
		d->skip = "covered";
		return;
	}
	/*
	 * A leaf: no call but tail calls.  A function the analysis did not
	 * see (made after it) may not even tail-call: it might be in a cycle.
	 */
	if (!calls && !d->covers && d->own <= stackcheck_leaf_skip &&
	    (self ? !self->in_cycle : !sibcalls)) {
		if (self) {
			self->decided = !sibcalls || below_known;
			self->unseen = d->own + (sibcalls ? below : 0);
		}
		d->skip = "leaf";
		return;
	}
	/* A subtree: everything below it known, within leaf-skip. */
	if (self && !self->in_cycle && below_known &&
	    d->own + below <= stackcheck_leaf_skip) {
		self->unseen = d->own + below;
		d->skip = "subtree";
	}
}

void stackcheck_elide_expanded(void)
{
	elide_info *self = elide_lookup(current_function_decl);

	if (self)
		self->expanded = true;
}
