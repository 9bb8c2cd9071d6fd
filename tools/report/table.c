// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck-report, the plugin's per-function table (--table): each
 * function's static frame and decision by name, and the coverage counts.
 */
#include "report.h"
#include "table.h"

/*
 * The table at path (tools/common/table.c reads it: a line it does not
 * understand is an error, exit 2, naming the line), indexed by function.
 */
struct rtable *rtable_read(const char *path)
{
	struct rtable *t = xcalloc(1, sizeof(*t));
	struct sc_table st;
	char err[512];
	size_t i;

	memset(&st, 0, sizeof(st));
	if (sc_table_read(&st, path, err, sizeof(err)))
		die("%s", err);
	if (!st.n && !st.version_lines)
		die("%s: not a stackcheck table (no '#stackcheck-table 1' line, no line 'name<TAB>file:line<TAB>frame<TAB>dynamic-sites<TAB>decision')",
		    path);
	t->path = path;
	t->byname.limit = t->byfunc.limit = 4 * MAP_MAX;
	t->reasons.limit = 1000;
	for (i = 0; i < st.n; i++) {
		const struct sc_table_row *row = &st.rows[i];
		const char *decision = sc_decision_name(row->decision);
		int checked = sc_decision_checked(row->decision);
		long long frame = (long long)row->frame, dyn = (long long)row->dynamic;
		char key[2 * NAME_CAP + 2];
		struct entry *e;

		/*
		 * By name: the frame of its largest definition, checked when
		 * any compilation checked it (statics of one name in several
		 * files, an inline emitted twice).
		 */
		e = map_get(&t->byname, row->name);
		if (e) {
			if (!e->decision || (checked && !e->checked)) {
				free(e->decision);
				e->decision = sdupz(decision);
			}
			if (!e->defs++ || frame > e->frame)
				e->frame = frame;
			if (dyn > e->dynamic)
				e->dynamic = dyn;
			e->checked |= checked;
		}
		/* A function for coverage is a distinct "name file:line". */
		snprintf(key, sizeof(key), "%.255s %.255s", row->name, row->location);
		e = map_get(&t->byfunc, key);
		if (e) {
			if (!e->decision || (checked && !e->checked)) {
				free(e->decision);
				e->decision = sdupz(decision);
			}
			e->checked |= checked;
		}
	}
	sc_table_free(&st);
	for (i = 0; i < t->byfunc.cap; i++) {
		struct entry *e = t->byfunc.slot[i], *r;

		if (!e)
			continue;
		t->functions++;
		if (e->checked) {
			t->checked++;
			if (!strcmp(e->decision, "checked-always"))
				t->checked_always++;
		} else {
			r = map_get(&t->reasons, e->decision + strlen("skipped:"));
			if (r)
				r->frames++;
		}
	}
	return t;
}

/* The table's row for a chain location "fn+0x5/0x80", or NULL. */
const struct entry *rtable_entry(const struct rtable *t, const char *loc)
{
	char *fn;
	const struct entry *e;

	if (!t)
		return NULL;
	fn = loc_function(loc);
	e = map_find(&t->byname, fn);
	free(fn);
	return e;
}

const struct entry *rtable_function(const struct rtable *t, const char *fn)
{
	return t ? map_find(&t->byname, fn) : NULL;
}

int cmp_reasons(const void *a, const void *b)
{
	const struct entry *x = *(struct entry *const *)a, *y = *(struct entry *const *)b;

	if (x->frames != y->frames)
		return x->frames > y->frames ? -1 : 1;
	return strcmp(x->key, y->key);
}

void rtable_free(struct rtable *t)
{
	if (!t)
		return;
	map_free(&t->byname);
	map_free(&t->byfunc);
	map_free(&t->reasons);
	free(t);
}
