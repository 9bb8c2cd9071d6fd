// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck-report, the text: what a person reads on a terminal.  It reads the
 * model, the table and the symbolizer, and changes none of them.
 */
#include "report.h"

static void print_firsts(FILE *o, const struct report *r, const struct firsts *f)
{
	unsigned long long i;

	for (i = 0; i < f->n && i < FIRST_N; i++)
		fprintf(o, "%s%s:%lu", i ? ", " : "", model_file_name(r->m, f->at[i].file), f->at[i].line);
	if (f->n > FIRST_N)
		fprintf(o, ", ...");
}

static void text_chain(FILE *o, const struct report *r, const struct event *ev)
{
	long long size = event_size(ev), thr = event_threshold(ev);
	int i;

	fprintf(o, "\ndeepest %s chain: E%lu.%lu (boot %u, %s:%lu), %lld bytes left of %lld",
		stackcheck_kind_name(ev->kind), ev->cpu, ev->seq, ev->boot, model_file_name(r->m, ev->at.file),
		ev->at.line, ev->left, size);
	if (thr >= 0)
		fprintf(o, ", threshold %lld", thr);
	if (ev->have_who)
		fprintf(o, ", %s pid %lld cpu %lld in %s context", ev->comm, ev->pid,
			ev->who_cpu, stackcheck_context_name(ev->context));
	fprintf(o, "%s%s\n", ev->complete ? "" : " [truncated event]",
		ev->chain_truncated ? " [chain truncated]" : "");
	fprintf(o, "  %3s %7s %6s %6s  %s\n", "#", "depth", "size", "share", "location");
	for (i = chain_next(ev, -1); i >= 0; i = chain_next(ev, i)) {
		const struct chain_ent *c = &ev->chain[i];
		const struct entry *te;
		char *src;

		fprintf(o, "  %3d %7lld %6lld %5.1f%%  %s", i, c->depth, c->size,
			100.0 * (double)c->size / (double)size, c->loc);
		src = symbolize(r->sym, c->loc);
		if (src)
			fprintf(o, "  %s", src);
		free(src);
		te = rtable_entry(r->t, c->loc);
		if (te)
			fprintf(o, "  [static frame %lld, %s]", te->frame, te->decision);
		fputc('\n', o);
	}
	if (ev->have_header && ev->nentries < (ev->declared < CHAIN_MAX ? ev->declared : CHAIN_MAX))
		fprintf(o, "  (%d of %lld entries in the log)\n", ev->nentries, ev->declared);
}

