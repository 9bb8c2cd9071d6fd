// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck: the runtime core.  Freestanding C: no libc, no Linux headers,
 * built the same for the kernel (-mregparm=3) and for user space (-m32
 * -ffreestanding).  Never instrumented: every function is stackcheck_* or
 * static inside this file, and the file is built without the plugin.
 *
 * stackcheck_locate() and stackcheck_enter() run on the nearly full stack:
 * the site's descriptor (binary search by key), the exact test, the context
 * and the per-CPU, per-context guard, nothing else.  Everything
 * else, counting, dedupe, the step, the deepest-sites table, the rate limit,
 * the log block of runtime/LOG-FORMAT.md, happens in stackcheck_report() on
 * an emergency stack.
 *
 * Concurrency: any number of CPUs, and on each CPU contexts nesting as
 * task < softirq < hardirq < nmi, each with its own guard and emergency
 * stack, so an interrupt that hits a report in progress is reported
 * synchronously too.  Shared state changes only by 32-bit atomics; the one
 * lock (the deepest-sites table) is never waited on when its holder is an
 * interrupted context of the same CPU: that update is skipped and counted.
 *
 * Formatting: a small formatter of our own (%s %c %d %u %x %lu %lx %ld),
 * so user space needs no libc here and the kernel no snprintf; lines are at
 * most STACKCHECK_LINE_MAX bytes and are cut, never overrun.
 *
 * Emergency stack used by stackcheck_report() itself (the chain array, two
 * line buffers, the who record): about 1 KiB with -O2, the rest of the
 * STACKCHECK_EMERGENCY_SIZE bytes is for the glue's print and symbolize.
 */
#include "stackcheck_glue.h"
#include "stackcheck_options.h"

#define INT_MAX_	0x7fffffff

/* stackcheck_entry.S spells these out: keep them in step. */
_Static_assert(STACKCHECK_SITE_INFO == 4 &&
	       STACKCHECK_INFO_FRAME_MASK == 0x00ffffff &&
	       STACKCHECK_INFO_LOG2_SHIFT == 24 &&
	       STACKCHECK_INFO_LOG2_MASK == 0x1f &&
	       STACKCHECK_INFO_DYNAMIC == 0x20000000 &&
	       STACKCHECK_INFO_ENTRY == 0x40000000 &&
	       __builtin_offsetof(struct stackcheck_config, threshold) == 0,
	       "stackcheck_entry.S is out of step with stackcheck.h");

/* The defaults of runtime/stackcheck_options.h, until the glue sets them. */
struct stackcheck_config stackcheck_config = {
	.threshold = STACKCHECK_THRESHOLD_DEFAULT,
	.reserve = STACKCHECK_RESERVE_DEFAULT,
	.panic = STACKCHECK_PANIC_DEFAULT,
	.burst = STACKCHECK_BURST_DEFAULT,
	.interval_ms = STACKCHECK_INTERVAL_MS_DEFAULT,
	.stack_size = STACKCHECK_STACK_SIZE_DEFAULT,
	.step = STACKCHECK_STEP_DEFAULT,
};

#define DEFAULT_LOG2	((unsigned int)__builtin_ctzl(STACKCHECK_STACK_SIZE_DEFAULT))

struct stackcheck_stats stackcheck_stats[STACKCHECK_NR_KINDS];
struct stackcheck_top stackcheck_top[STACKCHECK_TOP_SITES];

/* Published once sorted by key (stackcheck_init): until then, none. */
static struct stackcheck_site *sites_start, *sites_stop;
static const struct stackcheck_name *names_start, *names_stop;

/*
 * A call whose site is in no table (code whose table was not handed to
 * stackcheck_init(), or a call before it): the check still runs, with the
 * frame unknown (0) and the configured stack size.
 */
static struct stackcheck_site unknown_entry_site = {
	0, DEFAULT_LOG2 << STACKCHECK_INFO_LOG2_SHIFT, ~0u, 0
};
static struct stackcheck_site unknown_site = {
	0, DEFAULT_LOG2 << STACKCHECK_INFO_LOG2_SHIFT | STACKCHECK_INFO_DYNAMIC, ~0u, 0
};
static unsigned long long init_ns;
static unsigned int ratelimit_state;	/* epoch (16 bits) << 16 | count */
static unsigned int unreported_ratelimit, unreported_nested;
static unsigned long top_lock;		/* owner: cpu pointer | context */
static unsigned int top_skipped;	/* table updates skipped (nesting) */

