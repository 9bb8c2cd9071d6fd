// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck-report, --vmlinux: chain locations "function+off/size" to
 * file:line with elfutils libdwfl, from the file alone (no debuginfod).
 */
#include "report.h"

#ifndef STACKCHECK_REPORT_NO_DWFL
#include <elfutils/libdwfl.h>
#include <gelf.h>

struct symbolizer {
	const char *path;
	Dwfl *dwfl;
	Dwfl_Module *mod;
	struct map syms;	/* name -> first address (frame=addr, dynamic=size) */
	struct map dup;		/* "name/size" -> address, for static duplicates */
};

static const Dwfl_Callbacks offline_callbacks = {
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.section_address = dwfl_offline_section_address,
};

struct symbolizer *symbolizer_open(const char *path)
{
	struct symbolizer *V;
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
	V = xcalloc(1, sizeof(*V));
	V->path = path;
	V->dwfl = dwfl_begin(&offline_callbacks);
	if (!V->dwfl)
		die("%s: libdwfl: %s", path, dwfl_errmsg(-1));
	V->mod = dwfl_report_offline(V->dwfl, "vmlinux", path, -1);
	if (!V->mod)
		die("%s: %s", path, dwfl_errmsg(-1));
	dwfl_report_end(V->dwfl, NULL, NULL);
	if (!dwfl_module_getdwarf(V->mod, &bias))
		die("%s: no DWARF line information (build with CONFIG_DEBUG_INFO): %s",
		    path, dwfl_errmsg(-1));
	n = dwfl_module_getsymtab(V->mod);
	if (n <= 0)
		die("%s: no symbol table: %s", path, dwfl_errmsg(-1));
	V->syms.limit = V->dup.limit = SIZE_MAX;
	for (i = 1; i < n; i++) {
		GElf_Sym sym;
		GElf_Addr addr;
		const char *name = dwfl_module_getsym_info(V->mod, i, &sym, &addr, NULL, NULL, NULL);
		char key[NAME_CAP + 32];
		struct entry *e;

		if (!name || !*name || GELF_ST_TYPE(sym.st_info) != STT_FUNC)
			continue;
		e = map_get(&V->syms, name);
		if (e && !e->defs++) {
			e->frame = (long long)addr;
			e->dynamic = (long long)sym.st_size;
		}
		snprintf(key, sizeof(key), "%.255s/%#llx", name, (unsigned long long)sym.st_size);
		e = map_get(&V->dup, key);
		if (e && !e->defs++)
			e->frame = (long long)addr;
	}
	return V;
}

/* "file:line" for a "function+off/size" location, or NULL. */
char *symbolize(const struct symbolizer *V, const char *loc)
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

	if (!V || !V->mod)
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
		e = map_find(&V->dup, key);
	}
	if (!e)
		e = map_find(&V->syms, name);
	if (!e)
		return NULL;
	addr = (GElf_Addr)e->frame + off;
	/* a return address: the call is the byte before */
	if (off)
		addr--;
	line = dwfl_module_getsrc(V->mod, addr);
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

void symbolizer_free(struct symbolizer *V)
{
	if (!V)
		return;
	map_free(&V->syms);
	map_free(&V->dup);
	if (V->dwfl)
		dwfl_end(V->dwfl);
	free(V);
}

#else /* STACKCHECK_REPORT_NO_DWFL: built where elfutils' headers were missing */

struct symbolizer *symbolizer_open(const char *path)
{
	die("%s: this stackcheck-report was built without elfutils (libdw-dev): no --vmlinux",
	    path);
}

char *symbolize(const struct symbolizer *V, const char *loc)
{
	(void)V;
	(void)loc;
	return NULL;
}

void symbolizer_free(struct symbolizer *V)
{
	(void)V;
}
#endif

