// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck-report, the input: files read in bounded pieces, cut into
 * lines, each line cleaned of what a terminal would not show, then handed
 * to the model.  The grammar is not known here.
 */
#include "report.h"

#include <sys/stat.h>

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
 * Lines.  A line ends at "\n"; line numbers count those, as grep -n and
 * sed do.  A lone "\r" ends a part of a line, read as a line of its own
 * with its line's number (a terminal shows it so; a serial capture may end
 * every line with it).  A part is gathered in a buffer of LINE_CAP bytes;
 * one that fills it is cut before its last "stackcheck: " (and that
 * message's printk time and level), so an overlong line loses no message;
 * only a single message longer than the buffer is skipped, and what
 * follows it up to the next message dropped.
 */
#define KEEP_TAIL	64	/* bytes kept when noise fills the buffer */

struct reader {
	FILE *f;
	size_t pos, len;
	int err;
	struct model *m;
	struct where w;
	char *part;			/* LINE_CAP bytes: the part being read */
	size_t n;
	int dropping;			/* the rest of an overlong message */
	int line_overlong;		/* this line filled the buffer */
	char *scratch;			/* LINE_CAP bytes: a part handed on */
	unsigned char buf[1 << 16];
};

/* The first k bytes of the part, cleaned, to the model; the rest kept. */
static void hand_on(struct reader *r, size_t k, int overlong)
{
	size_t len;

	memcpy(r->scratch, r->part, k);
	len = clean_line(r->scratch, k);
	model_segment(r->m, r->scratch, len, overlong, r->w);
	memmove(r->part, r->part + k, r->n - k);
	r->n -= k;
}

static void drop(struct reader *r, size_t k)
{
	memmove(r->part, r->part + k, r->n - k);
	r->n -= k;
}

/* Where "stackcheck: " is in the part: the first or the last; -1: none. */
static long find_message(const struct reader *r, int last)
{
	static const char pfx[] = "stackcheck: ";
	const size_t plen = sizeof(pfx) - 1;
	long found = -1;
	size_t i;

	for (i = 0; i + plen <= r->n; i++)
		if (r->part[i] == 's' && !memcmp(r->part + i, pfx, plen)) {
			found = (long)i;
			if (!last)
				break;
		}
	return found;
}

/* Where a message at p starts with its printk time and level. */
static size_t message_start(struct reader *r, long p)
{
	char save = r->part[p];
	size_t cut;

	/* message_end reads a string: the part is not one, p is its end */
	r->part[p] = 0;
	cut = (size_t)(message_end(r->part, r->part + p) - r->part);
	r->part[p] = save;
	return cut;
}

/* Still dropping an overlong message: up to the next message, if any. */
static void drop_overlong(struct reader *r)
{
	long q = find_message(r, 0);

	if (q >= 0) {
		drop(r, message_start(r, q));
		r->dropping = 0;
	} else if (r->n > KEEP_TAIL) {
		drop(r, r->n - KEEP_TAIL);
	}
}

/* The buffer is full and no line end came. */
static void part_full(struct reader *r)
{
	long p;
	size_t cut;

	r->line_overlong = 1;
	if (r->dropping) {
		drop_overlong(r);
		if (r->n < LINE_CAP - 1)
			return;
	}
	p = find_message(r, 1);
	if (p < 0) {
		/* noise: on, but a message's start may be in its tail */
		hand_on(r, r->n - KEEP_TAIL, 0);
		return;
	}
	cut = message_start(r, p);
	if (cut > 0) {
		hand_on(r, cut, 0);
		return;
	}
	/* One message fills the buffer: skipped (counted), the rest dropped. */
	hand_on(r, r->n, 1);
	r->dropping = 1;
}

/* A line end (CR or LF): the part, whole, to the model. */
static void part_end(struct reader *r)
{
	if (r->dropping) {
		drop_overlong(r);
		if (r->dropping)
			r->n = 0;
		r->dropping = 0;
	}
	if (r->n)
		hand_on(r, r->n, 0);
}

void read_stream(struct model *m, unsigned fileidx, FILE *f, const char *path)
{
	struct reader *r = xcalloc(1, sizeof(*r));
	int in_line = 0;

	r->f = f;
	r->m = m;
	r->w.file = fileidx;
	r->part = xcalloc(LINE_CAP, 1);
	r->scratch = xcalloc(LINE_CAP, 1);
	model_file_begin(m, fileidx);
	for (;;) {
		unsigned char c;

		if (r->pos == r->len) {
			r->len = fread(r->buf, 1, sizeof(r->buf), r->f);
			r->pos = 0;
			if (r->len == 0) {
				if (ferror(r->f))
					r->err = errno ? errno : EIO;
				break;
			}
		}
		c = r->buf[r->pos++];
		if (!in_line) {
			in_line = 1;
			r->w.line++;
			r->line_overlong = 0;
		}
		if (c == '\n' || c == '\r') {
			part_end(r);
			if (c == '\n') {
				model_line(m, r->line_overlong);
				in_line = 0;
			}
			continue;
		}
		if (r->n == LINE_CAP - 1)
			part_full(r);
		r->part[r->n++] = (char)c;
	}
	if (in_line) {
		part_end(r);
		model_line(m, r->line_overlong);
	}
	if (r->err)
		die("%s: read error: %s", path, strerror(r->err));
	model_file_end(m);
	free(r->part);
	free(r->scratch);
	free(r);
}

void read_log(struct model *m, unsigned fileidx, const char *path)
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
	read_stream(m, fileidx, f, path);
	if (f != stdin)
		fclose(f);
	else
		clearerr(stdin);
}
