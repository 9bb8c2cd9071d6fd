// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck-report, the model: boots, events, their chains and the totals.
 * This file is the model's only writer; everything else reads it through a
 * const pointer.  The grammar is parse.c's: here a parsed line becomes an
 * event opened, completed or cut off, a boot started or finished, a count.
 */
#include "report.h"

static void note_first(struct firsts *f, struct where w)
{
	if (f->n < FIRST_N)
		f->at[f->n] = w;
	f->n++;
}

/* Like note_first, but a line counts once however many messages it holds. */
static void note_line(struct firsts *f, struct where w)
{
	if (f->n && f->last.file == w.file && f->last.line == w.line)
		return;
	f->last = w;
	note_first(f, w);
}

/* Lines (not messages: a line may hold two) with "stackcheck: " in them. */
static void count_stackcheck_line(struct model *m, struct where w)
{
	if (m->stackcheck_lines && m->last_sc_line.file == w.file &&
	    m->last_sc_line.line == w.line)
		return;
	m->last_sc_line = w;
	m->stackcheck_lines++;
}

/*
 * Lowest first, then the first: of two events with the same bytes left, the
 * one whose title came first in the input (events fold in the order their
 * ends come), as for the deepest chain.
 */
static int lower(long long left, unsigned long long ordinal,
		 long long low, unsigned long long low_ordinal)
{
	return left < low || (left == low && ordinal < low_ordinal);
}

static void kindstat_low(struct kindstat *ks, const struct event *ev)
{
	if (ks->has_low && !lower(ev->left, ev->ordinal, ks->low, ks->low_ordinal))
		return;
	ks->low_ordinal = ev->ordinal;
	ks->has_low = 1;
	ks->low = ev->left;
	free(ks->low_site);
	ks->low_site = sdupz(ev->site ? ev->site : ev->function);
	snprintf(ks->low_id, sizeof(ks->low_id), "E%lu.%lu", ev->cpu, ev->seq);
	ks->low_boot = ev->boot;
	ks->low_at = ev->at;
}

static void event_free(struct event *ev)
{
	int i;

	if (!ev)
		return;
	free(ev->function);
	free(ev->comm);
	free(ev->site);
	for (i = 0; i < CHAIN_MAX; i++)
		free(ev->chain[i].loc);
	free(ev);
}

/* "foo+0x5/0x80" -> "foo" */
char *loc_function(const char *loc)
{
	const char *plus = strchr(loc, '+');

	return sdup(loc, plus && plus != loc ? (size_t)(plus - loc) : strlen(loc));
}

static void track_low(struct model *m, long long left)
{
	if (!m->any_low || left < m->min_low)
		m->min_low = left;
	m->any_low = 1;
}

/* An event is over (end seen, or cut off): fold it into the totals. */
static void fold_event(struct model *m, struct event *ev)
{
	struct kindstat *bk = &m->cur.k[ev->kind], *gk = &m->k[ev->kind];
	struct entry *e;
	long long depth = LLONG_MIN;
	int i, keep = 0;

	if (!ev->complete) {
		bk->truncated++;
		gk->truncated++;
		note_first(&m->truncated, ev->at);
	}
	kindstat_low(bk, ev);
	kindstat_low(gk, ev);
	track_low(m, ev->left);

	e = map_get(&m->sites, ev->function);
	if (e) {
		e->events++;
		if (e->events == 1 || lower(ev->left, ev->ordinal, e->low, e->low_ordinal)) {
			e->low = ev->left;
			e->low_ordinal = ev->ordinal;
			e->low_kind = ev->kind;
			free(e->low_site);
			e->low_site = sdupz(ev->site ? ev->site : ev->function);
			snprintf(e->low_id, sizeof(e->low_id), "E%lu.%lu", ev->cpu, ev->seq);
			e->low_boot = ev->boot;
		}
	}

	for (i = 0; i < CHAIN_MAX; i++) {
		char *fn;

		if (!ev->chain[i].present)
			continue;
		if (ev->chain[i].depth > depth)
			depth = ev->chain[i].depth;
		fn = loc_function(ev->chain[i].loc);
		e = map_get(&m->funcs, fn);
		free(fn);
		if (e) {
			unsigned long long add = (unsigned long long)ev->chain[i].size;

			/* saturate: a sum that wrapped would be a wrong total */
			e->bytes = e->bytes > ULLONG_MAX - add ? ULLONG_MAX : e->bytes + add;
			e->frames++;
		}
	}
	if (ev->nentries) {
		struct event *best = m->deepest[ev->kind];
		long long bd = best ? m->deepest_depth[ev->kind] : 0;

		/*
		 * Deepest, then fewer bytes left, then the first: the event
		 * whose title came first in the input, not the one that ended
		 * first (events close in the order their ends come).
		 */
		if (!best || depth > bd ||
		    (depth == bd && (ev->left < best->left ||
				     (ev->left == best->left && ev->ordinal < best->ordinal)))) {
			event_free(best);
			m->deepest[ev->kind] = ev;
			m->deepest_depth[ev->kind] = depth;
			keep = 1;
		}
	}
	if (!keep)
		event_free(ev);
}

