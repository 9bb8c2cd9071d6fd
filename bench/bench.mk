# SPDX-License-Identifier: GPL-2.0
# The benchmarks: what the stackcheck entry test costs, against the other
# ways of watching a stack.  Included by the top Makefile.
#
#	make bench		user space and kernel: table and JSON in $(BUILD)/bench/
#				(about 25 min on 2 cores: three kernel builds)
#	make bench BENCH_KERNEL=0	user space only, kernel targets not measured
#	make bench QUICK=1	user space only, small inputs, in $(BUILD)/bench/quick/
#				(what the testsuite runs to check the table is complete)
#	make bench-kernel	the kernel half alone (bench/kernel/run), into
#				$(BUILD)/bench/kernel/; BENCH_ROUNDS=N build-time
#				rounds (1), BENCH_REUSE=1 keeps earlier objects,
#				BENCH_BUILDS="plain stackcheck" leaves the tracer out
#	make bench-buildtime	after make bench: the plugin's build-time cost in
#				BENCH_ROUNDS (4) ABBA rounds of rebuilding kernel/
#				mm/ fs/ lib/ in its plain and stackcheck trees
#				(bench/kernel/buildtime)
#	make bench-hot		after make bench: boots its stackcheck kernel once more
#				with bench/qemu/site_hits.c and names the functions
#				that run the most entry tests (bench/kernel/hot)
#
# The workloads are the kernel's own lib/ files from Debian's linux-source-6.1
# (only those files are extracted, into $(BUILD)/bench/linux/), or from a tree
# named with BENCH_KSRC=.  The kernel's stackleak plugin is built from the same
# tree.  Instructions are counted exactly: with callgrind where valgrind runs
# i386 programs (with valgrind/callgrind.h: the harness toggles the
# collection around the workload), else under qemu-i386 with
# bench/qemu/insn_count.c (a TCG plugin); BENCH_COUNTER=callgrind|qemu forces
# one.  The two agree to within a few instructions (the markers' own).

BENCH_DIR	:= $(BUILD)/bench
BENCH_OUT	:= $(if $(QUICK),$(BENCH_DIR)/quick,$(BENCH_DIR))
BENCH_LINUX	:= $(BENCH_DIR)/linux
BENCH_STAMP	:= $(BENCH_LINUX)/.extracted
BENCH_TARBALL	?= $(firstword $(shell dpkg -L linux-source-6.1 2>/dev/null | grep 'linux-source-6.1\.tar\.xz$$'))
BENCH_KSRC	?=
BENCH_STACKLEAK	:= $(BENCH_DIR)/stackleak_plugin.so
BENCH_COUNTER_SO := $(BENCH_DIR)/insn_count.so
BENCH_COUNTER	?= auto
BENCH_JOBS	?= 2
BENCH_KERNEL	?= $(if $(QUICK),0,1)
BENCH_ROUNDS	?= 1
BENCH_REUSE	?= 0
BENCH_KOUT	:= $(BENCH_DIR)/kernel
# All three kernels use SLUB: with tinyconfig's SLOB the workload's cost
# follows the heap's layout (bench/kernel/slub.config says what was measured).
BENCH_KCONFIG	?= $(CURDIR)/bench/kernel/slub.config

# What the workloads and the stackleak plugin need from the kernel tree.
BENCH_KFILES	:= lib/xz/xz_dec_stream.c lib/xz/xz_dec_lzma2.c lib/xz/xz_crc32.c \
		   lib/xz/xz_private.h lib/xz/xz_lzma2.h lib/xz/xz_stream.h \
		   lib/zlib_inflate/inflate.c lib/zlib_inflate/inffast.c \
		   lib/zlib_inflate/inftrees.c lib/zlib_inflate/inflate.h \
		   lib/zlib_inflate/inffast.h lib/zlib_inflate/inftrees.h \
		   lib/zlib_inflate/inffixed.h lib/zlib_inflate/infutil.h \
		   lib/lz4/lz4_compress.c lib/lz4/lz4_decompress.c lib/lz4/lz4defs.h \
		   lib/sort.c lib/rbtree.c \
		   include/linux/xz.h include/linux/zlib.h include/linux/zconf.h \
		   include/linux/zutil.h include/linux/lz4.h include/linux/rbtree.h \
		   include/linux/rbtree_augmented.h include/linux/rbtree_types.h \
		   include/linux/sort.h \
		   scripts/gcc-plugins/stackleak_plugin.c scripts/gcc-plugins/gcc-common.h \
		   scripts/gcc-plugins/gcc-generate-gimple-pass.h \
		   scripts/gcc-plugins/gcc-generate-ipa-pass.h \
		   scripts/gcc-plugins/gcc-generate-rtl-pass.h \
		   scripts/gcc-plugins/gcc-generate-simple_ipa-pass.h

