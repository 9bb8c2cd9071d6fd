// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck-report's AFL++ harness (make fuzz-report), linked with every
 * part but main.c.  Persistent mode: each input is one log, read from
 * memory and rendered as text, JSON and HTML; the model is freed between
 * inputs, so a leak or a stale pointer shows up under the fuzzer too, and a
 * failed self-check aborts: the fuzzer hunts wrong totals as well as crashes.
 */
#include "report.h"

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
		const char **files = xcalloc(1, sizeof(*files));
		struct model m;
		struct report r = {
			.m = &m, .top_n = 10, .have_fail_below = 1, .fail_below = 300,
		};

		if (!f)
			die("fmemopen: %s", strerror(errno));
		if (!len)
			fgetc(f);	/* an empty input: at its end at once */
		files[0] = names[0];
		model_init(&m, files, 1);
		read_stream(&m, 0, f, names[0]);
		fclose(f);
		if (model_self_check(&m))
			abort();
		o = open_memstream(&out, &outlen);
		if (!o)
			die("out of memory");
		render_text(o, &r);
		render_json(o, &r);
		render_html(o, &r);
		fclose(o);
		free(out);
		model_free(&m);
	}
	return 0;
}