static unsigned open_bucket(unsigned long cpu, unsigned long seq)
{
	return (unsigned)((cpu * 2654435761UL) ^ (seq * 40503UL)) % OPEN_BUCKETS;
}

static struct event *open_find(struct model *m, unsigned long cpu, unsigned long seq)
{
	struct event *ev;

	for (ev = m->open_hash[open_bucket(cpu, seq)]; ev; ev = ev->hnext)
		if (ev->cpu == cpu && ev->seq == seq)
			return ev;
	return NULL;
}

static void open_remove(struct model *m, struct event *ev)
{
	struct event **pp = &m->open_hash[open_bucket(ev->cpu, ev->seq)];

	while (*pp != ev)
		pp = &(*pp)->hnext;
	*pp = ev->hnext;
	if (ev->prev)
		ev->prev->next = ev->next;
	else
		m->open_head = ev->next;
	if (ev->next)
		ev->next->prev = ev->prev;
	else
		m->open_tail = ev->prev;
	ev->prev = ev->next = ev->hnext = NULL;
	m->nopen--;
}

static void close_event(struct model *m, struct event *ev)
{
	open_remove(m, ev);
	fold_event(m, ev);
}

static void open_add(struct model *m, struct event *ev)
{
	unsigned b = open_bucket(ev->cpu, ev->seq);

	if (m->nopen >= OPEN_MAX) {
		m->evicted++;
		close_event(m, m->open_head);
	}
	ev->hnext = m->open_hash[b];
	m->open_hash[b] = ev;
	ev->prev = m->open_tail;
	if (m->open_tail)
		m->open_tail->next = ev;
	else
		m->open_head = ev;
	m->open_tail = ev;
	m->nopen++;
}

static void boot_reset(struct boot *b, struct where start, const char *marker)
{
	memset(b, 0, sizeof(*b));
	b->start = start;
	b->marker = marker;
	b->threshold = b->size = b->reserve = b->sites = b->panic = -1;
	b->step = -1;
}

static void boot_note(struct model *m, struct boot *b, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	unsigned i;

	b->mismatches++;
	m->mismatches++;
	for (i = 0; i < NOTES_PER_BOOT && b->notes[i]; i++)
		;
	if (i == NOTES_PER_BOOT)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	b->notes[i] = strdup(buf);
	if (!b->notes[i])
		die("out of memory");
}

static void boot_free(struct boot *b)
{
	int i;

	for (i = 0; i < NKINDS; i++) {
		free(b->k[i].low_site);
		free(b->sum[i].at);
	}
	for (i = 0; i < NOTES_PER_BOOT; i++)
		free(b->notes[i]);
}

