# SPDX-License-Identifier: GPL-2.0
# make install / make uninstall / make man.
#
#	make install [PREFIX=/usr/local] [DESTDIR=] [PLUGINDIR=...]
#	make uninstall (the same variables: removes exactly what install put)
#	make man	build/man/: stackcheck-report.1, stackcheck-verify.1, stackcheck.7
#
# What goes where:
#	$(PLUGINDIR)/stackcheck.so	GCC's plugin directory (gcc -print-file-name=plugin),
#					so that `gcc -m32 -fplugin=stackcheck` finds it by name
#	$(BINDIR)			stackcheck-report, stackcheck-verify
#	$(LIB32DIR)			libstackcheck-user.a (-m32 programs: gcc-multilib's
#					-m32 searches lib32)
#	$(INCLUDEDIR)/stackcheck/	stackcheck_user.h, stackcheck_attr.h, stackcheck.h,
#					stackcheck_options.h
#	$(DATADIR)/stackcheck/		the kernel glue, the runtime's and the plugin's sources, laid out as
#					here: its kernel-glue/linux/apply and patches work
#	$(MANDIR)/man1, man7		the man pages, made from each tool's --help (tools/mkman);
#					stackcheck.7 from the plugin's help (as GCC prints it for
#					the loaded plugins) and the user-space environment's
#					(build/stackcheck-env-help), by tools/stackcheck-manual
#
# A DESTDIR install is used in place by giving GCC that plugin directory:
# gcc -m32 -iplugindir=$DESTDIR$(PLUGINDIR) -fplugin=stackcheck
# (stackcheck.install tests exactly that).

PREFIX		?= /usr/local
DESTDIR		?=
PLUGINDIR	?= $(GCC_PLUGIN_DIR)
BINDIR		?= $(PREFIX)/bin
LIB32DIR	?= $(PREFIX)/lib32
INCLUDEDIR	?= $(PREFIX)/include
DATADIR		?= $(PREFIX)/share
MANDIR		?= $(DATADIR)/man

MAN_DIR		:= $(BUILD)/man
MAN1_PAGES	:= $(MAN_DIR)/stackcheck-report.1 $(MAN_DIR)/stackcheck-verify.1
MAN7_PAGES	:= $(MAN_DIR)/stackcheck.7
MAN_PAGES	:= $(MAN1_PAGES) $(MAN7_PAGES)
# The user-space glue's environment as a manual section, from the table the
# glue reads it with (kernel-glue/userspace/stackcheck_env.h); a host program.
ENV_HELP	:= $(BUILD)/stackcheck-env-help
ALL_TARGETS	+= $(ENV_HELP)
INSTALL_HDRS	:= kernel-glue/userspace/stackcheck_user.h plugin/stackcheck_attr.h \
		   runtime/stackcheck.h runtime/stackcheck_options.h
# The kernel glue and the runtime as the repository has them (the files git
# knows when there is a git tree, else what is there), never build products.
SHARE_FILES	= $(shell (git ls-files kernel-glue/linux runtime plugin 2>/dev/null || \
			   find kernel-glue/linux runtime plugin -type f) | sort -u)

.PHONY: install uninstall man

man: $(MAN_PAGES)

$(MAN_DIR)/stackcheck-report.1: $(STACKCHECK_REPORT) tools/mkman
	@mkdir -p $(@D)
	$(STACKCHECK_REPORT) --help | tools/mkman stackcheck-report 1 >$@.tmp && mv $@.tmp $@

$(MAN_DIR)/stackcheck-verify.1: $(STACKCHECK_VERIFY) tools/mkman
	@mkdir -p $(@D)
	$(STACKCHECK_VERIFY) --help | tools/mkman stackcheck-verify 1 >$@.tmp && mv $@.tmp $@

$(ENV_HELP): tools/stackcheck-env-help.c kernel-glue/userspace/stackcheck_env.h runtime/stackcheck_options.h
	@mkdir -p $(@D)
	$(CC) -O2 -g -Wall -Wextra -Iruntime -Ikernel-glue/userspace -o $@ $<

# The manual is kept beside the page (stackcheck.7.txt): a failing step
# stops here instead of giving mkman half a manual.
$(MAN_DIR)/stackcheck.7: $(PLUGIN) $(ENV_HELP) tools/stackcheck-manual tools/mkman
	@mkdir -p $(@D)
	tools/stackcheck-manual "$(CC)" $(PLUGIN) $(ENV_HELP) >$@.txt
	tools/mkman stackcheck 7 <$@.txt >$@.tmp && mv $@.tmp $@

install: $(PLUGIN) $(RUNTIME_LIB) $(STACKCHECK_REPORT) $(STACKCHECK_VERIFY) $(MAN_PAGES)
	@test -n "$(PLUGINDIR)" || { echo "install: GCC's plugin directory is unknown (gcc-12-plugin-dev?): give PLUGINDIR=" >&2; exit 2; }
	install -d $(DESTDIR)$(PLUGINDIR) $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIB32DIR) \
		$(DESTDIR)$(INCLUDEDIR)/stackcheck $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7
	install -m 0644 $(PLUGIN) $(DESTDIR)$(PLUGINDIR)/stackcheck.so
	install -m 0755 $(STACKCHECK_REPORT) $(STACKCHECK_VERIFY) $(DESTDIR)$(BINDIR)/
	install -m 0644 $(RUNTIME_LIB) $(DESTDIR)$(LIB32DIR)/
	install -m 0644 $(INSTALL_HDRS) $(DESTDIR)$(INCLUDEDIR)/stackcheck/
	install -m 0644 $(MAN1_PAGES) $(DESTDIR)$(MANDIR)/man1/
	install -m 0644 $(MAN7_PAGES) $(DESTDIR)$(MANDIR)/man7/
	@for f in $(SHARE_FILES); do \
		mode=0644; [ -x "$$f" ] && mode=0755; \
		install -D -m $$mode "$$f" "$(DESTDIR)$(DATADIR)/stackcheck/$$f" || exit 1; \
	done
	@echo "install: done; gcc -m32 -fplugin=stackcheck now finds $(PLUGINDIR)/stackcheck.so"

uninstall:
	rm -f $(DESTDIR)$(PLUGINDIR)/stackcheck.so
	rm -f $(DESTDIR)$(BINDIR)/stackcheck-report $(DESTDIR)$(BINDIR)/stackcheck-verify
	rm -f $(DESTDIR)$(LIB32DIR)/$(notdir $(RUNTIME_LIB))
	rm -f $(addprefix $(DESTDIR)$(INCLUDEDIR)/stackcheck/,$(notdir $(INSTALL_HDRS)))
	-rmdir $(DESTDIR)$(INCLUDEDIR)/stackcheck 2>/dev/null
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(MAN1_PAGES)))
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man7/,$(notdir $(MAN7_PAGES)))
	rm -rf $(DESTDIR)$(DATADIR)/stackcheck
