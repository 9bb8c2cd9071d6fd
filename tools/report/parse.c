// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck-report, the grammar: docs/reference/log-format.md turned into values.
 * Every function here reads text and fills a struct; none touches the model,
 * so what a line means is decided here and what it does to the totals in
 * model.c.
 */
#include "report.h"

/* A decimal integer in [lo, hi]; *p moves past it. */
int parse_int(const char **p, long long lo, long long hi, long long *out)
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

int parse_hex(const char **p, unsigned long long *out)
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
		if (strlen(stackcheck_kind_name(i)) == n &&
		    !strncmp(s, stackcheck_kind_name(i), n))
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
			if (strlen(stackcheck_context_name(i)) == l[3] &&
			    !strncmp(v[3], stackcheck_context_name(i), l[3]))
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

/* sm->at points into s (at= may end with " [mod]", kept with it). */
static int parse_summary(const char *s, struct parsed_summary *sm)
{
	static const char *const want[] = { "stack", "events", "printed", "dropped",
					    "lowest", "at", "stepped" };
	const char *v[7], *mod = strstr(s, " ["), *p;
	size_t l[7], modlen = 0;
	char *head = NULL;
	int kind, ok;

	memset(sm, 0, sizeof(*sm));
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
	    !kv_int(v[1], l[1], 0, VAL_MAX, &sm->events) ||
	    !kv_int(v[2], l[2], 0, VAL_MAX, &sm->printed) ||
	    !kv_int(v[3], l[3], 0, VAL_MAX, &sm->dropped) || !l[5])
		return 0;
	if (v[6] && !kv_int(v[6], l[6], 0, VAL_MAX, &sm->stepped))
		return 0;
	sm->has_stepped = v[6] != NULL;
	if (l[4] == 4 && !strncmp(v[4], "none", 4)) {
		sm->has_low = 0;
		if (!(l[5] == 1 && v[5][0] == '-'))
			return 0;
	} else if (kv_int(v[4], l[4], -VAL_MAX, VAL_MAX, &sm->low)) {
		sm->has_low = 1;
	} else {
		return 0;
	}
	sm->kind = kind;
	sm->at = v[5];
	sm->atlen = l[5];
	return 1;
}

static int parse_dropped(const char *s, long long *n)
{
	s += strlen("dropped ");
	if (!parse_int(&s, 0, VAL_MAX, n) || !starts(s, " events ("))
		return 0;
	s += strlen(" events (");
	if (starts(s, "ratelimit)"))
		s += strlen("ratelimit)");
	else if (starts(s, "nested)"))
		s += strlen("nested)");
	else
		return 0;
	return at_end(s);
}

/* KTAP from the selftests: version, plan, results, diagnostics. */
static enum msg_type parse_ktap(const char *s)
{
	long long n;
	const char *p;

	skip_spaces(&s);
	if (starts(s, "KTAP version ") || starts(s, "TAP version ") || *s == '#')
		return MSG_KTAP;
	if (starts(s, "1..")) {
		p = s + 3;
		return parse_int(&p, 0, VAL_MAX, &n) && at_end(p) ? MSG_KTAP : MSG_SKIP;
	}
	if (starts(s, "ok ") || starts(s, "not ok ")) {
		int ok = s[0] == 'o';

		p = s + (ok ? 3 : 7);
		if (!parse_int(&p, 0, VAL_MAX, &n) || (*p && *p != ' '))
			return MSG_SKIP;
		return ok ? MSG_KTAP_OK : MSG_KTAP_NOT_OK;
	}
	return MSG_SKIP;
}

/* The text after "stackcheck: ", one message: what it is, its values. */
enum msg_type parse_message(const char *msg, struct message *pm)
{
	memset(pm, 0, sizeof(*pm));
	if (msg[0] == 'E' && isdigit((unsigned char)msg[1]))
		pm->type = parse_event_line(msg, &pm->ev) ? MSG_EVENT : MSG_SKIP;
	else if (starts(msg, "enabled ") || !strcmp(msg, "enabled"))
		pm->type = parse_enabled(msg + 7, pm->enabled) ? MSG_ENABLED : MSG_SKIP;
	else if (starts(msg, "summary "))
		pm->type = parse_summary(msg + 8, &pm->sum) ? MSG_SUMMARY : MSG_SKIP;
	else if (starts(msg, "dropped "))
		pm->type = parse_dropped(msg, &pm->dropped) ? MSG_DROPPED : MSG_SKIP;
	else if (starts(msg, "panic: "))
		/* the runtime stopped the machine after an imminent overflow */
		pm->type = MSG_PANIC;
	else
		pm->type = parse_ktap(msg);
	return pm->type;
}

/*
 * Where a printk time "[    1.234567] " (CONFIG_PRINTK_CALLER adds
 * "[    T1] ") that ends right before p starts, looking no further back
 * than line; NULL when there is none.  *zero when it is 0.000000.
 */