/* The current boot is over: close what is open, keep its record. */
static void boot_finish(struct model *m)
{
	struct boot *b = &m->cur;
	int i;

	while (m->open_head)
		close_event(m, m->open_head);
	if (!b->idx) {
		boot_free(b);
		return;
	}
	for (i = 0; i < NKINDS; i++) {
		struct sumline *s = &b->sum[i], *t = &m->sum_total[i];

		if (!s->seen)
			continue;
		t->seen = 1;
		t->events += s->events;
		t->printed += s->printed;
		t->dropped += s->dropped;
		if (s->has_stepped) {
			t->has_stepped = 1;
			t->stepped += s->stepped;
		}
		if (s->has_low && (!t->has_low || s->low < t->low)) {
			t->has_low = 1;
			t->low = s->low;
			free(t->at);
			t->at = sdupz(s->at);
			t->where = s->where;
		}
	}
	if (m->nboots_listed < BOOTS_LISTED) {
		m->boots = xrealloc(m->boots, m->nboots_listed + 1, sizeof(*m->boots));
		m->boots[m->nboots_listed++] = *b;
	} else {
		boot_free(b);
	}
	memset(b, 0, sizeof(*b));
}

/* Something of stackcheck's was seen: the current boot counts. */
static void boot_touch(struct model *m)
{
	if (!m->cur.idx)
		m->cur.idx = (unsigned)++m->nboots;
}

static void boot_begin(struct model *m, struct where w, const char *marker)
{
	boot_finish(m);
	boot_reset(&m->cur, w, marker);
}


static void skip_line(struct model *m, struct where w)
{
	note_line(&m->skipped, w);
}

/* An event line that parsed: apply it to its open event. */
static void apply_event_line(struct model *m, struct parsed *pl, struct where w)
{
	struct event *ev = open_find(m, pl->cpu, pl->seq);

	if (pl->kind == L_TITLE) {
		if (ev) {
			/*
			 * The same title again while its event is open: a
			 * line the capture repeated (the runtime never reuses
			 * an id in a boot), not a second event.
			 */
			char *fn = sdup(pl->fn, pl->fnlen);
			int same = ev->kind == pl->stack && ev->imminent == pl->imminent &&
				   ev->left == pl->left && !strcmp(ev->function, fn);

			free(fn);
			if (same) {
				skip_line(m, w);
				return;
			}
			close_event(m, ev);	/* its end never came */
		}
		ev = xcalloc(1, sizeof(*ev));
		ev->cpu = pl->cpu;
		ev->seq = pl->seq;
		ev->boot = m->cur.idx;
		ev->at = w;
		ev->ordinal = ++m->titles;
		ev->kind = pl->stack;
		ev->imminent = pl->imminent;
		ev->left = pl->left;
		ev->function = sdup(pl->fn, pl->fnlen);
		ev->boot_size = m->cur.size;
		ev->boot_threshold = m->cur.threshold;
		ev->boot_reserve = m->cur.reserve;
		m->cur.k[ev->kind].events++;
		m->k[ev->kind].events++;
		if (ev->imminent) {
			m->cur.k[ev->kind].imminent++;
			m->k[ev->kind].imminent++;
		}
		open_add(m, ev);
		return;
	}
	if (!ev) {
		/* Its title is not in this boot: the log began mid-event,
		 * or the title line was lost. */
		note_line(&m->orphans, w);
		return;
	}
	switch (pl->kind) {
	case L_NUMBERS:
		if (ev->have_numbers || pl->stack != ev->kind || pl->left != ev->left) {
			skip_line(m, w);
			return;
		}
		ev->have_numbers = 1;
		ev->threshold = pl->threshold;
		ev->frame = pl->frame;
		ev->dynamic = pl->dynamic;
		ev->size = pl->size;
		ev->sp = pl->sp;
		ev->why_new_low = pl->why_new_low;
		break;
	case L_WHO:
		if (ev->have_who) {
			skip_line(m, w);
			return;
		}
		ev->have_who = 1;
		ev->comm = sdup(pl->comm, pl->commlen);
		ev->pid = pl->pid;
		ev->who_cpu = pl->who_cpu;
		ev->context = pl->context;
		break;
	case L_SITE:
		if (ev->site) {
			skip_line(m, w);
			return;
		}
		ev->site = sdup(pl->sym, pl->symlen);
		break;
	case L_HEADER:
		if (ev->have_header) {
			skip_line(m, w);
			return;
		}
		ev->have_header = 1;
		ev->declared = pl->declared;
		ev->chain_truncated = pl->chain_truncated;
		break;
	case L_ENTRY:
		if (ev->chain[pl->idx].present ||
		    (ev->have_header && pl->idx >= ev->declared)) {
			skip_line(m, w);
			return;
		}
		ev->chain[pl->idx].present = 1;
		ev->chain[pl->idx].depth = pl->depth;
		ev->chain[pl->idx].size = pl->fsize;
		ev->chain[pl->idx].loc = sdup(pl->sym, pl->symlen);
		ev->nentries++;
		break;
	case L_END:
		ev->complete = 1;
		close_event(m, ev);
		break;
	default:
		break;
	}
}