BENCH_SRCS	:= $(wildcard bench/*.py bench/harness/* bench/shim/*.[ch] \
		     bench/shim/*/*.h bench/workloads/*.c)

.PHONY: bench bench-deps bench-kernel bench-user bench-hot bench-buildtime

bench: $(if $(filter 1,$(BENCH_KERNEL)),bench-kernel)
	@$(MAKE) --no-print-directory bench-user

bench-kernel:
	ROOT=$(CURDIR) OUT=$(abspath $(BENCH_KOUT)) KSRC=$(BENCH_KSRC) \
		JOBS=$(BENCH_JOBS) ROUNDS=$(BENCH_ROUNDS) REUSE=$(BENCH_REUSE) \
		KCONFIG="$(BENCH_KCONFIG)" \
		$(if $(BENCH_BUILDS),BUILDS="$(BENCH_BUILDS)") \
		bash bench/kernel/run

bench-user: $(PLUGIN) $(BENCH_STAMP) $(BENCH_STACKLEAK) $(BENCH_COUNTER_SO)
	@for t in python3 xz qemu-i386 valgrind; do command -v $$t >/dev/null || \
		echo "bench: $$t not found (Debian: python3 xz-utils qemu-user valgrind)"; done
	@mkdir -p $(BENCH_OUT)
	nice python3 bench/bench.py --out $(BENCH_OUT) --objdir $(BENCH_DIR)/obj \
		--linux $(BENCH_LINUX) \
		--plugin $(PLUGIN) --stackleak $(BENCH_STACKLEAK) \
		--counter $(BENCH_COUNTER_SO) --method $(BENCH_COUNTER) \
		--jobs $(BENCH_JOBS) $(if $(QUICK),--quick) \
		$(if $(filter 1,$(BENCH_KERNEL)),--kernel $(BENCH_KOUT))
	@echo "bench: table in $(BENCH_OUT)/bench.txt, data in $(BENCH_OUT)/bench.json"

# Only the files listed above: the whole tree is not needed.
$(BENCH_STAMP):
	@mkdir -p $(BENCH_LINUX)
	@if [ -n "$(BENCH_KSRC)" ]; then \
		cd $(BENCH_KSRC) && cp --parents $(BENCH_KFILES) $(BENCH_LINUX)/; \
	elif [ -n "$(BENCH_TARBALL)" ]; then \
		echo "bench: extracting lib/ workloads from $(notdir $(BENCH_TARBALL))"; \
		tar -C $(BENCH_LINUX) --strip-components=1 -xf $(BENCH_TARBALL) \
			$(addprefix linux-source-6.1/,$(BENCH_KFILES)); \
	else \
		echo "bench: needs linux-source-6.1 (apt-get install linux-source-6.1) or BENCH_KSRC=<linux tree>"; \
		exit 1; \
	fi
	@touch $@

# Built out of tree as the kernel builds it (scripts/gcc-plugins/Makefile).
$(BENCH_STACKLEAK): $(BENCH_STAMP)
	$(HOSTCXX) -x c++ -std=gnu++11 -fPIC -shared -fno-rtti -fno-exceptions -O2 \
		-Wno-narrowing -Wno-unused-variable -Wno-format-diag \
		-DPLUGIN_VERSION='"6.1"' -I$(GCC_PLUGIN_DIR)/include \
		-I$(BENCH_LINUX)/scripts/gcc-plugins \
		-o $@ $(BENCH_LINUX)/scripts/gcc-plugins/stackleak_plugin.c

$(BENCH_COUNTER_SO): bench/qemu/insn_count.c bench/qemu/qemu-plugin-api.h
	@mkdir -p $(@D)
	$(CC) -O2 -shared -fPIC -fvisibility=hidden -Wall -o $@ $<

BENCH_HITS_SO	:= $(BENCH_DIR)/site_hits.so

$(BENCH_HITS_SO): bench/qemu/site_hits.c bench/qemu/qemu-plugin-api.h
	@mkdir -p $(@D)
	$(CC) -O2 -shared -fPIC -fvisibility=hidden -Wall -o $@ $<

bench-hot: $(BENCH_HITS_SO)
	nice python3 bench/kernel/hot $(BENCH_KOUT) $(BENCH_HITS_SO)

bench-buildtime:
	OUT=$(abspath $(BENCH_KOUT)) JOBS=$(BENCH_JOBS) \
		ROUNDS=$(if $(filter command line,$(origin BENCH_ROUNDS)),$(BENCH_ROUNDS),4) \
		bash bench/kernel/buildtime
