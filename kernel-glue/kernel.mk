# stackcheck in a Linux kernel: an i386 kernel built with the plugin, booted
# under QEMU.  Included by the top Makefile.
#
#	make kernel	plugin, then Linux $(KVER) (tinyconfig + stackcheck.config)
#			built with it, and a busybox initramfs, under
#			$(BUILD)/kernel/; rebuilt from scratch when the plugin,
#			the glue or the runtime change (kernel-glue/linux/build);
#			stackcheck-verify on vmlinux ($(BUILD)/kernel/verify.txt)
#	make boot	boots it once, BOOT_ARGS on the kernel command line;
#			log in $(BUILD)/kernel/boot.log
#	make demo	deps, plugin, report tool, kernel, a boot with the
#			selftest (log: $(BUILD)/kernel/demo.log), the count and
#			memory figures, the report tool's summary of the log
#			with the plugin's table of vmlinux (stackcheck.table)
#
#	make kernel-patches	the patch series for Linux $(KVER) (6.1 or 6.12) in
#			$(BUILD)/patches/$(KVER)/ (kernel-glue/linux/patches):
#			git am onto a vanilla tree, CONFIG_GCC_PLUGIN_STACKCHECK=y
#
# KSRC=/path/to/linux uses that tree instead of Debian's linux-source-$(KVER)
# (it gets kernel-glue/linux/apply'd); objects always go to
# $(BUILD)/kernel/obj-$(KVER).  KARCH names kernel-glue/linux/arch/$(KARCH).conf
# (i386): make ARCH, the image, QEMU.

KVER		?= 6.1
KSRC		?=
KJOBS		?= 2
KERNEL_OUT	:= $(BUILD)/kernel
KERNEL_OBJ	:= $(KERNEL_OUT)/obj-$(KVER)
KARCH		?= i386
KERNEL_INITRD	:= $(KERNEL_OUT)/initramfs.cpio.gz
BOOT_ARGS	?=
BOOT_LOG	?= $(KERNEL_OUT)/boot.log
DEMO_LOG	:= $(KERNEL_OUT)/demo.log
KERNEL_TABLE	:= $(KERNEL_OUT)/stackcheck.table
REPORT_TOOL	:= $(BUILD)/stackcheck-report

# The one kernel build (make kernel, the reach matrix and the bench run it):
# these options, then each caller's own.
KERNEL_BUILD	= bash kernel-glue/linux/build --arch $(KARCH) --jobs $(KJOBS) \
		  --verify $(abspath $(STACKCHECK_VERIFY))
KERNEL_BOOT	= bash kernel-glue/linux/boot --arch $(KARCH)

.PHONY: kernel kernel-patches boot demo demo-deps

kernel-patches:
	@bash kernel-glue/linux/patches --kver $(KVER) --out $(BUILD)/patches/$(KVER) \
		--base $(BUILD)/patches/linux-$(KVER)

# Always run: kbuild decides what is out of date, the script when to start
# over.
kernel: $(STACKCHECK_VERIFY)
	@$(KERNEL_BUILD) --kver $(KVER) --out $(KERNEL_OUT) --obj $(KERNEL_OBJ) \
		$(if $(KSRC),--src $(KSRC))

boot:
	@test -f $(KERNEL_OBJ)/vmlinux -a -f $(KERNEL_INITRD) || { echo "boot: no kernel yet: make kernel" >&2; exit 1; }
	@$(KERNEL_BOOT) $(KERNEL_OBJ) $(KERNEL_INITRD) $(BOOT_LOG) $(BOOT_ARGS)

demo-deps:
	@bash tools/install-deps build kernel report

# Every step says what it does; the kernel build prints its progress, the
# boot the lines that matter as they come.  The report tool's summary comes
# last; the demo fails when the build, the boot or the count fails.
demo: demo-deps
	@echo "demo: [1/4] the report tool and the coverage verifier"
	@$(MAKE) --no-print-directory $(REPORT_TOOL) $(STACKCHECK_VERIFY)
	@echo "demo: [2/4] the kernel, with the plugin in its tree (scripts/gcc-plugins/stackcheck_plugin.c) and CONFIG_GCC_PLUGIN_STACKCHECK=y; a cold build takes minutes; log: $(KERNEL_OUT)/build.log"
	@$(MAKE) --no-print-directory kernel
	@echo "demo: [3/4] booting it under QEMU with the selftest (stackcheck.selftest=1), log: $(DEMO_LOG)"
	@{ $(KERNEL_BOOT) $(KERNEL_OBJ) $(KERNEL_INITRD) $(DEMO_LOG) \
		stackcheck.selftest=1 stackcheck_init.keep=1 $(BOOT_ARGS); echo $$? >$(KERNEL_OUT)/demo.status; } | \
		grep --line-buffered -E '^boot:|stackcheck: (KTAP|1\.\.|ok|not ok|# [a-z_]+:|enabled)|stackcheck-init: (userspace|workload|poweroff)|Kernel panic|Oops|BUG:' || true
	@echo "demo: instrumented functions: $$(grep '^result' $(KERNEL_OUT)/count.txt) (details: $(KERNEL_OUT)/count.txt)"
	@grep '^memory:' $(KERNEL_OUT)/count.txt | sed 's/^/demo: /'
	@echo "demo: the whole boot log: $(DEMO_LOG)"
	@echo "demo: [4/4] what stackcheck found: $(REPORT_TOOL) --table $(KERNEL_TABLE) $(DEMO_LOG)"
	@$(REPORT_TOOL) --table $(KERNEL_TABLE) $(DEMO_LOG)
	@status=$$(cat $(KERNEL_OUT)/demo.status); \
	if [ "$$status" != 0 ]; then echo "demo: the boot failed (status $$status): $(DEMO_LOG)" >&2; exit 1; fi; \
	grep -q '^result: match' $(KERNEL_OUT)/count.txt || { echo "demo: count-sites: MISMATCH ($(KERNEL_OUT)/count.txt)" >&2; exit 1; }
