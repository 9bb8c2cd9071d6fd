// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck-report, the HTML page (--html): self-contained, inline CSS and
 * SVG, each stack's deepest chain drawn to scale.  It reads the model and
 * changes nothing.
 */
#include "report.h"

static void hstr(FILE *o, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", o); break;
		case '>': fputs("&gt;", o); break;
		case '&': fputs("&amp;", o); break;
		case '"': fputs("&quot;", o); break;
		default: fputc(*s, o);
		}
	}
}

static const char *const palette[] = {
	"#4e79a7", "#59a14f", "#76b7b2", "#edc948", "#b07aa1", "#9c755f", "#f28e2b", "#bab0ac",
};

struct scale {
	double x0, w;		/* where the bar is drawn */
	long long lo, hi;	/* the bytes it shows, from the top of the stack */
};

static double scale_x(const struct scale *s, long long bytes)
{
	if (bytes < s->lo)
		bytes = s->lo;
	if (bytes > s->hi)
		bytes = s->hi;
	return s->x0 + s->w * (double)(bytes - s->lo) / (double)(s->hi - s->lo);
}

/* One bar: the frames of the chain, the threshold zone, reserve and low mark. */
static void html_bar(FILE *o, const struct event *ev, const struct scale *s, double y,
		     double h, int labels)
{
	long long size = event_size(ev), thr = event_threshold(ev), res = event_reserve(ev);
	long long walked_top = LLONG_MAX;
	int i, ci = 0;

	fprintf(o, "<rect class=\"stack\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>\n",
		s->x0, y, s->w, h);
	for (i = 0; i < CHAIN_MAX; i++)
		if (ev->chain[i].present && ev->chain[i].depth - ev->chain[i].size < walked_top)
			walked_top = ev->chain[i].depth - ev->chain[i].size;
	if (walked_top != LLONG_MAX && walked_top > s->lo) {
		double x1 = scale_x(s, walked_top);

		fprintf(o, "<rect class=\"unwalked\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
			"<title>%lld bytes above the chain (outer frames, not walked)</title></rect>\n",
			s->x0, y, x1 - s->x0, h, walked_top);
		/* the label stays left of the threshold zone */
		if (thr > 0 && size - thr > s->lo && scale_x(s, size - thr) < x1)
			x1 = scale_x(s, size - thr);
		if (x1 - s->x0 > 260)
			fprintf(o, "<text class=\"in dim\" x=\"%.1f\" y=\"%.1f\">%lld bytes of outer frames (not walked)</text>\n",
				s->x0 + (x1 - s->x0) / 2, y + h / 2 + 4, walked_top);
	}
	if (thr > 0 && size - thr < s->hi) {
		double tx = scale_x(s, size - thr);

		fprintf(o, "<rect class=\"zone\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
			"<title>below the threshold: the last %lld bytes</title></rect>\n",
			tx, y, s->x0 + s->w - tx, h, thr);
		fprintf(o, "<rect class=\"zonestrip\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"5\"/>\n",
			tx, y + h, s->x0 + s->w - tx);
	}
	for (i = CHAIN_MAX - 1; i >= 0; i--) {
		const struct chain_ent *c = &ev->chain[i];
		char label[NAME_CAP + 32];
		double x, w;
		char *fn;

		if (!c->present)
			continue;
		x = scale_x(s, c->depth - c->size);
		w = scale_x(s, c->depth) - x;
		fprintf(o, "<rect class=\"frame\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
			"<title>", x, y, w > 0.5 ? w : 0.5, h, i == 0 ? "#e15759" : palette[ci++ % 8]);
		fprintf(o, "%d) depth %lld, %lld bytes: ", i, c->depth, c->size);
		hstr(o, c->loc);
		fputs("</title></rect>\n", o);
		if (!labels)
			continue;
		fn = loc_function(c->loc);
		snprintf(label, sizeof(label), "%s %lld", fn, c->size);
		free(fn);
		if (w > 6.5 * (double)strlen(label) + 8) {
			fprintf(o, "<text class=\"in\" x=\"%.1f\" y=\"%.1f\">", x + w / 2, y + h / 2 + 4);
			hstr(o, label);
			fputs("</text>\n", o);
		} else if (w > 14) {
			fprintf(o, "<text class=\"in\" x=\"%.1f\" y=\"%.1f\">%d</text>\n", x + w / 2,
				y + h / 2 + 4, i);
		}
	}
	if (thr > 0 && size - thr >= s->lo && size - thr <= s->hi) {
		double tx = scale_x(s, size - thr);

		fprintf(o, "<line class=\"thr\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
			tx, y - 6, tx, y + h + 6);
		if (labels)
			fprintf(o, "<text class=\"lab thrl\" x=\"%.1f\" y=\"%.1f\">threshold %lld</text>\n",
				tx, y - 10, thr);
	}
	if (res > 0 && res < size && size - res >= s->lo) {
		double rx = scale_x(s, size - res);

		fprintf(o, "<line class=\"res\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
			rx, y, rx, y + h);
		if (labels)
			fprintf(o, "<text class=\"lab resl\" x=\"%.1f\" y=\"%.1f\">reserve %lld</text>\n",
				rx, y + h + 16, res);
	}
	{
		double lx = scale_x(s, size - (ev->left > 0 ? ev->left : 0));

		fprintf(o, "<line class=\"low\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
			lx, y - 4, lx, y + h + (labels ? 36 : 4));
		if (labels)
			fprintf(o, "<text class=\"lab lowl\" x=\"%.1f\" y=\"%.1f\">%lld bytes left%s</text>\n",
				lx > s->x0 + s->w - 80 ? s->x0 + s->w - 80 : lx, y + h + 48, ev->left,
				ev->left < 0 ? " (overflow)" : "");
	}
}

