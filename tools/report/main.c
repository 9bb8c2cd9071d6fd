// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck-report: the reference parser of the stackcheck log format
 * (docs/reference/log-format.md).  It reads boot logs as people have them (serial
 * captures with noise, dmesg, journalctl -k, several boots, interleaved and
 * truncated events) and says, per stack kind, what came near overflow where:
 * as text, as JSON (--json) or as a self-contained HTML page (--html).
 *
 * Every total is derived from the log alone and is deterministic.  Input is
 * hostile: lines are read into a bounded buffer, every string kept is capped
 * and sanitized to printable ASCII, every table has a size limit, and a limit
 * reached is reported, never silently turned into a wrong count.
 *
 * This file: the options, then the order of things (table, vmlinux, logs
 * into the model, the self-check, rendering, writing).  report.h lists the
 * other parts.
 */
#include "report.h"

#include <getopt.h>
#include <sys/stat.h>

static const char usage_text[] =
"NAME\n"
"    stackcheck-report - say which kernel stacks came near overflow, where, from boot logs\n"
"\n"
"SYNOPSIS\n"
"    stackcheck-report [--json] [--html FILE] [--vmlinux FILE] [--table FILE]\n"
"                      [--fail-below BYTES] [--top N] LOG... [VMLINUX]\n"
"\n"
"DESCRIPTION\n"
"    Reads the stackcheck lines (docs/reference/log-format.md) out of boot logs and\n"
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
"    kernel's 'Linux version <release> (' banner (a kernel line printed at\n"
"    time 0: user space echoing /proc/version is not a boot), and at a\n"
"    'stackcheck: enabled' line that is not the first of its boot.  Lines of one event are grouped by their\n"
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
"    print no stepped=); every mismatch is reported.  A line longer than\n"
"    65535 bytes is read in pieces cut before each 'stackcheck: '; a single\n"
"    message longer than that is skipped.\n"
"\n"
"    An ELF file among the arguments is taken as the VMLINUX (--vmlinux).\n"
"\n"
"OPTIONS\n"
"    --json         Print JSON instead of text (schema stackcheck-report/1,\n"
"                   described in docs/reference/report.md).\n"
"    --html FILE    Also write a self-contained HTML page (inline CSS and SVG,\n"
"                   no network): the deepest chain of each stack kind drawn to\n"
"                   scale against the stack size, the threshold and the reserve.\n"
"                   FILE is never one of the inputs (that is an error).\n"
"    --vmlinux FILE\n"
"                   Symbolize chain locations function+off/size to file:line\n"
"                   with elfutils libdwfl (needs DWARF: CONFIG_DEBUG_INFO).\n"
"    --table FILE   The plugin's per-function table\n"
"                   (-fplugin-arg-stackcheck-table=FILE): adds each\n"
"                   function's static frame and decision and a coverage\n"
"                   line (functions checked out of all).  The\n"
"                   format is docs/reference/table-format.md: a version it does\n"
"                   not know or a line it does not understand is an error.\n"
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
	const char *vmlinux = NULL, *table = NULL, *opt_html = NULL, **files;
	char *htmlbuf = NULL, *outbuf = NULL;
	size_t htmllen = 0, outlen = 0;
	unsigned nfiles = 0;
	struct rtable *tab = NULL;
	struct symbolizer *sym = NULL;
	struct model m;
	struct report r = { .m = &m, .top_n = 10 };
	int c, i, opt_json = 0;
	FILE *o;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'j': opt_json = 1; break;
		case 'H': opt_html = optarg; break;
		case 'v': vmlinux = optarg; break;
		case 't': table = optarg; break;
		case 'f':
			r.fail_below = parse_option_number("--fail-below", optarg, -VAL_MAX, VAL_MAX);
			r.have_fail_below = 1;
			break;
		case 'n': r.top_n = (int)parse_option_number("--top", optarg, 1, 100000); break;
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
	files = xcalloc((size_t)argc, sizeof(*files));
	for (i = optind; i < argc; i++) {
		if (is_elf(argv[i])) {
			if (vmlinux)
				die("%s: an ELF file, but the vmlinux is already %s", argv[i], vmlinux);
			vmlinux = argv[i];
			continue;
		}
		files[nfiles++] = argv[i];
	}
	if (!nfiles)
		die("no log given%s (see --help)", vmlinux ? " (only an ELF file, taken as the vmlinux)" : "");
	if (opt_html) {
		/* The page must never overwrite what it is made from. */
		struct stat hs, is;

		if (!*opt_html)
			die("--html wants a file name (see --help)");
		if (stat(opt_html, &hs) == 0) {
			for (i = 0; i < (int)nfiles + 2; i++) {
				const char *in = i < (int)nfiles ? files[i] :
						 i == (int)nfiles ? table : vmlinux;

				if (in && strcmp(in, "-") && stat(in, &is) == 0 &&
				    is.st_dev == hs.st_dev && is.st_ino == hs.st_ino)
					die("--html %s: that is an input, not overwriting it", opt_html);
			}
		}
	}

	if (table)
		tab = rtable_read(table);
	if (vmlinux)
		sym = symbolizer_open(vmlinux);
	r.t = tab;
	r.sym = sym;
	model_init(&m, files, nfiles);
	for (i = 0; i < (int)nfiles; i++)
		read_log(&m, (unsigned)i, files[i]);
	{
		const char *bad = model_self_check(&m);

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
		render_html(o, &r);
		fclose(o);
	}
	o = open_memstream(&outbuf, &outlen);
	if (!o)
		die("out of memory");
	if (opt_json)
		render_json(o, &r);
	else
		render_text(o, &r);
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
	c = report_failed(&r) ? 1 : 0;
	model_free(&m);
	rtable_free(tab);
	symbolizer_free(sym);
	return c;
}
