// SPDX-License-Identifier: GPL-2.0
/*
 * The per-function table reader (table.h; the format is
 * docs/reference/table-format.md).  Strict on purpose: a table is what the
 * coverage verifier proves things from and what the report counts coverage
 * with, so a line it does not understand must stop both, naming the line,
 * rather than leave a function out or read a field wrong.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"

#define VERSION_TAG	"#stackcheck-table"

static const char *const decision_names[SC_NR_DECISIONS] = {
	[SC_CHECKED]		= "checked",
	[SC_CHECKED_ALWAYS]	= "checked-always",
	[SC_SKIPPED_LEAF]	= "skipped:leaf",
	[SC_SKIPPED_COVERED]	= "skipped:covered",
	[SC_SKIPPED_SUBTREE]	= "skipped:subtree",
	[SC_SKIPPED_ATTRIBUTE]	= "skipped:attribute",
	[SC_SKIPPED_NAKED]	= "skipped:naked",
	[SC_SKIPPED_SECTION]	= "skipped:section",
	[SC_SKIPPED_RUNTIME]	= "skipped:runtime",
	[SC_SKIPPED_EXCLUDED]	= "skipped:excluded",
	[SC_SKIPPED_DISABLED]	= "skipped:disabled",
};

const char *sc_decision_name(enum sc_decision d)
{
	return (unsigned)d < SC_NR_DECISIONS ? decision_names[d] : "?";
}

int sc_decision_checked(enum sc_decision d)
{
	return d == SC_CHECKED || d == SC_CHECKED_ALWAYS;
}

static int fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/* A whole field of decimal digits, no sign, no overflow. */
static int number(const char *s, unsigned long *out)
{
	unsigned long v = 0;

	if (!*s)
		return 0;
	for (; *s; s++) {
		if (!isdigit((unsigned char)*s) || v > (ULONG_MAX - 9) / 10)
			return 0;
		v = v * 10 + (unsigned long)(*s - '0');
	}
	*out = v;
	return 1;
}

/* Printable, no blank: what an assembler name or a path can be here. */
static int word(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || (unsigned char)*s == 0x7f)
			return 0;
	return 1;
}

static int decision_of(const char *s, enum sc_decision *d)
{
	int i;

	for (i = 0; i < SC_NR_DECISIONS; i++)
		if (!strcmp(s, decision_names[i])) {
			*d = (enum sc_decision)i;
			return 1;
		}
	return 0;
}

/*
 * "#stackcheck-table" then a space and the version, or alone: a version
 * line (1 is known; anything else is refused by the caller).  Returns 0
 * when the line is no version line at all (a comment).
 */
static int version_line(const char *s, const char **version)
{
	size_t n = strlen(VERSION_TAG);

	if (strncmp(s, VERSION_TAG, n) || (s[n] && s[n] != ' '))
		return 0;
	*version = s[n] ? s + n + 1 : "";
	return 1;
}

#define BAD_LINE "not a stackcheck table line"

/* One data line, split in place; the row filled.  0, or -1 with err. */
static int data_line(char *line, const char *path, unsigned long ln,
		     struct sc_table_row *r, char *err, size_t errlen)
{
	char *field[5], *p = line, *colon;
	int n = 0;

	while (n < 5) {
		field[n++] = p;
		p = strchr(p, '\t');
		if (!p)
			break;
		*p++ = 0;
	}
	if (n != 5 || p)
		return fail(err, errlen,
			    "%s:%lu: " BAD_LINE " (name, file:line, frame, dynamic sites, decision: 5 tab-separated fields, got %d%s)",
			    path, ln, p ? 6 : n, p ? " or more" : "");
	if (!word(field[0]))
		return fail(err, errlen, "%s:%lu: " BAD_LINE " (the name '%s' is empty or has blanks)",
			    path, ln, field[0]);
	colon = strrchr(field[1], ':');
	if (!word(field[1]) || !colon || colon == field[1] || !number(colon + 1, &r->line))
		return fail(err, errlen, "%s:%lu: " BAD_LINE " (the location '%s' is not file:line)",
			    path, ln, field[1]);
	if (!number(field[2], &r->frame))
		return fail(err, errlen, "%s:%lu: " BAD_LINE " (the frame '%s' is not a number of bytes)",
			    path, ln, field[2]);
	if (!number(field[3], &r->dynamic))
		return fail(err, errlen, "%s:%lu: " BAD_LINE " (the dynamic sites '%s' are not a number)",
			    path, ln, field[3]);
	if (!decision_of(field[4], &r->decision))
		return fail(err, errlen, "%s:%lu: " BAD_LINE " (unknown decision '%s': checked, checked-always or one of the skipped:<why> of the format)",
			    path, ln, field[4]);
	r->name = strdup(field[0]);
	r->location = strdup(field[1]);
	r->file = strndup(field[1], (size_t)(colon - field[1]));
	r->lineno = ln;
	if (!r->name || !r->location || !r->file) {
		free(r->name);
		free(r->location);
		free(r->file);
		return fail(err, errlen, "%s: out of memory", path);
	}
	return 0;
}

int sc_table_read(struct sc_table *t, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned long ln = 0;
	int ret = 0;

	if (!f)
		return fail(err, errlen, "%s: cannot open the table: %s", path, strerror(errno));
	while ((len = getline(&line, &cap, f)) >= 0) {
		const char *version;

		ln++;
		/* Every line ends with a newline: a last line without one was cut. */
		if (!len || line[len - 1] != '\n') {
			ret = fail(err, errlen, "%s:%lu: " BAD_LINE " (no newline at its end: a cut table?)",
				   path, ln);
			break;
		}
		line[--len] = 0;
		if (strlen(line) != (size_t)len) {
			ret = fail(err, errlen, "%s:%lu: " BAD_LINE " (a NUL byte in it)", path, ln);
			break;
		}
		if (len && line[len - 1] == '\r') {
			ret = fail(err, errlen, "%s:%lu: " BAD_LINE " (it ends with a carriage return: the format's lines end with a newline alone)",
				   path, ln);
			break;
		}
		if (version_line(line, &version)) {
			if (strcmp(version, "1")) {
				ret = fail(err, errlen, "%s:%lu: table version '%s'; this reader knows version %d only",
					   path, ln, version, SC_TABLE_VERSION);
				break;
			}
			t->version_lines++;
			continue;
		}
		if (line[0] == '#')
			continue;	/* a comment */
		if (t->n == t->cap) {
			size_t ncap = t->cap ? 2 * t->cap : 256;
			struct sc_table_row *nr = realloc(t->rows, ncap * sizeof(*nr));

			if (!nr) {
				ret = fail(err, errlen, "%s: out of memory", path);
				break;
			}
			t->rows = nr;
			t->cap = ncap;
		}
		ret = data_line(line, path, ln, &t->rows[t->n], err, errlen);
		if (ret)
			break;
		t->n++;
	}
	if (!ret && ferror(f))
		ret = fail(err, errlen, "%s: read error", path);
	free(line);
	fclose(f);
	return ret;
}

void sc_table_free(struct sc_table *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->rows[i].name);
		free(t->rows[i].location);
		free(t->rows[i].file);
	}
	free(t->rows);
	memset(t, 0, sizeof(*t));
}
