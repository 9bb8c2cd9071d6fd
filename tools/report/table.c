// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck-report, the plugin's per-function table (--table): each
 * function's static frame and decision by name, and the coverage counts.
 */
#include "report.h"

struct rtable *rtable_read(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct rtable *t = xcalloc(1, sizeof(*t));
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	unsigned long ln = 0;
	size_t len;
	int overlong;

	if (!f)
		die("%s: %s", path, strerror(errno));
	t->path = path;
	t->byname.limit = t->byfunc.limit = 4 * MAP_MAX;
	t->reasons.limit = 1000;
	while ((got = getline(&line, &cap, f)) > 0) {
		char *field[6], *p = line, *q;
		int nf = 0, checked;
		long long frame, dyn;
		const char *fp;
		struct entry *e;
		char key[2 * NAME_CAP + 2];

		len = (size_t)got;
		if (line[len - 1] == '\n')
			line[--len] = 0;
		overlong = len > LINE_CAP - 1;
		ln++;
		if (len && line[len - 1] == '\r')
			line[--len] = 0;
		if (!len)
			continue;
		t->lines++;
		if (overlong || memchr(line, 0, len))
			goto bad;
		while (nf < 6) {
			field[nf++] = p;
			q = strchr(p, '\t');
			if (!q)
				break;
			*q = 0;
			p = q + 1;
		}
		if (nf != 5 || !*field[0] || !strrchr(field[1], ':'))
			goto bad;
		fp = field[2];
		if (!parse_int(&fp, 0, VAL_MAX, &frame) || *fp)
			goto bad;
		fp = field[3];
		if (!parse_int(&fp, 0, VAL_MAX, &dyn) || *fp)
			goto bad;
		if (!strcmp(field[4], "checked") || !strcmp(field[4], "checked-always"))
			checked = 1;
		else if (starts(field[4], "skipped:") && field[4][8])
			checked = 0;
		else
			goto bad;

		e = map_get(&t->byname, field[0]);
		if (e) {
			if (!e->decision || (checked && !e->checked)) {
				free(e->decision);
				e->decision = sdupz(field[4]);
			}
			if (!e->defs++ || frame > e->frame)
				e->frame = frame;
			if (dyn > e->dynamic)
				e->dynamic = dyn;
			e->checked |= checked;
		}
		snprintf(key, sizeof(key), "%.255s %.255s", field[0], field[1]);
		e = map_get(&t->byfunc, key);
		if (e) {
			if (!e->decision || (checked && !e->checked)) {
				free(e->decision);
				e->decision = sdupz(field[4]);
			}
			e->checked |= checked;
		}
		continue;
bad:
		if (!t->bad++)
			t->bad_first = ln;
	}
	if (ferror(f))
		die("%s: read error: %s", path, strerror(errno));
	free(line);
	fclose(f);
	if (t->lines == t->bad)
		die("%s: not a stackcheck table (no line 'name<TAB>file:line<TAB>frame<TAB>dynamic-sites<TAB>decision')",
		    path);
	{
		size_t i;

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
				r = map_get(&t->reasons, e->decision + 8);
				if (r)
					r->frames++;
			}
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