#define atomic_load(p)		__atomic_load_n((p), __ATOMIC_ACQUIRE)
#define atomic_store(p, v)	__atomic_store_n((p), (v), __ATOMIC_RELEASE)
#define atomic_add(p, v)	__atomic_fetch_add((p), (v), __ATOMIC_RELAXED)
#define atomic_xchg(p, v)	__atomic_exchange_n((p), (v), __ATOMIC_ACQ_REL)
#define atomic_cas(p, old, new)						\
	__atomic_compare_exchange_n((p), (old), (new), 0,		\
				    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)

/* ---- the slow path, on the checked stack ---- */

/*
 * The entry test at p (testl $imm32, %esp; jz rel8) whose jz goes to the
 * call that returned to ra.
 */
static bool entry_test_at(const unsigned char *p, unsigned long ra)
{
	return p[0] == 0xf7 && p[1] == 0xc4 && p[6] == 0x74 &&
	       (unsigned long)p + 8 + (signed char)p[7] == ra - 5;
}

/*
 * The site of the slow-path call that returns to *ra_slot, from the sorted
 * descriptors: the first key at or after the return address.  A call-only
 * entry stub returns at most 15 bytes (alignment) before its test: its
 * return address is rewritten to the test's end.  Any other site resumes
 * where its call returns.  Never NULL: a site in no table gets a stand-in,
 * and its form comes from the bytes alone.  Small: it runs on the stack
 * that is nearly full, from stackcheck_entry.S.
 */
__attribute__((regparm(3)))
struct stackcheck_site *stackcheck_locate(unsigned long *ra_slot)
{
	struct stackcheck_site *start = atomic_load(&sites_start);
	struct stackcheck_site *stop = start ? atomic_load(&sites_stop) : start;
	struct stackcheck_site *lo = start, *hi = stop;
	unsigned long ra = *ra_slot;
	unsigned int i;

	while (lo < hi) {
		struct stackcheck_site *mid = lo + (hi - lo) / 2;

		if (mid->key < ra)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < stop) {
		if (!(lo->info & STACKCHECK_INFO_ENTRY)) {
			if (lo->key == ra)
				return lo;
		} else if (lo->key - ra < 16 &&
			   entry_test_at((const unsigned char *)lo->key, ra)) {
			*ra_slot = lo->key + 8;
			return lo;
		}
	}
	for (i = 0; i < 16; i++) {
		if (entry_test_at((const unsigned char *)ra + i, ra)) {
			*ra_slot = ra + i + 8;
			return &unknown_entry_site;
		}
	}
	return &unknown_site;
}

/*
 * Exact bytes left below the frame, or 0 when there is nothing to report;
 * else the address of the event record on the emergency stack.  Keep this
 * function small: its frame is on the stack that is nearly full.
 */
__attribute__((regparm(3)))
unsigned long stackcheck_enter(struct stackcheck_site *site, unsigned long sp,
			       unsigned long ra)
{
	unsigned int info = site->info;
	int adjust = ((info & STACKCHECK_INFO_DYNAMIC) ? 0 : 4) -
		     (int)(info & STACKCHECK_INFO_FRAME_MASK);
	int threshold = stackcheck_config.threshold;
	struct stackcheck_stack st;
	struct stackcheck_event *ev;
	struct stackcheck_cpu *cpu;
	enum stackcheck_context ctx;
	int left;

	/*
	 * The trampoline already rejected (sp & (size - 1)) + adjust >=
	 * threshold: on an aligned stack of the compiled size that is exact.
	 */
	if (!stackcheck_glue_stack(sp, &st))
		return 0;
	left = (int)(sp - st.bottom) + adjust;
	if (left >= threshold)
		return 0;

	ctx = stackcheck_glue_context();
	cpu = stackcheck_glue_cpu();
	if (atomic_xchg(&cpu->busy[ctx], 1)) {
		/*
		 * The runtime itself is not instrumented, but an event of
		 * this context can come while its report is open: on i386
		 * an interrupt's entry code (irq_enter_rcu, ...) runs in
		 * the interrupted task's context, on its stack, before the
		 * preempt count says hardirq.  Counted, never printed.
		 */
		atomic_add(&stackcheck_stats[st.kind].events, 1);
		atomic_add(&stackcheck_stats[st.kind].dropped, 1);
		atomic_add(&unreported_nested, 1);
		return 0;
	}
	ev = (struct stackcheck_event *)
		((stackcheck_glue_emergency_top(ctx) - sizeof(*ev)) & ~15ul);
	ev->site = site;
	ev->sp = sp;
	ev->ra = ra;
	ev->left = left;
	ev->stack = st;
	ev->cpu = cpu;
	ev->context = ctx;
	return (unsigned long)ev;
}

