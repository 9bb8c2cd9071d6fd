# SPDX-License-Identifier: GPL-2.0
# tools/: stackcheck-report, the reader of stackcheck boot logs, and
# stackcheck-verify, the coverage verifier (docs/reference/verify.md).
#
#	make verify			build $(STACKCHECK_VERIFY) (part of `make`)
#
#	make report			build $(STACKCHECK_REPORT) (part of `make`)
#	make report-asan		the same under ASan+UBSan, for tests and the corpus
#	make report-log LOG=boot.log	print its summary of a log (what `make demo` ends with)
#	make fuzz-report FUZZ_SECONDS=900
#					AFL++, one niced instance (nice -n 15), then the whole corpus
#					through the ASan+UBSan build
#
# Another area's recipe ends with the summary of a log by running
# `$(STACKCHECK_REPORT) LOG` (or `$(MAKE) report-log LOG=...`).

STACKCHECK_REPORT	:= $(BUILD)/stackcheck-report
REPORT_ASAN		:= $(BUILD)/stackcheck-report-asan
REPORT_AFL		:= $(BUILD)/fuzz/stackcheck-report-afl
# The report tool is a few parts (tools/report/report.h lists them); fuzz.c
# is the AFL++ harness, built instead of main.c for the fuzzer.
REPORT_PARTS		:= util input parse model query table symbolize render_text render_json render_html
REPORT_LIB_SRC		:= $(patsubst %,tools/report/%.c,$(REPORT_PARTS)) tools/common/table.c
REPORT_SRC		:= $(REPORT_LIB_SRC) tools/report/main.c
REPORT_FUZZ_SRC		:= $(REPORT_LIB_SRC) tools/report/fuzz.c
REPORT_DEPS		:= tools/report/report.h tools/common/table.h runtime/stackcheck.h tools/tools.mk
REPORT_CFLAGS		:= -O2 -g -Wall -Wextra -Iruntime -Itools/report -Itools/common
# --vmlinux needs elfutils (libdw-dev, install-deps set "report"); without its
# headers the tool still builds, and --vmlinux says what is missing.
REPORT_HAVE_DWFL	:= $(shell printf '\043include <elfutils/libdwfl.h>\nint x;\n' | \
			     $(CC) -fsyntax-only -x c - 2>&1 && echo yes)
ifeq ($(REPORT_HAVE_DWFL),yes)
REPORT_LIBS		:= -ldw -lelf
else
REPORT_CFLAGS		+= -DSTACKCHECK_REPORT_NO_DWFL
REPORT_LIBS		:=
endif
REPORT_SAN		:= -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
			   -fno-omit-frame-pointer
REPORT_SEEDS		:= testsuite/stackcheck.report/fuzz-seeds
REPORT_DICT		:= testsuite/stackcheck.report/fuzz.dict
FUZZ_SECONDS		?= 900
FUZZ_NICE		?= 15
FUZZ_OUT		:= $(BUILD)/fuzz/report
AFL_CC			?= $(firstword $(foreach c,afl-clang-fast afl-gcc-fast afl-cc,$(if $(shell command -v $(c)),$(c))))

# The ASan+UBSan build too: the testsuite runs the tool under it when it is there.
ALL_TARGETS		+= $(STACKCHECK_REPORT) $(REPORT_ASAN)

.PHONY: report report-asan report-log fuzz-report fuzz-report-build fuzz-report-corpus

report: $(STACKCHECK_REPORT)
report-asan: $(REPORT_ASAN)

$(STACKCHECK_REPORT): $(REPORT_SRC) $(REPORT_DEPS)
	@mkdir -p $(@D)
	$(CC) $(REPORT_CFLAGS) -o $@ $(REPORT_SRC) $(REPORT_LIBS)

$(REPORT_ASAN): $(REPORT_SRC) $(REPORT_DEPS)
	@mkdir -p $(@D)
	$(CC) $(REPORT_CFLAGS) $(REPORT_SAN) -o $@ $(REPORT_SRC) $(REPORT_LIBS)

