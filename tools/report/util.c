// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck-report, what every part uses: errors, memory, capped and
 * sanitized strings, and a string-keyed map with a size limit (the log is
 * hostile: nothing it says may grow a table without bound).
 */
#include "report.h"

const char *progname = "stackcheck-report";

void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die("out of memory");
	return p;
}

void *xrealloc(void *old, size_t n, size_t size)
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
char *sdup(const char *s, size_t len)
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

char *sdupz(const char *s)
{
	return sdup(s, strnlen(s, NAME_CAP));
}

int starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* A string-keyed hash map with a size limit. */

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

struct entry *map_find(const struct map *m, const char *key)
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
struct entry *map_get(struct map *m, const char *key)
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
struct entry **map_sorted(const struct map *m, int (*cmp)(const void *, const void *))
{
	struct entry **v = xcalloc(m->n + 1, sizeof(*v));
	size_t i, k = 0;

	for (i = 0; i < m->cap; i++)
		if (m->slot[i])
			v[k++] = m->slot[i];
	qsort(v, k, sizeof(*v), cmp);
	return v;
}

void map_free(struct map *m)
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
