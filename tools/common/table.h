/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The plugin's per-function table (docs/reference/table-format.md): the one
 * C reader, used by stackcheck-report --table and stackcheck-verify --table.
 * It implements the document and nothing more: a version line
 * "#stackcheck-table 1" anywhere and as often as it comes, any other '#'
 * line a comment, no version line read as version 1, five tab-separated
 * fields per function.  Anything else is an error naming file:line: a line
 * is never skipped, never guessed at.
 */
#ifndef STACKCHECK_TOOLS_TABLE_H
#define STACKCHECK_TOOLS_TABLE_H

#include <stddef.h>

#define SC_TABLE_VERSION	1	/* the one version this reader knows */

enum sc_decision {
	SC_CHECKED,
	SC_CHECKED_ALWAYS,
	SC_SKIPPED_LEAF,
	SC_SKIPPED_COVERED,
	SC_SKIPPED_SUBTREE,
	SC_SKIPPED_ATTRIBUTE,
	SC_SKIPPED_NAKED,
	SC_SKIPPED_SECTION,
	SC_SKIPPED_RUNTIME,
	SC_SKIPPED_EXCLUDED,
	SC_SKIPPED_DISABLED,
	SC_NR_DECISIONS,
};

struct sc_table_row {
	char *name;		/* the assembler name */
	char *location;		/* "file:line", as written */
	char *file;		/* its file part, "?" when GCC knew none */
	unsigned long line;	/* its line part */
	unsigned long frame;	/* static frame, bytes */
	unsigned long dynamic;	/* checks after a dynamic allocation */
	enum sc_decision decision;
	unsigned long lineno;	/* where in the table file */
};

struct sc_table {
	struct sc_table_row *rows;
	size_t n, cap;
	unsigned long version_lines;	/* "#stackcheck-table 1" lines seen */
};

/* "checked", "skipped:leaf", ... as the table spells it. */
const char *sc_decision_name(enum sc_decision d);

/* An entry test is inserted (checked, checked-always). */
int sc_decision_checked(enum sc_decision d);

/*
 * Append the rows of the table at path to t (a zeroed struct, or one that
 * already holds other tables' rows).  0 on success; -1 with the reason in
 * err ("path:line: ..."), t then holding the rows read before it.
 */
int sc_table_read(struct sc_table *t, const char *path, char *err, size_t errlen);

void sc_table_free(struct sc_table *t);

#endif /* STACKCHECK_TOOLS_TABLE_H */