/* x[5], the step, is -1 when the line has none (runtimes before it). */

/* A summary line: kept for its boot, and cross-checked against the blocks. */
static void apply_summary(struct model *m, const struct parsed_summary *ps, struct where w)
{
	struct boot *b = &m->cur;
	unsigned long long blocks = b->k[ps->kind].events;
	const char *kn = stackcheck_kind_name((unsigned)ps->kind);
	struct sumline sl;

	memset(&sl, 0, sizeof(sl));
	sl.seen = 1;
	sl.events = ps->events;
	sl.printed = ps->printed;
	sl.dropped = ps->dropped;
	sl.has_stepped = ps->has_stepped;
	sl.stepped = ps->stepped;
	sl.has_low = ps->has_low;
	sl.low = ps->low;
	sl.where = w;
	sl.at = sdup(ps->at, ps->atlen);

	boot_touch(m);
	if ((unsigned long long)sl.printed != blocks)
		boot_note(m, b, "%s:%lu: summary says %s printed=%lld, the log has %llu %s block%s before it",
			  m->files[w.file], w.line, kn, sl.printed,
			  blocks, kn, blocks == 1 ? "" : "s");
	if (!sl.has_stepped && sl.printed + sl.dropped > sl.events)
		boot_note(m, b, "%s:%lu: summary says %s events=%lld < printed+dropped=%lld",
			  m->files[w.file], w.line, kn, sl.events,
			  sl.printed + sl.dropped);
	else if (sl.has_stepped &&
		 sl.printed + sl.dropped + sl.stepped > sl.events)
		boot_note(m, b, "%s:%lu: summary says %s events=%lld < printed+dropped+stepped=%lld",
			  m->files[w.file], w.line, kn, sl.events,
			  sl.printed + sl.dropped + sl.stepped);
	if (sl.has_low)
		track_low(m, sl.low);
	free(b->sum[ps->kind].at);
	b->sum[ps->kind] = sl;
}

/* The text after "stackcheck: ": what it does to the model. */
static void apply_message(struct model *m, const char *msg, struct where w)
{
	struct message pm;
	const long long *x = pm.enabled;

	count_stackcheck_line(m, w);
	switch (parse_message(msg, &pm)) {
	case MSG_SKIP:
		skip_line(m, w);
		break;
	case MSG_EVENT:
		boot_touch(m);
		m->cur.saw_content = 1;
		apply_event_line(m, &pm.ev, w);
		break;
	case MSG_ENABLED:
		/* A second enabled, or events with no Linux banner before
		 * them: a new run of the runtime. */
		if (m->cur.saw_enabled || (m->cur.saw_content && !m->cur.saw_linux)) {
			boot_begin(m, w, "stackcheck: enabled");
		} else if (!m->cur.saw_linux) {
			m->cur.start = w;
			m->cur.marker = "stackcheck: enabled";
		}
		m->cur.threshold = x[0];
		m->cur.size = x[1];
		m->cur.reserve = x[2];
		m->cur.sites = x[3];
		m->cur.panic = x[4];
		m->cur.step = x[5];
		m->cur.saw_enabled = 1;
		boot_touch(m);
		break;
	case MSG_SUMMARY:
		apply_summary(m, &pm.sum, w);
		m->cur.saw_content = 1;
		break;
	case MSG_DROPPED:
		boot_touch(m);
		m->cur.dropped_lines++;
		m->cur.dropped_events += (unsigned long long)pm.dropped;
		m->dropped_events += (unsigned long long)pm.dropped;
		m->cur.saw_content = 1;
		break;
	case MSG_PANIC:
		boot_touch(m);
		m->cur.saw_content = 1;
		m->cur.panics++;
		m->panics++;
		break;
	case MSG_KTAP_OK:
		boot_touch(m);
		m->cur.ktap_ok++;
		m->ktap_ok++;
		break;
	case MSG_KTAP_NOT_OK:
		boot_touch(m);
		m->cur.ktap_not_ok++;
		m->ktap_not_ok++;
		break;
	case MSG_KTAP:
		break;
	}
}