/* The chain drawn to scale: the whole stack, then the part the chain covers. */
static void html_chain(FILE *o, const struct report *r, const struct event *ev)
{
	long long size = event_size(ev), thr = event_threshold(ev);
	long long walked_top = LLONG_MAX, lo;
	struct scale full = { 20, 1100, 0, size }, zoom;
	int i, zoomed;

	for (i = 0; i < CHAIN_MAX; i++)
		if (ev->chain[i].present && ev->chain[i].depth - ev->chain[i].size < walked_top)
			walked_top = ev->chain[i].depth - ev->chain[i].size;
	if (thr > 0 && size - thr < walked_top)
		walked_top = size - thr;
	lo = walked_top == LLONG_MAX ? 0 : walked_top - (size - walked_top) / 10;
	if (lo < 0 || lo >= size)
		lo = 0;
	zoomed = lo > size / 10;
	zoom = (struct scale){ 20, 1100, lo, size };

	fprintf(o, "<h2>%s stack: deepest chain</h2>\n<p class=\"sub\">E%lu.%lu, boot %u (",
		stackcheck_kind_name(ev->kind), ev->cpu, ev->seq, ev->boot);
	hstr(o, model_file_name(r->m, ev->at.file));
	fprintf(o, ":%lu): <b>%lld bytes left</b> of %lld", ev->at.line, ev->left, size);
	if (thr >= 0)
		fprintf(o, ", threshold %lld", thr);
	if (ev->have_who) {
		fputs(", ", o);
		hstr(o, ev->comm);
		fprintf(o, " (pid %lld, cpu %lld, %s context)", ev->pid, ev->who_cpu,
			stackcheck_context_name(ev->context));
	}
	fprintf(o, "%s%s</p>\n", ev->complete ? "" : " <span class=\"warn\">truncated event</span>",
		ev->chain_truncated ? " <span class=\"warn\">chain truncated</span>" : "");
	fprintf(o, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chain\" viewBox=\"0 0 1140 %d\" "
		"role=\"img\" aria-label=\"%s stack, deepest chain, to scale\">\n",
		zoomed ? 280 : 140, stackcheck_kind_name(ev->kind));
	if (zoomed) {
		html_bar(o, ev, &full, 24, 30, 0);
		fprintf(o, "<text class=\"lab l\" x=\"20\" y=\"16\">whole stack, to scale: top (0)</text>\n");
		fprintf(o, "<text class=\"lab r\" x=\"1120\" y=\"16\">bottom (%lld bytes)</text>\n", size);
		fprintf(o, "<path class=\"zoomlines\" d=\"M%.1f 54 L20 96 M1120 54 L1120 96\"/>\n",
			scale_x(&full, lo));
		fprintf(o, "<text class=\"lab l\" x=\"20\" y=\"90\">bytes %lld to %lld, enlarged</text>\n",
			lo, size);
		html_bar(o, ev, &zoom, 120, 70, 1);
	} else {
		fprintf(o, "<text class=\"lab l\" x=\"20\" y=\"16\">top of stack (0)</text>\n");
		fprintf(o, "<text class=\"lab r\" x=\"1120\" y=\"16\">bottom (%lld bytes)</text>\n", size);
		html_bar(o, ev, &full, 36, 50, 1);
	}
	fputs("</svg>\n", o);

	fputs("<table><tr><th>#</th><th>depth</th><th>size</th><th>share</th><th class=\"t\">location</th>"
	      "<th class=\"t\">source</th><th class=\"t\">static frame</th></tr>\n", o);
	for (i = chain_next(ev, -1); i >= 0; i = chain_next(ev, i)) {
		const struct chain_ent *c = &ev->chain[i];
		const struct entry *te;
		char *src;

		fprintf(o, "<tr><td>%d</td><td>%lld</td><td>%lld</td><td>%.1f%%</td><td class=\"t\">", i,
			c->depth, c->size, 100.0 * (double)c->size / (double)size);
		hstr(o, c->loc);
		fputs("</td><td class=\"t\">", o);
		src = symbolize(r->sym, c->loc);
		hstr(o, src ? src : "");
		free(src);
		fputs("</td><td class=\"t\">", o);
		te = rtable_entry(r->t, c->loc);
		if (te) {
			fprintf(o, "%lld, ", te->frame);
			hstr(o, te->decision);
		}
		fputs("</td></tr>\n", o);
	}
	fputs("</table>\n", o);
}

