/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stackcheck-report's parts (docs/reference/report.md says what the tool
 * does).  One program of a few parts, each with one job:
 *
 *	input.c		reading files, cutting them into lines, cleaning lines
 *	parse.c		the log grammar (docs/reference/log-format.md): text to values
 *	model.c		the model: boots, events, totals; its only writer
 *	query.c		read-only questions asked of the model
 *	table.c		the plugin's per-function table, indexed for the report
 *	symbolize.c	function+off/size to file:line (--vmlinux, libdwfl)
 *	render_*.c	text, JSON and HTML, from a const model
 *	util.c		memory, capped strings, the string-keyed map
 *	main.c		options and the order of things; fuzz.c the AFL++ harness
 *
 * Renderers only read: they get a const struct report, never the model to
 * change.  No part keeps mutable state another part sees.
 */
#ifndef STACKCHECK_REPORT_H
#define STACKCHECK_REPORT_H

#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The stack kinds and the contexts, and their names: defined there only. */
#include "stackcheck.h"

#define LINE_CAP	65536		/* bytes of one log line kept */
#define NAME_CAP	256		/* bytes of one symbol/comm kept */
#define CHAIN_MAX	32		/* entries of one chain (docs/reference/log-format.md) */
#define OPEN_MAX	4096		/* events open at once in one boot */
#define MAP_MAX		100000		/* distinct sites/functions tracked */
#define BOOTS_LISTED	10000		/* boots described one by one */
#define FIRST_N		5		/* line numbers quoted per problem */
#define NOTES_PER_BOOT	4		/* cross-check messages kept per boot */
#define VAL_MAX		(1LL << 40)	/* any number in the log, in magnitude */
#define DEFAULT_SIZE	8192		/* THREAD_SIZE, when the log says none */

/* The report's stack kinds are the runtime's, "other" included. */
#define NKINDS		STACKCHECK_NR_KINDS
#define NCONTEXTS	STACKCHECK_NR_CONTEXTS

/* util.c */

extern const char *progname;

void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *old, size_t n, size_t size);
char *sdup(const char *s, size_t len);
char *sdupz(const char *s);
int starts(const char *s, const char *prefix);

/* A string-keyed hash map with a size limit. */
struct entry {
	char *key;
	/* worst sites */
	unsigned long long events;
	long long low;
	int low_kind;
	char *low_site;
	char low_id[48];
	unsigned low_boot;
	unsigned long long low_ordinal;	/* the low's event: ties go to the first */
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


struct entry *map_find(const struct map *m, const char *key);
struct entry *map_get(struct map *m, const char *key);
struct entry **map_sorted(const struct map *m, int (*cmp)(const void *, const void *));
void map_free(struct map *m);

/* The model: files, boots, events (model.c writes it, alone). */

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
	unsigned long long ordinal;	/* titles before it in the input, + 1 */
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
	unsigned long long low_ordinal;	/* the low's event: ties go to the first */
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

struct model {
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
	struct event *deepest[NKINDS];
	long long deepest_depth[NKINDS];
	struct map sites;
	struct map funcs;
	struct firsts skipped, orphans, truncated;
	unsigned long long overlong, lines, stackcheck_lines;
	unsigned long long dropped_events, ktap_ok, ktap_not_ok, panics;
	unsigned long long mismatches;
	int any_low;
	long long min_low;		/* lowest of blocks and summaries */
	struct where last_sc_line;	/* count_stackcheck_line: one per line */
	unsigned long long titles;	/* event titles read: their ordinals */
};

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


/* parse.c: the log grammar; it fills structs, it never changes the model. */

enum msg_type {
	MSG_SKIP,		/* holds "stackcheck: ", means nothing known */
	MSG_EVENT,		/* E<cpu>.<seq> ...: ev */
	MSG_ENABLED,		/* enabled ...: enabled[] */
	MSG_SUMMARY,		/* summary ...: sum */
	MSG_DROPPED,		/* dropped N events (...): dropped */
	MSG_PANIC,		/* panic: ... */
	MSG_KTAP,		/* KTAP version, plan, diagnostics */
	MSG_KTAP_OK,
	MSG_KTAP_NOT_OK,
};

struct parsed_summary {
	int kind;
	long long events, printed, dropped;
	int has_stepped;
	long long stepped;
	int has_low;
	long long low;
	const char *at;			/* into the line */
	size_t atlen;
};

struct message {
	enum msg_type type;
	struct parsed ev;
	long long enabled[6];		/* threshold size reserve sites panic step */
	struct parsed_summary sum;
	long long dropped;
};

int parse_int(const char **p, long long lo, long long hi, long long *out);
int parse_hex(const char **p, unsigned long long *out);
enum msg_type parse_message(const char *msg, struct message *pm);
const char *printk_stamp_start(const char *line, const char *p, int *zero);
int journal_boot(const char *s);
char *message_end(char *msg, char *next);
int parse_banner(const char *line, int boot_stamped, int *stamped);

/* model.c: the model's one writer; query.c: the questions asked of it. */

void model_init(struct model *m, const char **files, unsigned nfiles);
void model_file_begin(struct model *m, unsigned fileidx);
void model_file_end(struct model *m);
void model_line(struct model *m, int overlong);
void model_segment(struct model *m, char *line, size_t len, int overlong, struct where w);
const char *model_self_check(const struct model *m);
void model_free(struct model *m);

unsigned long long model_total_events(const struct model *m);
unsigned long long model_total_truncated(const struct model *m);
const char *model_file_name(const struct model *m, unsigned idx);
int model_below(const struct model *m, long long bytes);
long long event_size(const struct event *ev);
long long event_threshold(const struct event *ev);
long long event_reserve(const struct event *ev);
char *loc_function(const char *loc);
int cmp_sites(const void *a, const void *b);
int cmp_funcs(const void *a, const void *b);
int chain_next(const struct event *ev, int i);

/* input.c */

void read_stream(struct model *m, unsigned fileidx, FILE *f, const char *path);
void read_log(struct model *m, unsigned fileidx, const char *path);

/* table.c: the plugin's table, by function name (--table) */

struct rtable {
	const char *path;
	struct map byname;
	struct map byfunc;	/* "name file:line" */
	unsigned long long functions, checked, checked_always;
	struct map reasons;	/* skip reason -> functions */
};

struct rtable *rtable_read(const char *path);
const struct entry *rtable_entry(const struct rtable *t, const char *loc);
const struct entry *rtable_function(const struct rtable *t, const char *fn);
int cmp_reasons(const void *a, const void *b);
void rtable_free(struct rtable *t);

/* symbolize.c (--vmlinux) */

struct symbolizer;

struct symbolizer *symbolizer_open(const char *path);
char *symbolize(const struct symbolizer *s, const char *loc);
void symbolizer_free(struct symbolizer *s);

/* render_*.c: what they read, all of it const. */

struct report {
	const struct model *m;
	const struct rtable *t;		/* NULL without --table */
	const struct symbolizer *sym;	/* NULL without --vmlinux */
	int top_n;
	int have_fail_below;
	long long fail_below;
};

static inline int report_failed(const struct report *r)
{
	return r->have_fail_below && model_below(r->m, r->fail_below);
}

void render_text(FILE *o, const struct report *r);
void render_json(FILE *o, const struct report *r);
void render_html(FILE *o, const struct report *r);

#endif /* STACKCHECK_REPORT_H */
