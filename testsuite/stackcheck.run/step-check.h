/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The step (STACKCHECK_STEP) against the truth: a small-frame recursion,
 * where every frame is a new low of the one site, run from 2 KiB above the
 * task stack's bottom down to STEP_STOP bytes above it (at most 300
 * levels).  Each level's CFA gives its exact bytes left; from them the test
 * models what the runtime must do (count every call below the threshold,
 * keep the exact low, print the first event, every imminent one and the
 * first in each band of step bytes below the threshold, count the rest as
 * stepped) and checks
 * the blocks printed, the site's descriptor and the counters against it.
 * Not a test itself (run.exp globs *.c): step*.c define STEP (the value in
 * force) and STEP_STOP, and include it.
 */
#ifndef STEP_CHECK_H
#define STEP_CHECK_H

#include "run-common.h"
#include "stackcheck_glue.h"

#define THRESHOLD	1024	/* the defaults: step*.c set only the step */
#define RESERVE		256
#define LEVELS		300

extern struct stackcheck_site __start___stackcheck_sites[]
	__attribute__((weak, visibility("hidden")));
extern struct stackcheck_site __stop___stackcheck_sites[]
	__attribute__((weak, visibility("hidden")));
extern struct stackcheck_name __start___stackcheck_names[]
	__attribute__((weak, visibility("hidden")));
extern struct stackcheck_name __stop___stackcheck_names[]
	__attribute__((weak, visibility("hidden")));

static unsigned long cfa[LEVELS + 1];
static unsigned long stop_at;
static int deepest = LEVELS + 1;
static int imminent_blocks;		/* imminent-overflow blocks printed */
static volatile int sink;

/* Static, recursive, 16 bytes of locals: callee-skip=0 keeps it checked. */
static __attribute__((noinline)) int down(int n)
{
	volatile int pad[4];

	cfa[n] = (unsigned long)__builtin_dwarf_cfa();
	deepest = n;
	pad[0] = n;
	if (!n || cfa[n] < stop_at)
		return 0;
	return down(n - 1) + pad[0];
}

static void start(void)
{
	sink = down(LEVELS);
}

static struct stackcheck_site *site_of(const char *fn)
{
	struct stackcheck_name *n;
	struct stackcheck_site *s;

	for (n = __start___stackcheck_names; n < __stop___stackcheck_names; n++)
		if (!strcmp(n->name, fn))
			for (s = __start___stackcheck_sites;
			     s < __stop___stackcheck_sites; s++)
				if (s->key == n->key)
					return s;
	return 0;
}

/* Bands of STEP bytes left, counted down from the threshold. */
static long band(long left)
{
	return (THRESHOLD - 1 - left) / (STEP ? STEP : 1);
}

static int step_check(void)
{
	unsigned long bottom = stack_bottom(KIND_TASK);
	long want[LEVELS + 1], got[LEVELS + 1];
	int nwant = 0, ngot = 0, events = 0, i, l;
	struct stackcheck_site *site = site_of("down");
	long frame, left, low = THRESHOLD, lowest;
	char summary[128];

	CHECK(site != 0, "no descriptor for down");
	if (!site)
		return 1;
	frame = site->info & STACKCHECK_INFO_FRAME_MASK;
	stop_at = bottom + STEP_STOP;
	capture_start();
	call_at(bottom + 2048, start);
	stackcheck_user_set_print_hook(0);

	/* The model: every level a call below the threshold is an event. */
	for (i = LEVELS; i >= deepest; i--) {
		left = (long)(cfa[i] - bottom) - frame;
		if (left >= THRESHOLD)
			continue;
		CHECK(left < low, "level %d: left=%ld not below %ld", i, left,
		      low);
		if (events == 0 || left < RESERVE || STEP == 0 ||
		    band(left) != band(low))
			want[nwant++] = left;
		low = left;
		events++;
	}
	lowest = low;
	printf("frame %ld, %d levels, %d events, lowest %ld, %d blocks due\n",
	       frame, LEVELS - deepest + 1, events, lowest, nwant);
	CHECK(deepest > 0, "the recursion hit its 300 levels before the stop");
	CHECK(events >= 20, "only %d events: not a recursion through the zone",
	      events);

	/* The blocks printed: exactly the model's, in order. */
	for (l = 0; (l = find_line(l, "stack=task left=", NULL)) >= 0; l++) {
		if (ngot <= LEVELS)
			got[ngot++] = field(captured[l], "left=", 0);
		CHECK(strstr(captured[l], ngot == 1 ? " why=first" :
			     " why=new-low"), "%s", captured[l]);
	}
	CHECK(ngot == nwant, "%d blocks printed, %d due", ngot, nwant);
	for (i = 0; i < ngot && i < nwant; i++)
		CHECK(got[i] == want[i], "block %d: left=%ld, due %ld", i,
		      got[i], want[i]);
	for (i = 0; i < ngot; i++)
		printf("block %d: left=%ld\n", i, got[i]);
	for (l = 0; (l = find_line(l, "imminent-overflow: task", NULL)) >= 0; l++)
		imminent_blocks++;

	/* Lows, hits and counters stay exact whatever was printed. */
	CHECK((int)site->low == lowest, "site low=%d, truth %ld",
	      (int)site->low, lowest);
	CHECK(site->hits == (unsigned int)events, "site hits=%u, events %d",
	      site->hits, events);
	CHECK(stackcheck_stats[STACKCHECK_TASK].events == (unsigned long)events &&
	      stackcheck_stats[STACKCHECK_TASK].printed == (unsigned long)ngot &&
	      stackcheck_stats[STACKCHECK_TASK].stepped ==
	      (unsigned long)(events - ngot) &&
	      stackcheck_stats[STACKCHECK_TASK].dropped == 0 &&
	      stackcheck_stats[STACKCHECK_TASK].lowest == lowest,
	      "stats events=%lu printed=%lu stepped=%lu lowest=%d",
	      stackcheck_stats[STACKCHECK_TASK].events,
	      stackcheck_stats[STACKCHECK_TASK].printed,
	      stackcheck_stats[STACKCHECK_TASK].stepped,
	      stackcheck_stats[STACKCHECK_TASK].lowest);
	CHECK(stackcheck_user_canary_intact(KIND_TASK), "canary below task");

	/* The summary line says the same. */
	snprintf(summary, sizeof(summary),
		 "stackcheck: summary stack=task events=%d printed=%d dropped=0 stepped=%d lowest=%ld at=down",
		 events, ngot, events - ngot, lowest);
	capture_start();
	stackcheck_print_summary();
	stackcheck_user_set_print_hook(0);
	CHECK(find_line(0, summary, NULL) >= 0, "no line '%s'", summary);
	return failures ? 1 : 0;
}

#endif /* STEP_CHECK_H */
