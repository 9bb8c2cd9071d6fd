# SPDX-License-Identifier: GPL-2.0
# stackcheck reach: Linux 6.12 as well as 6.1, i386_defconfig as well as
# tinyconfig, 4 KiB stacks, load and event storms.  Included by the top
# Makefile (after testsuite/testsuite.mk: it adds to check-deps).
#
#	make reach-kernel	build one configuration (REACH_KVER, REACH_CONFIG:
#				tiny, tiny-4k, tiny-4k-deep, defconfig) under
#				$(BUILD)/kernel/reach/$(REACH_KVER)-$(REACH_CONFIG)/
#	make reach-boot		boot it with REACH_ARGS; log: boot.log there
#	make check-reach-full	the whole matrix (testsuite/stackcheck.reach with
#				STACKCHECK_REACH_FULL=1): 6.12 tiny, tiny-4k and
#				tiny-4k-deep with a 60 s load, the 8K/4K tables,
#				6.12 defconfig (STACKCHECK_REACH_DEFCONFIG=0: not;
#				STACKCHECK_REACH_ONLY="tiny-4k-deep ...": those)
#	make check-full		make check, then check-reach-full
#
# `make check` runs the CI part of testsuite/stackcheck.reach: one build
# and one boot of 6.12 tiny (selftest, storm, a 10 s load).

REACH_OUT	:= $(BUILD)/kernel/reach
REACH_KVER	?= 6.12
REACH_CONFIG	?= tiny
REACH_KSRC	?=
REACH_DIR	= $(REACH_OUT)/$(REACH_KVER)-$(REACH_CONFIG)
REACH_ARGS	?= stackcheck.selftest=1 reach.storm=1000000 reach.load=60
REACH_TIMEOUT	?= 900
REACH		:= kernel-glue/linux/reach

# The configurations: a base and the fragments merged after the glue's
# stackcheck.config, in order.
REACH_BASE_tiny		:= tinyconfig
REACH_FRAGS_tiny	:= reach.config
REACH_BASE_tiny-4k	:= tinyconfig
REACH_FRAGS_tiny-4k	:= reach.config 4k.config
# tiny-4k with the threshold at half the stack (2048)
REACH_BASE_tiny-4k-deep	:= tinyconfig
REACH_FRAGS_tiny-4k-deep := reach.config 4k.config 4k-deep.config
REACH_BASE_defconfig	:= defconfig
REACH_FRAGS_defconfig	:= reach.config defconfig.config

# Debian's 6.12 tree is extracted under build/kernel/ (as make kernel's
# 6.1); 6.1 gets a copy of its own under $(REACH_OUT): the reach additions
# (page_32_types.h, Kconfig.debug, lib/Makefile) would make make kernel's
# next build recompile nearly everything.
REACH_SRC	= $(or $(REACH_KSRC),$(if $(filter 6.1,$(REACH_KVER)),$(REACH_OUT),$(BUILD)/kernel)/linux-source-$(REACH_KVER))

.PHONY: reach-deps reach-kernel reach-boot check-reach-full

reach-deps:
	@bash kernel-glue/linux/reach/deps

# Everything in $(REACH_DIR): obj/, the logs, count.txt, verify.txt,
# build-time.txt, initramfs.cpio.gz (reach/init, stress-ng when fetched).
reach-kernel: $(STACKCHECK_VERIFY)
	@test -n "$(REACH_BASE_$(REACH_CONFIG))" || \
		{ echo "reach: unknown configuration '$(REACH_CONFIG)' (tiny, tiny-4k, tiny-4k-deep, defconfig)" >&2; exit 1; }
	@$(KERNEL_BUILD) --kver $(REACH_KVER) --out $(REACH_DIR) --src $(REACH_SRC) \
		--base $(REACH_BASE_$(REACH_CONFIG)) \
		$(addprefix --config $(REACH)/,$(REACH_FRAGS_$(REACH_CONFIG))) \
		--apply $(REACH)/apply --init $(REACH)/init --stress-ng $(abspath $(REACH_OUT))/stress-ng/root

reach-boot:
	@BOOT_TIMEOUT=$(REACH_TIMEOUT) $(KERNEL_BOOT) $(REACH_DIR)/obj $(REACH_DIR)/initramfs.cpio.gz \
		$(REACH_DIR)/boot.log $(REACH_ARGS)

# The CI part needs linux-source-6.12 and stress-ng as well.
check-deps: reach-deps

check-reach-full: check-deps
	@$(MAKE) --no-print-directory build-all
	@mkdir -p $(BUILD)/testsuite-reach-full
	@cd $(BUILD)/testsuite-reach-full && STACKCHECK_BUILD=$(BUILD) STACKCHECK_REACH_FULL=1 \
		runtest --tool stackcheck --srcdir $(CURDIR)/testsuite stackcheck.reach/reach.exp \
		>runtest.out 2>&1; status=$$?; tail -n 12 runtest.out; \
		echo "check-reach-full: summary in $(BUILD)/testsuite-reach-full/stackcheck.sum, figures in $(REACH_OUT)/results.txt"; \
		exit $$status

check-full: check check-reach-full
