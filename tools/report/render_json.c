// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck-report, the JSON (--json), schema stackcheck-report/1
 * (docs/reference/report.md).  It reads the model and changes nothing.
 */
#include "report.h"

/* Every kept string is printable ASCII: only '"' and '\\' need escaping. */
static void jstr(FILE *o, const char *s)
{
	if (!s) {
		fputs("null", o);
		return;
	}
	fputc('"', o);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', o);
		if ((unsigned char)*s < 0x20)
			fprintf(o, "\\u%04x", (unsigned char)*s);
		else
			fputc(*s, o);
	}
	fputc('"', o);
}

static void jfirsts(FILE *o, const struct report *r, const struct firsts *f)
{
	unsigned long long i;

	fprintf(o, "{\"count\": %llu, \"first\": [", f->n);
	for (i = 0; i < f->n && i < FIRST_N; i++) {
		fprintf(o, "%s{\"file\": ", i ? ", " : "");
		jstr(o, model_file_name(r->m, f->at[i].file));
		fprintf(o, ", \"line\": %lu}", f->at[i].line);
	}
	fputs("]}", o);
}

static void jlow(FILE *o, const struct report *r, const struct kindstat *ks)
{
	if (!ks->has_low) {
		fputs("\"lowest\": null, \"at\": null, \"event\": null, \"boot\": null, "
		      "\"file\": null, \"line\": null", o);
		return;
	}
	fprintf(o, "\"lowest\": %lld, \"at\": ", ks->low);
	jstr(o, ks->low_site);
	fprintf(o, ", \"event\": \"%s\", \"boot\": %u, \"file\": ", ks->low_id, ks->low_boot);
	jstr(o, model_file_name(r->m, ks->low_at.file));
	fprintf(o, ", \"line\": %lu", ks->low_at.line);
}

static void jsum(FILE *o, const struct sumline *s)
{
	if (!s->seen) {
		fputs("null", o);
		return;
	}
	fprintf(o, "{\"events\": %lld, \"printed\": %lld, \"dropped\": %lld, \"stepped\": ",
		s->events, s->printed, s->dropped);
	if (s->has_stepped)
		fprintf(o, "%lld", s->stepped);
	else
		fputs("null", o);
	fputs(", \"lowest\": ", o);
	if (s->has_low)
		fprintf(o, "%lld", s->low);
	else
		fputs("null", o);
	fputs(", \"at\": ", o);
	jstr(o, s->has_low ? s->at : NULL);
	fputc('}', o);
}

static void json_chain(FILE *o, const struct report *r, const struct event *ev)
{
	long long size = event_size(ev), thr = event_threshold(ev);
	int i, first = 1;

	fprintf(o, "{\"event\": \"E%lu.%lu\", \"boot\": %u, \"file\": ", ev->cpu, ev->seq, ev->boot);
	jstr(o, model_file_name(r->m, ev->at.file));
	fprintf(o, ", \"line\": %lu, \"left\": %lld, \"size\": %lld, \"threshold\": ",
		ev->at.line, ev->left, size);
	if (thr >= 0)
		fprintf(o, "%lld", thr);
	else
		fputs("null", o);
	fprintf(o, ", \"function\": ");
	jstr(o, ev->function);
	fprintf(o, ", \"comm\": ");
	jstr(o, ev->have_who ? ev->comm : NULL);
	fprintf(o, ", \"complete\": %s, \"chain_truncated\": %s, \"entries_declared\": ",
		ev->complete ? "true" : "false", ev->chain_truncated ? "true" : "false");
	if (ev->have_header)
		fprintf(o, "%lld", ev->declared);
	else
		fputs("null", o);
	fputs(", \"chain\": [", o);
	for (i = chain_next(ev, -1); i >= 0; i = chain_next(ev, i)) {
		const struct chain_ent *c = &ev->chain[i];
		const struct entry *te;
		char *src;

		fprintf(o, "%s\n      {\"i\": %d, \"depth\": %lld, \"size\": %lld, \"share\": %.2f, \"location\": ",
			first ? "" : ",", i, c->depth, c->size, 100.0 * (double)c->size / (double)size);
		first = 0;
		jstr(o, c->loc);
		src = symbolize(r->sym, c->loc);
		fputs(", \"source\": ", o);
		jstr(o, src);
		free(src);
		te = rtable_entry(r->t, c->loc);
		if (te) {
			fprintf(o, ", \"static_frame\": %lld, \"decision\": ", te->frame);
			jstr(o, te->decision);
		} else {
			fputs(", \"static_frame\": null, \"decision\": null", o);
		}
		fputc('}', o);
	}
	fputs("]}", o);
}

