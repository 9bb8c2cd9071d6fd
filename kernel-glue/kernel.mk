# stackcheck in a Linux kernel: an i386 kernel built with the plugin, booted
# under QEMU.  Included by the top Makefile.
#
#	make kernel	plugin, then Linux $(KVER) (tinyconfig + stackcheck.config)
#			built with it, and a busybox initramfs, under
#			$(BUILD)/kernel/; rebuilt from scratch when the plugin,
#			the glue or the runtime change (kernel-glue/linux/build)
#	make boot	boots it once, BOOT_ARGS on the kernel command line;
#			log in $(BUILD)/kernel/boot.log
#	make demo	deps, plugin, report tool, kernel, a boot with the
#			selftest, the report tool's summary of its log
#
# KSRC=/path/to/linux uses that tree instead of Debian's linux-source-$(KVER)
# (it gets kernel-glue/linux/apply'd); objects always go to
# $(BUILD)/kernel/obj-$(KVER).

KVER		?= 6.1
KSRC		?=
KJOBS		?= 2
KERNEL_OUT	:= $(BUILD)/kernel
KERNEL_OBJ	:= $(KERNEL_OUT)/obj-$(KVER)
KERNEL_IMAGE	:= $(KERNEL_OBJ)/arch/x86/boot/bzImage
KERNEL_INITRD	:= $(KERNEL_OUT)/initramfs.cpio.gz
BOOT_ARGS	?=
BOOT_LOG	?= $(KERNEL_OUT)/boot.log
DEMO_LOG	:= $(KERNEL_OUT)/demo.log
REPORT_TOOL	:= $(BUILD)/stackcheck-report

KERNEL_ENV	= ROOT=$(CURDIR) KVER=$(KVER) KSRC=$(KSRC) KOUT=$(KERNEL_OUT) \
		  PLUGIN=$(abspath $(PLUGIN)) KJOBS=$(KJOBS)

.PHONY: kernel boot demo demo-deps

# Always run: kbuild decides what is out of date, the script when to start
# over.
kernel: $(PLUGIN)
	@$(KERNEL_ENV) bash kernel-glue/linux/build

boot:
	@test -f $(KERNEL_IMAGE) -a -f $(KERNEL_INITRD) || { echo "boot: no kernel yet: make kernel" >&2; exit 1; }
	@bash kernel-glue/linux/boot $(KERNEL_IMAGE) $(KERNEL_INITRD) $(BOOT_LOG) $(BOOT_ARGS)

demo-deps:
	@bash tools/install-deps build kernel report

# Every step says what it does; the kernel build prints its progress.
demo: demo-deps
	@echo "demo: [1/4] the plugin and the report tool"
	@$(MAKE) --no-print-directory $(PLUGIN) $(REPORT_TOOL)
	@echo "demo: [2/4] the kernel (a cold build takes minutes)"
	@$(MAKE) --no-print-directory kernel
	@echo "demo: [3/4] booting it under QEMU with the selftest (stackcheck.selftest=1)"
	@bash kernel-glue/linux/boot $(KERNEL_IMAGE) $(KERNEL_INITRD) $(DEMO_LOG) \
		stackcheck.selftest=1 $(BOOT_ARGS) | grep -E '^boot:|stackcheck: (ok|not ok|#)|stackcheck-init' || true
	@echo "demo: [4/4] what stackcheck found: $(REPORT_TOOL) $(DEMO_LOG) $(KERNEL_OBJ)/vmlinux"
	@$(REPORT_TOOL) $(DEMO_LOG) $(KERNEL_OBJ)/vmlinux || true
	@echo "demo: instrumented functions: $$(grep '^result' $(KERNEL_OUT)/count.txt), memory: $(KERNEL_OUT)/count.txt"
	@echo "demo: the whole boot log: $(DEMO_LOG)"