void render_text(FILE *o, const struct report *r)
{
	unsigned long long ev = model_total_events(r->m), tr = model_total_truncated(r->m);
	struct entry **v;
	size_t i;
	int k;
	unsigned b;

	fprintf(o, "stackcheck-report: %u file%s, %llu boot%s, %llu event%s (%llu truncated), "
		"%llu skipped line%s\n",
		r->m->nfiles, r->m->nfiles == 1 ? "" : "s", r->m->nboots, r->m->nboots == 1 ? "" : "s",
		ev, ev == 1 ? "" : "s", tr, r->m->skipped.n, r->m->skipped.n == 1 ? "" : "s");
	if (!r->m->stackcheck_lines) {
		fprintf(o, "no stackcheck lines in the input (not a stackcheck log, or the runtime was off)\n");
	}

	fprintf(o, "\n%-8s %7s %9s %9s %8s  %s\n", "stack", "events", "imminent", "truncated",
		"lowest", "at");
	for (k = 0; k < NKINDS; k++) {
		const struct kindstat *ks = &r->m->k[k];

		if (ks->has_low)
			fprintf(o, "%-8s %7llu %9llu %9llu %8lld  %s (%s, boot %u, %s:%lu)\n",
				stackcheck_kind_name(k), ks->events, ks->imminent, ks->truncated, ks->low,
				ks->low_site, ks->low_id, ks->low_boot,
				model_file_name(r->m, ks->low_at.file), ks->low_at.line);
		else
			fprintf(o, "%-8s %7llu %9llu %9llu %8s  -\n", stackcheck_kind_name(k), ks->events,
				ks->imminent, ks->truncated, "-");
	}

	/* What the runtime itself counted, from its summary lines. */
	for (k = 0; k < NKINDS && !r->m->sum_total[k].seen; k++)
		;
	if (k < NKINDS) {
		fprintf(o, "\nruntime summary (last summary line of each boot, added up):\n");
		fprintf(o, "%-8s %7s %8s %8s %8s %8s  %s\n", "stack", "events", "printed",
			"dropped", "stepped", "lowest", "at");
		for (k = 0; k < NKINDS; k++) {
			const struct sumline *s = &r->m->sum_total[k];
			char stepped[24];

			if (!s->seen)
				continue;
			if (s->has_stepped)
				snprintf(stepped, sizeof(stepped), "%lld", s->stepped);
			else
				strcpy(stepped, "-");
			if (s->has_low)
				fprintf(o, "%-8s %7lld %8lld %8lld %8s %8lld  %s\n", stackcheck_kind_name(k),
					s->events, s->printed, s->dropped, stepped, s->low, s->at);
			else
				fprintf(o, "%-8s %7lld %8lld %8lld %8s %8s  -\n", stackcheck_kind_name(k),
					s->events, s->printed, s->dropped, stepped, "none");
		}
	}
	if (r->m->mismatches) {
		fprintf(o, "\ncross-check: %llu mismatch%s between summary lines and the blocks in the log"
			" (log cut off or lines lost?):\n", r->m->mismatches, r->m->mismatches == 1 ? "" : "es");
		for (b = 0; b < r->m->nboots_listed; b++)
			for (i = 0; i < NOTES_PER_BOOT; i++)
				if (r->m->boots[b].notes[i])
					fprintf(o, "  boot %u: %s\n", r->m->boots[b].idx, r->m->boots[b].notes[i]);
	} else if (k < NKINDS || r->m->nboots) {
		int any = 0;

		for (k = 0; k < NKINDS; k++)
			any |= r->m->sum_total[k].seen;
		fprintf(o, "\ncross-check: %s\n", any ?
			"summary lines match the blocks in the log" :
			"no summary line in the log: nothing to cross-check");
	}

	if (r->m->nboots) {
		fprintf(o, "\nboots:\n");
		for (b = 0; b < r->m->nboots_listed; b++) {
			const struct boot *bt = &r->m->boots[b];

			fprintf(o, "  boot %u at %s:%lu (%s):", bt->idx, model_file_name(r->m, bt->start.file),
				bt->start.line, bt->marker);
			if (bt->threshold >= 0 && bt->step >= 0)
				fprintf(o, " threshold=%lld size=%lld reserve=%lld sites=%lld step=%lld;",
					bt->threshold, bt->size, bt->reserve, bt->sites, bt->step);
			else if (bt->threshold >= 0)
				fprintf(o, " threshold=%lld size=%lld reserve=%lld sites=%lld;",
					bt->threshold, bt->size, bt->reserve, bt->sites);
			else
				fprintf(o, " no 'stackcheck: enabled' line;");
			for (k = 0; k < NKINDS; k++)
				fprintf(o, " %s %llu", stackcheck_kind_name(k), bt->k[k].events);
			for (k = 0; k < NKINDS; k++)
				if (bt->k[k].truncated)
					break;
			if (k < NKINDS) {
				unsigned long long t = 0;

				for (k = 0; k < NKINDS; k++)
					t += bt->k[k].truncated;
				fprintf(o, ", %llu truncated", t);
			}
			if (bt->dropped_events)
				fprintf(o, ", %llu dropped", bt->dropped_events);
			if (bt->ktap_ok || bt->ktap_not_ok)
				fprintf(o, ", selftests %llu ok %llu not ok", bt->ktap_ok,
					bt->ktap_not_ok);
			if (bt->panics)
				fprintf(o, ", ended in a stackcheck panic");
			fputc('\n', o);
		}
		if (r->m->nboots > r->m->nboots_listed)
			fprintf(o, "  ... %llu more boots (counted in every total)\n",
				r->m->nboots - r->m->nboots_listed);
	}

	if (r->m->sites.n) {
		fprintf(o, "\nworst sites (lowest bytes left):\n");
		fprintf(o, "  %8s %-8s %7s  %s\n", "left", "stack", "events", "site");
		v = map_sorted(&r->m->sites, cmp_sites);
		for (i = 0; i < r->m->sites.n && i < (size_t)r->top_n; i++) {
			char *src = symbolize(r->sym, v[i]->low_site);

			fprintf(o, "  %8lld %-8s %7llu  %s", v[i]->low, stackcheck_kind_name(v[i]->low_kind),
				v[i]->events, v[i]->low_site);
			if (src)
				fprintf(o, "  %s", src);
			fprintf(o, "  (%s, boot %u)\n", v[i]->low_id, v[i]->low_boot);
			free(src);
		}
		if (r->m->sites.n > (size_t)r->top_n)
			fprintf(o, "  ... %zu more\n", r->m->sites.n - (size_t)r->top_n);
		free(v);
	}

	for (k = 0; k < NKINDS; k++)
		if (r->m->deepest[k])
			text_chain(o, r, r->m->deepest[k]);

	if (r->m->funcs.n) {
		unsigned long long all = 0;

		for (i = 0; i < r->m->funcs.cap; i++)
			if (r->m->funcs.slot[i])
				all = all > ULLONG_MAX - r->m->funcs.slot[i]->bytes ? ULLONG_MAX :
				      all + r->m->funcs.slot[i]->bytes;
		fprintf(o, "\ndominant frames (frame bytes summed over every chain):\n");
		fprintf(o, "  %10s %7s %6s  %s\n", "bytes", "frames", "share", "function");
		v = map_sorted(&r->m->funcs, cmp_funcs);
		for (i = 0; i < r->m->funcs.n && i < (size_t)r->top_n; i++) {
			const struct entry *te = rtable_function(r->t, v[i]->key);

			fprintf(o, "  %10llu %7llu %5.1f%%  %s", v[i]->bytes, v[i]->frames,
				all ? 100.0 * (double)v[i]->bytes / (double)all : 0.0, v[i]->key);
			if (te)
				fprintf(o, "  [static frame %lld, %s]", te->frame, te->decision);
			fputc('\n', o);
		}
		if (r->m->funcs.n > (size_t)r->top_n)
			fprintf(o, "  ... %zu more\n", r->m->funcs.n - (size_t)r->top_n);
		free(v);
	}

	if (r->t) {
		fprintf(o, "\ncoverage (%s): %llu of %llu functions checked (%.1f%%), %llu of them on every call",
			r->t->path, r->t->checked, r->t->functions,
			r->t->functions ? 100.0 * (double)r->t->checked / (double)r->t->functions : 0.0,
			r->t->checked_always);
		if (r->t->reasons.n) {
			v = map_sorted(&r->t->reasons, cmp_reasons);
			fprintf(o, "; skipped:");
			for (i = 0; i < r->t->reasons.n; i++)
				fprintf(o, "%s %s %llu", i ? "," : "", v[i]->key, v[i]->frames);
			free(v);
		}
		fputc('\n', o);
	}

	fprintf(o, "\nskipped: %llu line%s starting with 'stackcheck: ' not understood",
		r->m->skipped.n, r->m->skipped.n == 1 ? "" : "s");
	if (r->m->skipped.n) {
		fprintf(o, " (");
		print_firsts(o, r, &r->m->skipped);
		fputc(')', o);
	}
	fputc('\n', o);
	fprintf(o, "truncated: %llu event%s without an end line", tr, tr == 1 ? "" : "s");
	if (tr) {
		fprintf(o, " (");
		print_firsts(o, r, &r->m->truncated);
		fputc(')', o);
	}
	fputc('\n', o);
	if (r->m->orphans.n) {
		fprintf(o, "orphans: %llu event line%s whose title is not in its boot (",
			r->m->orphans.n, r->m->orphans.n == 1 ? "" : "s");
		print_firsts(o, r, &r->m->orphans);
		fprintf(o, ")\n");
	}
	if (r->m->overlong)
		fprintf(o, "overlong: %llu line%s longer than %d bytes (read in pieces, cut before each message)\n", r->m->overlong,
			r->m->overlong == 1 ? "" : "s", LINE_CAP - 1);
	if (r->m->evicted)
		fprintf(o, "limit: %llu events closed early (more than %d open at once)\n",
			r->m->evicted, OPEN_MAX);
	if (r->m->sites.refused || r->m->funcs.refused)
		fprintf(o, "limit: more than %d distinct sites or functions: the lists are partial, the totals are not\n",
			MAP_MAX);
	if (r->have_fail_below)
		fprintf(o, "fail-below %lld: %s\n", r->fail_below,
			report_failed(r) ? "FAIL, a stack went below it" : "ok");
}

