// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck-report, the input: files read in bounded pieces, cut into
 * lines, each line cleaned of what a terminal would not show, then handed
 * to the model.  The grammar is not known here.
 */
#include "report.h"

#include <sys/stat.h>

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

/* One part of a line: cleaned, then the model's. */
static void handle_segment(struct model *m, char *s, size_t len, int overlong, struct where w)
{
	len = clean_line(s, len);
	model_segment(m, s, len, overlong, w);
}

/*
 * A line of the log.  A lone carriage return ends a line on a terminal as
 * much as a newline does: the parts between CRs are read one by one (with
 * the line number of their line), so a line a CR glued to the next is two.
 */
static void handle_line(struct model *m, char *line, size_t len, int overlong, struct where w)
{
	char *seg = line, *cr;

	model_line(m, overlong);
	while ((cr = memchr(seg, '\r', len - (size_t)(seg - line)))) {
		*cr = 0;
		if (cr > seg)
			handle_segment(m, seg, (size_t)(cr - seg), 0, w);
		seg = cr + 1;
	}
	if (seg < line + len || (overlong && seg == line))
		handle_segment(m, seg, len - (size_t)(seg - line), overlong, w);
}

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

void read_stream(struct model *m, unsigned fileidx, FILE *f, const char *path)
{
	struct reader *rd = xcalloc(1, sizeof(*rd));
	char *line = xcalloc(LINE_CAP, 1);
	struct where w = { fileidx, 0 };
	size_t len;
	int overlong;

	rd->f = f;
	model_file_begin(m, fileidx);
	while (read_line(rd, line, LINE_CAP, &len, &overlong)) {
		w.line++;
		handle_line(m, line, len, overlong, w);
	}
	if (rd->err)
		die("%s: read error: %s", path, strerror(rd->err));
	model_file_end(m);
	free(line);
	free(rd);
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
