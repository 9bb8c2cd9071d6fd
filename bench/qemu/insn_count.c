// SPDX-License-Identifier: GPL-2.0
/*
 * A QEMU TCG plugin that counts the guest instructions executed between two
 * addresses, for hosts that cannot run i386 programs natively (their kernel
 * has no 32-bit support), where valgrind's x86 tools cannot run either.
 *
 *	qemu-i386 -plugin insn_count.so,begin=ADDR,end=ADDR PROGRAM ARGS...
 *
 * prints "insns: N" on stderr at exit: the instructions executed from the
 * time the instruction at begin runs to the time the one at end runs (the
 * harness's bench_region_begin and bench_region_end markers).  Counting is
 * per translation block, added when the block starts; user-mode blocks run
 * to their end, so the count is exact and repeats exactly, as callgrind's.
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

static uint64_t executed, at_begin, at_end;
static uint64_t begin_addr, end_addr;
static int begins, ends;

static void on_begin(unsigned int vcpu, void *udata)
{
	at_begin = executed;
	begins++;
}

static void on_end(unsigned int vcpu, void *udata)
{
	at_end = executed;
	ends++;
}

static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	size_t n = qemu_plugin_tb_n_insns(tb), i;

	qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64,
						 &executed, n);
	for (i = 0; i < n; i++) {
		struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
		uint64_t va = qemu_plugin_insn_vaddr(insn);

		if (va == begin_addr)
			qemu_plugin_register_vcpu_insn_exec_cb(insn, on_begin,
				QEMU_PLUGIN_CB_NO_REGS, NULL);
		else if (va == end_addr)
			qemu_plugin_register_vcpu_insn_exec_cb(insn, on_end,
				QEMU_PLUGIN_CB_NO_REGS, NULL);
	}
}

static void at_exit(qemu_plugin_id_t id, void *udata)
{
	if (begins == 1 && ends == 1)
		fprintf(stderr, "insns: %llu\n",
			(unsigned long long)(at_end - at_begin));
	else
		fprintf(stderr, "insns: error: %d begins, %d ends\n", begins,
			ends);
}

EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info,
			       int argc, char **argv)
{
	int i;

	for (i = 0; i < argc; i++) {
		if (!strncmp(argv[i], "begin=", 6))
			begin_addr = strtoull(argv[i] + 6, NULL, 0);
		else if (!strncmp(argv[i], "end=", 4))
			end_addr = strtoull(argv[i] + 4, NULL, 0);
		else {
			fprintf(stderr, "insn_count: unknown argument '%s'\n",
				argv[i]);
			return -1;
		}
	}
	if (!begin_addr || !end_addr) {
		fprintf(stderr, "insn_count: needs begin=ADDR,end=ADDR\n");
		return -1;
	}
	qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
	qemu_plugin_register_atexit_cb(id, at_exit, NULL);
	return 0;
}
