# SPDX-License-Identifier: GPL-2.0
#
# kernel-glue/linux/table.awk: the awk reader's half of the plugin's
# per-function tables (docs/reference/table-format.md), loaded before the
# program that reads them:
#
#	awk -f kernel-glue/linux/table.awk -f PROGRAM TABLE...
#
# It takes every line that starts with "#" off the input, so the program
# sees data lines only: a version line ("#stackcheck-table N") anywhere, as
# often as it appears, when N is a version this reader knows, and comments.
# A version line naming another version is an error: it says which version
# it found and which it knows, sets table_bad and exits 2; a program with an
# END rule starts it with
#
#	if (table_bad) exit 2
#
# A file with data lines and no version line is version 1.  Inputs that are
# not tables (lists of objects) have no "#" lines.  table_version_line is
# the line a program that writes a table puts first.

BEGIN {
	table_version = 1
	table_version_line = "#stackcheck-table " table_version
}

/^#/ {
	if ($1 == "#stackcheck-table" && ($2 != table_version || NF != 2)) {
		printf "%s:%d: table version %s: this reader knows version %d\n",
			FILENAME, FNR, $2, table_version >"/dev/stderr"
		table_bad = 1
		exit 2
	}
	next
}
