// SPDX-License-Identifier: GPL-2.0
/*
 * A QEMU TCG plugin for qemu-system-i386: how often each stackcheck entry
 * test of the kernel runs.  Every guest instruction whose bytes are
 * "f7 c4 imm32" (testl $imm32, %esp: the plugin's entry test) at a kernel
 * address gets a counter of its own; the plugin also counts every guest
 * instruction.  At exit it writes
 *
 *	total N			guest instructions executed
 *	user N			of them, below the kernel's 0xc0000000
 *	ADDR COUNT		one line per entry test that ran (hex address)
 *	tb ADDR COUNT		instructions executed in the kernel's translation
 *				blocks that start at ADDR (a function's share
 *				is the sum over the blocks inside it)
 *
 * to out=FILE.  bench/kernel/hot boots the benchmark's plain and stackcheck
 * kernels with it, names the functions that run the most checks and says
 * where the instructions the stackcheck kernel adds are executed.
 *
 *	qemu-system-i386 ... -plugin site_hits.so,out=FILE
 *
 * The plugin API's declarations: qemu-plugin-api.h.
 */
#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qemu-plugin-api.h"

EXPORT int qemu_plugin_version = 1;

#define SLOTS	(1u << 17)	/* open addressing; a kernel has ~10^4 tests */

struct site { uint64_t addr, hits; };
static struct site sites[SLOTS], tbs[4 * SLOTS];
static unsigned int used, tbs_used;
static struct site user;
static uint64_t executed;
static char *out_path;

static struct site *lookup(struct site *t, unsigned int slots,
			   unsigned int *n, uint64_t addr)
{
	unsigned int i = (unsigned int)(addr * 2654435761u) & (slots - 1);

	while (t[i].addr && t[i].addr != addr)
		i = (i + 1) & (slots - 1);
	if (!t[i].addr) {
		if (*n >= slots / 2)
			return NULL;
		t[i].addr = addr;
		(*n)++;
	}
	return &t[i];
}

static struct site *site(uint64_t addr)
{
	return lookup(sites, SLOTS, &used, addr);
}

static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	size_t n = qemu_plugin_tb_n_insns(tb), i;
	uint64_t start = qemu_plugin_tb_vaddr(tb);
	struct site *t = NULL;

	qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64,
						 &executed, n);
	if (start < 0xc0000000u)
		t = &user;
	else
		t = lookup(tbs, 4 * SLOTS, &tbs_used, start);
	if (t)
		qemu_plugin_register_vcpu_tb_exec_inline(tb,
			QEMU_PLUGIN_INLINE_ADD_U64, &t->hits, n);
	for (i = 0; i < n; i++) {
		struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
		const unsigned char *b = qemu_plugin_insn_data(insn);
		uint64_t va = qemu_plugin_insn_vaddr(insn);
		struct site *s;

		if (qemu_plugin_insn_size(insn) != 6 || b[0] != 0xf7 ||
		    b[1] != 0xc4 || va < 0xc0000000u)
			continue;
		s = site(va);
		if (s)
			qemu_plugin_register_vcpu_insn_exec_inline(insn,
				QEMU_PLUGIN_INLINE_ADD_U64, &s->hits, 1);
	}
}

static void at_exit(qemu_plugin_id_t id, void *udata)
{
	FILE *f = fopen(out_path, "w");
	unsigned int i;

	if (!f) {
		perror(out_path);
		return;
	}
	fprintf(f, "total %llu\n", (unsigned long long)executed);
	fprintf(f, "user %llu\n", (unsigned long long)user.hits);
	for (i = 0; i < 4 * SLOTS; i++)
		if (tbs[i].addr && tbs[i].hits)
			fprintf(f, "tb %llx %llu\n", (unsigned long long)tbs[i].addr,
				(unsigned long long)tbs[i].hits);
	for (i = 0; i < SLOTS; i++)
		if (sites[i].addr && sites[i].hits)
			fprintf(f, "%llx %llu\n", (unsigned long long)sites[i].addr,
				(unsigned long long)sites[i].hits);
	if (used >= SLOTS / 2 || tbs_used >= 2 * SLOTS)
		fprintf(f, "overflow\n");
	fclose(f);
}

EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info,
			       int argc, char **argv)
{
	int i;

	for (i = 0; i < argc; i++) {
		if (!strncmp(argv[i], "out=", 4))
			out_path = strdup(argv[i] + 4);
		else {
			fprintf(stderr, "site_hits: unknown argument '%s'\n",
				argv[i]);
			return -1;
		}
	}
	if (!out_path) {
		fprintf(stderr, "site_hits: needs out=FILE\n");
		return -1;
	}
	qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
	qemu_plugin_register_atexit_cb(id, at_exit, NULL);
	return 0;
}