/*
 * One line of the log, cleaned (input.c), or one part of it: between
 * carriage returns, or a piece of an overlong line cut before a message.
 * overlong: the part is the start of a message longer than LINE_CAP.
 */
void model_segment(struct model *m, char *line, size_t len, int overlong, struct where w)
{
	char *msg;
	int zero, stamped;

	if (journal_boot(line)) {
		if (m->cur.saw_linux || m->cur.saw_enabled || m->cur.saw_content)
			boot_begin(m, w, "journal boot");
		else {
			m->cur.start = w;
			m->cur.marker = "journal boot";
		}
		return;
	}
	if (parse_banner(line, m->cur.stamped, &stamped)) {
		if (m->cur.saw_linux || m->cur.saw_enabled || m->cur.saw_content)
			boot_begin(m, w, "Linux version");
		else {
			m->cur.start = w;
			m->cur.marker = "Linux version";
		}
		m->cur.saw_linux = 1;
		m->cur.stamped |= stamped;
		boot_touch(m);
	}
	msg = strstr(line, "stackcheck: ");
	if (!msg)
		return;
	if (printk_stamp_start(line, msg, &zero))
		m->cur.stamped = 1;
	if (overlong) {
		count_stackcheck_line(m, w);
		skip_line(m, w);
		return;
	}
	/*
	 * Each "stackcheck: " starts a message: two outputs glued on one line
	 * (a line cut off, then the next one) are read as two.  No field can
	 * hold the prefix: names and comms have no spaces.
	 */
	while (msg) {
		static const char kpanic[] = "Kernel panic - not syncing: ";
		static const char kpanic_end[] = "---[ end ";
		char *next, *end, *stop, cut, keep;

		/*
		 * The kernel glue's panic("stackcheck: %s", why): one panic.
		 * The kernel closes it with "---[ end Kernel panic - not
		 * syncing: stackcheck: ... ]---", the same panic, not another.
		 */
		if ((size_t)(msg - line) >= strlen(kpanic) &&
		    !strncmp(msg - strlen(kpanic), kpanic, strlen(kpanic))) {
			const char *k = msg - strlen(kpanic);

			count_stackcheck_line(m, w);
			if (!(k - line >= (long)strlen(kpanic_end) &&
			      !strncmp(k - strlen(kpanic_end), kpanic_end, strlen(kpanic_end)))) {
				boot_touch(m);
				m->cur.saw_content = 1;
				m->cur.panics++;
				m->panics++;
			}
			msg = strstr(msg + strlen("stackcheck: "), "stackcheck: ");
			continue;
		}
		msg += strlen("stackcheck: ");
		next = strstr(msg, "stackcheck: ");
		end = next ? message_end(msg, next) : line + len;
		cut = *end;
		*end = 0;
		/* trailing blanks are not part of any field */
		stop = end;
		while (stop > msg && (stop[-1] == ' ' || stop[-1] == '\t'))
			stop--;
		keep = *stop;
		*stop = 0;
		apply_message(m, msg, w);
		*stop = keep;
		*end = cut;
		msg = next;
	}
}

