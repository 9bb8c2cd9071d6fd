// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck-report: the reference parser of the stackcheck log format
 * (runtime/LOG-FORMAT.md).  It reads boot logs as people have them (serial
 * captures with noise, dmesg, journalctl -k, several boots, interleaved and
 * truncated events) and says, per stack kind, what came near overflow where:
 * as text, as JSON (--json) or as a self-contained HTML page (--html).
 *
 * Every total is derived from the log alone and is deterministic.  Input is
 * hostile: lines are read into a bounded buffer, every string kept is capped
 * and sanitized to printable ASCII, every table has a size limit, and a limit
 * reached is reported, never silently turned into a wrong count.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef STACKCHECK_REPORT_NO_DWFL
#include <elfutils/libdwfl.h>
#include <gelf.h>
#endif

#define LINE_CAP	65536		/* bytes of one log line kept */
#define NAME_CAP	256		/* bytes of one symbol/comm kept */
#define CHAIN_MAX	32		/* entries of one chain (LOG-FORMAT.md) */
#define OPEN_MAX	4096		/* events open at once in one boot */
#define MAP_MAX		100000		/* distinct sites/functions tracked */
#define BOOTS_LISTED	10000		/* boots described one by one */
#define FIRST_N		5		/* line numbers quoted per problem */
#define NOTES_PER_BOOT	4		/* cross-check messages kept per boot */
#define VAL_MAX		(1LL << 40)	/* any number in the log, in magnitude */
#define DEFAULT_SIZE	8192		/* THREAD_SIZE, when the log says none */

enum kind { K_TASK, K_HARDIRQ, K_SOFTIRQ, K_OTHER, NKINDS };
static const char *const kind_name[NKINDS] = { "task", "hardirq", "softirq", "other" };

static const char *const context_name[] = { "task", "softirq", "hardirq", "nmi" };
#define NCONTEXTS 4

/* ------------------------------------------------------------------ */
/* Memory and strings                                                   */

static const char *progname = "stackcheck-report";

static void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die("out of memory");
	return p;
}

static void *xrealloc(void *old, size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size)
		die("out of memory");
	p = realloc(old, n * size > 0 ? n * size : 1);
	if (!p)
		die("out of memory");
	return p;
}

/* A copy of at most NAME_CAP-1 bytes of s[0..len), printable ASCII only. */
static char *sdup(const char *s, size_t len)
{
	char *d;
	size_t i;

	if (len > NAME_CAP - 1)
		len = NAME_CAP - 1;
	d = xcalloc(len + 1, 1);
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		d[i] = (ch >= 0x20 && ch < 0x7f) ? (char)ch : '?';
	}
	return d;
}

static char *sdupz(const char *s)
{
	return sdup(s, strnlen(s, NAME_CAP));
}

static int starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* ------------------------------------------------------------------ */
/* A string-keyed hash map with a size limit.                            */

struct entry {
	char *key;
	/* worst sites */
	unsigned long long events;
	long long low;
	int low_kind;
	char *low_site;
	char low_id[48];
	unsigned low_boot;
	/* dominant functions */
	unsigned long long bytes;
	unsigned long long frames;
	/* table */
	long long frame;
	long long dynamic;
	char *decision;
	int checked;
	unsigned defs;
};

struct map {
	struct entry **slot;
	size_t cap;		/* power of two */
	size_t n;
	size_t limit;
	unsigned long long refused; /* lookups that would have exceeded limit */
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return h;
}

#define KEY_CAP (2 * NAME_CAP + 2)

/* Keys are kept as sdup keeps strings: capped, printable ASCII. */
static const char *map_key(const char *key, char *buf)
{
	size_t i;

	for (i = 0; key[i] && i < KEY_CAP - 1; i++) {
		unsigned char ch = (unsigned char)key[i];

		buf[i] = (ch >= 0x20 && ch < 0x7f) ? (char)ch : '?';
	}
	buf[i] = 0;
	return buf;
}

static struct entry *map_find(struct map *m, const char *key)
{
	char buf[KEY_CAP];
	size_t i;

	if (!m->cap)
		return NULL;
	key = map_key(key, buf);
	for (i = hash_str(key) & (m->cap - 1); m->slot[i]; i = (i + 1) & (m->cap - 1))
		if (!strcmp(m->slot[i]->key, key))
			return m->slot[i];
	return NULL;
}

/* The entry for key, created when new; NULL once the map holds limit keys. */
static struct entry *map_get(struct map *m, const char *key)
{
	struct entry *e = map_find(m, key);
	char buf[KEY_CAP];
	size_t i;

	if (e)
		return e;
	if (m->n >= m->limit) {
		m->refused++;
		return NULL;
	}
	if (2 * (m->n + 1) > m->cap) {
		size_t ncap = m->cap ? 2 * m->cap : 64, j;
		struct entry **ns = xcalloc(ncap, sizeof(*ns));

		for (j = 0; j < m->cap; j++) {
			if (!m->slot[j])
				continue;
			for (i = hash_str(m->slot[j]->key) & (ncap - 1); ns[i];
			     i = (i + 1) & (ncap - 1))
				;
			ns[i] = m->slot[j];
		}
		free(m->slot);
		m->slot = ns;
		m->cap = ncap;
	}
	e = xcalloc(1, sizeof(*e));
	e->key = strdup(map_key(key, buf));
	if (!e->key)
		die("out of memory");
	for (i = hash_str(e->key) & (m->cap - 1); m->slot[i]; i = (i + 1) & (m->cap - 1))
		;
	m->slot[i] = e;
	m->n++;
	return e;
}

/* The entries, in a fresh array sorted by cmp (a total order). */
static struct entry **map_sorted(struct map *m, int (*cmp)(const void *, const void *))
{
	struct entry **v = xcalloc(m->n + 1, sizeof(*v));
	size_t i, k = 0;

	for (i = 0; i < m->cap; i++)
		if (m->slot[i])
			v[k++] = m->slot[i];
	qsort(v, k, sizeof(*v), cmp);
	return v;
}

static void map_free(struct map *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++) {
		if (!m->slot[i])
			continue;
		free(m->slot[i]->key);
		free(m->slot[i]->low_site);
		free(m->slot[i]->decision);
		free(m->slot[i]);
	}
	free(m->slot);
	memset(m, 0, sizeof(*m));
}

/* ------------------------------------------------------------------ */
/* The model: files, boots, events.                                     */

struct where {
	unsigned file;
	unsigned long line;
};

struct chain_ent {
	int present;
	long long depth;
	long long size;
	char *loc;
};

struct event {
	unsigned long cpu, seq;
	unsigned boot;
	struct where at;		/* its title line */
	int kind;
	int imminent;
	long long left;
	char *function;
	int have_numbers;
	long long threshold, frame, dynamic, size;
	unsigned long long sp;
	int why_new_low;
	int have_who;
	char *comm;
	long long pid, who_cpu;
	int context;
	char *site;
	int have_header;
	long long declared;
	int chain_truncated;
	int nentries;			/* entries present */
	struct chain_ent chain[CHAIN_MAX];
	int complete;			/* its end line was seen */
	long long boot_size, boot_threshold, boot_reserve; /* its enabled line */
	struct event *hnext;		/* hash chain of open events */
	struct event *prev, *next;	/* open events, oldest first */
};

struct kindstat {
	unsigned long long events, truncated, imminent;
	int has_low;
	long long low;
	char *low_site;
	char low_id[48];
	unsigned low_boot;
	struct where low_at;
};

struct sumline {
	int seen;
	long long events, printed, dropped;
	int has_stepped;		/* stepped= came with the runtime's step */
	long long stepped;
	int has_low;
	long long low;
	char *at;
	struct where where;
};

struct boot {
	unsigned idx;			/* 1-based, 0 while it has nothing */
	struct where start;
	const char *marker;
	int saw_linux, saw_enabled, saw_content;
	int stamped;			/* its kernel lines carry printk times */
	long long threshold, size, reserve, sites, panic;
	long long step;			/* -1: the enabled line has no step= */
	struct kindstat k[NKINDS];
	struct sumline sum[NKINDS];
	unsigned long long dropped_lines, dropped_events;
	unsigned long long ktap_ok, ktap_not_ok;
	unsigned long long panics;
	unsigned long long mismatches;
	char *notes[NOTES_PER_BOOT];
};

struct firsts {
	unsigned long long n;
	struct where at[FIRST_N];
	struct where last;		/* note_line: one count per line */
};

#define OPEN_BUCKETS 1024

static struct {
	const char **files;
	unsigned nfiles;
	struct boot cur;
	struct boot *boots;		/* finished boots with content, listed */
	unsigned nboots_listed;
	unsigned long long nboots;
	struct event *open_hash[OPEN_BUCKETS];
	struct event *open_head, *open_tail;
	unsigned nopen;
	unsigned long long evicted;	/* open events closed by OPEN_MAX */
	struct kindstat k[NKINDS];
	struct sumline sum_total[NKINDS];	/* last summary of each boot, added */
	int sum_total_low_kind_seen[NKINDS];
	struct event *deepest[NKINDS];
	long long deepest_depth[NKINDS];
	struct map sites;
	struct map funcs;
	struct firsts skipped, orphans, truncated;
	unsigned long long overlong, lines, stackcheck_lines;
	unsigned long long dropped_events, ktap_ok, ktap_not_ok, panics;
	unsigned long long mismatches;
	unsigned long long headers_mismatch;
	int any_low;
	long long min_low;		/* lowest of blocks and summaries */
} R;

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
static void count_stackcheck_line(struct where w)
{
	static struct where last;

	if (R.stackcheck_lines && last.file == w.file && last.line == w.line)
		return;
	last = w;
	R.stackcheck_lines++;
}

