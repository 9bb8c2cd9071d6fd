// SPDX-License-Identifier: GPL-2.0
/*
 * Workload: call-heavy synthetic code, the worst case for any per-call
 * check.  Kernel paths are deep chains of small out-of-line functions, each
 * doing a little work and calling the next layer (syscall -> vfs -> fs ->
 * block); here: layered small non-leaf functions, recursion over a tree built
 * from the input, and a mutual recursion.  noinline keeps every layer a real
 * call, as separate compilation units do in a kernel.
 */
#include "kshim.h"

struct node {
	struct node *left, *right;
	u32 val;
	u32 op;
};

static noinline u32 mix(u32 h, u32 v)
{
	return (h ^ v) * 0x01000193u;
}

static noinline u32 layer4(u32 h, u32 v)
{
	return mix(h, v + 4);
}

static noinline u32 layer3(u32 h, u32 v)
{
	if (v & 1)
		h = layer4(h, v);
	return mix(layer4(h, v >> 1), v);
}

static noinline u32 layer2(u32 h, u32 v)
{
	return layer3(mix(h, v), v * 3 + 1);
}

static noinline u32 layer1(const u32 *p, size_t n, u32 h)
{
	size_t i;

	for (i = 0; i < n; i++)
		h = layer2(h, p[i]);
	return h;
}

static noinline struct node *build(const u32 **pp, const u32 *end, int depth)
{
	struct node *nd;

	if (depth == 0 || *pp >= end)
		return NULL;
	nd = kmalloc(sizeof(*nd), GFP_KERNEL);
	if (!nd)
		return NULL;
	nd->val = *(*pp)++;
	nd->op = nd->val & 3;
	nd->left = build(pp, end, depth - 1);
	nd->right = build(pp, end, depth - 1);
	return nd;
}

static noinline u32 apply(u32 op, u32 a, u32 b)
{
	switch (op) {
	case 0:
		return a + b;
	case 1:
		return mix(a, b);
	case 2:
		return a ^ (b << 1);
	default:
		return layer4(a, b);
	}
}

static noinline u32 eval(const struct node *nd)
{
	if (!nd)
		return 1;
	return apply(nd->op, eval(nd->left), eval(nd->right)) + nd->val;
}

static noinline u32 odd(u32 n, u32 h);

static noinline u32 even(u32 n, u32 h)
{
	return n ? odd(n - 1, mix(h, n)) : h;
}

static noinline u32 odd(u32 n, u32 h)
{
	return n ? even(n - 1, h + n) : ~h;
}

BENCH_ENTRY long bench_run(const void *in, size_t in_len, void *out,
			   size_t out_cap)
{
	const u32 *p = in, *end = p + in_len / 4;
	u32 *o = out;
	struct node *root;
	size_t i;

	if (out_cap < 16)
		return -1;
	o[0] = layer1(p, in_len / 4, 0x811c9dc5u);
	root = build(&p, end, 16);
	o[1] = eval(root);
	o[2] = 0;
	for (i = 0; i < in_len / 4; i += 64)
		o[2] += even(((const u32 *)in)[i] & 63, (u32)i);
	o[3] = (u32)(p - (const u32 *)in);
	return 16;
}