void render_html(FILE *o, const struct report *r)
{
	struct entry **v;
	size_t i;
	int k;

	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	      "<title>stackcheck report</title>\n<style>\n"
	      "body{font:14px/1.4 sans-serif;margin:20px 30px;color:#222;background:#fff}\n"
	      "h1{font-size:22px;margin:0 0 6px}h2{font-size:17px;margin:22px 0 2px}\n"
	      ".sub{margin:0 0 4px;color:#444}.warn{color:#b00;font-weight:bold}\n"
	      "table{border-collapse:collapse;margin:6px 0}td,th{padding:2px 10px;text-align:right;"
	      "border-bottom:1px solid #ddd;font-family:monospace}th{background:#f3f3f3}\n"
	      ".t,td.t,th.t{text-align:left}\n"
	      "svg.chain{display:block;width:100%;max-width:1140px;height:auto}\n"
	      ".stack{fill:#f7f7f7;stroke:#555}.zone{fill:#f8d0d0;fill-opacity:.75}.zonestrip{fill:#c00}.frame{stroke:#fff;stroke-width:.5}\n"
	      ".unwalked{fill:#dcdcdc}.thr{stroke:#c00;stroke-width:2;stroke-dasharray:6 4}\n"
	      ".res{stroke:#700;stroke-width:1.5;stroke-dasharray:2 2}.low{stroke:#000;stroke-width:2}\n"
	      ".zoomlines{stroke:#999;fill:none;stroke-dasharray:3 3}\n"
	      "text{font:12px sans-serif}.in{fill:#fff;text-anchor:middle}.in.dim{fill:#555}\n"
	      ".lab{fill:#222;text-anchor:middle}.lab.l{text-anchor:start}.lab.r{text-anchor:end}\n"
	      ".thrl{fill:#c00}.resl{fill:#700}.lowl{font-weight:bold}\n"
	      ".bar{fill:#4e79a7}\n"
	      "</style></head><body>\n<h1>stackcheck report</h1>\n<p class=\"sub\">", o);
	fprintf(o, "%u file%s, %llu boot%s, %llu events (%llu truncated), %llu skipped lines",
		r->m->nfiles, r->m->nfiles == 1 ? "" : "s", r->m->nboots, r->m->nboots == 1 ? "" : "s",
		model_total_events(r->m), model_total_truncated(r->m), r->m->skipped.n);
	if (r->m->mismatches)
		fprintf(o, ", <span class=\"warn\">%llu summary mismatch%s</span>", r->m->mismatches,
			r->m->mismatches == 1 ? "" : "es");
	if (r->have_fail_below)
		fprintf(o, ", fail-below %lld: %s", r->fail_below,
			report_failed(r) ? "<span class=\"warn\">FAIL</span>" : "ok");
	fputs("</p>\n<table><tr><th>stack</th><th>events</th><th>imminent</th><th>truncated</th>"
	      "<th>lowest</th><th class=\"t\">at</th></tr>\n", o);
	for (k = 0; k < NKINDS; k++) {
		fprintf(o, "<tr><td>%s</td><td>%llu</td><td>%llu</td><td>%llu</td>", stackcheck_kind_name(k),
			r->m->k[k].events, r->m->k[k].imminent, r->m->k[k].truncated);
		if (r->m->k[k].has_low) {
			fprintf(o, "<td>%lld</td><td class=\"t\">", r->m->k[k].low);
			hstr(o, r->m->k[k].low_site);
			fprintf(o, " (%s, boot %u)</td></tr>\n", r->m->k[k].low_id, r->m->k[k].low_boot);
		} else {
			fputs("<td>-</td><td></td></tr>\n", o);
		}
	}
	fputs("</table>\n", o);

	for (k = 0; k < NKINDS; k++)
		if (r->m->deepest[k])
			html_chain(o, r, r->m->deepest[k]);

	if (r->m->sites.n) {
		fputs("<h2>worst sites</h2>\n<table><tr><th>left</th><th>stack</th><th>events</th>"
		      "<th class=\"t\">site</th></tr>\n", o);
		v = map_sorted(&r->m->sites, cmp_sites);
		for (i = 0; i < r->m->sites.n && i < (size_t)r->top_n; i++) {
			fprintf(o, "<tr><td>%lld</td><td>%s</td><td>%llu</td><td class=\"t\">",
				v[i]->low, stackcheck_kind_name(v[i]->low_kind), v[i]->events);
			hstr(o, v[i]->low_site);
			fputs("</td></tr>\n", o);
		}
		fputs("</table>\n", o);
		free(v);
	}
	if (r->m->funcs.n) {
		unsigned long long max = 0;

		v = map_sorted(&r->m->funcs, cmp_funcs);
		max = v[0]->bytes ? v[0]->bytes : 1;
		fputs("<h2>dominant frames (bytes summed over every chain)</h2>\n<table><tr><th>bytes</th>"
		      "<th>frames</th><th></th><th class=\"t\">function</th></tr>\n", o);
		for (i = 0; i < r->m->funcs.n && i < (size_t)r->top_n; i++) {
			fprintf(o, "<tr><td>%llu</td><td>%llu</td><td><svg width=\"200\" height=\"12\">"
				"<rect class=\"bar\" x=\"0\" y=\"1\" width=\"%.1f\" height=\"10\"/></svg></td>"
				"<td class=\"t\">", v[i]->bytes, v[i]->frames,
				200.0 * (double)v[i]->bytes / (double)max);
			hstr(o, v[i]->key);
			fputs("</td></tr>\n", o);
		}
		fputs("</table>\n", o);
		free(v);
	}
	fprintf(o, "<p class=\"sub\">skipped lines: %llu; truncated events: %llu; orphan lines: %llu",
		r->m->skipped.n, model_total_truncated(r->m), r->m->orphans.n);
	if (r->t)
		fprintf(o, "; coverage: %llu of %llu functions checked", r->t->checked, r->t->functions);
	fputs("</p>\n</body></html>\n", o);
}