static void kindstat_low(struct kindstat *ks, const struct event *ev)
{
	if (ks->has_low && ks->low <= ev->left)
		return;
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
static char *loc_function(const char *loc)
{
	const char *plus = strchr(loc, '+');

	return sdup(loc, plus && plus != loc ? (size_t)(plus - loc) : strlen(loc));
}

static void track_low(long long left)
{
	if (!R.any_low || left < R.min_low)
		R.min_low = left;
	R.any_low = 1;
}

/* An event is over (end seen, or cut off): fold it into the totals. */
static void fold_event(struct event *ev)
{
	struct kindstat *bk = &R.cur.k[ev->kind], *gk = &R.k[ev->kind];
	struct entry *e;
	long long depth = LLONG_MIN;
	int i, keep = 0;

	if (!ev->complete) {
		bk->truncated++;
		gk->truncated++;
		note_first(&R.truncated, ev->at);
	}
	kindstat_low(bk, ev);
	kindstat_low(gk, ev);
	track_low(ev->left);

	e = map_get(&R.sites, ev->function);
	if (e) {
		e->events++;
		if (e->events == 1 || ev->left < e->low) {
			e->low = ev->left;
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
		e = map_get(&R.funcs, fn);
		free(fn);
		if (e) {
			unsigned long long add = (unsigned long long)ev->chain[i].size;

			/* saturate: a sum that wrapped would be a wrong total */
			e->bytes = e->bytes > ULLONG_MAX - add ? ULLONG_MAX : e->bytes + add;
			e->frames++;
		}
	}
	if (ev->nentries) {
		struct event *best = R.deepest[ev->kind];
		long long bd = best ? R.deepest_depth[ev->kind] : 0;

		if (!best || depth > bd || (depth == bd && ev->left < best->left)) {
			event_free(best);
			R.deepest[ev->kind] = ev;
			R.deepest_depth[ev->kind] = depth;
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

static struct event *open_find(unsigned long cpu, unsigned long seq)
{
	struct event *ev;

	for (ev = R.open_hash[open_bucket(cpu, seq)]; ev; ev = ev->hnext)
		if (ev->cpu == cpu && ev->seq == seq)
			return ev;
	return NULL;
}

static void open_remove(struct event *ev)
{
	struct event **pp = &R.open_hash[open_bucket(ev->cpu, ev->seq)];

	while (*pp != ev)
		pp = &(*pp)->hnext;
	*pp = ev->hnext;
	if (ev->prev)
		ev->prev->next = ev->next;
	else
		R.open_head = ev->next;
	if (ev->next)
		ev->next->prev = ev->prev;
	else
		R.open_tail = ev->prev;
	ev->prev = ev->next = ev->hnext = NULL;
	R.nopen--;
}

static void close_event(struct event *ev)
{
	open_remove(ev);
	fold_event(ev);
}

static void open_add(struct event *ev)
{
	unsigned b = open_bucket(ev->cpu, ev->seq);

	if (R.nopen >= OPEN_MAX) {
		R.evicted++;
		close_event(R.open_head);
	}
	ev->hnext = R.open_hash[b];
	R.open_hash[b] = ev;
	ev->prev = R.open_tail;
	if (R.open_tail)
		R.open_tail->next = ev;
	else
		R.open_head = ev;
	R.open_tail = ev;
	R.nopen++;
}

static void boot_reset(struct boot *b, struct where start, const char *marker)
{
	memset(b, 0, sizeof(*b));
	b->start = start;
	b->marker = marker;
	b->threshold = b->size = b->reserve = b->sites = b->panic = -1;
	b->step = -1;
}

static void boot_note(struct boot *b, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	unsigned i;

	b->mismatches++;
	R.mismatches++;
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
static void boot_finish(void)
{
	struct boot *b = &R.cur;
	int i;

	while (R.open_head)
		close_event(R.open_head);
	if (!b->idx) {
		boot_free(b);
		return;
	}
	for (i = 0; i < NKINDS; i++) {
		struct sumline *s = &b->sum[i], *t = &R.sum_total[i];

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
	if (R.nboots_listed < BOOTS_LISTED) {
		R.boots = xrealloc(R.boots, R.nboots_listed + 1, sizeof(*R.boots));
		R.boots[R.nboots_listed++] = *b;
	} else {
		boot_free(b);
	}
	memset(b, 0, sizeof(*b));
}

/* Something of stackcheck's was seen: the current boot counts. */
static void boot_touch(void)
{
	if (!R.cur.idx)
		R.cur.idx = (unsigned)++R.nboots;
}

static void boot_begin(struct where w, const char *marker)
{
	boot_finish();
	boot_reset(&R.cur, w, marker);
}

/* ------------------------------------------------------------------ */
/* Parsing one line.                                                    */

/* A decimal integer in [lo, hi]; *p moves past it. */
static int parse_int(const char **p, long long lo, long long hi, long long *out)
{
	const char *s = *p;
	int neg = 0, digits = 0;
	long long v = 0;

	if (*s == '-') {
		neg = 1;
		s++;
	}
	while (isdigit((unsigned char)*s)) {
		if (v > VAL_MAX)
			return 0;
		v = v * 10 + (*s++ - '0');
		digits++;
	}
	if (!digits || v > VAL_MAX)
		return 0;
	if (neg)
		v = -v;
	if (v < lo || v > hi)
		return 0;
	*out = v;
	*p = s;
	return 1;
}

static int parse_hex(const char **p, unsigned long long *out)
{
	const char *s = *p;
	unsigned long long v = 0;
	int digits = 0;

	if (s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
		return 0;
	s += 2;
	while (isxdigit((unsigned char)*s)) {
		if (++digits > 16)
			return 0;
		v = v * 16 + (unsigned)(isdigit((unsigned char)*s) ? *s - '0' :
					 tolower((unsigned char)*s) - 'a' + 10);
		s++;
	}
	if (!digits)
		return 0;
	*out = v;
	*p = s;
	return 1;
}

/* The token at *p up to a space or the end; *p moves past it. */
static size_t token(const char **p, const char **start)
{
	const char *s = *p;

	*start = s;
	while (*s && *s != ' ' && *s != '\t')
		s++;
	*p = s;
	return (size_t)(s - *start);
}

static int at_end(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return *s == 0;
}

static void skip_spaces(const char **p)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
}

/*
 * A symbol from kallsyms may end with its module: "fn+0x5/0x80 [mod]" (the
 * kernel glue prints it so, as kernel stack traces do).  After the token
 * sym[0..*len) at *p: take " [mod]" into the symbol when it is there and
 * ends the line.  True when the line ends there, with or without it.
 */
static int module_suffix(const char **p, const char *sym, size_t *len)
{
	const char *s = *p, *close;

	if (at_end(s))
		return 1;
	if (s[0] != ' ' || s[1] != '[')
		return 0;
	close = s + 2;
	while (*close && *close != ']' && *close != ' ' && *close != '\t' && *close != '[')
		close++;
	if (*close != ']' || close == s + 2 || !at_end(close + 1))
		return 0;
	*len = (size_t)(close + 1 - sym);
	*p = close + 1;
	return 1;
}

static int kind_of(const char *s, size_t n)
{
	int i;

	for (i = 0; i < NKINDS; i++)
		if (strlen(kind_name[i]) == n && !strncmp(s, kind_name[i], n))
			return i;
	return -1;
}

/*
 * key=value tokens.  want[] names the keys that may be there, each at most
 * once; the first nreq of them must be.  Unknown keys are accepted.
 * vals[i] points into the line (NULL: absent), lens[i] its length.
 */
static int parse_kv_opt(const char *s, const char *const *want, int nwant,
			int nreq, const char **vals, size_t *lens)
{
	int i, seen = 0;

	for (i = 0; i < nwant; i++)
		vals[i] = NULL;
	for (;;) {
		const char *t, *eq;
		size_t n;

		skip_spaces(&s);
		if (!*s)
			break;
		n = token(&s, &t);
		eq = memchr(t, '=', n);
		if (!eq || eq == t)
			return 0;
		for (i = 0; i < nwant; i++) {
			if (strlen(want[i]) == (size_t)(eq - t) &&
			    !strncmp(t, want[i], (size_t)(eq - t))) {
				if (vals[i])
					return 0;
				vals[i] = eq + 1;
				lens[i] = n - (size_t)(eq + 1 - t);
				if (i < nreq)
					seen++;
			}
		}
	}
	return seen == nreq;
}

/* Every key of want[] required. */
static int parse_kv(const char *s, const char *const *want, int nwant,
		    const char **vals, size_t *lens)
{
	return parse_kv_opt(s, want, nwant, nwant, vals, lens);
}

/* A value from parse_kv as an integer, the whole value. */
static int kv_int(const char *v, size_t n, long long lo, long long hi, long long *out)
{
	const char *p = v;

	return n && parse_int(&p, lo, hi, out) && (size_t)(p - v) == n;
}

static int kv_kind(const char *v, size_t n)
{
	return kind_of(v, n);
}

enum line_kind {
	L_SKIP, L_TITLE, L_NUMBERS, L_WHO, L_SITE, L_HEADER, L_ENTRY, L_END,
};

struct parsed {
	enum line_kind kind;
	unsigned long cpu, seq;
	/* title */
	int stack, imminent;
	long long left;
	const char *fn;
	size_t fnlen;
	/* numbers */
	long long threshold, frame, dynamic, size;
	unsigned long long sp;
	int why_new_low;
	/* who */
	const char *comm;
	size_t commlen;
	long long pid, who_cpu;
	int context;
	/* site, entry location */
	const char *sym;
	size_t symlen;
	/* header */
	long long declared;
	int chain_truncated;
	/* entry */
	long long idx, depth, fsize;
};

static enum line_kind parse_event_body(const char *s, struct parsed *pl)
{
	const char *t;
	size_t n;

	if (starts(s, "near-overflow: ") || starts(s, "imminent-overflow: ")) {
		pl->imminent = s[0] == 'i';
		s = strchr(s, ' ') + 1;
		n = token(&s, &t);
		pl->stack = kind_of(t, n);
		if (pl->stack < 0 || !starts(s, " stack, "))
			return L_SKIP;
		s += strlen(" stack, ");
		if (!parse_int(&s, -VAL_MAX, VAL_MAX, &pl->left) || !starts(s, " bytes left in "))
			return L_SKIP;
		s += strlen(" bytes left in ");
		pl->fnlen = token(&s, &pl->fn);
		if (!pl->fnlen || !at_end(s))
			return L_SKIP;
		return L_TITLE;
	}
	if (starts(s, "stack=")) {
		static const char *const want[] = { "stack", "left", "threshold", "frame",
						    "dynamic", "size", "sp", "why" };
		const char *v[8];
		size_t l[8];
		const char *p;
		long long left;

		if (!parse_kv(s, want, 8, v, l))
			return L_SKIP;
		pl->stack = kv_kind(v[0], l[0]);
		p = v[6];
		if (pl->stack < 0 ||
		    !kv_int(v[1], l[1], -VAL_MAX, VAL_MAX, &left) ||
		    !kv_int(v[2], l[2], 0, VAL_MAX, &pl->threshold) ||
		    !kv_int(v[3], l[3], 0, VAL_MAX, &pl->frame) ||
		    !kv_int(v[4], l[4], 0, 1, &pl->dynamic) ||
		    !kv_int(v[5], l[5], 1, VAL_MAX, &pl->size) ||
		    !parse_hex(&p, &pl->sp) || (size_t)(p - v[6]) != l[6])
			return L_SKIP;
		pl->left = left;
		if (l[7] == 5 && !strncmp(v[7], "first", 5))
			pl->why_new_low = 0;
		else if (l[7] == 7 && !strncmp(v[7], "new-low", 7))
			pl->why_new_low = 1;
		else
			return L_SKIP;
		return L_NUMBERS;
	}
	if (starts(s, "comm=")) {
		static const char *const want[] = { "comm", "pid", "cpu", "context" };
		const char *v[4];
		size_t l[4];
		int i;

		if (!parse_kv(s, want, 4, v, l) || !l[0] ||
		    !kv_int(v[1], l[1], 0, VAL_MAX, &pl->pid) ||
		    !kv_int(v[2], l[2], 0, VAL_MAX, &pl->who_cpu))
			return L_SKIP;
		pl->context = -1;
		for (i = 0; i < NCONTEXTS; i++)
			if (strlen(context_name[i]) == l[3] && !strncmp(v[3], context_name[i], l[3]))
				pl->context = i;
		if (pl->context < 0)
			return L_SKIP;
		pl->comm = v[0];
		pl->commlen = l[0];
		return L_WHO;
	}
	if (starts(s, "site=")) {
		s += 5;
		pl->symlen = token(&s, &pl->sym);
		if (!pl->symlen || !module_suffix(&s, pl->sym, &pl->symlen))
			return L_SKIP;
		return L_SITE;
	}
	if (starts(s, "Depth Size Location (")) {
		s += strlen("Depth Size Location (");
		if (!parse_int(&s, 0, VAL_MAX, &pl->declared))
			return L_SKIP;
		if (starts(s, " entries)"))
			s += strlen(" entries)");
		else if (starts(s, " entries, truncated)")) {
			s += strlen(" entries, truncated)");
			pl->chain_truncated = 1;
		} else {
			return L_SKIP;
		}
		if (!at_end(s) || (!pl->chain_truncated && pl->declared > CHAIN_MAX))
			return L_SKIP;
		return L_HEADER;
	}
	if (isdigit((unsigned char)*s)) {
		if (!parse_int(&s, 0, CHAIN_MAX - 1, &pl->idx) || *s != ')')
			return L_SKIP;
		s++;
		if (*s != ' ')
			return L_SKIP;
		skip_spaces(&s);
		if (!parse_int(&s, -VAL_MAX, VAL_MAX, &pl->depth) || *s != ' ')
			return L_SKIP;
		skip_spaces(&s);
		if (!parse_int(&s, 0, VAL_MAX, &pl->fsize) || *s != ' ')
			return L_SKIP;
		skip_spaces(&s);
		pl->symlen = token(&s, &pl->sym);
		if (!pl->symlen || !module_suffix(&s, pl->sym, &pl->symlen))
			return L_SKIP;
		return L_ENTRY;
	}
	if (starts(s, "end") && at_end(s + 3))
		return L_END;
	return L_SKIP;
}

static int parse_event_line(const char *s, struct parsed *pl)
{
	long long cpu, seq;

	s++;	/* 'E' */
	if (!parse_int(&s, 0, 1 << 20, &cpu) || *s != '.')
		return 0;
	s++;
	if (!parse_int(&s, 0, VAL_MAX, &seq) || *s != ' ')
		return 0;
	skip_spaces(&s);
	pl->cpu = (unsigned long)cpu;
	pl->seq = (unsigned long)seq;
	pl->kind = parse_event_body(s, pl);
	return pl->kind != L_SKIP;
}

static void skip_line(struct where w)
{
	note_line(&R.skipped, w);
}

/* An event line that parsed: apply it to its open event. */
static void apply_event_line(struct parsed *pl, struct where w)
{
	struct event *ev = open_find(pl->cpu, pl->seq);

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
				skip_line(w);
				return;
			}
			close_event(ev);	/* its end never came */
		}
		ev = xcalloc(1, sizeof(*ev));
		ev->cpu = pl->cpu;
		ev->seq = pl->seq;
		ev->boot = R.cur.idx;
		ev->at = w;
		ev->kind = pl->stack;
		ev->imminent = pl->imminent;
		ev->left = pl->left;
		ev->function = sdup(pl->fn, pl->fnlen);
		ev->boot_size = R.cur.size;
		ev->boot_threshold = R.cur.threshold;
		ev->boot_reserve = R.cur.reserve;
		R.cur.k[ev->kind].events++;
		R.k[ev->kind].events++;
		if (ev->imminent) {
			R.cur.k[ev->kind].imminent++;
			R.k[ev->kind].imminent++;
		}
		open_add(ev);
		return;
	}
	if (!ev) {
		/* Its title is not in this boot: the log began mid-event,
		 * or the title line was lost. */
		note_line(&R.orphans, w);
		return;
	}
	switch (pl->kind) {
	case L_NUMBERS:
		if (ev->have_numbers || pl->stack != ev->kind || pl->left != ev->left) {
			skip_line(w);
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
			skip_line(w);
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
			skip_line(w);
			return;
		}
		ev->site = sdup(pl->sym, pl->symlen);
		break;
	case L_HEADER:
		if (ev->have_header) {
			skip_line(w);
			return;
		}
		ev->have_header = 1;
		ev->declared = pl->declared;
		ev->chain_truncated = pl->chain_truncated;
		break;
	case L_ENTRY:
		if (ev->chain[pl->idx].present ||
		    (ev->have_header && pl->idx >= ev->declared)) {
			skip_line(w);
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
		close_event(ev);
		break;
	default:
		break;
	}
}

/* x[5], the step, is -1 when the line has none (runtimes before it). */
static int parse_enabled(const char *s, long long *x)
{
	static const char *const want[] = { "threshold", "size", "reserve", "sites", "panic",
					    "step" };
	const char *v[6];
	size_t l[6];
	int i;

	if (!parse_kv_opt(s, want, 6, 5, v, l))
		return 0;
	x[5] = -1;
	for (i = 0; i < 6; i++)
		if (v[i] && !kv_int(v[i], l[i], i == 1 ? 1 : 0, i == 4 ? 1 : VAL_MAX, &x[i]))
			return 0;
	return 1;
}

static int parse_summary(const char *s, struct where w)
{
	static const char *const want[] = { "stack", "events", "printed", "dropped",
					    "lowest", "at", "stepped" };
	const char *v[7], *mod = strstr(s, " ["), *p;
	size_t l[7], modlen = 0;
	struct sumline sl;
	char *head = NULL;
	int kind, ok;

	memset(&sl, 0, sizeof(sl));
	/* at=fn+0x5/0x80 [mod]: the module goes with at= (the last key) */
	while (mod && (p = strstr(mod + 1, " [")))
		mod = p;
	p = mod;
	if (mod && (!module_suffix(&p, mod, &modlen) || !modlen))
		mod = NULL;
	if (mod) {
		head = xcalloc((size_t)(mod - s) + 1, 1);
		memcpy(head, s, (size_t)(mod - s));
		ok = parse_kv_opt(head, want, 7, 6, v, l) && l[5] &&
		     v[5] + l[5] == head + (mod - s);
		if (ok)		/* the values, in the line itself */
			for (kind = 0; kind < 7; kind++)
				if (v[kind])
					v[kind] = s + (v[kind] - head);
		free(head);
		if (!ok)
			return 0;
		l[5] += modlen;
	} else if (!parse_kv_opt(s, want, 7, 6, v, l)) {
		return 0;
	}
	kind = kv_kind(v[0], l[0]);
	if (kind < 0 ||
	    !kv_int(v[1], l[1], 0, VAL_MAX, &sl.events) ||
	    !kv_int(v[2], l[2], 0, VAL_MAX, &sl.printed) ||
	    !kv_int(v[3], l[3], 0, VAL_MAX, &sl.dropped) || !l[5])
		return 0;
	if (v[6] && !kv_int(v[6], l[6], 0, VAL_MAX, &sl.stepped))
		return 0;
	sl.has_stepped = v[6] != NULL;
	if (l[4] == 4 && !strncmp(v[4], "none", 4)) {
		sl.has_low = 0;
		if (!(l[5] == 1 && v[5][0] == '-'))
			return 0;
	} else if (kv_int(v[4], l[4], -VAL_MAX, VAL_MAX, &sl.low)) {
		sl.has_low = 1;
	} else {
		return 0;
	}
	sl.seen = 1;
	sl.where = w;
	sl.at = sdup(v[5], l[5]);

	boot_touch();
	{
		struct boot *b = &R.cur;
		unsigned long long blocks = b->k[kind].events;

		if ((unsigned long long)sl.printed != blocks)
			boot_note(b, "%s:%lu: summary says %s printed=%lld, the log has %llu %s block%s before it",
				  R.files[w.file], w.line, kind_name[kind], sl.printed,
				  blocks, kind_name[kind], blocks == 1 ? "" : "s");
		if (!sl.has_stepped && sl.printed + sl.dropped > sl.events)
			boot_note(b, "%s:%lu: summary says %s events=%lld < printed+dropped=%lld",
				  R.files[w.file], w.line, kind_name[kind], sl.events,
				  sl.printed + sl.dropped);
		else if (sl.has_stepped &&
			 sl.printed + sl.dropped + sl.stepped > sl.events)
			boot_note(b, "%s:%lu: summary says %s events=%lld < printed+dropped+stepped=%lld",
				  R.files[w.file], w.line, kind_name[kind], sl.events,
				  sl.printed + sl.dropped + sl.stepped);
		if (sl.has_low)
			track_low(sl.low);
		free(b->sum[kind].at);
		b->sum[kind] = sl;
	}
	return 1;
}

static int parse_dropped(const char *s)
{
	long long n;

	s += strlen("dropped ");
	if (!parse_int(&s, 0, VAL_MAX, &n) || !starts(s, " events ("))
		return 0;
	s += strlen(" events (");
	if (starts(s, "ratelimit)"))
		s += strlen("ratelimit)");
	else if (starts(s, "nested)"))
		s += strlen("nested)");
	else
		return 0;
	if (!at_end(s))
		return 0;
	boot_touch();
	R.cur.dropped_lines++;
	R.cur.dropped_events += (unsigned long long)n;
	R.dropped_events += (unsigned long long)n;
	return 1;
}

/* KTAP from the selftests: version, plan, results, diagnostics. */
static int parse_ktap(const char *s)
{
	long long n;
	const char *p;

	skip_spaces(&s);
	if (starts(s, "KTAP version ") || starts(s, "TAP version ") || *s == '#')
		return 1;
	if (starts(s, "1..")) {
		p = s + 3;
		return parse_int(&p, 0, VAL_MAX, &n) && at_end(p);
	}
	if (starts(s, "ok ") || starts(s, "not ok ")) {
		int ok = s[0] == 'o';

		p = s + (ok ? 3 : 7);
		if (!parse_int(&p, 0, VAL_MAX, &n) || (*p && *p != ' '))
			return 0;
		boot_touch();
		if (ok) {
			R.cur.ktap_ok++;
			R.ktap_ok++;
		} else {
			R.cur.ktap_not_ok++;
			R.ktap_not_ok++;
		}
		return 1;
	}
	return 0;
}

/* The text after "stackcheck: ". */
static void parse_message(const char *msg, struct where w)
{
	struct parsed pl;

	count_stackcheck_line(w);
	if (msg[0] == 'E' && isdigit((unsigned char)msg[1])) {
		memset(&pl, 0, sizeof(pl));
		if (!parse_event_line(msg, &pl)) {
			skip_line(w);
			return;
		}
		boot_touch();
		R.cur.saw_content = 1;
		apply_event_line(&pl, w);
		return;
	}
	if (starts(msg, "enabled ") || !strcmp(msg, "enabled")) {
		long long x[6];

		if (!parse_enabled(msg + 7, x)) {
			skip_line(w);
			return;
		}
		/* A second enabled, or events with no Linux banner before
		 * them: a new run of the runtime. */
		if (R.cur.saw_enabled || (R.cur.saw_content && !R.cur.saw_linux)) {
			boot_begin(w, "stackcheck: enabled");
		} else if (!R.cur.saw_linux) {
			R.cur.start = w;
			R.cur.marker = "stackcheck: enabled";
		}
		R.cur.threshold = x[0];
		R.cur.size = x[1];
		R.cur.reserve = x[2];
		R.cur.sites = x[3];
		R.cur.panic = x[4];
		R.cur.step = x[5];
		R.cur.saw_enabled = 1;
		boot_touch();
		return;
	}
	if (starts(msg, "summary ")) {
		if (!parse_summary(msg + 8, w))
			skip_line(w);
		else
			R.cur.saw_content = 1;
		return;
	}
	if (starts(msg, "dropped ")) {
		if (!parse_dropped(msg))
			skip_line(w);
		else
			R.cur.saw_content = 1;
		return;
	}
	if (starts(msg, "panic: ")) {
		/* the runtime stopped the machine after an imminent overflow */
		boot_touch();
		R.cur.saw_content = 1;
		R.cur.panics++;
		R.panics++;
		return;
	}
	if (parse_ktap(msg))
		return;
	skip_line(w);
}

/*
 * Clean a raw line in place: drop CR, NUL and other control bytes, and ANSI
 * escape sequences (CSI, OSC, two-byte ESC x).  Returns the new length.
 */
static size_t clean_line(char *s, size_t n)
{
	size_t i = 0, o = 0;

	while (i < n) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == 0x1b) {
			i++;
			if (i < n && s[i] == '[') {
				i++;
				while (i < n && (unsigned char)s[i] >= 0x20 &&
				       (unsigned char)s[i] <= 0x3f)
					i++;
				while (i < n && (unsigned char)s[i] >= 0x20 &&
				       (unsigned char)s[i] <= 0x2f)
					i++;
				if (i < n && (unsigned char)s[i] >= 0x40 &&
				    (unsigned char)s[i] <= 0x7e)
					i++;
			} else if (i < n && s[i] == ']') {
				while (i < n && s[i] != 0x07 &&
				       !(s[i] == 0x1b && i + 1 < n && s[i + 1] == '\\'))
					i++;
				i += (i < n && s[i] == 0x07) ? 1 : 2;
			} else if (i < n) {
				i++;
			}
			continue;
		}
		i++;
		if ((ch < 0x20 && ch != '\t') || ch == 0x7f)
			continue;
		s[o++] = (char)ch;
	}
	if (o > n)
		o = n;
	s[o] = 0;
	return o;
}

/*
 * Where a printk time "[    1.234567] " (CONFIG_PRINTK_CALLER adds
 * "[    T1] ") that ends right before p starts, looking no further back
 * than line; NULL when there is none.  *zero when it is 0.000000.
 */
static const char *printk_stamp_start(const char *line, const char *p, int *zero)
{
	const char *q = p, *open;
	int caller = 0;

	if (q > line && q[-1] == ' ')
		q--;
	for (;;) {
		const char *c;
		int digits = 0, dots = 0, nonzero = 0;

		if (q == line || q[-1] != ']')
			return NULL;
		for (open = q - 1; open > line && open[-1] != '[' && q - open < 32; open--)
			;
		if (open == line || open[-1] != '[')
			return NULL;
		for (c = open; c < q - 1 && *c == ' '; c++)
			;
		if (!caller && c < q - 1 && (*c == 'T' || *c == 'C')) {
			/* the caller id: the time is before it */
			for (c++; c < q - 1 && isdigit((unsigned char)*c); c++)
				;
			if (c != q - 1)
				return NULL;
			caller = 1;
			q = open - 1;
			continue;
		}
		for (; c < q - 1; c++) {
			if (*c == '.')
				dots++;
			else if (isdigit((unsigned char)*c))
				nonzero |= *c != '0', digits++;
			else
				return NULL;
		}
		if (dots != 1 || digits < 2)
			return NULL;
		*zero = !nonzero;
		return open - 1;
	}
}

/* A journalctl boot separator: "-- Boot 0123...cdef --" or "-- Reboot --". */
static int journal_boot(const char *s)
{
	int i;

	skip_spaces(&s);
	if (starts(s, "-- Reboot --"))
		return at_end(s + strlen("-- Reboot --"));
	if (!starts(s, "-- Boot "))
		return 0;
	s += strlen("-- Boot ");
	for (i = 0; isxdigit((unsigned char)s[i]); i++)
		;
	return i >= 8 && starts(s + i, " --") && at_end(s + i + 3);
}

/* One line, or one part of a line between carriage returns. */
static void handle_segment(char *line, size_t len, int overlong, struct where w)
{
	const char *p, *msg;
	char *end;
	int zero;

	len = clean_line(line, len);
	if (journal_boot(line)) {
		if (R.cur.saw_linux || R.cur.saw_enabled || R.cur.saw_content)
			boot_begin(w, "journal boot");
		else {
			R.cur.start = w;
			R.cur.marker = "journal boot";
		}
		return;
	}
	p = strstr(line, "Linux version ");
	/*
	 * The kernel's banner, printed at time 0.  Not a banner: a line with a
	 * later printk time, or one with no time amid kernel lines that have
	 * them (user space echoing /proc/version to the console), unless
	 * syslog says the kernel printed it ("host kernel: Linux version",
	 * a boot with printk.time=0 after one with times).
	 */
	if (p && isdigit((unsigned char)p[strlen("Linux version ")]) &&
	    (printk_stamp_start(line, p, &zero) ? zero :
	     !R.cur.stamped || (p - line >= 8 && !memcmp(p - 8, "kernel: ", 8)))) {
		int stamped = printk_stamp_start(line, p, &zero) != NULL;

		if (R.cur.saw_linux || R.cur.saw_enabled || R.cur.saw_content)
			boot_begin(w, "Linux version");
		else {
			R.cur.start = w;
			R.cur.marker = "Linux version";
		}
		R.cur.saw_linux = 1;
		R.cur.stamped |= stamped;
		boot_touch();
	}
	msg = strstr(line, "stackcheck: ");
	if (!msg)
		return;
	if (printk_stamp_start(line, msg, &zero))
		R.cur.stamped = 1;
	if (overlong) {
		count_stackcheck_line(w);
		skip_line(w);
		return;
	}
	/*
	 * Each "stackcheck: " starts a message: two outputs glued on one line
	 * (a line cut off, then the next one) are read as two.  No field can
	 * hold the prefix: names and comms have no spaces.
	 */
	while (msg) {
		static const char kpanic[] = "Kernel panic - not syncing: ";
		char *next, *stop, cut, keep;

		/* the kernel glue's panic("stackcheck: %s", why) */
		if ((size_t)(msg - line) >= strlen(kpanic) &&
		    !strncmp(msg - strlen(kpanic), kpanic, strlen(kpanic))) {
			count_stackcheck_line(w);
			boot_touch();
			R.cur.saw_content = 1;
			R.cur.panics++;
			R.panics++;
			msg = strstr(msg + strlen("stackcheck: "), "stackcheck: ");
			continue;
		}
		msg += strlen("stackcheck: ");
		next = strstr(msg, "stackcheck: ");
		end = next ? next : line + len;
		if (next) {
			/* the next line's printk time and level are not ours */
			const char *st = printk_stamp_start(msg, next, &zero);

			if (st)
				end = (char *)st;
			if (end - msg >= 3 && end[-1] == '>' && isdigit((unsigned char)end[-2]) &&
			    end[-3] == '<')
				end -= 3;
		}
		cut = *end;
		*end = 0;
		/* trailing blanks are not part of any field */
		stop = end;
		while (stop > msg && (stop[-1] == ' ' || stop[-1] == '\t'))
			stop--;
		keep = *stop;
		*stop = 0;
		parse_message(msg, w);
		*stop = keep;
		*end = cut;
		msg = next;
	}
}

/*
 * A line of the log.  A lone carriage return ends a line on a terminal as
 * much as a newline does: the parts between CRs are read one by one (with
 * the line number of their line), so a line a CR glued to the next is two.
 */
static void handle_line(char *line, size_t len, int overlong, struct where w)
{
	char *seg = line, *cr;

	R.lines++;
	while ((cr = memchr(seg, '\r', len - (size_t)(seg - line)))) {
		*cr = 0;
		if (cr > seg)
			handle_segment(seg, (size_t)(cr - seg), 0, w);
		seg = cr + 1;
	}
	if (seg < line + len || (overlong && seg == line))
		handle_segment(seg, len - (size_t)(seg - line), overlong, w);
}

/* ------------------------------------------------------------------ */
/* Reading.                                                             */

struct reader {
	FILE *f;
	size_t pos, len;
	int eof, err;
	unsigned char buf[1 << 16];
};

/* One line, at most cap-1 bytes kept (*overlong says more were dropped). */
static int read_line(struct reader *r, char *out, size_t cap, size_t *outlen, int *overlong)
{
	size_t n = 0;
	int got = 0;

	*overlong = 0;
	for (;;) {
		unsigned char *s, *e, *nl;
		size_t take, room;

		if (r->pos == r->len) {
			if (r->eof)
				break;
			r->len = fread(r->buf, 1, sizeof(r->buf), r->f);
			r->pos = 0;
			if (r->len == 0) {
				if (ferror(r->f))
					r->err = errno ? errno : EIO;
				r->eof = 1;
				break;
			}
		}
		got = 1;
		s = r->buf + r->pos;
		e = r->buf + r->len;
		nl = memchr(s, '\n', (size_t)(e - s));
		take = (size_t)((nl ? nl : e) - s);
		room = cap - 1 - n;
		if (take > room) {
			*overlong = 1;
			memcpy(out + n, s, room);
			n += room;
		} else {
			memcpy(out + n, s, take);
			n += take;
		}
		r->pos += take;
		if (nl) {
			r->pos++;
			break;
		}
	}
	out[n] = 0;
	*outlen = n;
	return got;
}

static void read_stream(unsigned fileidx, FILE *f, const char *path)
{
	static struct reader rd;
	static char line[LINE_CAP];
	struct where w = { fileidx, 0 };
	size_t len;
	int overlong;

	memset(&rd, 0, sizeof(rd));
	rd.f = f;
	/* Each file starts a boot of its own. */
	boot_begin((struct where){ fileidx, 1 }, "start of file");
	while (read_line(&rd, line, sizeof(line), &len, &overlong)) {
		w.line++;
		if (overlong)
			R.overlong++;
		handle_line(line, len, overlong, w);
	}
	if (rd.err)
		die("%s: read error: %s", path, strerror(rd.err));
	boot_finish();
}

static void read_log(unsigned fileidx, const char *path)
{
	struct stat st;
	FILE *f;

	if (!strcmp(path, "-")) {
		f = stdin;
	} else {
		f = fopen(path, "rb");
		if (!f)
			die("%s: %s", path, strerror(errno));
	}
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode))
		die("%s: is a directory", path);
	if (f != stdin && S_ISREG(st.st_mode)) {
		/* A rotated kern.log.2.gz given as it is: say so, not "no lines". */
		unsigned char m[6] = { 0 };
		size_t n = fread(m, 1, sizeof(m), f);
		const char *z = NULL;

		if (n >= 2 && m[0] == 0x1f && m[1] == 0x8b)
			z = "gzip";
		else if (n >= 6 && !memcmp(m, "\xfd" "7zXZ\0", 6))
			z = "xz";
		else if (n >= 4 && !memcmp(m, "\x28\xb5\x2f\xfd", 4))
			z = "zstd";
		else if (n >= 4 && !memcmp(m, "BZh", 3) && m[3] >= '1' && m[3] <= '9')
			z = "bzip2";
		if (z)
			die("%s: %s-compressed: decompress it first (e.g. %s -dc FILE | stackcheck-report -)",
			    path, z, z);
		rewind(f);
	}
	read_stream(fileidx, f, path);
	if (f != stdin)
		fclose(f);
	else
		clearerr(stdin);
}

/* ------------------------------------------------------------------ */
/* The plugin's per-function table.                                     */

static struct {
	const char *path;
	struct map byname;
	struct map byfunc;	/* "name file:line" */
	unsigned long long lines, bad, functions, checked, checked_always;
	unsigned long bad_first;
	struct map reasons;	/* skip reason -> functions */
} T;

static void read_table(const char *path)
{
	FILE *f = fopen(path, "rb");
	static struct reader rd;
	static char line[LINE_CAP];
	unsigned long ln = 0;
	size_t len;
	int overlong;

	if (!f)
		die("%s: %s", path, strerror(errno));
	T.path = path;
	T.byname.limit = T.byfunc.limit = 4 * MAP_MAX;
	T.reasons.limit = 1000;
	memset(&rd, 0, sizeof(rd));
	rd.f = f;
	while (read_line(&rd, line, sizeof(line), &len, &overlong)) {
		char *field[6], *p = line, *q;
		int nf = 0, checked;
		long long frame, dyn;
		const char *fp;
		struct entry *e;
		char key[2 * NAME_CAP + 2];

		ln++;
		if (len && line[len - 1] == '\r')
			line[--len] = 0;
		if (!len)
			continue;
		T.lines++;
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

		e = map_get(&T.byname, field[0]);
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
		e = map_get(&T.byfunc, key);
		if (e) {
			if (!e->decision || (checked && !e->checked)) {
				free(e->decision);
				e->decision = sdupz(field[4]);
			}
			e->checked |= checked;
		}
		continue;
bad:
		if (!T.bad++)
			T.bad_first = ln;
	}
	if (rd.err)
		die("%s: read error: %s", path, strerror(rd.err));
	fclose(f);
	if (T.lines == T.bad)
		die("%s: not a stackcheck table (no line 'name<TAB>file:line<TAB>frame<TAB>dynamic-sites<TAB>decision')",
		    path);
	{
		size_t i;

		for (i = 0; i < T.byfunc.cap; i++) {
			struct entry *e = T.byfunc.slot[i], *r;

			if (!e)
				continue;
			T.functions++;
			if (e->checked) {
				T.checked++;
				if (!strcmp(e->decision, "checked-always"))
					T.checked_always++;
			} else {
				r = map_get(&T.reasons, e->decision + 8);
				if (r)
					r->frames++;
			}
		}
	}
}

/* ------------------------------------------------------------------ */
/* Symbolization with elfutils libdwfl.                                 */

#ifndef STACKCHECK_REPORT_NO_DWFL
static struct {
	const char *path;
	Dwfl *dwfl;
	Dwfl_Module *mod;
	struct map syms;	/* name -> first address (frame=addr, dynamic=size) */
	struct map dup;		/* "name/size" -> address, for static duplicates */
} V;

static const Dwfl_Callbacks offline_callbacks = {
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.section_address = dwfl_offline_section_address,
};

static void open_vmlinux(const char *path)
{
	Dwarf_Addr bias;
	FILE *f;
	unsigned char magic[4];
	int i, n;

	f = fopen(path, "rb");
	if (!f)
		die("%s: %s", path, strerror(errno));
	if (fread(magic, 1, 4, f) != 4 || memcmp(magic, "\177ELF", 4)) {
		fclose(f);
		die("%s: not an ELF file (--vmlinux wants the kernel's vmlinux)", path);
	}
	fclose(f);
	/* Never ask a debuginfod server: the answer must come from the file. */
	unsetenv("DEBUGINFOD_URLS");
	V.path = path;
	V.dwfl = dwfl_begin(&offline_callbacks);
	if (!V.dwfl)
		die("%s: libdwfl: %s", path, dwfl_errmsg(-1));
	V.mod = dwfl_report_offline(V.dwfl, "vmlinux", path, -1);
	if (!V.mod)
		die("%s: %s", path, dwfl_errmsg(-1));
	dwfl_report_end(V.dwfl, NULL, NULL);
	if (!dwfl_module_getdwarf(V.mod, &bias))
		die("%s: no DWARF line information (build with CONFIG_DEBUG_INFO): %s",
		    path, dwfl_errmsg(-1));
	n = dwfl_module_getsymtab(V.mod);
	if (n <= 0)
		die("%s: no symbol table: %s", path, dwfl_errmsg(-1));
	V.syms.limit = V.dup.limit = SIZE_MAX;
	for (i = 1; i < n; i++) {
		GElf_Sym sym;
		GElf_Addr addr;
		const char *name = dwfl_module_getsym_info(V.mod, i, &sym, &addr, NULL, NULL, NULL);
		char key[NAME_CAP + 32];
		struct entry *e;

		if (!name || !*name || GELF_ST_TYPE(sym.st_info) != STT_FUNC)
			continue;
		e = map_get(&V.syms, name);
		if (e && !e->defs++) {
			e->frame = (long long)addr;
			e->dynamic = (long long)sym.st_size;
		}
		snprintf(key, sizeof(key), "%.255s/%#llx", name, (unsigned long long)sym.st_size);
		e = map_get(&V.dup, key);
		if (e && !e->defs++)
			e->frame = (long long)addr;
	}
}

/* "file:line" for a "function+off/size" location, or NULL. */
static char *symbolize(const char *loc)
{
	const char *plus = strchr(loc, '+'), *p;
	char name[NAME_CAP], key[NAME_CAP + 32];
	unsigned long long off = 0, size = 0;
	struct entry *e;
	GElf_Addr addr;
	Dwfl_Line *line;
	const char *file;
	int lineno = 0;
	char *out;

	if (!V.mod)
		return NULL;
	if (plus) {
		snprintf(name, sizeof(name), "%.*s", (int)(plus - loc), loc);
		p = plus + 1;
		if (!parse_hex(&p, &off))
			return NULL;
		if (*p == '/') {
			p++;
			if (!parse_hex(&p, &size))
				return NULL;
		}
		if (*p)		/* "[mod]": a module's, not in the vmlinux */
			return NULL;
	} else {
		snprintf(name, sizeof(name), "%s", loc);
	}
	e = NULL;
	if (size) {
		snprintf(key, sizeof(key), "%s/%#llx", name, size);
		e = map_find(&V.dup, key);
	}
	if (!e)
		e = map_find(&V.syms, name);
	if (!e)
		return NULL;
	addr = (GElf_Addr)e->frame + off;
	/* a return address: the call is the byte before */
	if (off)
		addr--;
	line = dwfl_module_getsrc(V.mod, addr);
	if (!line)
		return NULL;
	file = dwfl_lineinfo(line, NULL, &lineno, NULL, NULL, NULL);
	if (!file)
		return NULL;
	/* kernel/fork.c, not the build machine's path to it */
	{
		const char *dir = dwfl_line_comp_dir(line);
		size_t n = dir ? strlen(dir) : 0;

		if (n && !strncmp(file, dir, n) && file[n] == '/' && file[n + 1])
			file += n + 1;
	}
	if (asprintf(&out, "%s:%d", file, lineno) < 0)
		die("out of memory");
	/* sanitize like every other string we print */
	{
		char *s = sdupz(out);

		free(out);
		return s;
	}
}

#else /* STACKCHECK_REPORT_NO_DWFL: built where elfutils' headers were missing */

static struct {
	struct map syms, dup;
	void *dwfl;
} V;

static void open_vmlinux(const char *path)
{
	die("%s: this stackcheck-report was built without elfutils (libdw-dev): no --vmlinux",
	    path);
}

static char *symbolize(const char *loc)
{
	(void)loc;
	return NULL;
}
#endif

/* ------------------------------------------------------------------ */
/* Output helpers.                                                      */

static int top_n = 10;
static int opt_json;
static const char *opt_html;
static int have_fail_below;
static long long fail_below;

static int cmp_sites(const void *a, const void *b)
{
	const struct entry *x = *(struct entry *const *)a, *y = *(struct entry *const *)b;

	if (x->low != y->low)
		return x->low < y->low ? -1 : 1;
	if (x->events != y->events)
		return x->events > y->events ? -1 : 1;
	return strcmp(x->key, y->key);
}

static int cmp_funcs(const void *a, const void *b)
{
	const struct entry *x = *(struct entry *const *)a, *y = *(struct entry *const *)b;

	if (x->bytes != y->bytes)
		return x->bytes > y->bytes ? -1 : 1;
	if (x->frames != y->frames)
		return x->frames > y->frames ? -1 : 1;
	return strcmp(x->key, y->key);
}

static int cmp_reasons(const void *a, const void *b)
{
	const struct entry *x = *(struct entry *const *)a, *y = *(struct entry *const *)b;

	if (x->frames != y->frames)
		return x->frames > y->frames ? -1 : 1;
	return strcmp(x->key, y->key);
}

static unsigned long long total_events(void)
{
	unsigned long long n = 0;
	int i;

	for (i = 0; i < NKINDS; i++)
		n += R.k[i].events;
	return n;
}

static unsigned long long total_truncated(void)
{
	unsigned long long n = 0;
	int i;

	for (i = 0; i < NKINDS; i++)
		n += R.k[i].truncated;
	return n;
}

/* The stack size and threshold an event was reported against. */
static long long event_size(const struct event *ev)
{
	if (ev->have_numbers)
		return ev->size;
	return ev->boot_size > 0 ? ev->boot_size : DEFAULT_SIZE;
}

static long long event_threshold(const struct event *ev)
{
	return ev->have_numbers ? ev->threshold : ev->boot_threshold;
}

static long long event_reserve(const struct event *ev)
{
	return ev->boot_reserve;
}

static const char *file_name(unsigned idx)
{
	return strcmp(R.files[idx], "-") ? R.files[idx] : "(stdin)";
}

static int failed(void)
{
	return have_fail_below && R.any_low && R.min_low < fail_below;
}

static void print_firsts(FILE *o, const struct firsts *f)
{
	unsigned long long i;

	for (i = 0; i < f->n && i < FIRST_N; i++)
		fprintf(o, "%s%s:%lu", i ? ", " : "", file_name(f->at[i].file), f->at[i].line);
	if (f->n > FIRST_N)
		fprintf(o, ", ...");
}

static const struct entry *table_entry(const char *loc)
{
	char *fn;
	const struct entry *e;

	if (!T.path)
		return NULL;
	fn = loc_function(loc);
	e = map_find(&T.byname, fn);
	free(fn);
	return e;
}

/* ------------------------------------------------------------------ */
/* Text.                                                                */

static void text_chain(FILE *o, const struct event *ev)
{
	long long size = event_size(ev), thr = event_threshold(ev);
	int i;

	fprintf(o, "\ndeepest %s chain: E%lu.%lu (boot %u, %s:%lu), %lld bytes left of %lld",
		kind_name[ev->kind], ev->cpu, ev->seq, ev->boot, file_name(ev->at.file),
		ev->at.line, ev->left, size);
	if (thr >= 0)
		fprintf(o, ", threshold %lld", thr);
	if (ev->have_who)
		fprintf(o, ", %s pid %lld cpu %lld in %s context", ev->comm, ev->pid,
			ev->who_cpu, context_name[ev->context]);
	fprintf(o, "%s%s\n", ev->complete ? "" : " [truncated event]",
		ev->chain_truncated ? " [chain truncated]" : "");
	fprintf(o, "  %3s %7s %6s %6s  %s\n", "#", "depth", "size", "share", "location");
	for (i = 0; i < CHAIN_MAX; i++) {
		const struct chain_ent *c = &ev->chain[i];
		const struct entry *te;
		char *src;

		if (!c->present)
			continue;
		fprintf(o, "  %3d %7lld %6lld %5.1f%%  %s", i, c->depth, c->size,
			100.0 * (double)c->size / (double)size, c->loc);
		src = symbolize(c->loc);
		if (src)
			fprintf(o, "  %s", src);
		free(src);
		te = table_entry(c->loc);
		if (te)
			fprintf(o, "  [static frame %lld, %s]", te->frame, te->decision);
		fputc('\n', o);
	}
	if (ev->have_header && ev->nentries < (ev->declared < CHAIN_MAX ? ev->declared : CHAIN_MAX))
		fprintf(o, "  (%d of %lld entries in the log)\n", ev->nentries, ev->declared);
}

static void text_output(FILE *o)
{
	unsigned long long ev = total_events(), tr = total_truncated();
	struct entry **v;
	size_t i;
	int k;
	unsigned b;

	fprintf(o, "stackcheck-report: %u file%s, %llu boot%s, %llu event%s (%llu truncated), "
		"%llu skipped line%s\n",
		R.nfiles, R.nfiles == 1 ? "" : "s", R.nboots, R.nboots == 1 ? "" : "s",
		ev, ev == 1 ? "" : "s", tr, R.skipped.n, R.skipped.n == 1 ? "" : "s");
	if (!R.stackcheck_lines) {
		fprintf(o, "no stackcheck lines in the input (not a stackcheck log, or the runtime was off)\n");
	}

	fprintf(o, "\n%-8s %7s %9s %9s %8s  %s\n", "stack", "events", "imminent", "truncated",
		"lowest", "at");
	for (k = 0; k < NKINDS; k++) {
		const struct kindstat *ks = &R.k[k];

		if (ks->has_low)
			fprintf(o, "%-8s %7llu %9llu %9llu %8lld  %s (%s, boot %u, %s:%lu)\n",
				kind_name[k], ks->events, ks->imminent, ks->truncated, ks->low,
				ks->low_site, ks->low_id, ks->low_boot,
				file_name(ks->low_at.file), ks->low_at.line);
		else
			fprintf(o, "%-8s %7llu %9llu %9llu %8s  -\n", kind_name[k], ks->events,
				ks->imminent, ks->truncated, "-");
	}

	/* What the runtime itself counted, from its summary lines. */
	for (k = 0; k < NKINDS && !R.sum_total[k].seen; k++)
		;
	if (k < NKINDS) {
		fprintf(o, "\nruntime summary (last summary line of each boot, added up):\n");
		fprintf(o, "%-8s %7s %8s %8s %8s %8s  %s\n", "stack", "events", "printed",
			"dropped", "stepped", "lowest", "at");
		for (k = 0; k < NKINDS; k++) {
			const struct sumline *s = &R.sum_total[k];
			char stepped[24];

			if (!s->seen)
				continue;
			if (s->has_stepped)
				snprintf(stepped, sizeof(stepped), "%lld", s->stepped);
			else
				strcpy(stepped, "-");
			if (s->has_low)
				fprintf(o, "%-8s %7lld %8lld %8lld %8s %8lld  %s\n", kind_name[k],
					s->events, s->printed, s->dropped, stepped, s->low, s->at);
			else
				fprintf(o, "%-8s %7lld %8lld %8lld %8s %8s  -\n", kind_name[k],
					s->events, s->printed, s->dropped, stepped, "none");
		}
	}
	if (R.mismatches) {
		fprintf(o, "\ncross-check: %llu mismatch%s between summary lines and the blocks in the log"
			" (log cut off or lines lost?):\n", R.mismatches, R.mismatches == 1 ? "" : "es");
		for (b = 0; b < R.nboots_listed; b++)
			for (i = 0; i < NOTES_PER_BOOT; i++)
				if (R.boots[b].notes[i])
					fprintf(o, "  boot %u: %s\n", R.boots[b].idx, R.boots[b].notes[i]);
	} else if (k < NKINDS || R.nboots) {
		int any = 0;

		for (k = 0; k < NKINDS; k++)
			any |= R.sum_total[k].seen;
		fprintf(o, "\ncross-check: %s\n", any ?
			"summary lines match the blocks in the log" :
			"no summary line in the log: nothing to cross-check");
	}

	if (R.nboots) {
		fprintf(o, "\nboots:\n");
		for (b = 0; b < R.nboots_listed; b++) {
			const struct boot *bt = &R.boots[b];

			fprintf(o, "  boot %u at %s:%lu (%s):", bt->idx, file_name(bt->start.file),
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
				fprintf(o, " %s %llu", kind_name[k], bt->k[k].events);
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
		if (R.nboots > R.nboots_listed)
			fprintf(o, "  ... %llu more boots (counted in every total)\n",
				R.nboots - R.nboots_listed);
	}

	if (R.sites.n) {
		fprintf(o, "\nworst sites (lowest bytes left):\n");
		fprintf(o, "  %8s %-8s %7s  %s\n", "left", "stack", "events", "site");
		v = map_sorted(&R.sites, cmp_sites);
		for (i = 0; i < R.sites.n && i < (size_t)top_n; i++) {
			char *src = symbolize(v[i]->low_site);

			fprintf(o, "  %8lld %-8s %7llu  %s", v[i]->low, kind_name[v[i]->low_kind],
				v[i]->events, v[i]->low_site);
			if (src)
				fprintf(o, "  %s", src);
			fprintf(o, "  (%s, boot %u)\n", v[i]->low_id, v[i]->low_boot);
			free(src);
		}
		if (R.sites.n > (size_t)top_n)
			fprintf(o, "  ... %zu more\n", R.sites.n - (size_t)top_n);
		free(v);
	}

	for (k = 0; k < NKINDS; k++)
		if (R.deepest[k])
			text_chain(o, R.deepest[k]);

	if (R.funcs.n) {
		unsigned long long all = 0;

		for (i = 0; i < R.funcs.cap; i++)
			if (R.funcs.slot[i])
				all = all > ULLONG_MAX - R.funcs.slot[i]->bytes ? ULLONG_MAX :
				      all + R.funcs.slot[i]->bytes;
		fprintf(o, "\ndominant frames (frame bytes summed over every chain):\n");
		fprintf(o, "  %10s %7s %6s  %s\n", "bytes", "frames", "share", "function");
		v = map_sorted(&R.funcs, cmp_funcs);
		for (i = 0; i < R.funcs.n && i < (size_t)top_n; i++) {
			const struct entry *te = T.path ? map_find(&T.byname, v[i]->key) : NULL;

			fprintf(o, "  %10llu %7llu %5.1f%%  %s", v[i]->bytes, v[i]->frames,
				all ? 100.0 * (double)v[i]->bytes / (double)all : 0.0, v[i]->key);
			if (te)
				fprintf(o, "  [static frame %lld, %s]", te->frame, te->decision);
			fputc('\n', o);
		}
		if (R.funcs.n > (size_t)top_n)
			fprintf(o, "  ... %zu more\n", R.funcs.n - (size_t)top_n);
		free(v);
	}

	if (T.path) {
		fprintf(o, "\ncoverage (%s): %llu of %llu functions checked (%.1f%%), %llu of them on every call",
			T.path, T.checked, T.functions,
			T.functions ? 100.0 * (double)T.checked / (double)T.functions : 0.0,
			T.checked_always);
		if (T.reasons.n) {
			v = map_sorted(&T.reasons, cmp_reasons);
			fprintf(o, "; skipped:");
			for (i = 0; i < T.reasons.n; i++)
				fprintf(o, "%s %s %llu", i ? "," : "", v[i]->key, v[i]->frames);
			free(v);
		}
		fputc('\n', o);
		if (T.bad)
			fprintf(o, "  %llu table line%s not understood (first: line %lu)\n", T.bad,
				T.bad == 1 ? "" : "s", T.bad_first);
	}

	fprintf(o, "\nskipped: %llu line%s starting with 'stackcheck: ' not understood",
		R.skipped.n, R.skipped.n == 1 ? "" : "s");
	if (R.skipped.n) {
		fprintf(o, " (");
		print_firsts(o, &R.skipped);
		fputc(')', o);
	}
	fputc('\n', o);
	fprintf(o, "truncated: %llu event%s without an end line", tr, tr == 1 ? "" : "s");
	if (tr) {
		fprintf(o, " (");
		print_firsts(o, &R.truncated);
		fputc(')', o);
	}
	fputc('\n', o);
	if (R.orphans.n) {
		fprintf(o, "orphans: %llu event line%s whose title is not in its boot (",
			R.orphans.n, R.orphans.n == 1 ? "" : "s");
		print_firsts(o, &R.orphans);
		fprintf(o, ")\n");
	}
	if (R.overlong)
		fprintf(o, "overlong: %llu line%s longer than %d bytes (cut)\n", R.overlong,
			R.overlong == 1 ? "" : "s", LINE_CAP - 1);
	if (R.evicted)
		fprintf(o, "limit: %llu events closed early (more than %d open at once)\n",
			R.evicted, OPEN_MAX);
	if (R.sites.refused || R.funcs.refused)
		fprintf(o, "limit: more than %d distinct sites or functions: the lists are partial, the totals are not\n",
			MAP_MAX);
	if (have_fail_below)
		fprintf(o, "fail-below %lld: %s\n", fail_below,
			failed() ? "FAIL, a stack went below it" : "ok");
}

/* ------------------------------------------------------------------ */
/* JSON.                                                                */

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

static void jfirsts(FILE *o, const struct firsts *f)
{
	unsigned long long i;

	fprintf(o, "{\"count\": %llu, \"first\": [", f->n);
	for (i = 0; i < f->n && i < FIRST_N; i++) {
		fprintf(o, "%s{\"file\": ", i ? ", " : "");
		jstr(o, file_name(f->at[i].file));
		fprintf(o, ", \"line\": %lu}", f->at[i].line);
	}
	fputs("]}", o);
}

static void jlow(FILE *o, const struct kindstat *ks)
{
	if (!ks->has_low) {
		fputs("\"lowest\": null, \"at\": null, \"event\": null, \"boot\": null, "
		      "\"file\": null, \"line\": null", o);
		return;
	}
	fprintf(o, "\"lowest\": %lld, \"at\": ", ks->low);
	jstr(o, ks->low_site);
	fprintf(o, ", \"event\": \"%s\", \"boot\": %u, \"file\": ", ks->low_id, ks->low_boot);
	jstr(o, file_name(ks->low_at.file));
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

static void json_chain(FILE *o, const struct event *ev)
{
	long long size = event_size(ev), thr = event_threshold(ev);
	int i, first = 1;

	fprintf(o, "{\"event\": \"E%lu.%lu\", \"boot\": %u, \"file\": ", ev->cpu, ev->seq, ev->boot);
	jstr(o, file_name(ev->at.file));
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
	for (i = 0; i < CHAIN_MAX; i++) {
		const struct chain_ent *c = &ev->chain[i];
		const struct entry *te;
		char *src;

		if (!c->present)
			continue;
		fprintf(o, "%s\n      {\"i\": %d, \"depth\": %lld, \"size\": %lld, \"share\": %.2f, \"location\": ",
			first ? "" : ",", i, c->depth, c->size, 100.0 * (double)c->size / (double)size);
		first = 0;
		jstr(o, c->loc);
		src = symbolize(c->loc);
		fputs(", \"source\": ", o);
		jstr(o, src);
		free(src);
		te = table_entry(c->loc);
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

static void json_output(FILE *o)
{
	struct entry **v;
	size_t i;
	unsigned b;
	int k;

	fprintf(o, "{\n  \"schema\": \"stackcheck-report/1\",\n  \"files\": [");
	for (b = 0; b < R.nfiles; b++) {
		if (b)
			fputs(", ", o);
		jstr(o, file_name(b));
	}
	fprintf(o, "],\n  \"boots\": %llu,\n  \"events\": %llu,\n  \"truncated\": %llu,\n",
		R.nboots, total_events(), total_truncated());
	fputs("  \"skipped\": ", o);
	jfirsts(o, &R.skipped);
	fputs(",\n  \"orphans\": ", o);
	jfirsts(o, &R.orphans);
	fputs(",\n  \"truncated_events\": ", o);
	jfirsts(o, &R.truncated);
	fprintf(o, ",\n  \"lines\": %llu,\n  \"stackcheck_lines\": %llu,\n  \"overlong_lines\": %llu,\n",
		R.lines, R.stackcheck_lines, R.overlong);
	fprintf(o, "  \"dropped\": %llu,\n  \"panics\": %llu,\n  \"selftests\": {\"ok\": %llu, \"not_ok\": %llu},\n",
		R.dropped_events, R.panics, R.ktap_ok, R.ktap_not_ok);
	fputs("  \"stacks\": {", o);
	for (k = 0; k < NKINDS; k++) {
		fprintf(o, "%s\n    \"%s\": {\"events\": %llu, \"imminent\": %llu, \"truncated\": %llu, ",
			k ? "," : "", kind_name[k], R.k[k].events, R.k[k].imminent, R.k[k].truncated);
		jlow(o, &R.k[k]);
		fputs(", \"summary\": ", o);
		jsum(o, &R.sum_total[k]);
		fputc('}', o);
	}
	fprintf(o, "\n  },\n  \"cross_check\": {\"mismatches\": %llu, \"notes\": [", R.mismatches);
	{
		int first = 1;

		for (b = 0; b < R.nboots_listed; b++)
			for (i = 0; i < NOTES_PER_BOOT; i++)
				if (R.boots[b].notes[i]) {
					fprintf(o, "%s{\"boot\": %u, \"note\": ", first ? "" : ", ",
						R.boots[b].idx);
					jstr(o, R.boots[b].notes[i]);
					fputc('}', o);
					first = 0;
				}
	}
	fputs("]},\n  \"boot_list\": [", o);
	for (b = 0; b < R.nboots_listed; b++) {
		const struct boot *bt = &R.boots[b];

		fprintf(o, "%s\n    {\"boot\": %u, \"file\": ", b ? "," : "", bt->idx);
		jstr(o, file_name(bt->start.file));
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
				k ? ", " : "", kind_name[k], bt->k[k].events, bt->k[k].imminent,
				bt->k[k].truncated);
			jlow(o, &bt->k[k]);
			fputs(", \"summary\": ", o);
			jsum(o, &bt->sum[k]);
			fputc('}', o);
		}
		fprintf(o, "}, \"dropped\": %llu, \"panics\": %llu, \"selftests\": {\"ok\": %llu, \"not_ok\": %llu}, \"mismatches\": %llu}",
			bt->dropped_events, bt->panics, bt->ktap_ok, bt->ktap_not_ok, bt->mismatches);
	}
	fprintf(o, "\n  ],\n  \"boots_listed\": %u,\n  \"worst_sites\": [", R.nboots_listed);
	v = map_sorted(&R.sites, cmp_sites);
	for (i = 0; i < R.sites.n && i < (size_t)top_n; i++) {
		char *src = symbolize(v[i]->low_site);

		fprintf(o, "%s\n    {\"function\": ", i ? "," : "");
		jstr(o, v[i]->key);
		fputs(", \"site\": ", o);
		jstr(o, v[i]->low_site);
		fputs(", \"source\": ", o);
		jstr(o, src);
		fprintf(o, ", \"stack\": \"%s\", \"lowest\": %lld, \"events\": %llu, \"event\": \"%s\", \"boot\": %u}",
			kind_name[v[i]->low_kind], v[i]->low, v[i]->events, v[i]->low_id,
			v[i]->low_boot);
		free(src);
	}
	free(v);
	fputs("\n  ],\n  \"deepest\": {", o);
	for (k = 0; k < NKINDS; k++) {
		fprintf(o, "%s\n    \"%s\": ", k ? "," : "", kind_name[k]);
		if (R.deepest[k])
			json_chain(o, R.deepest[k]);
		else
			fputs("null", o);
	}
	fputs("\n  },\n  \"dominant\": [", o);
	v = map_sorted(&R.funcs, cmp_funcs);
	for (i = 0; i < R.funcs.n && i < (size_t)top_n; i++) {
		const struct entry *te = T.path ? map_find(&T.byname, v[i]->key) : NULL;

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
	if (T.path) {
		fprintf(o, "{\"functions\": %llu, \"checked\": %llu, \"checked_always\": %llu, \"bad_lines\": %llu, \"skipped\": {",
			T.functions, T.checked, T.checked_always, T.bad);
		v = map_sorted(&T.reasons, cmp_reasons);
		for (i = 0; i < T.reasons.n; i++) {
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
	if (have_fail_below)
		fprintf(o, "{\"bytes\": %lld, \"failed\": %s}", fail_below, failed() ? "true" : "false");
	else
		fputs("null", o);
	fputs("\n}\n", o);
}

/* ------------------------------------------------------------------ */
/* HTML.                                                                */

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
static void html_chain(FILE *o, const struct event *ev)
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
		kind_name[ev->kind], ev->cpu, ev->seq, ev->boot);
	hstr(o, file_name(ev->at.file));
	fprintf(o, ":%lu): <b>%lld bytes left</b> of %lld", ev->at.line, ev->left, size);
	if (thr >= 0)
		fprintf(o, ", threshold %lld", thr);
	if (ev->have_who) {
		fputs(", ", o);
		hstr(o, ev->comm);
		fprintf(o, " (pid %lld, cpu %lld, %s context)", ev->pid, ev->who_cpu,
			context_name[ev->context]);
	}
	fprintf(o, "%s%s</p>\n", ev->complete ? "" : " <span class=\"warn\">truncated event</span>",
		ev->chain_truncated ? " <span class=\"warn\">chain truncated</span>" : "");
	fprintf(o, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chain\" viewBox=\"0 0 1140 %d\" "
		"role=\"img\" aria-label=\"%s stack, deepest chain, to scale\">\n",
		zoomed ? 280 : 140, kind_name[ev->kind]);
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
	for (i = 0; i < CHAIN_MAX; i++) {
		const struct chain_ent *c = &ev->chain[i];
		const struct entry *te;
		char *src;

		if (!c->present)
			continue;
		fprintf(o, "<tr><td>%d</td><td>%lld</td><td>%lld</td><td>%.1f%%</td><td class=\"t\">", i,
			c->depth, c->size, 100.0 * (double)c->size / (double)size);
		hstr(o, c->loc);
		fputs("</td><td class=\"t\">", o);
		src = symbolize(c->loc);
		hstr(o, src ? src : "");
		free(src);
		fputs("</td><td class=\"t\">", o);
		te = table_entry(c->loc);
		if (te) {
			fprintf(o, "%lld, ", te->frame);
			hstr(o, te->decision);
		}
		fputs("</td></tr>\n", o);
	}
	fputs("</table>\n", o);
}

static void html_output(FILE *o)
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
		R.nfiles, R.nfiles == 1 ? "" : "s", R.nboots, R.nboots == 1 ? "" : "s",
		total_events(), total_truncated(), R.skipped.n);
	if (R.mismatches)
		fprintf(o, ", <span class=\"warn\">%llu summary mismatch%s</span>", R.mismatches,
			R.mismatches == 1 ? "" : "es");
	if (have_fail_below)
		fprintf(o, ", fail-below %lld: %s", fail_below,
			failed() ? "<span class=\"warn\">FAIL</span>" : "ok");
	fputs("</p>\n<table><tr><th>stack</th><th>events</th><th>imminent</th><th>truncated</th>"
	      "<th>lowest</th><th class=\"t\">at</th></tr>\n", o);
	for (k = 0; k < NKINDS; k++) {
		fprintf(o, "<tr><td>%s</td><td>%llu</td><td>%llu</td><td>%llu</td>", kind_name[k],
			R.k[k].events, R.k[k].imminent, R.k[k].truncated);
		if (R.k[k].has_low) {
			fprintf(o, "<td>%lld</td><td class=\"t\">", R.k[k].low);
			hstr(o, R.k[k].low_site);
			fprintf(o, " (%s, boot %u)</td></tr>\n", R.k[k].low_id, R.k[k].low_boot);
		} else {
			fputs("<td>-</td><td></td></tr>\n", o);
		}
	}
	fputs("</table>\n", o);

	for (k = 0; k < NKINDS; k++)
		if (R.deepest[k])
			html_chain(o, R.deepest[k]);

	if (R.sites.n) {
		fputs("<h2>worst sites</h2>\n<table><tr><th>left</th><th>stack</th><th>events</th>"
		      "<th class=\"t\">site</th></tr>\n", o);
		v = map_sorted(&R.sites, cmp_sites);
		for (i = 0; i < R.sites.n && i < (size_t)top_n; i++) {
			fprintf(o, "<tr><td>%lld</td><td>%s</td><td>%llu</td><td class=\"t\">",
				v[i]->low, kind_name[v[i]->low_kind], v[i]->events);
			hstr(o, v[i]->low_site);
			fputs("</td></tr>\n", o);
		}
		fputs("</table>\n", o);
		free(v);
	}
	if (R.funcs.n) {
		unsigned long long max = 0;

		v = map_sorted(&R.funcs, cmp_funcs);
		max = v[0]->bytes ? v[0]->bytes : 1;
		fputs("<h2>dominant frames (bytes summed over every chain)</h2>\n<table><tr><th>bytes</th>"
		      "<th>frames</th><th></th><th class=\"t\">function</th></tr>\n", o);
		for (i = 0; i < R.funcs.n && i < (size_t)top_n; i++) {
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
		R.skipped.n, total_truncated(), R.orphans.n);
	if (T.path)
		fprintf(o, "; coverage: %llu of %llu functions checked", T.checked, T.functions);
	fputs("</p>\n</body></html>\n", o);
}

/* ------------------------------------------------------------------ */

/*
 * The totals, checked against each other once the input is read: what the
 * report prints must add up (the per-boot counts to the global ones, the
 * sites to the events, ...).  NULL when it does; else what does not.  The
 * fuzzer aborts on a failure, so it hunts wrong totals as well as crashes.
 */
static const char *self_check(void)
{
	unsigned long long ev = 0, tr = 0, bsum[NKINDS][3] = { { 0 } }, sites = 0;
	unsigned b;
	size_t i;
	int k;

	for (k = 0; k < NKINDS; k++) {
		const struct kindstat *ks = &R.k[k];

		if (ks->truncated > ks->events || ks->imminent > ks->events)
			return "a stack has more truncated or imminent events than events";
		if (ks->has_low != (ks->events > 0))
			return "a stack's lowest does not match its events";
		if (ks->has_low && (!R.any_low || ks->low < R.min_low))
			return "a stack's lowest is below the lowest of all";
		if (R.deepest[k] && R.deepest[k]->kind != k)
			return "a deepest chain is filed under another stack";
		ev += ks->events;
		tr += ks->truncated;
	}
	if (ev != total_events() || tr != R.truncated.n)
		return "the truncated events listed are not the truncated events counted";
	if (R.stackcheck_lines > R.lines || R.skipped.n > R.stackcheck_lines ||
	    R.orphans.n > R.stackcheck_lines || R.overlong > R.lines)
		return "more skipped, orphan or stackcheck lines than lines";
	if (R.nboots_listed > R.nboots)
		return "more boots listed than counted";
	for (b = 0; b < R.nboots_listed; b++) {
		if (R.boots[b].idx != (b ? R.boots[b - 1].idx + 1 : 1))
			return "the boots are not numbered 1, 2, 3...";
		for (k = 0; k < NKINDS; k++) {
			bsum[k][0] += R.boots[b].k[k].events;
			bsum[k][1] += R.boots[b].k[k].truncated;
			bsum[k][2] += R.boots[b].k[k].imminent;
		}
	}
	if (R.nboots_listed == R.nboots)
		for (k = 0; k < NKINDS; k++)
			if (bsum[k][0] != R.k[k].events || bsum[k][1] != R.k[k].truncated ||
			    bsum[k][2] != R.k[k].imminent)
				return "the boots' events do not add up to the stacks' events";
	if (!R.sites.refused) {
		for (i = 0; i < R.sites.cap; i++)
			if (R.sites.slot[i])
				sites += R.sites.slot[i]->events;
		if (sites != ev)
			return "the sites' events do not add up to the events";
	}
	if (R.nopen)
		return "events left open after the input";
	return NULL;
}

/* Everything the model holds, freed; the model back to its start. */
static void free_all(void)
{
	int k;
	unsigned i;

	for (k = 0; k < NKINDS; k++) {
		event_free(R.deepest[k]);
		free(R.k[k].low_site);
		free(R.sum_total[k].at);
	}
	for (i = 0; i < R.nboots_listed; i++)
		boot_free(&R.boots[i]);
	free(R.boots);
	free(R.files);
	map_free(&R.sites);
	map_free(&R.funcs);
	memset(&R, 0, sizeof(R));
	map_free(&T.byname);
	map_free(&T.byfunc);
	map_free(&T.reasons);
	memset(&T, 0, sizeof(T));
	map_free(&V.syms);
	map_free(&V.dup);
#ifndef STACKCHECK_REPORT_NO_DWFL
	if (V.dwfl)
		dwfl_end(V.dwfl);
#endif
	memset(&V, 0, sizeof(V));
}

#ifdef STACKCHECK_REPORT_PERSISTENT
/*
 * AFL++ persistent mode: each input is one log, read from memory and
 * rendered as text, JSON and HTML; the model is freed between inputs (so a
 * leak or a stale pointer shows up under the fuzzer too).
 */
__AFL_FUZZ_INIT();

int main(void)
{
	static const char *const names[] = { "fuzz.log" };
	static char empty[1];
	unsigned char *buf;

	__AFL_INIT();
	buf = __AFL_FUZZ_TESTCASE_BUF;
	while (__AFL_LOOP(10000)) {
		size_t len = (size_t)__AFL_FUZZ_TESTCASE_LEN, outlen = 0;
		char *out = NULL;
		FILE *f = fmemopen(len ? (void *)buf : empty, len ? len : 1, "rb"), *o;

		if (!f)
			die("fmemopen: %s", strerror(errno));
		if (!len)
			fgetc(f);	/* an empty input: at its end at once */
		R.files = xcalloc(1, sizeof(*R.files));
		R.files[0] = names[0];
		R.nfiles = 1;
		R.sites.limit = R.funcs.limit = MAP_MAX;
		have_fail_below = 1;
		fail_below = 300;
		read_stream(0, f, names[0]);
		fclose(f);
		if (self_check())
			abort();
		o = open_memstream(&out, &outlen);
		if (!o)
			die("out of memory");
		text_output(o);
		json_output(o);
		html_output(o);
		fclose(o);
		free(out);
		free_all();
	}
	return 0;
}
#define main report_main
#endif

static const char usage_text[] =
"NAME\n"
"    stackcheck-report - say which kernel stacks came near overflow, where, from boot logs\n"
"\n"
"SYNOPSIS\n"
"    stackcheck-report [--json] [--html FILE] [--vmlinux FILE] [--table FILE]\n"
"                      [--fail-below BYTES] [--top N] LOG... [VMLINUX]\n"
"\n"
"DESCRIPTION\n"
"    Reads the stackcheck lines (runtime/LOG-FORMAT.md) out of boot logs and\n"
"    summarises them per stack kind (task, hardirq, softirq, other): events,\n"
"    lowest bytes left and where, the worst sites, the deepest chain of each\n"
"    stack kind with each frame's size and share of the stack, and the\n"
"    functions whose frames dominate across all chains.\n"
"\n"
"    A LOG is a file, or - for standard input: a serial capture (ANSI escapes,\n"
"    NUL bytes and firmware noise are dropped, a lone CR ends a line as a\n"
"    newline does, CRLF), dmesg with or without timestamps (dmesg -T, -x,\n"
"    --time-format iso), journalctl -k, syslog files (kern.log: 'Nov 30\n"
"    12:00:00 host kernel: ...'), <N> level prefixes, UTF-16 text.  A line\n"
"    is read from its 'stackcheck: '; two glued on one line are read as\n"
"    two.  A symbol may end with its module: 'fn+0x5/0x80 [mod]'.\n"
"    A boot starts at each file, at journalctl's '-- Boot ID --', at the\n"
"    kernel's 'Linux version' banner (printed at time 0: user space echoing\n"
"    /proc/version is not a boot), and at a 'stackcheck: enabled' line that\n"
"    is not the first of its boot.  Lines of one event are grouped by their\n"
"    id E<cpu>.<seq> within a boot, so interleaved CPUs are fine.\n"
"\n"
"    Counting, exactly: an event is a title line ('near-overflow:' or\n"
"    'imminent-overflow:').  An event whose 'end' line never comes (another\n"
"    title with its id, a new boot, or the end of the input comes first) is\n"
"    truncated: counted, and used for what it has.  A line that holds\n"
"    'stackcheck: ' and cannot be parsed, or repeats a line of its open\n"
"    event (its title too), is skipped: counted once, and the first few are\n"
"    quoted.  An event line whose title is not open in its\n"
"    boot is an orphan (the log began mid-event).  Each 'stackcheck: summary'\n"
"    line is cross-checked: its printed= must equal the blocks of that stack\n"
"    seen before it in the boot, its events= be at least printed= + dropped=\n"
"    + stepped= (new lows the runtime's step did not print; older runtimes\n"
"    print no stepped=); every mismatch is reported.  Lines are cut\n"
"    at 65535 bytes; a cut line holding 'stackcheck: ' is skipped.\n"
"\n"
"    An ELF file among the arguments is taken as the VMLINUX (--vmlinux).\n"
"\n"
"OPTIONS\n"
"    --json         Print JSON instead of text (schema stackcheck-report/1,\n"
"                   described in tools/stackcheck-report.md).\n"
"    --html FILE    Also write a self-contained HTML page (inline CSS and SVG,\n"
"                   no network): the deepest chain of each stack kind drawn to\n"
"                   scale against the stack size, the threshold and the reserve.\n"
"                   FILE is never one of the inputs (that is an error).\n"
"    --vmlinux FILE Symbolize chain locations function+off/size to file:line\n"
"                   with elfutils libdwfl (needs DWARF: CONFIG_DEBUG_INFO).\n"
"    --table FILE   The plugin's per-function table (-fplugin-arg-stackcheck-\n"
"                   table=FILE): adds each function's static frame and decision\n"
"                   and a coverage line (functions checked out of all).\n"
"    --fail-below BYTES\n"
"                   Exit 1 when any stack went below BYTES left: any event, or\n"
"                   any summary line's lowest= (which counts unprinted events).\n"
"    --top N        Rows in the worst-sites and dominant-frames lists (10).\n"
"    -h, --help     This text.\n"
"    --             The end of the options: what follows are LOGs.\n"
"\n"
"OUTPUT\n"
"    On stdout, text (or JSON with --json): a headline (files, boots, events,\n"
"    truncated, skipped lines); per stack kind its events, imminent ones,\n"
"    truncated ones and the lowest bytes left with its site, event id, boot\n"
"    and file:line; the runtime's own summary lines added up, and their\n"
"    cross-check against the blocks; each boot (where it starts, settings,\n"
"    events per stack, drops, selftests, panic); the worst sites; the\n"
"    deepest chain of each stack kind (depth, size, share of the stack and\n"
"    location of each frame, file:line with --vmlinux, static frame with\n"
"    --table); the dominant frames; coverage with --table; the skipped,\n"
"    orphan and truncated lines, the first few quoted as file:line.  Errors\n"
"    go to stderr as one line.  The same input gives the same bytes.\n"
"\n"
"EXIT STATUS\n"
"    0  the logs were read (with --fail-below: and no stack went below BYTES).\n"
"    1  --fail-below BYTES was given and a stack went below BYTES left.\n"
"    2  bad usage (an unknown option, a bad number), a log that is missing,\n"
"       a directory, unreadable or compressed, a vmlinux that is not ELF or\n"
"       has no DWARF, a table that is not one, an --html FILE that cannot be\n"
"       written or is an input.  One line on stderr, nothing on stdout.\n"
"    3  internal error: the totals did not add up (a bug: nothing printed).\n"
"\n"
"EXAMPLES\n"
"    stackcheck-report build/kernel/boot.log\n"
"    dmesg | stackcheck-report -\n"
"    journalctl -k -b | stackcheck-report --json - > report.json\n"
"    stackcheck-report --vmlinux vmlinux --table stackcheck.table boot.log\n"
"    stackcheck-report --html report.html --fail-below 512 serial.log || exit 1\n";

static long long parse_option_number(const char *opt, const char *arg, long long lo, long long hi)
{
	const char *p = arg;
	long long v;

	if (!parse_int(&p, lo, hi, &v) || *p)
		die("%s wants a number from %lld to %lld, not '%s' (see --help)", opt, lo, hi, arg);
	return v;
}

static int is_elf(const char *path)
{
	FILE *f;
	unsigned char m[4];
	int elf;

	if (!strcmp(path, "-"))
		return 0;
	f = fopen(path, "rb");
	if (!f)
		return 0;
	elf = fread(m, 1, 4, f) == 4 && !memcmp(m, "\177ELF", 4);
	fclose(f);
	return elf;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "html", required_argument, NULL, 'H' },
		{ "vmlinux", required_argument, NULL, 'v' },
		{ "table", required_argument, NULL, 't' },
		{ "fail-below", required_argument, NULL, 'f' },
		{ "top", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *vmlinux = NULL, *table = NULL;
	char *htmlbuf = NULL, *outbuf = NULL;
	size_t htmllen = 0, outlen = 0;
	FILE *o;
	int c, i;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'j': opt_json = 1; break;
		case 'H': opt_html = optarg; break;
		case 'v': vmlinux = optarg; break;
		case 't': table = optarg; break;
		case 'f':
			fail_below = parse_option_number("--fail-below", optarg, -VAL_MAX, VAL_MAX);
			have_fail_below = 1;
			break;
		case 'n': top_n = (int)parse_option_number("--top", optarg, 1, 100000); break;
		case 'h': fputs(usage_text, stdout); return 0;
		case ':':
			die("%s needs an argument (see --help)", argv[optind - 1]);
		default:
			/* optopt is a long option's val too: name what was typed. */
			if (optind > 1 && !strncmp(argv[optind - 1], "--", 2))
				die("unknown option, or one that takes no argument: '%s' (see --help)",
				    argv[optind - 1]);
			if (optopt)
				die("unknown option '-%c' (see --help)", optopt);
			die("unknown option '%s' (see --help)", argv[optind - 1]);
		}
	}
	R.files = xcalloc((size_t)argc, sizeof(*R.files));
	for (i = optind; i < argc; i++) {
		if (is_elf(argv[i])) {
			if (vmlinux)
				die("%s: an ELF file, but the vmlinux is already %s", argv[i], vmlinux);
			vmlinux = argv[i];
			continue;
		}
		R.files[R.nfiles++] = argv[i];
	}
	if (!R.nfiles)
		die("no log given%s (see --help)", vmlinux ? " (only an ELF file, taken as the vmlinux)" : "");
	R.sites.limit = R.funcs.limit = MAP_MAX;
	if (opt_html) {
		/* The page must never overwrite what it is made from. */
		struct stat hs, is;

		if (!*opt_html)
			die("--html wants a file name (see --help)");
		if (stat(opt_html, &hs) == 0) {
			for (i = 0; i < (int)R.nfiles + 2; i++) {
				const char *in = i < (int)R.nfiles ? R.files[i] :
						 i == (int)R.nfiles ? table : vmlinux;

				if (in && strcmp(in, "-") && stat(in, &is) == 0 &&
				    is.st_dev == hs.st_dev && is.st_ino == hs.st_ino)
					die("--html %s: that is an input, not overwriting it", opt_html);
			}
		}
	}

	if (table)
		read_table(table);
	if (vmlinux)
		open_vmlinux(vmlinux);
	memset(&R.cur, 0, sizeof(R.cur));
	for (i = 0; i < (int)R.nfiles; i++)
		read_log((unsigned)i, R.files[i]);
	{
		const char *bad = self_check();

		if (bad) {
			fprintf(stderr, "%s: internal error: %s; please report it with the log\n",
				progname, bad);
			exit(3);
		}
	}

	/* Render everything before printing anything: an error exits 2 clean. */
	if (opt_html) {
		o = open_memstream(&htmlbuf, &htmllen);
		if (!o)
			die("out of memory");
		html_output(o);
		fclose(o);
	}
	o = open_memstream(&outbuf, &outlen);
	if (!o)
		die("out of memory");
	if (opt_json)
		json_output(o);
	else
		text_output(o);
	fclose(o);
	if (opt_html) {
		FILE *h = fopen(opt_html, "wb");

		if (!h)
			die("%s: %s", opt_html, strerror(errno));
		if (fwrite(htmlbuf, 1, htmllen, h) != htmllen || fclose(h))
			die("%s: write error: %s", opt_html, strerror(errno));
	}
	if (fwrite(outbuf, 1, outlen, stdout) != outlen || fflush(stdout))
		die("standard output: write error: %s", strerror(errno));

	free(htmlbuf);
	free(outbuf);
	c = failed() ? 1 : 0;
	free_all();
	return c;
}