report-log: $(STACKCHECK_REPORT)
	@test -n "$(LOG)" || { echo "report-log: say which log: make report-log LOG=FILE" >&2; exit 2; }
	@$(STACKCHECK_REPORT) $(REPORT_FLAGS) $(LOG)

# The fuzz build: AFL++ persistent mode, every output (text, JSON, HTML) for each input.
$(REPORT_AFL): $(REPORT_FUZZ_SRC) $(REPORT_DEPS)
	@test -n "$(AFL_CC)" || { echo "fuzz-report: no AFL++ compiler (bash tools/install-deps fuzz)" >&2; exit 2; }
	@mkdir -p $(@D)
	AFL_QUIET=1 $(AFL_CC) -O2 -g $(filter -D% -I%,$(REPORT_CFLAGS)) -o $@ $(REPORT_FUZZ_SRC) $(REPORT_LIBS)

fuzz-report-build: $(REPORT_AFL) $(REPORT_ASAN)

# One instance, niced, -V seconds; a previous run's corpus is resumed from its queue.
fuzz-report: fuzz-report-build
	@mkdir -p $(FUZZ_OUT)
	@if [ -d $(FUZZ_OUT)/default/queue ]; then in=-; from="resuming $(FUZZ_OUT)"; \
	else in=$(REPORT_SEEDS); from="seeds $(REPORT_SEEDS)"; fi; \
	echo "fuzz-report: afl-fuzz for $(FUZZ_SECONDS) s, $$from, output $(FUZZ_OUT)"; \
	AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 \
	AFL_NO_AFFINITY=1 \
		nice -n $(FUZZ_NICE) afl-fuzz -i $$in -o $(FUZZ_OUT) -m none -t 2000 -V $(FUZZ_SECONDS) -x $(REPORT_DICT) \
		-- $(REPORT_AFL) >$(FUZZ_OUT)/afl.log 2>&1 || { tail -20 $(FUZZ_OUT)/afl.log; exit 1; }
	@$(MAKE) --no-print-directory fuzz-report-corpus

# Every input the fuzzer kept, its crashes and hangs, through ASan+UBSan.
fuzz-report-corpus: $(REPORT_ASAN)
	@st=$(FUZZ_OUT)/default/fuzzer_stats; \
	grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|stability|bitmap_cvg) ' $$st; \
	n=0; bad=0; \
	for f in $(FUZZ_OUT)/default/queue/id* $(FUZZ_OUT)/default/crashes/id* $(FUZZ_OUT)/default/hangs/id* \
		 $(REPORT_SEEDS)/*; do \
		[ -f "$$f" ] || continue; n=$$((n+1)); \
		for fmt in --json --html=$(FUZZ_OUT)/asan.html; do \
		timeout 10 $(REPORT_ASAN) $$fmt --fail-below 300 -- "$$f" \
			>$(FUZZ_OUT)/asan.out 2>$(FUZZ_OUT)/asan.err; rc=$$?; \
		if [ $$rc -gt 2 ]; then bad=$$((bad+1)); echo "fuzz-report: $$f $$fmt: exit $$rc"; \
			head -5 $(FUZZ_OUT)/asan.err; fi; \
		done; \
	done; \
	echo "fuzz-report: corpus through ASan+UBSan: $$n inputs, $$bad failures"; \
	test $$bad -eq 0

# The coverage verifier: libelf for ELF, objdump (binutils) for the code;
# the table reader is the report's (tools/common/table.c).
STACKCHECK_VERIFY	:= $(BUILD)/stackcheck-verify
VERIFY_SRC		:= tools/stackcheck-verify.c tools/common/table.c
ALL_TARGETS		+= $(STACKCHECK_VERIFY)

.PHONY: verify
verify: $(STACKCHECK_VERIFY)

$(STACKCHECK_VERIFY): $(VERIFY_SRC) tools/common/table.h runtime/stackcheck.h tools/tools.mk
	@mkdir -p $(@D)
	$(CC) -O2 -g -Wall -Wextra -Iruntime -Itools/common -o $@ $(VERIFY_SRC) -lelf