/*
 * The totals, checked against each other once the input is read: what the
 * report prints must add up (the per-boot counts to the global ones, the
 * sites to the events, ...).  NULL when it does; else what does not.  The
 * fuzzer aborts on a failure, so it hunts wrong totals as well as crashes.
 */
const char *model_self_check(const struct model *m)
{
	unsigned long long ev = 0, tr = 0, bsum[NKINDS][3] = { { 0 } }, sites = 0;
	unsigned b;
	size_t i;
	int k;

	for (k = 0; k < NKINDS; k++) {
		const struct kindstat *ks = &m->k[k];

		if (ks->truncated > ks->events || ks->imminent > ks->events)
			return "a stack has more truncated or imminent events than events";
		if (ks->has_low != (ks->events > 0))
			return "a stack's lowest does not match its events";
		if (ks->has_low && (!m->any_low || ks->low < m->min_low))
			return "a stack's lowest is below the lowest of all";
		if (m->deepest[k] && m->deepest[k]->kind != k)
			return "a deepest chain is filed under another stack";
		ev += ks->events;
		tr += ks->truncated;
	}
	if (ev != model_total_events(m) || tr != m->truncated.n)
		return "the truncated events listed are not the truncated events counted";
	if (m->stackcheck_lines > m->lines || m->skipped.n > m->stackcheck_lines ||
	    m->orphans.n > m->stackcheck_lines || m->overlong > m->lines)
		return "more skipped, orphan or stackcheck lines than lines";
	if (m->nboots_listed > m->nboots)
		return "more boots listed than counted";
	for (b = 0; b < m->nboots_listed; b++) {
		if (m->boots[b].idx != (b ? m->boots[b - 1].idx + 1 : 1))
			return "the boots are not numbered 1, 2, 3...";
		for (k = 0; k < NKINDS; k++) {
			bsum[k][0] += m->boots[b].k[k].events;
			bsum[k][1] += m->boots[b].k[k].truncated;
			bsum[k][2] += m->boots[b].k[k].imminent;
		}
	}
	if (m->nboots_listed == m->nboots)
		for (k = 0; k < NKINDS; k++)
			if (bsum[k][0] != m->k[k].events || bsum[k][1] != m->k[k].truncated ||
			    bsum[k][2] != m->k[k].imminent)
				return "the boots' events do not add up to the stacks' events";
	if (!m->sites.refused) {
		for (i = 0; i < m->sites.cap; i++)
			if (m->sites.slot[i])
				sites += m->sites.slot[i]->events;
		if (sites != ev)
			return "the sites' events do not add up to the events";
	}
	if (m->nopen)
		return "events left open after the input";
	return NULL;
}

/* Everything the model holds, freed; the model back to its start. */
void model_free(struct model *m)
{
	int k;
	unsigned i;

	for (k = 0; k < NKINDS; k++) {
		event_free(m->deepest[k]);
		free(m->k[k].low_site);
		free(m->sum_total[k].at);
	}
	for (i = 0; i < m->nboots_listed; i++)
		boot_free(&m->boots[i]);
	free(m->boots);
	free(m->files);
	map_free(&m->sites);
	map_free(&m->funcs);
	memset(m, 0, sizeof(*m));
}

/* A model for these files (the array is the model's from now on). */
void model_init(struct model *m, const char **files, unsigned nfiles)
{
	memset(m, 0, sizeof(*m));
	m->files = files;
	m->nfiles = nfiles;
	m->sites.limit = m->funcs.limit = MAP_MAX;
}

/* Each file starts a boot of its own. */
void model_file_begin(struct model *m, unsigned fileidx)
{
	boot_begin(m, (struct where){ fileidx, 1 }, "start of file");
}

void model_file_end(struct model *m)
{
	boot_finish(m);
}

/* A line of the input (its parts come through model_segment). */
void model_line(struct model *m, int overlong)
{
	m->lines++;
	if (overlong)
		m->overlong++;
}