const char *printk_stamp_start(const char *line, const char *p, int *zero)
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
int journal_boot(const char *s)
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

/*
 * Where the message that starts at msg ends when another "stackcheck: "
 * follows at next on the same line: before the next one's printk time and
 * <N> level, which are not part of this one.
 */
char *message_end(char *msg, char *next)
{
	char *end = next;
	int zero;
	const char *st = printk_stamp_start(msg, next, &zero);

	if (st)
		end = (char *)st;
	if (end - msg >= 3 && end[-1] == '>' && isdigit((unsigned char)end[-2]) &&
	    end[-3] == '<')
		end -= 3;
	return end;
}

/*
 * Before p, from the right: what a kernel line may carry before its text.
 * Printk times (with a caller id), <N> levels, dmesg -T's "[Mon Nov 30
 * 12:00:00 2026]", dmesg -x's "kern  :notice: ", an ISO time (dmesg
 * --time-format iso, journalctl -o short-iso without a host).  Returns
 * where they start; *syslog when syslog or the journal says the kernel
 * printed the line ("host kernel: ").
 */
static const char *kernel_prefix_start(const char *line, const char *p, int *syslog)
{
	*syslog = 0;
	for (;;) {
		const char *s = p, *t;
		int zero;

		while (s > line && (s[-1] == ' ' || s[-1] == '\t'))
			s--;
		if (s == line)
			return s;
		/*
		 * syslog's and the journal's "host kernel: ": the kernel's
		 * tag, not a program's message that says "kernel:" (its own
		 * tag, "app[123]: ", would come before it).
		 */
		if (s - line >= 8 && !memcmp(s - 8, " kernel:", 8) &&
		    !memmem(line, (size_t)(s - 8 - line), ": ", 2)) {
			*syslog = 1;
			return s - 7;
		}
		t = printk_stamp_start(line, s, &zero);
		if (!t && s[-1] == '>') {
			/* a level: <N>, with a facility <NN>, <NNN> */
			for (t = s - 1; t > line && t - s > -5 && isdigit((unsigned char)t[-1]); t--)
				;
			t = t > line && t[-1] == '<' && t < s - 1 ? t - 1 : NULL;
		}
		if (!t && s[-1] == ']') {
			/* dmesg -T: "[Www Mmm dd hh:mm:ss yyyy]" */
			for (t = s - 1; t > line && t[-1] != '[' && s - t < 32; t--)
				;
			t = t > line && t[-1] == '[' && s - t == 25 && isupper((unsigned char)t[0]) &&
			    t[3] == ' ' && t[7] == ' ' && t[13] == ':' && t[16] == ':' ? t - 1 : NULL;
		}
		if (!t && s[-1] == ':') {
			/* dmesg -x: "kern  :notice: " */
			for (t = s - 1; t > line && islower((unsigned char)t[-1]); t--)
				;
			while (t > line && t[-1] == ' ')
				t--;
			t = t - line >= 5 && t[-1] == ':' && t < s - 1 ? t - 1 : NULL;
			while (t && t > line && t[-1] == ' ')
				t--;
			if (t && (t - line < 4 || memcmp(t - 4, "kern", 4)))
				t = NULL;
			else if (t)
				t -= 4;
		}
		if (!t) {
			/* an ISO time: 2026-11-30T12:00:00,123456+00:00 */
			for (t = s; t > line && (isdigit((unsigned char)t[-1]) ||
						 strchr("-T:,.+", t[-1])); t--)
				;
			if (!(s - t >= 19 && isdigit((unsigned char)t[0]) && t[4] == '-' &&
			      t[10] == 'T'))
				t = NULL;
		}
		if (!t)
			return s;
		p = t;
	}
}

/*
 * The kernel's banner, "Linux version <release> (...", printed at time 0,
 * and only by the kernel.  Not a banner: a line another program printed
 * (user space echoing /proc/version, in syslog "host app[123]: Linux
 * version ..."): before the banner only a kernel line's prefixes may come
 * (kernel_prefix_start); a line with a printk time later than 0; a line
 * with no time amid kernel lines that have them (the echo on a console),
 * unless syslog says the kernel printed it ("host kernel: Linux version",
 * a boot with printk.time=0 after one with times).  boot_stamped: the
 * current boot's kernel lines carry printk times.  *stamped: this one does.
 */
int parse_banner(const char *line, int boot_stamped, int *stamped)
{
	const char *p = strstr(line, "Linux version "), *r;
	int zero, syslog;

	if (!p)
		return 0;
	/* the release, then " (": the banner's shape */
	r = p + strlen("Linux version ");
	if (!isdigit((unsigned char)*r))
		return 0;
	while (*r && *r != ' ' && *r != '\t')
		r++;
	if (!starts(r, " ("))
		return 0;
	if (kernel_prefix_start(line, p, &syslog) != line && !syslog)
		return 0;
	*stamped = printk_stamp_start(line, p, &zero) != NULL;
	if (*stamped)
		return zero;
	return !boot_stamped || syslog;
}
