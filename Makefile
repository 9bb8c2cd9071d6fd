# stackcheck: one entry point.  `make` builds the plugin, the runtime and the
# tools; `make check` installs what is missing, builds and runs the DejaGnu
# testsuite; `make demo` builds and boots an instrumented i386 kernel; `make
# bench` measures; `make install` installs (tools/install.mk) and `make deb`
# builds the Debian package of the same files (debian/, tools/deb.mk).  Each
# area adds its own targets in its .mk fragment.
#
# The plugin sources are named .c, as in the kernel's scripts/gcc-plugins, and
# compiled as C++ (-x c++) because GCC's headers are C++: the code itself is
# written as C.

BUILD		?= $(CURDIR)/build
CC		?= gcc
HOSTCXX		?= g++
JOBS		?= $(shell nproc)

GCC_PLUGIN_DIR	:= $(shell $(CC) -print-file-name=plugin)
PLUGIN		:= $(BUILD)/stackcheck.so
PLUGIN_SRCS	:= plugin/stackcheck.c plugin/stackcheck_elide.c
PLUGIN_HDRS	:= $(wildcard plugin/*.h) runtime/stackcheck_options.h
PLUGIN_CXXFLAGS	:= -x c++ -std=gnu++11 -fPIC -shared -fno-rtti -fno-exceptions \
		   -fasynchronous-unwind-tables -O2 -g -Wall -Wno-unused-parameter -Wno-format-diag \
		   -I$(GCC_PLUGIN_DIR)/include

# The user-space runtime: core + user-space glue, for -m32 test programs.
RUNTIME_CFLAGS	:= -m32 -O2 -g -Wall -fno-omit-frame-pointer -fno-stack-protector \
		   -Iruntime
RUNTIME_LIB	:= $(BUILD)/libstackcheck-user.a
RUNTIME_OBJS	:= $(BUILD)/runtime/stackcheck_core.o $(BUILD)/runtime/stackcheck_entry.o \
		   $(BUILD)/runtime/stackcheck_user.o

ALL_TARGETS	:= $(PLUGIN) $(RUNTIME_LIB)

.PHONY: all deps plugin runtime check check-torture check-full demo bench clean
all: build-all

# Area fragments: tools/, kernel-glue/, bench/, testsuite/.
-include tools/tools.mk
-include kernel-glue/kernel.mk
-include bench/bench.mk
-include testsuite/testsuite.mk
-include kernel-glue/linux/reach/reach.mk
-include tools/install.mk
-include tools/deb.mk

build-all: $(ALL_TARGETS)

deps:
	@bash tools/install-deps $(DEPS_SETS)

plugin: $(PLUGIN)
runtime: $(RUNTIME_LIB)

$(PLUGIN): $(PLUGIN_SRCS) $(PLUGIN_HDRS) runtime/stackcheck.h
	@mkdir -p $(@D)
	$(HOSTCXX) $(PLUGIN_CXXFLAGS) -Iruntime -o $@ $(PLUGIN_SRCS)

$(BUILD)/runtime/%.o: runtime/%.c runtime/stackcheck.h runtime/stackcheck_glue.h runtime/stackcheck_options.h
	@mkdir -p $(@D)
	$(CC) $(RUNTIME_CFLAGS) -ffreestanding -c -o $@ $<

$(BUILD)/runtime/%.o: runtime/%.S runtime/stackcheck.h
	@mkdir -p $(@D)
	$(CC) $(RUNTIME_CFLAGS) -c -o $@ $<

$(BUILD)/runtime/stackcheck_user.o: kernel-glue/userspace/stackcheck_user.c runtime/stackcheck.h runtime/stackcheck_glue.h runtime/stackcheck_options.h kernel-glue/userspace/stackcheck_user.h \
				   kernel-glue/userspace/stackcheck_env.h
	@mkdir -p $(@D)
	$(CC) $(RUNTIME_CFLAGS) -Ikernel-glue/userspace -c -o $@ $<

$(RUNTIME_LIB): $(RUNTIME_OBJS)
	rm -f $@ && ar rcs $@ $^

# docs/results/: the pages generated from what the measuring steps wrote
# (tools/render-results): make bench, make kernel, the reach runs; csmith's
# page is `make csmith-doc`.  A page whose inputs are missing is left as it is.
RESULTS_PAGES	:= bench:$(BUILD)/bench kernel:$(BUILD)/kernel reach:$(BUILD)/kernel/reach

.PHONY: results-doc
results-doc:
	@mkdir -p docs/results
	@for p in $(RESULTS_PAGES); do \
		page=$${p%%:*}; dir=$${p#*:}; \
		if tools/render-results $$page $$dir >docs/results/$$page.md.tmp; then \
			mv docs/results/$$page.md.tmp docs/results/$$page.md; \
			echo "results-doc: docs/results/$$page.md"; \
		else \
			rm -f docs/results/$$page.md.tmp; \
			echo "results-doc: docs/results/$$page.md left as it is"; \
		fi; \
	done

clean:
	rm -rf $(BUILD)