/* ---- formatting ---- */

struct line {
	char buf[STACKCHECK_LINE_MAX];
	unsigned int n;
};

static void put_c(struct line *l, char c)
{
	if (l->n < sizeof(l->buf) - 1)
		l->buf[l->n++] = c;
}

static void put_s(struct line *l, const char *s)
{
	if (!s)
		s = "(null)";
	while (*s)
		put_c(l, *s++);
}

static void put_u(struct line *l, unsigned long v, unsigned int base)
{
	char digits[12];
	int i = 0;

	do {
		digits[i++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (i)
		put_c(l, digits[--i]);
}

static void put_d(struct line *l, long v)
{
	if (v < 0) {
		put_c(l, '-');
		put_u(l, -(unsigned long)v, 10);
	} else {
		put_u(l, v, 10);
	}
}

/* %s %c %d %u %x, with an optional l: all 32-bit on i386. */
static void put_fmt(struct line *l, const char *f, __builtin_va_list ap)
{
	for (; *f; f++) {
		if (*f != '%') {
			put_c(l, *f);
			continue;
		}
		f++;
		if (*f == 'l')
			f++;
		switch (*f) {
		case 's':
			put_s(l, __builtin_va_arg(ap, const char *));
			break;
		case 'c':
			put_c(l, (char)__builtin_va_arg(ap, int));
			break;
		case 'd':
			put_d(l, __builtin_va_arg(ap, long));
			break;
		case 'u':
			put_u(l, __builtin_va_arg(ap, unsigned long), 10);
			break;
		case 'x':
			put_u(l, __builtin_va_arg(ap, unsigned long), 16);
			break;
		case '%':
			put_c(l, '%');
			break;
		default:
			return;
		}
	}
}

/* Append the formatted text to l, NUL-terminated. */
__printf(2, 3)
static void line_fmt(struct line *l, const char *f, ...)
{
	__builtin_va_list ap;

	__builtin_va_start(ap, f);
	put_fmt(l, f, ap);
	__builtin_va_end(ap);
	l->buf[l->n] = 0;
}

/* Print "stackcheck: " + the formatted text as one line. */
__printf(1, 2)
static void print_line(const char *f, ...)
{
	struct line l;
	__builtin_va_list ap;

	l.n = 0;
	put_s(&l, "stackcheck: ");
	__builtin_va_start(ap, f);
	put_fmt(&l, f, ap);
	__builtin_va_end(ap);
	l.buf[l.n] = 0;
	stackcheck_glue_print(l.buf);
}

/* One line of an event block: "stackcheck: E<cpu>.<seq> " + text. */
__printf(3, 4)
static void print_event_line(unsigned int cpu, unsigned int seq,
			     const char *f, ...)
{
	struct line l;
	__builtin_va_list ap;

	l.n = 0;
	put_s(&l, "stackcheck: E");
	put_u(&l, cpu, 10);
	put_c(&l, '.');
	put_u(&l, seq, 10);
	put_c(&l, ' ');
	__builtin_va_start(ap, f);
	put_fmt(&l, f, ap);
	__builtin_va_end(ap);
	l.buf[l.n] = 0;
	stackcheck_glue_print(l.buf);
}

static void print_dropped(void)
{
	unsigned int n;

	n = atomic_xchg(&unreported_ratelimit, 0);
	if (n)
		print_line("dropped %u events (ratelimit)", n);
	n = atomic_xchg(&unreported_nested, 0);
	if (n)
		print_line("dropped %u events (nested)", n);
}

/* ---- the report, on the emergency stack ---- */

/* 64-by-32 division without the libgcc helper the kernel does not have. */
static unsigned long long div_u64_u32(unsigned long long n, unsigned int d)
{
	unsigned long long q = 0, r = 0;
	int i;

	for (i = 63; i >= 0; i--) {
		r = (r << 1) | ((n >> i) & 1);
		if (r >= d) {
			r -= d;
			q |= 1ull << i;
		}
	}
	return q;
}

/*
 * True when a block may be printed now.  Fixed windows of interval_ms from
 * stackcheck_init(), at most burst blocks in each: one 32-bit word holds
 * the window number (low 16 bits) and the count, so that a single
 * compare-and-swap decides.
 */
static bool ratelimit_allows(void)
{
	unsigned int burst = stackcheck_config.burst;
	unsigned int interval = stackcheck_config.interval_ms;
	unsigned int ms, epoch, old, new;

	if (!burst || !interval)
		return true;
	ms = (unsigned int)div_u64_u32(stackcheck_glue_now_ns() - init_ns,
				       1000000);
	epoch = (ms / interval) & 0xffff;
	old = atomic_load(&ratelimit_state);
	do {
		if (old >> 16 != epoch)
			new = epoch << 16 | 1;
		else if ((old & 0xffff) < burst)
			new = old + 1;
		else
			return false;
	} while (!atomic_cas(&ratelimit_state, &old, new));
	return true;
}

/*
 * Lowers stats->lowest to left and publishes the site with it.  The low 2
 * bits of lowest_site are a counter that every publication changes: a
 * writer whose lowest was superseded between its two steps fails its
 * compare-and-swap on lowest_site, because the newer writer changed it in
 * between (it would need four newer, ever lower, publications inside two
 * instructions to be fooled).
 */
static void stats_lowest(struct stackcheck_stats *st,
			 struct stackcheck_site *site, int left)
{
	unsigned long s;
	int cur = atomic_load(&st->lowest);

	do {
		if (left >= cur)
			return;
	} while (!atomic_cas(&st->lowest, &cur, left));

	s = atomic_load(&st->lowest_site);
	do {
		if (atomic_load(&st->lowest) != left)
			return;
	} while (!atomic_cas(&st->lowest_site, &s,
			     (unsigned long)site | ((s + 1) & 3)));
}

/* Remember site among the deepest ones. */
static void top_update(struct stackcheck_event *ev)
{
	unsigned long me = (unsigned long)ev->cpu | ev->context;
	struct stackcheck_top *slot = 0, *t;
	unsigned long owner;

	for (;;) {
		owner = 0;
		if (atomic_cas(&top_lock, &owner, me))
			break;
		if ((owner & ~3ul) == (unsigned long)ev->cpu) {
			/* Held by the context we interrupted. */
			atomic_add(&top_skipped, 1);
			return;
		}
		__asm__ __volatile__("rep; nop");
	}
	for (t = stackcheck_top; t < stackcheck_top + STACKCHECK_TOP_SITES; t++) {
		if (t->site == ev->site) {
			slot = t;
			break;
		}
		if (!slot || (slot->site && (!t->site || t->left > slot->left)))
			slot = t;
	}
	if (slot->site != ev->site && slot->site && slot->left <= ev->left)
		slot = 0;
	if (slot && (slot->site != ev->site || ev->left < slot->left)) {
		slot->site = ev->site;
		slot->ra = ev->ra;
		slot->left = ev->left;
		slot->kind = ev->stack.kind;
	}
	atomic_store(&top_lock, 0);
}

/*
 * Whether a new low of a site (left, below its previous low prev) is too
 * close to it to print: both in the same band of step bytes, the bands
 * counted down from the threshold.  Bands, not the distance to the last
 * block printed: the site's low is all the state there is (one
 * compare-and-swap decides, as for the low), and a recursion, where every
 * frame is a new low, prints one block per band it enters instead of one
 * per frame.  A prev at or above the threshold (lowered since) is no band.
 */
static bool same_band(int left, int prev)
{
	unsigned int step = atomic_load(&stackcheck_config.step);
	int threshold = atomic_load(&stackcheck_config.threshold);

	if (!step || left < 0 || prev >= threshold || left >= prev)
		return false;
	return (unsigned int)(threshold - 1 - left) / step ==
	       (unsigned int)(threshold - 1 - prev) / step;
}

/* The site's lowest left; ~0u is "never", so -1 is stored as -2. */
static unsigned int low_encode(int left)
{
	return left == -1 ? (unsigned int)-2 : (unsigned int)left;
}

/* The function's name from the plugin (names=1), or NULL. */
static const char *site_name(const struct stackcheck_site *site)
{
	const struct stackcheck_name *n;

	if (!site->key)
		return 0;
	for (n = names_start; n && n < names_stop; n++)
		if (n->key == site->key)
			return n->name;
	return 0;
}

/* "fn" out of "fn+0x1/0x2"; "" when the glue could not symbolize. */
static void function_name(struct stackcheck_event *ev, char *buf,
			  unsigned int len)
{
	unsigned int i;

	const char *name = site_name(ev->site);

	if (name) {
		for (i = 0; i < len - 1 && name[i]; i++)
			buf[i] = name[i];
		buf[i] = 0;
		return;
	}
	stackcheck_glue_symbolize(ev->ra, buf, len);
	for (i = 0; buf[i]; i++)
		if (buf[i] == '+')
			buf[i] = 0;
}

struct chain_entry {
	unsigned long loc, lowest, size;
};

/*
 * The call chain, innermost first: the function that fired, its caller
 * (return address at sp), then a frame-pointer walk from fp.  Reads only
 * words inside [sp, top).  Returns the number of entries; *truncated when
 * the walk had more than STACKCHECK_CHAIN_MAX.
 */
static unsigned int build_chain(struct stackcheck_event *ev, unsigned long fp,
				struct chain_entry *c, bool *truncated)
{
	unsigned long top = ev->stack.top, sp = ev->sp;
	unsigned long loc, low, prev = 0;
	unsigned int info = ev->site->info, n = 0;

	*truncated = false;
	if (info & STACKCHECK_INFO_DYNAMIC) {
		loc = ev->ra;
		low = sp;
	} else {
		unsigned long frame = info & STACKCHECK_INFO_FRAME_MASK;

		c[n].loc = ev->ra;
		c[n].lowest = sp + 4 - frame;
		c[n++].size = frame;
		if (sp + 4 > top)
			return n;
		loc = *(unsigned long *)sp;
		low = sp + 4;
	}
	for (;;) {
		if (n == STACKCHECK_CHAIN_MAX) {
			*truncated = true;
			return n;
		}
		c[n].loc = loc;
		c[n].lowest = low;
		if (fp < low || fp > top - 8 || (fp & 3) || fp <= prev) {
			c[n++].size = top - low;
			return n;
		}
		c[n++].size = fp + 8 - low;
		loc = ((unsigned long *)fp)[1];
		low = fp + 8;
		prev = fp;
		fp = ((unsigned long *)fp)[0];
	}
}

static void print_block(struct stackcheck_event *ev, unsigned long fp,
			const char *why)
{
	struct chain_entry chain[STACKCHECK_CHAIN_MAX];
	struct stackcheck_site *site = ev->site;
	unsigned int info = site->info;
	unsigned long top = ev->stack.top;
	struct stackcheck_who who;
	char sym[96], fn[64];
	unsigned int seq, i, n;
	bool truncated;

	stackcheck_glue_who(&who);
	for (i = 0; i < sizeof(who.comm) && who.comm[i]; i++)
		if (who.comm[i] == ' ')
			who.comm[i] = '_';
	who.comm[sizeof(who.comm) - 1] = 0;
	seq = atomic_add(&ev->cpu->seq, 1) + 1;

	function_name(ev, fn, sizeof(fn));
	print_event_line(who.cpu, seq, "%s: %s stack, %d bytes left in %s",
			 ev->left < stackcheck_config.reserve ?
			 "imminent-overflow" : "near-overflow",
			 stackcheck_kind_name(ev->stack.kind), ev->left, fn[0] ? fn : "?");
	print_event_line(who.cpu, seq,
			 "stack=%s left=%d threshold=%d frame=%u dynamic=%u size=%lu sp=0x%lx why=%s",
			 stackcheck_kind_name(ev->stack.kind), ev->left,
			 stackcheck_config.threshold,
			 info & STACKCHECK_INFO_FRAME_MASK,
			 (info & STACKCHECK_INFO_DYNAMIC) ? 1u : 0u,
			 ev->stack.top - ev->stack.bottom, ev->sp, why);
	print_event_line(who.cpu, seq, "comm=%s pid=%d cpu=%u context=%s",
			 who.comm, who.pid, who.cpu,
			 stackcheck_context_name(who.context));
	stackcheck_glue_symbolize(ev->ra, sym, sizeof(sym));
	print_event_line(who.cpu, seq, "site=%s",
			 sym[0] == '0' && sym[1] == 'x' && site_name(site) ?
			 site_name(site) : sym);

	n = build_chain(ev, fp, chain, &truncated);
	print_event_line(who.cpu, seq, "Depth Size Location (%u entries%s)",
			 n, truncated ? ", truncated" : "");
	for (i = 0; i < n; i++) {
		stackcheck_glue_symbolize(chain[i].loc, sym, sizeof(sym));
		print_event_line(who.cpu, seq, "  %u) %lu %lu %s", i,
				 top - chain[i].lowest, chain[i].size, sym);
	}
	print_event_line(who.cpu, seq, "end");
}

__attribute__((regparm(3)))
void stackcheck_report(struct stackcheck_event *ev, unsigned long sp,
		       unsigned long fp)
{
	struct stackcheck_stats *st = &stackcheck_stats[ev->stack.kind];
	struct stackcheck_site *site = ev->site;
	bool imminent = ev->left < stackcheck_config.reserve;
	unsigned int low, hits;
	const char *why;

	atomic_add(&st->events, 1);
	stats_lowest(st, site, ev->left);

	hits = atomic_load(&site->hits);
	while (hits != ~0u && !atomic_cas(&site->hits, &hits, hits + 1))
		;

	/* Dedupe: print only a new low of this site. */
	low = atomic_load(&site->low);
	for (;;) {
		if (low != ~0u && ev->left >= (int)low)
			goto out;	/* quiet */
		why = low == ~0u ? "first" : "new-low";
		if (atomic_cas(&site->low, &low, low_encode(ev->left)))
			break;
	}
	top_update(ev);

	/*
	 * Step: not a block per frame of a recursion.  The low above is
	 * exact all the same; the one event that enters a band prints.
	 */
	if (low != ~0u && !imminent && same_band(ev->left, (int)low)) {
		atomic_add(&st->stepped, 1);
		goto out;
	}

	/* An imminent overflow is printed whatever the rate. */
	if (!imminent && !ratelimit_allows()) {
		atomic_add(&st->dropped, 1);
		atomic_add(&unreported_ratelimit, 1);
		goto out;
	}
	print_dropped();
	print_block(ev, fp, why);
	atomic_add(&st->printed, 1);
	if (imminent && stackcheck_config.panic) {
		atomic_store(&ev->cpu->busy[ev->context], 0);
		stackcheck_glue_panic("imminent stack overflow");
		return;
	}
out:
	atomic_store(&ev->cpu->busy[ev->context], 0);
}

/* ---- set-up and summary, from ordinary code ---- */

/* Heapsort by key: in place, no recursion, n log n on any link order. */
static void sift_down(struct stackcheck_site *a, unsigned long root,
		      unsigned long n)
{
	for (;;) {
		unsigned long child = 2 * root + 1;
		struct stackcheck_site t;

		if (child >= n)
			return;
		if (child + 1 < n && a[child + 1].key > a[child].key)
			child++;
		if (a[root].key >= a[child].key)
			return;
		t = a[root];
		a[root] = a[child];
		a[child] = t;
		root = child;
	}
}

static void sort_sites(struct stackcheck_site *a, unsigned long n)
{
	unsigned long i;
	struct stackcheck_site t;

	for (i = 0; i + 1 < n && a[i].key <= a[i + 1].key; i++)
		;
	if (i + 1 >= n)
		return;		/* already sorted */
	for (i = n / 2; i-- > 0;)
		sift_down(a, i, n);
	for (i = n; i-- > 1;) {
		t = a[0];
		a[0] = a[i];
		a[i] = t;
		sift_down(a, 0, i);
	}
}

void stackcheck_init_names(const struct stackcheck_name *start,
			   const struct stackcheck_name *stop)
{
	names_start = start;
	names_stop = stop;
}

void stackcheck_init(struct stackcheck_site *start, struct stackcheck_site *stop)
{
	unsigned int log2 = 0;
	int k;

	while ((2u << log2) <= stackcheck_config.stack_size && log2 < 31)
		log2++;
	unknown_entry_site.info = log2 << STACKCHECK_INFO_LOG2_SHIFT;
	unknown_site.info = log2 << STACKCHECK_INFO_LOG2_SHIFT |
			    STACKCHECK_INFO_DYNAMIC;
	/* Sorted before it is published: a slow path meanwhile finds none. */
	sort_sites(start, stop - start);
	atomic_store(&sites_stop, stop);
	atomic_store(&sites_start, start);
	for (k = 0; k < STACKCHECK_NR_KINDS; k++)
		stackcheck_stats[k].lowest = INT_MAX_;
	init_ns = stackcheck_glue_now_ns();
	print_line("enabled threshold=%d size=%u reserve=%d sites=%lu panic=%d step=%u",
		   stackcheck_config.threshold, stackcheck_config.stack_size,
		   stackcheck_config.reserve,
		   (unsigned long)(stop - start), stackcheck_config.panic ? 1 : 0,
		   atomic_load(&stackcheck_config.step));
}

/* What to call the lowest site of a kind in the summary. */
static void site_label(struct stackcheck_site *site, char *buf, unsigned int len)
{
	struct line l;
	unsigned int i;

	l.n = 0;
	if (site && site_name(site)) {
		put_s(&l, site_name(site));
	} else if (site) {
		for (i = 0; i < STACKCHECK_TOP_SITES; i++) {
			if (stackcheck_top[i].site == site) {
				stackcheck_glue_symbolize(stackcheck_top[i].ra,
							  buf, len);
				return;
			}
		}
		put_s(&l, "0x");
		put_u(&l, (unsigned long)site, 16);
	} else {
		put_c(&l, '-');
	}
	for (i = 0; i < l.n && i < len - 1; i++)
		buf[i] = l.buf[i];
	buf[i] = 0;
}

void stackcheck_format_summary(void (*emit)(const char *line, void *arg),
			       void *arg)
{
	char at[96];
	int k;

	for (k = 0; k < STACKCHECK_NR_KINDS; k++) {
		struct stackcheck_stats *st = &stackcheck_stats[k];
		struct stackcheck_site *site = STACKCHECK_LOWEST_SITE(st);
		struct line lowest, l;

		lowest.n = 0;
		if (site)
			put_d(&lowest, atomic_load(&st->lowest));
		else
			put_s(&lowest, "none");
		lowest.buf[lowest.n] = 0;
		site_label(site, at, sizeof(at));
		l.n = 0;
		line_fmt(&l, "summary stack=%s events=%lu printed=%lu dropped=%lu stepped=%lu lowest=%s at=%s",
			 stackcheck_kind_name(k), atomic_load(&st->events),
			 atomic_load(&st->printed),
			 atomic_load(&st->dropped),
			 atomic_load(&st->stepped), lowest.buf, at);
		emit(l.buf, arg);
	}
}

static void summary_print(const char *line, void *arg)
{
	(void)arg;
	print_line("%s", line);
}

void stackcheck_print_summary(void)
{
	print_dropped();
	stackcheck_format_summary(summary_print, 0);
}

void stackcheck_reset(void)
{
	struct stackcheck_site *s;
	int k;

	for (k = 0; k < STACKCHECK_NR_KINDS; k++) {
		struct stackcheck_stats *st = &stackcheck_stats[k];

		atomic_store(&st->events, 0);
		atomic_store(&st->printed, 0);
		atomic_store(&st->dropped, 0);
		atomic_store(&st->stepped, 0);
		atomic_store(&st->lowest, INT_MAX_);
		atomic_store(&st->lowest_site, 0);
	}
	for (k = 0; k < STACKCHECK_TOP_SITES; k++) {
		stackcheck_top[k].site = 0;
		stackcheck_top[k].left = 0;
	}
	for (s = sites_start; s < sites_stop; s++) {
		atomic_store(&s->low, ~0u);
		atomic_store(&s->hits, 0);
	}
	atomic_store(&ratelimit_state, 0);
	atomic_store(&unreported_ratelimit, 0);
	atomic_store(&unreported_nested, 0);
	init_ns = stackcheck_glue_now_ns();
}