void render_json(FILE *o, const struct report *r)
{
	struct entry **v;
	size_t i;
	unsigned b;
	int k;

	fprintf(o, "{\n  \"schema\": \"stackcheck-report/1\",\n  \"files\": [");
	for (b = 0; b < r->m->nfiles; b++) {
		if (b)
			fputs(", ", o);
		jstr(o, model_file_name(r->m, b));
	}
	fprintf(o, "],\n  \"boots\": %llu,\n  \"events\": %llu,\n  \"truncated\": %llu,\n",
		r->m->nboots, model_total_events(r->m), model_total_truncated(r->m));
	fputs("  \"skipped\": ", o);
	jfirsts(o, r, &r->m->skipped);
	fputs(",\n  \"orphans\": ", o);
	jfirsts(o, r, &r->m->orphans);
	fputs(",\n  \"truncated_events\": ", o);
	jfirsts(o, r, &r->m->truncated);
	fprintf(o, ",\n  \"lines\": %llu,\n  \"stackcheck_lines\": %llu,\n  \"overlong_lines\": %llu,\n",
		r->m->lines, r->m->stackcheck_lines, r->m->overlong);
	fprintf(o, "  \"dropped\": %llu,\n  \"panics\": %llu,\n  \"selftests\": {\"ok\": %llu, \"not_ok\": %llu},\n",
		r->m->dropped_events, r->m->panics, r->m->ktap_ok, r->m->ktap_not_ok);
	fputs("  \"stacks\": {", o);
	for (k = 0; k < NKINDS; k++) {
		fprintf(o, "%s\n    \"%s\": {\"events\": %llu, \"imminent\": %llu, \"truncated\": %llu, ",
			k ? "," : "", stackcheck_kind_name(k), r->m->k[k].events, r->m->k[k].imminent, r->m->k[k].truncated);
		jlow(o, r, &r->m->k[k]);
		fputs(", \"summary\": ", o);
		jsum(o, &r->m->sum_total[k]);
		fputc('}', o);
	}
	fprintf(o, "\n  },\n  \"cross_check\": {\"mismatches\": %llu, \"notes\": [", r->m->mismatches);
	{
		int first = 1;

		for (b = 0; b < r->m->nboots_listed; b++)
			for (i = 0; i < NOTES_PER_BOOT; i++)
				if (r->m->boots[b].notes[i]) {
					fprintf(o, "%s{\"boot\": %u, \"note\": ", first ? "" : ", ",
						r->m->boots[b].idx);
					jstr(o, r->m->boots[b].notes[i]);
					fputc('}', o);
					first = 0;
				}
	}
	fputs("]},\n  \"boot_list\": [", o);
	for (b = 0; b < r->m->nboots_listed; b++) {
		const struct boot *bt = &r->m->boots[b];

		fprintf(o, "%s\n    {\"boot\": %u, \"file\": ", b ? "," : "", bt->idx);
		jstr(o, model_file_name(r->m, bt->start.file));
		fprintf(o, ", \"line\": %lu, \"marker\": ", bt->start.line);
		jstr(o, bt->marker);
		if (bt->threshold >= 0) {
			fprintf(o, ", \"enabled\": {\"threshold\": %lld, \"size\": %lld, \"reserve\": %lld, \"sites\": %lld, \"panic\": %lld, \"step\": ",
				bt->threshold, bt->size, bt->reserve, bt->sites, bt->panic);
			if (bt->step >= 0)
				fprintf(o, "%lld}", bt->step);
			else
				fputs("null}", o);
		} else
			fputs(", \"enabled\": null", o);
		fputs(", \"stacks\": {", o);
		for (k = 0; k < NKINDS; k++) {
			fprintf(o, "%s\"%s\": {\"events\": %llu, \"imminent\": %llu, \"truncated\": %llu, ",
				k ? ", " : "", stackcheck_kind_name(k), bt->k[k].events, bt->k[k].imminent,
				bt->k[k].truncated);
			jlow(o, r, &bt->k[k]);
			fputs(", \"summary\": ", o);
			jsum(o, &bt->sum[k]);
			fputc('}', o);
		}
		fprintf(o, "}, \"dropped\": %llu, \"panics\": %llu, \"selftests\": {\"ok\": %llu, \"not_ok\": %llu}, \"mismatches\": %llu}",
			bt->dropped_events, bt->panics, bt->ktap_ok, bt->ktap_not_ok, bt->mismatches);
	}
	fprintf(o, "\n  ],\n  \"boots_listed\": %u,\n  \"worst_sites\": [", r->m->nboots_listed);
	v = map_sorted(&r->m->sites, cmp_sites);
	for (i = 0; i < r->m->sites.n && i < (size_t)r->top_n; i++) {
		char *src = symbolize(r->sym, v[i]->low_site);

		fprintf(o, "%s\n    {\"function\": ", i ? "," : "");
		jstr(o, v[i]->key);
		fputs(", \"site\": ", o);
		jstr(o, v[i]->low_site);
		fputs(", \"source\": ", o);
		jstr(o, src);
		fprintf(o, ", \"stack\": \"%s\", \"lowest\": %lld, \"events\": %llu, \"event\": \"%s\", \"boot\": %u}",
			stackcheck_kind_name(v[i]->low_kind), v[i]->low, v[i]->events, v[i]->low_id,
			v[i]->low_boot);
		free(src);
	}
	free(v);
	fputs("\n  ],\n  \"deepest\": {", o);
	for (k = 0; k < NKINDS; k++) {
		fprintf(o, "%s\n    \"%s\": ", k ? "," : "", stackcheck_kind_name(k));
		if (r->m->deepest[k])
			json_chain(o, r, r->m->deepest[k]);
		else
			fputs("null", o);
	}
	fputs("\n  },\n  \"dominant\": [", o);
	v = map_sorted(&r->m->funcs, cmp_funcs);
	for (i = 0; i < r->m->funcs.n && i < (size_t)r->top_n; i++) {
		const struct entry *te = rtable_function(r->t, v[i]->key);

		fprintf(o, "%s\n    {\"function\": ", i ? "," : "");
		jstr(o, v[i]->key);
		fprintf(o, ", \"bytes\": %llu, \"frames\": %llu", v[i]->bytes, v[i]->frames);
		if (te) {
			fprintf(o, ", \"static_frame\": %lld, \"decision\": ", te->frame);
			jstr(o, te->decision);
		}
		fputc('}', o);
	}
	free(v);
	fputs("\n  ],\n  \"coverage\": ", o);
	if (r->t) {
		/*
		 * bad_lines stays in the schema, always 0: a table line the
		 * reader does not understand is an error (exit 2) now.
		 */
		fprintf(o, "{\"functions\": %llu, \"checked\": %llu, \"checked_always\": %llu, \"bad_lines\": 0, \"skipped\": {",
			r->t->functions, r->t->checked, r->t->checked_always);
		v = map_sorted(&r->t->reasons, cmp_reasons);
		for (i = 0; i < r->t->reasons.n; i++) {
			fputs(i ? ", " : "", o);
			jstr(o, v[i]->key);
			fprintf(o, ": %llu", v[i]->frames);
		}
		free(v);
		fputs("}}", o);
	} else {
		fputs("null", o);
	}
	fputs(",\n  \"fail_below\": ", o);
	if (r->have_fail_below)
		fprintf(o, "{\"bytes\": %lld, \"failed\": %s}", r->fail_below, report_failed(r) ? "true" : "false");
	else
		fputs("null", o);
	fputs("\n}\n", o);
}

