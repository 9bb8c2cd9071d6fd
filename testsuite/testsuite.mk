# SPDX-License-Identifier: GPL-2.0
# The DejaGnu testsuite: `make check` installs what is missing, builds
# everything and runs `runtest --tool stackcheck`; the totals end up in
# $(BUILD)/testsuite/stackcheck.sum.  RUNTESTFLAGS selects tests, e.g.
#	make check RUNTESTFLAGS=stackcheck.compile/compile.exp
# `make check-torture` runs GCC's whole gcc.c-torture/execute instead of the
# fixed slice.

RUNTESTFLAGS	?=
TESTSUITE_OUT	:= $(BUILD)/testsuite
# A partial run (RUNTESTFLAGS given) keeps its results apart from the full one.
ifneq ($(strip $(RUNTESTFLAGS)),)
RUN_OUT		:= $(BUILD)/testsuite-partial/$(subst =,-,$(subst /,-,$(firstword $(RUNTESTFLAGS))))
else
RUN_OUT		:= $(TESTSUITE_OUT)
endif

.PHONY: check check-deps check-run check-torture

check: check-deps
	@$(MAKE) --no-print-directory build-all
	@$(MAKE) --no-print-directory check-run

check-deps:
	@bash tools/install-deps build check kernel report bench deb

check-run:
	@mkdir -p $(RUN_OUT)
	@cd $(RUN_OUT) && STACKCHECK_BUILD=$(BUILD) runtest --tool stackcheck \
		--srcdir $(CURDIR)/testsuite $(RUNTESTFLAGS) >runtest.out 2>&1; \
		status=$$?; tail -n 12 runtest.out; \
		echo "check: summary in $(RUN_OUT)/stackcheck.sum, log in $(RUN_OUT)/stackcheck.log"; \
		exit $$status

check-torture: check-deps
	@$(MAKE) --no-print-directory build-all
	@mkdir -p $(TESTSUITE_OUT)-torture
	@cd $(TESTSUITE_OUT)-torture && STACKCHECK_BUILD=$(BUILD) STACKCHECK_TORTURE=all runtest --tool stackcheck \
		--srcdir $(CURDIR)/testsuite stackcheck.torture/torture.exp >runtest.out 2>&1; \
		status=$$?; tail -n 12 runtest.out; \
		echo "check-torture: summary in $(TESTSUITE_OUT)-torture/stackcheck.sum"; exit $$status

# `make check-csmith` runs 1250 csmith programs (stackcheck.csmith with
# STACKCHECK_CSMITH=all) instead of the fixed slice; check-full runs it too.
# `make csmith-doc` renders docs/results/csmith.md from that run's summary.
CSMITH_OUT	:= $(TESTSUITE_OUT)-csmith

.PHONY: check-csmith csmith-doc

check-csmith: check-deps
	@$(MAKE) --no-print-directory build-all
	@mkdir -p $(CSMITH_OUT)
	@cd $(CSMITH_OUT) && STACKCHECK_BUILD=$(BUILD) STACKCHECK_CSMITH=all runtest --tool stackcheck \
		--srcdir $(CURDIR)/testsuite stackcheck.csmith/csmith.exp >runtest.out 2>&1; \
		status=$$?; tail -n 12 runtest.out; \
		echo "check-csmith: summary in $(CSMITH_OUT)/stackcheck.sum and $(CSMITH_OUT)/csmith-all/summary.txt"; \
		exit $$status

csmith-doc:
	@mkdir -p docs/results
	@bash testsuite/stackcheck.csmith/render-doc $(CSMITH_OUT)/csmith-all/summary.txt >docs/results/csmith.md.tmp && \
		mv docs/results/csmith.md.tmp docs/results/csmith.md && echo "csmith-doc: docs/results/csmith.md"

check-full: check-csmith
