// SPDX-License-Identifier: GPL-2.0
/* Workload: the kernel's red-black tree (lib/rbtree.c): insert every input
 * word, erase a third, look the rest up, write the keys out in order. */
#include <linux/rbtree.h>
#include "kshim.h"

struct item {
	struct rb_node node;
	u32 key;
};

static struct item *item_search(struct rb_root *root, u32 key)
{
	struct rb_node *n = root->rb_node;

	while (n) {
		struct item *it = rb_entry(n, struct item, node);

		if (key < it->key)
			n = n->rb_left;
		else if (key > it->key)
			n = n->rb_right;
		else
			return it;
	}
	return NULL;
}

static bool item_insert(struct rb_root *root, struct item *new)
{
	struct rb_node **link = &root->rb_node, *parent = NULL;

	while (*link) {
		struct item *it = rb_entry(*link, struct item, node);

		parent = *link;
		if (new->key < it->key)
			link = &parent->rb_left;
		else if (new->key > it->key)
			link = &parent->rb_right;
		else
			return false;
	}
	rb_link_node(&new->node, parent, link);
	rb_insert_color(&new->node, root);
	return true;
}

BENCH_ENTRY long bench_run(const void *in, size_t in_len, void *out,
			   size_t out_cap)
{
	const u32 *keys = in;
	size_t n = in_len / 4, i, found = 0;
	struct rb_root root = RB_ROOT;
	struct item *items = kmalloc(n * sizeof(*items), GFP_KERNEL);
	struct rb_node *node;
	u32 *o = out;

	if (!items || out_cap < in_len + 4)
		return -1;
	for (i = 0; i < n; i++) {
		items[i].key = keys[i];
		if (!item_insert(&root, &items[i]))
			items[i].key = ~0u;	/* duplicate: not in the tree */
	}
	for (i = 0; i < n; i += 3)
		if (items[i].key != ~0u)
			rb_erase(&items[i].node, &root);
	for (i = 0; i < n; i++)
		found += item_search(&root, keys[i]) != NULL;
	*o++ = found;
	for (node = rb_first(&root); node; node = rb_next(node))
		*o++ = rb_entry(node, struct item, node)->key;
	return (char *)o - (char *)out;
}
