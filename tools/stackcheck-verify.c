// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck-verify: prove from the final machine code that no stack
 * overflow can go unseen through the checks the stackcheck plugin skipped.
 *
 * It trusts nothing the plugin says.  From an i386 ELF file (a relocatable
 * object, an executable or vmlinux) it finds which functions carry an entry
 * test (test $MASK,%esp; je stub, or a call of __stackcheck_slowpath at
 * every entry), how many bytes each test reserves (the frame of its site
 * descriptor in __stackcheck_sites), how deep each function's own code goes
 * (a dataflow over its instructions tracking %esp), and the direct call
 * graph (calls and tail-call jumps, from the disassembly and, in objects,
 * the relocations).  Then, with reach(F) the deepest any path from F's entry
 * goes through functions without a test:
 *
 *	for every tested T:   reach(T) - reserved(T) <= bound
 *	for every untested F that can be entered from outside what the binary
 *	shows (global in an object, address taken, called from out-of-scope
 *	code):                reach(F) <= bound
 *	no cycle through untested functions only, no %esp change by an unknown
 *	amount (alloca) in an untested function or left unchecked in a tested
 *	one.
 *
 * The machine code is read through binutils' objdump (-d -w), ELF through
 * libelf.  Exit status: 0 the bound holds, 1 it is broken (each offending
 * path on a line of its own), 2 bad usage or an input it cannot read.
 * docs/reference/verify.md says what it proves and what it cannot.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "stackcheck.h"
#include "table.h"

#define EXIT_HOLDS	0
#define EXIT_BROKEN	1
#define EXIT_BAD	2

#define DEFAULT_BOUND	64	/* the plugin's default leaf-skip */
#define VISIT_LIMIT	64	/* times %esp may go deeper at one instruction */
#define WIDEN_AFTER	8	/* changes before a changing register is unknown */
#define NSLOTS		16	/* register saves tracked on the stack */
#define BIG		(1 << 28)	/* larger than any real stack */

static const char *progname = "stackcheck-verify";
static int verbose;
static long bound = DEFAULT_BOUND;
static long threshold = -1;	/* -1: masks not checked */
static const char *objdump_cmd = "objdump";

/* ---------------------------------------------------------------- */
/* Errors and memory                                                  */

static jmp_buf bad_input;
static const char *cur_file;

static void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(EXIT_BAD);
}

/* The input file cannot be read: say why, give up on this file (exit 2). */
static void bad(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
static void bad(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s: ", progname, cur_file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	longjmp(bad_input, 1);
}

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory");
	return p;
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die("out of memory");
	return p;
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

static char *xstrdup(const char *s)
{
	char *p = strdup(s);

	if (!p)
		die("out of memory");
	return p;
}

#define GROW(arr, n, cap) do {						\
	if ((n) >= (cap)) {						\
		(cap) = (cap) ? 2 * (cap) : 16;				\
		(arr) = xrealloc((arr), (cap) * sizeof(*(arr)));	\
	}								\
} while (0)

/* ---------------------------------------------------------------- */
/* A string-keyed hash table (names to small integers)                */

struct strmap {
	char **keys;
	int *vals;
	size_t cap, n;
};

static uint32_t str_hash(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static int strmap_get(const struct strmap *m, const char *k)
{
	size_t i;

	if (!m->cap)
		return -1;
	for (i = str_hash(k) & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1))
		if (!strcmp(m->keys[i], k))
			return m->vals[i];
	return -1;
}

static void strmap_put(struct strmap *m, const char *k, int v)
{
	size_t i;

	if (2 * (m->n + 1) > m->cap) {
		struct strmap old = *m;

		m->cap = old.cap ? 2 * old.cap : 64;
		m->keys = xcalloc(m->cap, sizeof(*m->keys));
		m->vals = xcalloc(m->cap, sizeof(*m->vals));
		m->n = old.n;
		for (i = 0; i < old.cap; i++) {
			size_t j;

			if (!old.keys[i])
				continue;
			/* the key moves: no copy */
			for (j = str_hash(old.keys[i]) & (m->cap - 1); m->keys[j];
			     j = (j + 1) & (m->cap - 1))
				;
			m->keys[j] = old.keys[i];
			m->vals[j] = old.vals[i];
		}
		free(old.keys);
		free(old.vals);
	}
	for (i = str_hash(k) & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1))
		if (!strcmp(m->keys[i], k)) {
			m->vals[i] = v;
			return;
		}
	m->keys[i] = xstrdup(k);
	m->vals[i] = v;
	m->n++;
}

/* ---------------------------------------------------------------- */
/* The plugin's tables (--table): scope and a cross-check             */

enum expect { EXPECT_TEST, EXPECT_NONE };

struct table_row {
	char *name;
	char *file;		/* basename of the source file */
	bool in_scope;		/* checked*, skipped:leaf, :covered, :subtree */
	enum expect expect;
	char *decision;
	int next;		/* next row with the same name, -1 */
};

static struct table_row *rows;
static size_t nrows, rows_cap;
static struct strmap table_names;	/* name -> first row */
static int ntables;

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

/*
 * One --table: read by the format's one C reader (tools/common/table.c,
 * docs/reference/table-format.md), which refuses what it does not
 * understand, naming the line; its rows become this file's scope rows.
 */
static void load_table(const char *path)
{
	struct sc_table st;
	char err[512];
	size_t i;

	memset(&st, 0, sizeof(st));
	if (sc_table_read(&st, path, err, sizeof(err)))
		die("%s", err);
	for (i = 0; i < st.n; i++) {
		const struct sc_table_row *row = &st.rows[i];
		struct table_row *r;
		int first;

		GROW(rows, nrows, rows_cap);
		r = &rows[nrows];
		r->name = xstrdup(row->name);
		r->file = xstrdup(base_name(row->file));
		r->decision = xstrdup(sc_decision_name(row->decision));
		r->expect = sc_decision_checked(row->decision) ? EXPECT_TEST : EXPECT_NONE;
		/* checked*, and the skips whose depth a caller's test covers */
		r->in_scope = r->expect == EXPECT_TEST ||
			      row->decision == SC_SKIPPED_LEAF ||
			      row->decision == SC_SKIPPED_COVERED ||
			      row->decision == SC_SKIPPED_SUBTREE;
		first = strmap_get(&table_names, r->name);
		r->next = first;
		strmap_put(&table_names, r->name, (int)nrows);
		nrows++;
	}
	sc_table_free(&st);
	ntables++;
}

/* ---------------------------------------------------------------- */
/* The ELF file                                                       */

struct reloc {
	uint32_t offset;	/* in its section */
	uint32_t type;
	bool defined;		/* value is an address of this file */
	uint32_t value;		/* S (defined) */
	int32_t addend;
	const char *name;	/* the symbol's name ("" for a section) */
	bool branch;		/* taken by a direct call/jmp operand */
};

/* What objdump said about one instruction, reduced to what matters. */
struct insn {
	uint32_t addr;
	uint32_t target;	/* direct branch target as printed */
	int32_t imm;		/* the $ operand */
	int32_t disp;		/* a memory operand's displacement */
	uint8_t len;
	uint8_t kind;
	uint8_t wmask;		/* registers it may write */
	uint8_t r1, r2;		/* source or base register, destination */
	uint16_t flags;
};

enum kind {
	K_OTHER, K_NOP, K_ENDBR,
	K_PUSH, K_POP, K_PUSHA, K_POPA,
	K_ADJ_ESP,		/* esp += imm */
	K_AND_ESP,		/* and $-N,%esp */
	K_LEA_ESP,		/* lea disp(r1),%esp */
	K_MOV_TO_ESP,		/* mov r1,%esp */
	K_ESP_UNKNOWN,		/* any other write of esp */
	K_MOV_ESP_TO,		/* mov %esp,r2 */
	K_LEA_FROM,		/* lea disp(r1),r2 */
	K_MOV_REG,		/* mov r1,r2 */
	K_ENTER, K_LEAVE,
	K_CALL, K_CALL_IND, K_JMP, K_JMP_IND, K_JCC,
	K_RET, K_STOP,
	K_TEST_ESP,		/* test $imm,%esp */
	K_XCHG_ESP,		/* xchg r1,%esp: a switch to another stack and back */
	K_LOAD,			/* mov disp(r1),r2 */
	K_STORE,		/* mov r2,disp(r1) */
};

#define F_STACK		0x01	/* uses the stack */
#define F_IMM		0x02	/* has a $ operand */
#define F_DISP		0x04	/* has a memory operand with a base */
#define F_JE		0x08
#define F_JNE		0x10
#define F_HALF		0x20	/* pushw/popw: 2 bytes */
#define F_INDEX		0x40	/* a memory operand has an index register */
#define F_REGOP		0x80	/* jmp *%reg: the register in r2 */
#define F_MEMDST	0x100	/* writes memory at disp(r1) */

#define R_NONE		0xff
enum { R_EAX, R_ECX, R_EDX, R_EBX, R_ESP, R_EBP, R_ESI, R_EDI };
#define M_CALLER	((1 << R_EAX) | (1 << R_ECX) | (1 << R_EDX))
#define M_ALL		0xef	/* every register but esp */

struct section {
	char *name;
	uint32_t type, flags;
	uint32_t addr, size;
	Elf_Data *data;
	bool exec;
	bool scan;		/* data scanned for function addresses */
	struct insn *insns;
	size_t ninsns, cap;
	struct reloc *relocs;
	size_t nrelocs, rcap;
	uint8_t *in_scope;	/* per insn: inside an in-scope function */
};

struct range {
	int sec;
	size_t lo, hi;		/* insn indexes */
};

struct edge {
	int callee;
	int v;			/* unseen bytes at the call */
	uint32_t site;
	bool tail;
};

enum test_kind { UNTESTED, TESTED, TESTED_ALWAYS };

struct func {
	const char *name;
	const char **alias;
	int nalias;
	uint32_t addr, size;
	int sec;
	bool global;		/* global or weak (an object's export) */
	const char *file;	/* STT_FILE of a local symbol */
	struct range *ranges;
	int nranges;
	bool stub;		/* X.stackcheck, not a function */
	bool cold;		/* X.cold, merged into X */
	/* tests */
	enum test_kind test;
	uint32_t test_at;
	uint32_t mask;
	long budget;
	bool has_desc;
	/* scope */
	bool in_scope;
	const char *why_out;
	const struct table_row *row;	/* unambiguous table row */
	bool ambiguous;
	/* how it can be entered */
	bool addr_taken;
	const char *entered_by;	/* out-of-scope code that calls it */
	/* analysis */
	bool analysed;
	int local_max;
	uint32_t local_at;
	struct edge *edges;
	int nedges, ecap;
	uint32_t unbounded_at;	/* esp changed by an unknown amount */
	const char *unbounded_why;
	int indirect_calls, indirect_jumps;
	int ret_pop;		/* bytes its returns pop (ret $N), -1 unknown */
	int stack_switches;	/* xchg %reg,%esp: calls on another stack */
	int table_jumps;	/* jmp * whose switch table was read */
	bool cycle_reported;
	int external_calls;
	/* reach */
	int color;		/* 0 white, 1 on the stack, 2 done */
	long reach;
	int best;		/* edge index of the worst path, -1 own frame */
};

struct desc {
	uint32_t key;
	uint32_t info;
};

struct file {
	const char *path;
	int fd;
	Elf *elf;
	GElf_Ehdr eh;
	bool rel;		/* ET_REL */
	struct section *secs;
	size_t nsecs;
	int *exec_order;	/* exec sections by address */
	int nexec;
	struct func *funcs;
	int nfuncs, fcap;
	int *by_addr;		/* funcs (not stubs, not cold) by address */
	int nby;
	struct desc *descs;
	size_t ndescs, dcap;
	uint32_t *slowpath;	/* addresses of __stackcheck_slowpath */
	int nslowpath;
	uint32_t *thunks;	/* __x86.get_pc_thunk.REG: writes only REG */
	uint8_t *thunk_reg;
	int nthunks;
	bool have_got;
	uint32_t got;
	struct { uint32_t lo, hi; const char *what; } out_ranges[8];
	int nout;
	/* counts */
	int fails;
	int warnings;
	int nocover_descs;
};

static struct file F;

static int reg_of(const char *s, size_t n);
static bool starts(const char *s, const char *p);

static void add_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void add_fail(const char *fmt, ...)
{
	va_list ap;

	printf("%s: FAIL: ", F.path);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	F.fails++;
}

static void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void note(const char *fmt, ...)
{
	va_list ap;

	printf("%s: note: ", F.path);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static struct section *sec_of_addr(uint32_t addr)
{
	int lo = 0, hi = F.nexec - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		struct section *s = &F.secs[F.exec_order[mid]];

		if (addr < s->addr)
			hi = mid - 1;
		else if (addr >= s->addr + s->size)
			lo = mid + 1;
		else
			return s;
	}
	return NULL;
}

/* The index of the instruction starting at addr in s, or -1. */
static long insn_at(const struct section *s, uint32_t addr)
{
	size_t lo = 0, hi = s->ninsns;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (s->insns[mid].addr < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->ninsns && s->insns[lo].addr == addr)
		return (long)lo;
	return -1;
}

/* The first instruction at or after addr. */
static size_t insn_from(const struct section *s, uint32_t addr)
{
	size_t lo = 0, hi = s->ninsns;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (s->insns[mid].addr < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int func_at(uint32_t addr)
{
	int lo = 0, hi = F.nby - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		uint32_t a = F.funcs[F.by_addr[mid]].addr;

		if (addr < a)
			hi = mid - 1;
		else if (addr > a)
			lo = mid + 1;
		else
			return F.by_addr[mid];
	}
	return -1;
}

/* The function whose main part holds addr, or -1. */
static int func_containing(uint32_t addr)
{
	int lo = 0, hi = F.nby - 1, best = -1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;

		if (F.funcs[F.by_addr[mid]].addr <= addr) {
			best = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	if (best >= 0 && addr < F.funcs[F.by_addr[best]].addr +
			 F.funcs[F.by_addr[best]].size)
		return F.by_addr[best];
	return -1;
}

static bool is_slowpath_addr(uint32_t a)
{
	int i;

	for (i = 0; i < F.nslowpath; i++)
		if (F.slowpath[i] == a)
			return true;
	return false;
}

static bool is_slowpath_name(const char *n)
{
	return n && !strcmp(n, STACKCHECK_SLOWPATH);
}

/* ---------------------------------------------------------------- */
/* Reading the ELF file                                               */

static uint32_t rd32(const Elf_Data *d, uint64_t off)
{
	const uint8_t *p;

	if (!d || !d->d_buf || off + 4 > d->d_size)
		bad("a reference beyond the end of its section (truncated or garbled)");
	p = (const uint8_t *)d->d_buf + off;
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Sections whose words name code locations, not callable addresses. */
static bool metadata_section(const char *n)
{
	static const char *const meta[] = {
		".eh_frame", ".eh_frame_hdr", ".gcc_except_table",
		STACKCHECK_SECTION, STACKCHECK_NAMES_SECTION,
		"__mcount_loc", "__patchable_function_entries",
		"__jump_table", ".altinstructions", ".altinstr_replacement",
		"__ex_table", ".smp_locks", "__bug_table", ".parainstructions",
		".static_call_sites", ".retpoline_sites", ".return_sites",
		".call_sites", ".ibt_endbr_seal", ".orc_unwind", ".orc_unwind_ip",
		".orc_header", "__tracepoints_ptrs", ".note", ".comment",
	};
	size_t i;

	for (i = 0; i < sizeof(meta) / sizeof(meta[0]); i++)
		if (!strcmp(n, meta[i]))
			return true;
	return !strncmp(n, ".note.", 6) || !strncmp(n, ".discard", 8) ||
	       !strncmp(n, ".debug", 6) || !strncmp(n, ".rel", 4) ||
	       !strncmp(n, ".gnu.", 5);
}

static void read_sections(void)
{
	size_t shstrndx, i;
	uint32_t next = 0x10000;	/* objects: sections get addresses of their own */
	Elf_Scn *scn;

	if (elf_getshdrnum(F.elf, &F.nsecs) || elf_getshdrstrndx(F.elf, &shstrndx))
		bad("cannot read the section headers: %s", elf_errmsg(-1));
	if (F.nsecs == 0)
		bad("no sections");
	F.secs = xcalloc(F.nsecs, sizeof(*F.secs));
	F.exec_order = xcalloc(F.nsecs, sizeof(int));
	for (i = 1; i < F.nsecs; i++) {
		struct section *s = &F.secs[i];
		GElf_Shdr sh;
		const char *n;

		scn = elf_getscn(F.elf, i);
		if (!scn || !gelf_getshdr(scn, &sh))
			bad("cannot read section header %zu: %s", i, elf_errmsg(-1));
		n = elf_strptr(F.elf, shstrndx, sh.sh_name);
		s->name = xstrdup(n ? n : "?");
		s->type = sh.sh_type;
		s->flags = sh.sh_flags;
		s->size = sh.sh_size;
		s->exec = (sh.sh_flags & SHF_EXECINSTR) && (sh.sh_flags & SHF_ALLOC) &&
			  sh.sh_type == SHT_PROGBITS && sh.sh_size;
		if (F.rel && (sh.sh_flags & SHF_ALLOC)) {
			s->addr = next;
			next += (sh.sh_size + 15) & ~15u;
			next += 16;
			if (next < s->addr)
				bad("sections too large for a 32-bit address space");
		} else {
			s->addr = sh.sh_addr;
		}
		if (sh.sh_type != SHT_NOBITS && sh.sh_size) {
			s->data = elf_getdata(scn, NULL);
			if (!s->data || s->data->d_size != sh.sh_size)
				bad("section %s: cannot read its %" PRIu64 " bytes (truncated?): %s",
				    s->name, (uint64_t)sh.sh_size, elf_errmsg(-1));
		}
		s->scan = (sh.sh_flags & SHF_ALLOC) && !(sh.sh_flags & SHF_EXECINSTR) &&
			  sh.sh_type == SHT_PROGBITS && s->data && !metadata_section(s->name);
		if (s->exec)
			F.exec_order[F.nexec++] = (int)i;
	}
	/* exec sections by address, for sec_of_addr() */
	for (i = 1; i < (size_t)F.nexec; i++) {
		int x = F.exec_order[i];
		size_t j = i;

		while (j > 0 && F.secs[F.exec_order[j - 1]].addr > F.secs[x].addr) {
			F.exec_order[j] = F.exec_order[j - 1];
			j--;
		}
		F.exec_order[j] = x;
	}
}

struct symtab {
	Elf_Data *data, *shndx;
	size_t n;
	size_t strtab;
};

static bool read_sym(struct symtab *t, size_t i, GElf_Sym *sym, uint32_t *shndx)
{
	Elf32_Word x = 0;

	if (!gelf_getsymshndx(t->data, t->shndx, (int)i, sym, &x))
		return false;
	*shndx = sym->st_shndx == SHN_XINDEX ? x : sym->st_shndx;
	return true;
}

static struct symtab find_symtab(int type)
{
	struct symtab t = { 0 };
	size_t i;

	for (i = 1; i < F.nsecs; i++) {
		Elf_Scn *scn = elf_getscn(F.elf, i);
		GElf_Shdr sh;

		if (!gelf_getshdr(scn, &sh))
			continue;
		if (sh.sh_type == (uint32_t)type && !t.data) {
			t.data = elf_getdata(scn, NULL);
			if (!t.data)
				bad("cannot read the symbol table: %s", elf_errmsg(-1));
			t.n = sh.sh_entsize ? sh.sh_size / sh.sh_entsize : 0;
			t.strtab = sh.sh_link;
		}
	}
	for (i = 1; i < F.nsecs && t.data; i++) {
		Elf_Scn *scn = elf_getscn(F.elf, i);
		GElf_Shdr sh;

		if (gelf_getshdr(scn, &sh) && sh.sh_type == SHT_SYMTAB_SHNDX)
			t.shndx = elf_getdata(scn, NULL);
	}
	return t;
}

static uint32_t sym_addr(const GElf_Sym *sym, uint32_t shndx)
{
	if (F.rel) {
		if (shndx == SHN_ABS)
			return sym->st_value;
		if (shndx == 0 || shndx >= F.nsecs)
			return 0;
		return F.secs[shndx].addr + sym->st_value;
	}
	return sym->st_value;
}

static int cmp_func_addr(const void *a, const void *b)
{
	const struct func *x = &F.funcs[*(const int *)a];
	const struct func *y = &F.funcs[*(const int *)b];

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return *(const int *)a - *(const int *)b;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

/* "foo.cold" or "foo.cold.3" -> "foo"; NULL when not a cold part. */
static char *cold_parent(const char *name)
{
	const char *p = strstr(name, ".cold");
	char *r;

	if (!p || p == name)
		return NULL;
	if (p[5] && (p[5] != '.' || !all_digits(p + 6)))
		return NULL;
	r = xstrdup(name);
	r[p - name] = 0;
	return r;
}

static void add_range(struct func *f, int sec, uint32_t addr, uint32_t size)
{
	struct section *s = &F.secs[sec];
	struct range *r;

	f->ranges = xrealloc(f->ranges, (f->nranges + 1) * sizeof(*f->ranges));
	r = &f->ranges[f->nranges++];
	r->sec = sec;
	r->lo = insn_from(s, addr);
	r->hi = insn_from(s, addr + size);
}

static void read_symbols(void)
{
	struct symtab t = find_symtab(SHT_SYMTAB);
	const char *file = NULL;
	size_t i;
	struct strmap names = { 0 };
	int *order, n, j;

	if (!t.data)
		t = find_symtab(SHT_DYNSYM);
	if (!t.data)
		bad("no symbol table (stripped?): cannot tell functions apart");

	for (i = 1; i < t.n; i++) {
		GElf_Sym sym;
		uint32_t shndx;
		const char *name;
		struct func *f;
		int type, bind;

		if (!read_sym(&t, i, &sym, &shndx))
			bad("cannot read symbol %zu: %s", i, elf_errmsg(-1));
		name = elf_strptr(F.elf, t.strtab, sym.st_name);
		if (!name)
			bad("symbol %zu: bad name: %s", i, elf_errmsg(-1));
		type = GELF_ST_TYPE(sym.st_info);
		bind = GELF_ST_BIND(sym.st_info);
		if (type == STT_FILE) {
			file = name;
			continue;
		}
		if (bind != STB_LOCAL)
			file = NULL;
		if (is_slowpath_name(name) && shndx != SHN_UNDEF) {
			F.slowpath = xrealloc(F.slowpath, (F.nslowpath + 1) * sizeof(uint32_t));
			F.slowpath[F.nslowpath++] = sym_addr(&sym, shndx);
		}
		if (starts(name, "__x86.get_pc_thunk.") && shndx != SHN_UNDEF &&
		    reg_of(name + 19, strlen(name + 19)) >= 0) {
			F.thunks = xrealloc(F.thunks, (F.nthunks + 1) * sizeof(uint32_t));
			F.thunk_reg = xrealloc(F.thunk_reg, F.nthunks + 1);
			F.thunks[F.nthunks] = sym_addr(&sym, shndx);
			F.thunk_reg[F.nthunks++] = reg_of(name + 19, strlen(name + 19));
		}
		if (!F.rel && !strcmp(name, "_GLOBAL_OFFSET_TABLE_") && shndx != SHN_UNDEF) {
			F.have_got = true;
			F.got = sym.st_value;
		}
		if (type != STT_FUNC || !sym.st_size || shndx == SHN_UNDEF ||
		    shndx >= F.nsecs || !F.secs[shndx].exec)
			continue;
		if (sym.st_value + sym.st_size > (F.rel ? F.secs[shndx].size :
		    F.secs[shndx].addr + F.secs[shndx].size) ||
		    (!F.rel && sym.st_value < F.secs[shndx].addr))
			bad("function %s lies outside its section %s", name,
			    F.secs[shndx].name);
		if (F.nfuncs >= F.fcap) {
			F.fcap = F.fcap ? 2 * F.fcap : 256;
			F.funcs = xrealloc(F.funcs, F.fcap * sizeof(*F.funcs));
		}
		f = &F.funcs[F.nfuncs++];
		memset(f, 0, sizeof(*f));
		f->name = xstrdup(name);
		f->addr = sym_addr(&sym, shndx);
		f->size = sym.st_size;
		f->sec = (int)shndx;
		f->global = bind == STB_GLOBAL || bind == STB_WEAK;
		f->file = bind == STB_LOCAL && file ? file : NULL;
		f->stub = ends_with(name, ".stackcheck");
		f->best = -1;
		f->ret_pop = -1;
	}

	/* One function per address: the others are its aliases. */
	order = xmalloc(F.nfuncs * sizeof(int));
	for (n = 0, j = 0; j < F.nfuncs; j++)
		if (!F.funcs[j].stub)
			order[n++] = j;
	qsort(order, n, sizeof(int), cmp_func_addr);
	F.by_addr = xmalloc((n ? n : 1) * sizeof(int));
	for (j = 0; j < n; j++) {
		struct func *f = &F.funcs[order[j]];

		if (F.nby && F.funcs[F.by_addr[F.nby - 1]].addr == f->addr) {
			struct func *p = &F.funcs[F.by_addr[F.nby - 1]];

			p->alias = xrealloc(p->alias, (p->nalias + 1) * sizeof(char *));
			p->alias[p->nalias++] = f->name;
			p->global |= f->global;
			if (f->size > p->size)
				p->size = f->size;
			f->stub = true;		/* not a function of its own */
			continue;
		}
		F.by_addr[F.nby++] = order[j];
	}
	free(order);

	/* Parent names, for the cold parts. */
	for (j = 0; j < F.nby; j++) {
		struct func *f = &F.funcs[F.by_addr[j]];
		char key[4096];

		snprintf(key, sizeof(key), "%s\t%s", f->name, f->file ? f->file : "");
		if (strmap_get(&names, key) == -1)
			strmap_put(&names, key, F.by_addr[j]);
		else
			strmap_put(&names, key, -2);	/* two: ambiguous */
		/* by name alone (no tab in a symbol name) */
		if (strmap_get(&names, f->name) == -1)
			strmap_put(&names, f->name, F.by_addr[j]);
		else
			strmap_put(&names, f->name, -2);
	}
	for (j = 0; j < F.nby; j++) {
		struct func *f = &F.funcs[F.by_addr[j]];
		char *parent = cold_parent(f->name);
		char key[4096];
		int p;

		if (!parent)
			continue;
		/* the parent in its file, else a global one, else the only one */
		snprintf(key, sizeof(key), "%s\t%s", parent, f->file ? f->file : "");
		p = strmap_get(&names, key);
		if (p < 0) {
			snprintf(key, sizeof(key), "%s\t", parent);
			p = strmap_get(&names, key);
		}
		if (p < 0)
			p = strmap_get(&names, parent);
		free(parent);
		if (p < 0)
			continue;	/* stays a function of its own */
		f->cold = true;
		f->best = p;	/* parent, until the ranges are made */
	}
	for (j = 0; j < (int)names.cap; j++)
		free(names.keys[j]);
	free(names.keys);
	free(names.vals);
}

/* Functions without stubs, aliases and cold parts, by address. */
static void compact_by_addr(void)
{
	int i, n = 0;

	for (i = 0; i < F.nby; i++)
		if (!F.funcs[F.by_addr[i]].cold)
			F.by_addr[n++] = F.by_addr[i];
	F.nby = n;
}

static int cmp_reloc(const void *a, const void *b)
{
	const struct reloc *x = a, *y = b;

	return x->offset < y->offset ? -1 : x->offset > y->offset;
}

static void read_relocs(void)
{
	size_t i;

	for (i = 1; i < F.nsecs; i++) {
		Elf_Scn *scn = elf_getscn(F.elf, i);
		GElf_Shdr sh;
		struct symtab t = { 0 };
		struct section *target;
		Elf_Data *d;
		size_t k, n;

		if (!gelf_getshdr(scn, &sh) ||
		    (sh.sh_type != SHT_REL && sh.sh_type != SHT_RELA))
			continue;
		if (sh.sh_info == 0 || sh.sh_info >= F.nsecs || sh.sh_link >= F.nsecs)
			bad("relocation section %s: bad links", F.secs[i].name);
		target = &F.secs[sh.sh_info];
		if (!(target->flags & SHF_ALLOC))
			continue;
		d = elf_getdata(scn, NULL);
		if (!d)
			bad("cannot read relocations %s: %s", F.secs[i].name, elf_errmsg(-1));
		{
			Elf_Scn *ss = elf_getscn(F.elf, sh.sh_link);
			GElf_Shdr ssh;

			if (!ss || !gelf_getshdr(ss, &ssh))
				bad("relocation section %s: no symbol table", F.secs[i].name);
			t.data = elf_getdata(ss, NULL);
			if (!t.data)
				bad("cannot read the symbol table: %s", elf_errmsg(-1));
			t.n = ssh.sh_entsize ? ssh.sh_size / ssh.sh_entsize : 0;
			t.strtab = ssh.sh_link;
		}
		for (k = 1; k < F.nsecs; k++) {
			GElf_Shdr xs;

			if (gelf_getshdr(elf_getscn(F.elf, k), &xs) &&
			    xs.sh_type == SHT_SYMTAB_SHNDX && xs.sh_link == sh.sh_link)
				t.shndx = elf_getdata(elf_getscn(F.elf, k), NULL);
		}
		n = sh.sh_entsize ? sh.sh_size / sh.sh_entsize : 0;
		for (k = 0; k < n; k++) {
			GElf_Rel rel;
			GElf_Rela rela;
			GElf_Sym sym;
			uint32_t shndx, symi;
			struct reloc *r;
			const char *name;

			if (sh.sh_type == SHT_REL) {
				if (!gelf_getrel(d, (int)k, &rel))
					bad("bad relocation %zu in %s", k, F.secs[i].name);
				rela.r_offset = rel.r_offset;
				rela.r_info = rel.r_info;
				rela.r_addend = 0;
			} else if (!gelf_getrela(d, (int)k, &rela)) {
				bad("bad relocation %zu in %s", k, F.secs[i].name);
			}
			symi = GELF_R_SYM(rela.r_info);
			if (symi >= t.n || !read_sym(&t, symi, &sym, &shndx))
				bad("relocation %zu in %s: bad symbol %u", k, F.secs[i].name, symi);
			if (rela.r_offset + 4 > target->size)
				bad("relocation %zu in %s beyond its section", k, F.secs[i].name);
			GROW(target->relocs, target->nrelocs, target->rcap);
			r = &target->relocs[target->nrelocs++];
			memset(r, 0, sizeof(*r));
			r->offset = rela.r_offset;
			r->type = GELF_R_TYPE(rela.r_info);
			name = elf_strptr(F.elf, t.strtab, sym.st_name);
			r->name = name ? name : "";
			r->defined = shndx != SHN_UNDEF && shndx != SHN_COMMON &&
				     (shndx == SHN_ABS || shndx < F.nsecs);
			r->value = r->defined ? sym_addr(&sym, shndx) : 0;
			if (sh.sh_type == SHT_REL)
				r->addend = target->data ?
					(int32_t)rd32(target->data, rela.r_offset) : 0;
			else
				r->addend = (int32_t)rela.r_addend;
		}
	}
	for (i = 1; i < F.nsecs; i++)
		if (F.secs[i].nrelocs)
			qsort(F.secs[i].relocs, F.secs[i].nrelocs,
			      sizeof(struct reloc), cmp_reloc);
}

/* The relocation applied inside [off, off + len) of s, or NULL. */
static struct reloc *reloc_in(struct section *s, uint32_t off, uint32_t len)
{
	size_t lo = 0, hi = s->nrelocs;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (s->relocs[mid].offset < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->nrelocs && s->relocs[lo].offset < off + len)
		return &s->relocs[lo];
	return NULL;
}

static int cmp_desc(const void *a, const void *b)
{
	const struct desc *x = a, *y = b;

	return x->key < y->key ? -1 : x->key > y->key;
}

/* The value of symbol NAME, if the file has it. */
static bool symbol_value(const char *name, uint32_t *value)
{
	struct symtab t = find_symtab(SHT_SYMTAB);
	size_t i;

	for (i = 1; t.data && i < t.n; i++) {
		GElf_Sym sym;
		uint32_t shndx;
		const char *n;

		if (!read_sym(&t, i, &sym, &shndx) || shndx == SHN_UNDEF)
			continue;
		n = elf_strptr(F.elf, t.strtab, sym.st_name);
		if (n && !strcmp(n, name)) {
			*value = sym_addr(&sym, shndx);
			return true;
		}
	}
	return false;
}

static void add_desc(const Elf_Data *d, uint64_t off, uint32_t key)
{
	GROW(F.descs, F.ndescs, F.dcap);
	F.descs[F.ndescs].key = key;
	F.descs[F.ndescs].info = rd32(d, off + STACKCHECK_SITE_INFO);
	F.ndescs++;
}

/*
 * A linked file whose linker script put the descriptors inside another
 * section (vmlinux): between __start___stackcheck_sites and
 * __stop___stackcheck_sites.
 */
static void read_descriptors_between(void)
{
	uint32_t start, stop, a;
	size_t i;

	if (!symbol_value("__start_" STACKCHECK_SECTION, &start) ||
	    !symbol_value("__stop_" STACKCHECK_SECTION, &stop))
		return;
	if (stop < start || (stop - start) % STACKCHECK_SITE_SIZE)
		bad("__start/__stop_%s: %#x..%#x is not a whole number of %d-byte descriptors",
		    STACKCHECK_SECTION, start, stop, STACKCHECK_SITE_SIZE);
	for (i = 1; i < F.nsecs && start < stop; i++) {
		struct section *s = &F.secs[i];

		if (!(s->flags & SHF_ALLOC) || !s->data || start < s->addr ||
		    stop > s->addr + s->size)
			continue;
		for (a = start; a < stop; a += STACKCHECK_SITE_SIZE)
			add_desc(s->data, a - s->addr, rd32(s->data, a - s->addr));
		return;
	}
	if (start < stop)
		bad("%s: %#x..%#x lies in no section with contents", STACKCHECK_SECTION,
		    start, stop);
}

static void read_descriptors(void)
{
	size_t i, k;
	bool have_section = false;

	for (i = 1; i < F.nsecs; i++) {
		struct section *s = &F.secs[i];

		if (strcmp(s->name, STACKCHECK_SECTION) || !s->data)
			continue;
		have_section = true;
		if (s->size % STACKCHECK_SITE_SIZE)
			bad("%s: %u bytes, not a whole number of %d-byte descriptors",
			    s->name, s->size, STACKCHECK_SITE_SIZE);
		for (k = 0; k < s->size; k += STACKCHECK_SITE_SIZE) {
			struct desc d;

			d.info = rd32(s->data, k + STACKCHECK_SITE_INFO);
			if (F.rel) {
				struct reloc *r = reloc_in(s, k, 4);

				if (!r || !r->defined) {
					F.nocover_descs++;
					continue;
				}
				d.key = r->value + r->addend;
			} else {
				d.key = rd32(s->data, k);
			}
			GROW(F.descs, F.ndescs, F.dcap);
			F.descs[F.ndescs++] = d;
		}
	}
	if (!have_section && !F.rel)
		read_descriptors_between();
	qsort(F.descs, F.ndescs, sizeof(struct desc), cmp_desc);
}

static const struct desc *desc_at(uint32_t key)
{
	size_t lo = 0, hi = F.ndescs;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (F.descs[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < F.ndescs && F.descs[lo].key == key ? &F.descs[lo] : NULL;
}

/* ---------------------------------------------------------------- */
/* The machine code, through objdump                                  */

static int reg_of(const char *s, size_t n)
{
	static const char *const r32[] = { "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi" };
	static const char *const r16[] = { "ax", "cx", "dx", "bx", "sp", "bp", "si", "di" };
	static const char *const r8l[] = { "al", "cl", "dl", "bl" };
	static const char *const r8h[] = { "ah", "ch", "dh", "bh" };
	int i;

	for (i = 0; i < 8; i++) {
		if (n == 3 && !strncmp(s, r32[i], 3))
			return i;
		if (n == 2 && !strncmp(s, r16[i], 2))
			return i;
	}
	for (i = 0; i < 4; i++)
		if (n == 2 && (!strncmp(s, r8l[i], 2) || !strncmp(s, r8h[i], 2)))
			return i;
	return -1;
}

enum op_type { OP_NONE, OP_REG, OP_IMM, OP_MEM, OP_TARGET };

struct operand {
	enum op_type type;
	bool indirect;		/* '*' */
	int reg;		/* OP_REG: the register (-1: not a GPR) */
	bool reg32;
	int64_t imm;
	int base, index;	/* OP_MEM: registers, -1 none */
	int64_t disp;
	bool mentions_esp;
};

static int64_t parse_num(const char *s, const char **end)
{
	bool neg = false;
	int64_t v;

	if (*s == '-') {
		neg = true;
		s++;
	}
	if (s[0] == '0' && s[1] == 'x')
		v = (int64_t)strtoull(s + 2, (char **)end, 16);
	else
		v = (int64_t)strtoull(s, (char **)end, 10);
	return neg ? -v : v;
}

static void parse_operand(const char *s, size_t n, bool branch, struct operand *op)
{
	char buf[256];
	const char *p, *end;

	memset(op, 0, sizeof(*op));
	op->reg = op->base = op->index = -1;
	if (n >= sizeof(buf))
		n = sizeof(buf) - 1;
	memcpy(buf, s, n);
	buf[n] = 0;
	p = buf;
	while (*p == ' ')
		p++;
	if (strstr(p, "%esp") || strstr(p, "%sp"))
		op->mentions_esp = true;
	if (*p == '*') {
		op->indirect = true;
		p++;
	}
	if (*p == '%') {
		const char *q = p + 1;

		while (isalnum((unsigned char)*q))
			q++;
		if (!*q || *q == ' ') {
			op->type = OP_REG;
			op->reg = reg_of(p + 1, q - p - 1);
			op->reg32 = q - p - 1 == 3 && p[1] == 'e';
			return;
		}
		/* %gs:0x14 and the like: memory */
		p = strchr(p, ':');
		p = p ? p + 1 : q;
	}
	if (*p == '$') {
		op->type = OP_IMM;
		op->imm = parse_num(p + 1, &end);
		return;
	}
	if (branch && !op->indirect && isxdigit((unsigned char)*p)) {
		op->type = OP_TARGET;
		op->imm = (int64_t)strtoull(p, (char **)&end, 16);
		return;
	}
	op->type = OP_MEM;
	if (*p == '-' || isdigit((unsigned char)*p))
		op->disp = parse_num(p, &end), p = end;
	if (*p == '(') {
		const char *q = p + 1;
		const char *r;

		if (*q == '%') {
			for (r = q + 1; isalnum((unsigned char)*r); r++)
				;
			op->base = reg_of(q + 1, r - q - 1);
			q = r;
		}
		if (*q == ',') {
			q++;
			if (*q == '%') {
				for (r = q + 1; isalnum((unsigned char)*r); r++)
					;
				op->index = reg_of(q + 1, r - q - 1);
				if (r - q - 1 == 3 && !strncmp(q + 1, "eiz", 3))
					op->index = -1;
			}
		}
	}
}

/* Split AT&T operands at the commas outside parentheses. */
static int split_operands(const char *s, struct operand *ops, int max, bool branch)
{
	int n = 0, depth = 0;
	const char *start = s, *p;

	while (*s == ' ')
		s++;
	if (!*s)
		return 0;
	start = s;
	for (p = s;; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		if (!*p || (*p == ',' && !depth)) {
			if (n < max)
				parse_operand(start, p - start, branch, &ops[n++]);
			if (!*p)
				break;
			start = p + 1;
		}
	}
	return n;
}

static bool mnem_is(const char *m, const char *base)
{
	size_t n = strlen(base);

	if (strncmp(m, base, n))
		return false;
	return !m[n] || (!m[n + 1] && (m[n] == 'l' || m[n] == 'w'));
}

static bool starts(const char *s, const char *p)
{
	return !strncmp(s, p, strlen(p));
}

/* What the instruction writes besides its destination operand. */
static uint8_t implicit_writes(const char *m)
{
	static const char *const ax_dx[] = { "mul", "div", "idiv", "cltd", "cdq", "cwtl",
		"cwde", "cbtw", "cwtd", "cmpxchg", "cmpxchg8b", NULL };
	static const char *const strops[] = { "lods", "scas", "stos", "movs", "cmps",
		"ins", "outs", NULL };
	static const char *const ax_dx_only[] = { "rdtsc", "rdmsr", "rdpmc", "xgetbv", NULL };
	static const char *const callerish[] = { "rdtscp", "int", "int3", "into", "syscall",
		"sysenter", "vmcall", "vmmcall", NULL };
	int i;

	if (!strcmp(m, "cpuid"))
		return M_CALLER | (1 << R_EBX);
	if (!strncmp(m, "popa", 4))
		return M_ALL;
	for (i = 0; ax_dx_only[i]; i++)
		if (!strcmp(m, ax_dx_only[i]))
			return (1 << R_EAX) | (1 << R_EDX);
	for (i = 0; callerish[i]; i++)
		if (!strcmp(m, callerish[i]))
			return M_CALLER;
	for (i = 0; ax_dx[i]; i++)
		if (starts(m, ax_dx[i]))
			return (1 << R_EAX) | (1 << R_EDX);
	if (!strcmp(m, "imul"))
		return (1 << R_EAX) | (1 << R_EDX);
	for (i = 0; strops[i]; i++)
		if (starts(m, strops[i]) && strcmp(m, "movsbl") && strcmp(m, "movswl") &&
		    strcmp(m, "movsbw") && strcmp(m, "movsd") && strcmp(m, "movss"))
			return (1 << R_EAX) | (1 << R_ECX) | (1 << R_ESI) | (1 << R_EDI);
	if (starts(m, "loop") || !strcmp(m, "jecxz") || !strcmp(m, "jcxz"))
		return 1 << R_ECX;
	if (!strcmp(m, "lahf") || !strcmp(m, "xlat") || starts(m, "in"))
		return 1 << R_EAX;
	return 0;
}

/* How many bytes an instruction writes to its memory operand (16: unsure). */
static uint8_t write_width(const char *m, const char *opstr, const struct operand *ops,
			   int nops)
{
	size_t n = strlen(m);
	int i;

	if (strstr(opstr, "%xmm"))
		return 16;
	if (strstr(opstr, "%mm"))
		return 8;
	for (i = 0; i < nops; i++)
		if (ops[i].type == OP_REG && ops[i].reg >= 0)
			return ops[i].reg32 ? 4 : (opstr[strcspn(opstr, "%") + 2] == 'x' ||
						   opstr[strcspn(opstr, "%") + 2] == 'p' ||
						   opstr[strcspn(opstr, "%") + 2] == 'i' ? 2 : 1);
	if (n > 1 && !strchr("fx", m[0]) && m[n - 1] == 'b')
		return 1;
	if (n > 1 && m[n - 1] == 'w')
		return 2;
	if (n > 1 && m[n - 1] == 'l' && m[0] != 'f')
		return 4;
	if (!strcmp(m, "fstps") || !strcmp(m, "fsts") || !strcmp(m, "fistpl") ||
	    !strcmp(m, "fistl") || !strcmp(m, "fisttpl"))
		return 4;
	if (!strcmp(m, "fstpl") || !strcmp(m, "fstl") || !strcmp(m, "fistpll") ||
	    !strcmp(m, "fisttpll") || (n > 1 && m[n - 1] == 'q'))
		return 8;
	if (!strcmp(m, "fstpt"))
		return 10;
	return 16;
}

static const char *const prefixes[] = {
	"lock", "rep", "repz", "repe", "repnz", "repne", "notrack", "bnd",
	"data16", "data32", "addr16", "addr32", "cs", "ds", "ss", "es", "fs", "gs",
	"xacquire", "xrelease", NULL,
};

static void decode(struct insn *in, char *text)
{
	char mnem[32];
	const char *p = text, *opstr;
	struct operand ops[4];
	int nops, i, last;
	bool branch, readonly;
	size_t n;

	in->kind = K_OTHER;
	in->r1 = in->r2 = R_NONE;
	for (;;) {
		while (*p == ' ')
			p++;
		n = strcspn(p, " ");
		if (n >= sizeof(mnem))
			n = sizeof(mnem) - 1;
		memcpy(mnem, p, n);
		mnem[n] = 0;
		for (i = 0; prefixes[i]; i++)
			if (!strcmp(mnem, prefixes[i]))
				break;
		if (!prefixes[i] || !p[n])
			break;
		if (!strncmp(mnem, "rep", 3))
			in->wmask |= (1 << R_ECX) | (1 << R_ESI) | (1 << R_EDI);
		p += n;
	}
	opstr = p + n;
	{
		char *hash = strstr(opstr, " #");

		if (hash)
			*hash = 0;
	}

	branch = mnem[0] == 'j' || starts(mnem, "call") || starts(mnem, "loop") ||
		 starts(mnem, "lcall") || starts(mnem, "ljmp");
	nops = split_operands(opstr, ops, 4, branch);
	last = nops - 1;
	for (i = 0; i < nops; i++) {
		if (ops[i].mentions_esp)
			in->flags |= F_STACK;
		if (ops[i].type == OP_IMM) {
			in->flags |= F_IMM;
			in->imm = (int32_t)ops[i].imm;
		}
		if (ops[i].type == OP_MEM && ops[i].base >= 0) {
			in->flags |= F_DISP;
			in->disp = (int32_t)ops[i].disp;
		}
		if (ops[i].type == OP_MEM && ops[i].index >= 0)
			in->flags |= F_INDEX;
	}

	readonly = mnem_is(mnem, "cmp") || mnem_is(mnem, "test") || starts(mnem, "bt") ||
		   mnem_is(mnem, "push") || starts(mnem, "out") || branch ||
		   starts(mnem, "ucomi") || starts(mnem, "comi") ||
		   /* x87: only the stores write their memory operand */
		   (mnem[0] == 'f' && !starts(mnem, "fst") && !starts(mnem, "fist") &&
		    !starts(mnem, "fbstp") && !starts(mnem, "fnst") &&
		    !starts(mnem, "fnsave") && !starts(mnem, "fsave") &&
		    !starts(mnem, "fxsave"));
	if (nops && ops[last].type == OP_REG && ops[last].reg >= 0 && !readonly)
		in->wmask |= 1 << ops[last].reg;
	if (starts(mnem, "xchg") || starts(mnem, "xadd") || starts(mnem, "cmpxchg"))
		for (i = 0; i < nops; i++)
			if (ops[i].type == OP_REG && ops[i].reg >= 0)
				in->wmask |= 1 << ops[i].reg;
	in->wmask |= implicit_writes(mnem);

	if (!strcmp(mnem, "endbr32")) {
		in->kind = K_ENDBR;
	} else if (starts(mnem, "nop") ||
		   (!strcmp(mnem, "xchg") && !strcmp(opstr + strspn(opstr, " "), "%ax,%ax"))) {
		in->kind = K_NOP;
		in->wmask = 0;
	} else if (mnem_is(mnem, "push")) {
		in->kind = K_PUSH;
		in->flags |= F_STACK;
		if (mnem[4] == 'w' || (nops && ops[0].type == OP_REG && !ops[0].reg32 &&
				      ops[0].reg >= 0))
			in->flags |= F_HALF;
		if (nops && ops[0].type == OP_REG && ops[0].reg32)
			in->r1 = ops[0].reg;
	} else if (mnem_is(mnem, "pop")) {
		in->flags |= F_STACK;
		if (nops && ops[0].type == OP_REG && ops[0].reg == R_ESP) {
			in->kind = K_ESP_UNKNOWN;
		} else {
			in->kind = K_POP;
			if (mnem[3] == 'w' || (nops && ops[0].type == OP_REG &&
					      !ops[0].reg32 && ops[0].reg >= 0))
				in->flags |= F_HALF;
			if (nops && ops[0].type == OP_REG && ops[0].reg32)
				in->r2 = ops[0].reg;
		}
	} else if (!strcmp(mnem, "pusha") || !strcmp(mnem, "pushal") ||
		   !strcmp(mnem, "pushaw")) {
		in->kind = K_PUSHA;
		in->flags |= F_STACK;
		if (mnem[5] == 'w')
			in->flags |= F_HALF;
	} else if (!strcmp(mnem, "popa") || !strcmp(mnem, "popal") ||
		   !strcmp(mnem, "popaw")) {
		in->kind = K_POPA;
		in->flags |= F_STACK;
		if (mnem[4] == 'w')
			in->flags |= F_HALF;
	} else if (!strcmp(mnem, "pushf") || !strcmp(mnem, "pushfl") ||
		   !strcmp(mnem, "pushfw")) {
		in->kind = K_PUSH;
		in->flags |= F_STACK | (mnem[5] == 'w' ? F_HALF : 0);
	} else if (!strcmp(mnem, "popf") || !strcmp(mnem, "popfl") ||
		   !strcmp(mnem, "popfw")) {
		in->kind = K_POP;
		in->flags |= F_STACK | (mnem[4] == 'w' ? F_HALF : 0);
	} else if ((mnem_is(mnem, "sub") || mnem_is(mnem, "add")) && nops == 2 &&
		   ops[1].type == OP_REG && ops[1].reg == R_ESP && ops[1].reg32) {
		if (ops[0].type == OP_IMM) {
			in->kind = K_ADJ_ESP;
			in->imm = mnem[0] == 's' ? -(int32_t)ops[0].imm : (int32_t)ops[0].imm;
		} else {
			in->kind = K_ESP_UNKNOWN;
		}
	} else if (mnem_is(mnem, "and") && nops == 2 && ops[1].type == OP_REG &&
		   ops[1].reg == R_ESP) {
		in->kind = ops[0].type == OP_IMM ? K_AND_ESP : K_ESP_UNKNOWN;
	} else if (mnem_is(mnem, "lea") && nops == 2 && ops[1].type == OP_REG &&
		   ops[1].reg32) {
		in->kind = ops[1].reg == R_ESP ? K_LEA_ESP : K_LEA_FROM;
		in->r1 = ops[0].base >= 0 ? ops[0].base : R_NONE;
		in->r2 = ops[1].reg;
		in->disp = (int32_t)ops[0].disp;
		if (ops[0].index >= 0)
			in->flags |= F_INDEX;
	} else if (mnem_is(mnem, "mov") && nops == 2 && ops[1].type == OP_REG &&
		   ops[1].reg32 && ops[0].type == OP_REG && ops[0].reg32) {
		in->r1 = ops[0].reg;
		in->r2 = ops[1].reg;
		if (ops[1].reg == R_ESP)
			in->kind = K_MOV_TO_ESP;
		else if (ops[0].reg == R_ESP)
			in->kind = K_MOV_ESP_TO;
		else
			in->kind = K_MOV_REG;
	} else if (mnem_is(mnem, "mov") && nops == 2 && ops[0].type == OP_MEM &&
		   ops[0].base >= 0 && ops[0].index < 0 && ops[1].type == OP_REG &&
		   ops[1].reg32) {
		in->kind = K_LOAD;
		in->r1 = ops[0].base;
		in->r2 = ops[1].reg;
		in->disp = (int32_t)ops[0].disp;
	} else if (mnem_is(mnem, "mov") && nops == 2 && ops[1].type == OP_MEM &&
		   ops[1].base >= 0 && ops[1].index < 0 && ops[0].type == OP_REG &&
		   ops[0].reg32) {
		in->kind = K_STORE;
		in->r1 = ops[1].base;
		in->r2 = ops[0].reg;
		in->disp = (int32_t)ops[1].disp;
	} else if (mnem_is(mnem, "enter")) {
		in->kind = K_ENTER;
		in->flags |= F_STACK;
		in->imm = nops ? (int32_t)ops[0].imm : 0;
		in->disp = nops > 1 ? (int32_t)ops[1].imm : 0;
		in->wmask |= 1 << R_EBP;
	} else if (mnem_is(mnem, "leave")) {
		in->kind = K_LEAVE;
		in->flags |= F_STACK;
		in->wmask |= 1 << R_EBP;
	} else if (mnem_is(mnem, "call")) {
		in->flags |= F_STACK;
		in->wmask |= M_CALLER;
		if (nops && ops[0].type == OP_TARGET) {
			in->kind = K_CALL;
			in->target = (uint32_t)ops[0].imm;
		} else {
			in->kind = K_CALL_IND;
		}
	} else if (starts(mnem, "lcall")) {
		in->kind = K_CALL_IND;
		in->flags |= F_STACK;
		in->wmask |= M_ALL;
	} else if (mnem_is(mnem, "jmp")) {
		if (nops && ops[0].type == OP_TARGET) {
			in->kind = K_JMP;
			in->target = (uint32_t)ops[0].imm;
		} else {
			in->kind = K_JMP_IND;
			if (nops && ops[0].type == OP_MEM) {
				in->disp = (int32_t)ops[0].disp;
				in->r1 = ops[0].base >= 0 ? ops[0].base : R_NONE;
			} else if (nops && ops[0].type == OP_REG && ops[0].reg >= 0) {
				in->flags |= F_REGOP;
				in->r2 = ops[0].reg;
			}
		}
	} else if (starts(mnem, "ljmp")) {
		in->kind = K_STOP;
	} else if ((mnem[0] == 'j' || starts(mnem, "loop")) && nops &&
		   ops[0].type == OP_TARGET) {
		in->kind = K_JCC;
		in->target = (uint32_t)ops[0].imm;
		if (!strcmp(mnem, "je") || !strcmp(mnem, "jz"))
			in->flags |= F_JE;
		if (!strcmp(mnem, "jne") || !strcmp(mnem, "jnz"))
			in->flags |= F_JNE;
	} else if (mnem_is(mnem, "ret") || starts(mnem, "lret") || starts(mnem, "iret") ||
		   starts(mnem, "sysexit") || starts(mnem, "sysret")) {
		in->kind = K_RET;
		in->flags |= F_STACK;
	} else if (starts(mnem, "ud") || !strcmp(mnem, "int3") || !strcmp(mnem, "(bad)")) {
		in->kind = K_STOP;
	} else if (mnem_is(mnem, "test") && nops == 2 && ops[0].type == OP_IMM &&
		   ops[1].type == OP_REG && ops[1].reg == R_ESP && ops[1].reg32) {
		in->kind = K_TEST_ESP;
		in->imm = (int32_t)ops[0].imm;
	} else if (starts(mnem, "xchg") && nops == 2 && ops[0].type == OP_REG &&
		   ops[1].type == OP_REG && ops[0].reg32 && ops[1].reg32 &&
		   (ops[0].reg == R_ESP) != (ops[1].reg == R_ESP)) {
		in->kind = K_XCHG_ESP;
		in->r1 = ops[0].reg == R_ESP ? ops[1].reg : ops[0].reg;
		in->flags |= F_STACK;
	} else if (in->wmask & (1 << R_ESP)) {
		in->kind = K_ESP_UNKNOWN;
	}
	/* any other write of memory at disp(base): a saved register there is lost */
	if (in->kind == K_OTHER && nops && ops[last].type == OP_MEM && ops[last].base >= 0 &&
	    !readonly) {
		in->flags |= F_MEMDST;
		in->r1 = ops[last].base;
		in->disp = (int32_t)ops[last].disp;
		in->r2 = write_width(mnem, opstr, ops, nops);
	}
	if (mnem_is(mnem, "lea") && in->r2 == R_ESP)
		in->flags &= ~F_DISP;
	/* the assembler's long nops: lea 0x0(%esi,%eiz,1),%esi; mov %esi,%esi */
	if ((in->kind == K_LEA_FROM && in->r1 == in->r2 && !in->disp &&
	     !(in->flags & F_INDEX)) ||
	    (in->kind == K_MOV_REG && in->r1 == in->r2)) {
		in->kind = K_NOP;
		in->wmask = 0;
		in->flags &= ~(F_DISP | F_INDEX);
	}
}

/* objdump -d -w FILE: every instruction of every code section. */
static void disassemble(void)
{
	int pipefd[2];
	pid_t pid;
	FILE *in;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int status;
	struct section *cur = NULL;
	int cursor = 0;		/* exec sections in header order */
	int *hdr_order = xmalloc((F.nsecs ? F.nsecs : 1) * sizeof(int));
	int nhdr = 0;
	size_t i;
	unsigned long lines = 0;

	for (i = 1; i < F.nsecs; i++)
		if (F.secs[i].exec)
			hdr_order[nhdr++] = (int)i;

	if (pipe(pipefd))
		die("pipe: %s", strerror(errno));
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (!pid) {
		dup2(pipefd[1], 1);
		close(pipefd[0]);
		close(pipefd[1]);
		execlp(objdump_cmd, objdump_cmd, "-d", "-w", "--", F.path, (char *)NULL);
		fprintf(stderr, "%s: cannot run %s: %s\n", progname, objdump_cmd,
			strerror(errno));
		_exit(127);
	}
	close(pipefd[1]);
	in = fdopen(pipefd[0], "r");
	if (!in)
		die("fdopen: %s", strerror(errno));
	while ((len = getline(&line, &cap, in)) >= 0) {
		char *tab1, *tab2, *end;
		unsigned long addr;
		struct insn *ins;
		int bytes = 0;
		char *b;

		lines++;
		if (len && line[len - 1] == '\n')
			line[--len] = 0;
		if (!strncmp(line, "Disassembly of section ", 23)) {
			char *name = line + 23;

			if (len && line[len - 1] == ':')
				line[--len] = 0;
			cur = NULL;
			while (cursor < nhdr) {
				struct section *s = &F.secs[hdr_order[cursor++]];

				if (!strcmp(s->name, name)) {
					cur = s;
					break;
				}
			}
			if (!cur)
				bad("objdump disassembled section %s, which is not a code section here", name);
			continue;
		}
		if (!cur || !isxdigit((unsigned char)line[strspn(line, " ")]))
			continue;
		addr = strtoul(line, &end, 16);
		if (end == line || *end != ':' || end[1] != '\t')
			continue;
		tab1 = end + 2;
		tab2 = strchr(tab1, '\t');
		for (b = tab1; *b && b != tab2; b++)
			if (isxdigit((unsigned char)b[0]) && isxdigit((unsigned char)b[1]) &&
			    (b == tab1 || b[-1] == ' ')) {
				bytes++;
				b++;
			}
		if (F.rel)
			addr += cur->addr;
		if (!tab2) {
			/* a continuation line of bytes */
			if (cur->ninsns && bytes)
				cur->insns[cur->ninsns - 1].len += bytes;
			continue;
		}
		if (addr < cur->addr || addr >= (uint64_t)cur->addr + cur->size)
			bad("objdump printed address %#lx outside section %s", addr, cur->name);
		if (cur->ninsns && cur->insns[cur->ninsns - 1].addr >= addr)
			bad("objdump's addresses in %s are not increasing at %#lx",
			    cur->name, addr);
		GROW(cur->insns, cur->ninsns, cur->cap);
		ins = &cur->insns[cur->ninsns++];
		memset(ins, 0, sizeof(*ins));
		ins->addr = (uint32_t)addr;
		ins->len = (uint8_t)(bytes > 255 ? 255 : bytes);
		decode(ins, tab2 + 1);
		if (F.rel && (ins->kind == K_CALL || ins->kind == K_JMP ||
			      ins->kind == K_JCC))
			ins->target += cur->addr;
	}
	fclose(in);
	free(line);
	free(hdr_order);
	if (waitpid(pid, &status, 0) < 0)
		die("waitpid: %s", strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		bad("%s -d failed (status %d)", objdump_cmd,
		    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	if (!lines)
		bad("%s printed nothing", objdump_cmd);
}

/* ---------------------------------------------------------------- */
/* Branch targets                                                     */

enum tkind { T_NONE, T_ADDR, T_EXTERN, T_SLOWPATH };

struct target {
	enum tkind kind;
	uint32_t addr;
	const char *name;
};

static bool is_pc_reloc(uint32_t type)
{
	return type == R_386_PC32 || type == R_386_PLT32;
}

static bool is_got_reloc(uint32_t type)
{
	return type == R_386_GOT32 || type == R_386_GOT32X;
}

/*
 * Where a direct call/jmp/jcc goes, or (through a GOT entry the relocation
 * names) an indirect call whose target the object says.
 */
static struct target branch_target(struct section *s, struct insn *in)
{
	struct target t = { T_NONE, 0, NULL };

	if (F.rel && s->nrelocs) {
		struct reloc *r = reloc_in(s, in->addr - s->addr, in->len);

		if (r && ((is_pc_reloc(r->type) && in->kind != K_CALL_IND &&
			   in->kind != K_JMP_IND) ||
			  (is_got_reloc(r->type) && (in->kind == K_CALL_IND ||
						     in->kind == K_JMP_IND)))) {
			r->branch = true;
			t.name = r->name;
			if (is_slowpath_name(r->name)) {
				t.kind = T_SLOWPATH;
			} else if (r->defined) {
				t.kind = T_ADDR;
				t.addr = r->value + (is_got_reloc(r->type) ? 0 :
						     (uint32_t)(r->addend + 4));
			} else {
				t.kind = T_EXTERN;
			}
			return t;
		}
	}
	if (in->kind == K_CALL_IND || in->kind == K_JMP_IND)
		return t;
	t.addr = in->target;
	t.kind = is_slowpath_addr(t.addr) ? T_SLOWPATH : T_ADDR;
	if (t.kind == T_ADDR) {
		struct section *ts = sec_of_addr(t.addr);

		if (!ts) {
			t.kind = T_EXTERN;
			t.name = "(outside the code)";
		} else if (!strncmp(ts->name, ".plt", 4)) {
			t.kind = T_EXTERN;
			t.name = "(plt)";
		}
	}
	return t;
}

static bool is_call_of_slowpath(uint32_t addr)
{
	struct section *s = sec_of_addr(addr);
	long i;
	struct target t;

	if (!s || (i = insn_at(s, addr)) < 0 || s->insns[i].kind != K_CALL)
		return false;
	t = branch_target(s, &s->insns[i]);
	return t.kind == T_SLOWPATH;
}

/* ---------------------------------------------------------------- */
/* Functions: ranges, tests, scope                                    */

static void make_ranges(void)
{
	int i;

	/* a function's own part first (its entry), then its cold parts */
	for (i = 0; i < F.nfuncs; i++) {
		struct func *f = &F.funcs[i];

		if (!f->stub && !f->cold)
			add_range(f, f->sec, f->addr, f->size);
	}
	for (i = 0; i < F.nfuncs; i++) {
		struct func *f = &F.funcs[i];

		if (f->cold)
			add_range(&F.funcs[f->best], f->sec, f->addr, f->size);
	}
	for (i = 0; i < F.nfuncs; i++)
		if (F.funcs[i].cold)
			F.funcs[i].best = -1;
}

static bool prefix_call(struct section *s, struct insn *in)
{
	struct target t = branch_target(s, in);
	const char *n = t.name;
	int fi;

	if (t.kind == T_ADDR && (fi = func_at(t.addr)) >= 0)
		n = F.funcs[fi].name;
	return n && (!strcmp(n, "mcount") || !strcmp(n, "__fentry__") ||
		     !strcmp(n, "_mcount") || !strcmp(n, "__gnu_mcount_nc"));
}

static void find_test(struct func *f)
{
	struct section *s = &F.secs[f->ranges[0].sec];
	size_t i = f->ranges[0].lo, hi = f->ranges[0].hi;
	const struct desc *d = NULL;

	while (i < hi && (s->insns[i].kind == K_NOP || s->insns[i].kind == K_ENDBR ||
			  ((s->insns[i].kind == K_CALL || s->insns[i].kind == K_CALL_IND) &&
			   prefix_call(s, &s->insns[i]))))
		i++;
	if (i >= hi)
		return;
	if (s->insns[i].kind == K_CALL && branch_target(s, &s->insns[i]).kind == T_SLOWPATH) {
		f->test = TESTED_ALWAYS;
		f->test_at = s->insns[i].addr;
		d = desc_at(s->insns[i].addr + s->insns[i].len);
	} else if (s->insns[i].kind == K_TEST_ESP && i + 1 < hi &&
		   s->insns[i + 1].kind == K_JCC && (s->insns[i + 1].flags & F_JE)) {
		struct target t = branch_target(s, &s->insns[i + 1]);
		struct section *ts;
		long k;

		if (t.kind != T_ADDR || !is_call_of_slowpath(t.addr))
			return;
		f->test = TESTED;
		f->test_at = s->insns[i].addr;
		f->mask = (uint32_t)s->insns[i].imm;
		d = desc_at(f->test_at);
		if (d && !(d->info & STACKCHECK_INFO_ENTRY))
			d = NULL;
		ts = sec_of_addr(t.addr);
		k = insn_at(ts, t.addr);
		if (!d)
			d = desc_at(t.addr + ts->insns[k].len);
	}
	if (d) {
		f->has_desc = true;
		f->budget = d->info & STACKCHECK_INFO_FRAME_MASK;
	}
}

/* "foo.constprop.0" -> "foo": drop the last ".word" or ".N". */
static bool strip_suffix(char *name)
{
	char *dot = strrchr(name, '.');

	if (!dot || dot == name)
		return false;
	*dot = 0;
	return true;
}

static int table_lookup(const struct func *f, const char *name, bool *ambiguous)
{
	int first = strmap_get(&table_names, name), r, pick = -1, nfile = 0;
	const char *decision = NULL;
	bool same = true;

	*ambiguous = false;
	if (first < 0)
		return -1;
	for (r = first; r >= 0; r = rows[r].next) {
		if (decision && strcmp(decision, rows[r].decision))
			same = false;
		decision = rows[r].decision;
	}
	if (same)
		return first;
	/* Statics of the same name in several files: the symbol's file. */
	if (f->file) {
		char fb[256];

		snprintf(fb, sizeof(fb), "%s", base_name(f->file));
		for (r = first; r >= 0; r = rows[r].next)
			if (!strcmp(rows[r].file, fb)) {
				if (pick >= 0 && strcmp(rows[pick].decision, rows[r].decision))
					nfile = 2;
				else if (pick < 0)
					nfile = 1;
				pick = pick < 0 ? r : pick;
			}
		if (nfile == 1)
			return pick;
	}
	*ambiguous = true;
	return first;
}

static bool row_any_in_scope(int first)
{
	int r;

	for (r = first; r >= 0; r = rows[r].next)
		if (rows[r].in_scope)
			return true;
	return false;
}

static bool runtime_or_crt(const char *n)
{
	static const char *const crt[] = {
		"_start", "_init", "_fini", "deregister_tm_clones",
		"register_tm_clones", "__do_global_dtors_aux", "frame_dummy",
		"__libc_csu_init", "__libc_csu_fini", "_dl_relocate_static_pie",
		/* libc_nonshared.a, linked into every program */
		"atexit", "at_quick_exit", "__stack_chk_fail_local",
		"pthread_atfork", "__pthread_atfork",
		NULL,
	};
	int i;

	if (starts(n, "stackcheck_") || starts(n, "__stackcheck_") ||
	    starts(n, "__x86.get_pc_thunk.") || starts(n, "__libc_csu_"))
		return true;
	for (i = 0; crt[i]; i++)
		if (!strcmp(n, crt[i]))
			return true;
	return false;
}

static void kernel_ranges(void)
{
	static const char *const pairs[][3] = {
		{ "__noinstr_text_start", "__noinstr_text_end", "noinstr" },
		{ "__entry_text_start", "__entry_text_end", "entry text" },
		{ "__cpuidle_text_start", "__cpuidle_text_end", "cpuidle text" },
		{ "__irqentry_text_start", "__irqentry_text_end", "irqentry text" },
		{ "__softirqentry_text_start", "__softirqentry_text_end", "softirqentry text" },
		{ "_text", "_stext", "head text" },
	};
	struct symtab t;
	size_t i, p;

	if (F.rel)
		return;
	t = find_symtab(SHT_SYMTAB);
	if (!t.data)
		return;
	for (p = 0; p < sizeof(pairs) / sizeof(pairs[0]); p++) {
		uint32_t lo = 0, hi = 0;
		bool have_lo = false, have_hi = false;

		for (i = 1; i < t.n; i++) {
			GElf_Sym sym;
			uint32_t shndx;
			const char *n;

			if (!read_sym(&t, i, &sym, &shndx))
				continue;
			n = elf_strptr(F.elf, t.strtab, sym.st_name);
			if (!n)
				continue;
			if (!strcmp(n, pairs[p][0]))
				lo = sym.st_value, have_lo = true;
			else if (!strcmp(n, pairs[p][1]))
				hi = sym.st_value, have_hi = true;
		}
		if (have_lo && have_hi && lo < hi && F.nout < 8) {
			F.out_ranges[F.nout].lo = lo;
			F.out_ranges[F.nout].hi = hi;
			F.out_ranges[F.nout].what = pairs[p][2];
			F.nout++;
		}
	}
}

static void decide_scope(struct func *f)
{
	static const char *const sections[] = {
		".noinstr.text", ".entry.text", ".head.text", ".cpuidle.text",
	};
	const char *names[64];
	int n = 0, i;
	size_t k;

	names[n++] = f->name;
	for (i = 0; i < f->nalias && n < 64; i++)
		names[n++] = f->alias[i];

	if (ntables) {
		for (i = 0; i < n; i++) {
			char buf[4096];
			int r;
			bool amb;

			snprintf(buf, sizeof(buf), "%s", names[i]);
			do {
				r = table_lookup(f, buf, &amb);
			} while (r < 0 && strip_suffix(buf));
			if (r < 0)
				continue;
			f->ambiguous = amb;
			f->row = amb ? NULL : &rows[r];
			f->in_scope = amb ? row_any_in_scope(r) : rows[r].in_scope;
			if (!f->in_scope)
				f->why_out = rows[r].decision;
			return;
		}
		f->in_scope = false;
		f->why_out = "in no table";
		return;
	}
	/* the runtime's own files (stackcheck_core.c, stackcheck_user.c...) */
	if (f->file && starts(base_name(f->file), "stackcheck_")) {
		f->why_out = "the runtime";
		return;
	}
	for (i = 0; i < n; i++)
		if (runtime_or_crt(names[i])) {
			f->why_out = "runtime or start-up code";
			return;
		}
	for (k = 0; k < sizeof(sections) / sizeof(sections[0]); k++)
		if (!strcmp(F.secs[f->sec].name, sections[k])) {
			f->why_out = sections[k];
			return;
		}
	for (i = 0; i < F.nout; i++)
		if (f->addr >= F.out_ranges[i].lo && f->addr < F.out_ranges[i].hi) {
			f->why_out = F.out_ranges[i].what;
			return;
		}
	if (!strcmp(F.secs[f->sec].name, ".init") || !strcmp(F.secs[f->sec].name, ".fini") ||
	    !strncmp(F.secs[f->sec].name, ".plt", 4)) {
		f->why_out = "start-up code";
		return;
	}
	f->in_scope = true;
}

/* ---------------------------------------------------------------- */
/* Address-taken functions                                            */

static void mark_taken(uint32_t addr)
{
	int fi = func_at(addr);

	if (fi >= 0)
		F.funcs[fi].addr_taken = true;
}

static void scan_address_taken(void)
{
	size_t i, k;

	for (i = 1; i < F.nsecs; i++) {
		struct section *s = &F.secs[i];

		if (F.rel) {
			/* every reference that is not a direct branch */
			if (!(s->flags & SHF_ALLOC) || metadata_section(s->name))
				continue;
			for (k = 0; k < s->nrelocs; k++) {
				struct reloc *r = &s->relocs[k];

				if (r->branch || !r->defined)
					continue;
				if (is_pc_reloc(r->type) && s->exec)
					mark_taken(r->value + r->addend + 4);
				mark_taken(r->value + r->addend);
				if (is_got_reloc(r->type))
					mark_taken(r->value);
			}
			continue;
		}
		/* a linked file: words in data, plain and self-relative */
		if (s->scan) {
			const uint8_t *d = s->data->d_buf;

			for (k = 0; k + 4 <= s->size; k += 4) {
				uint32_t w = d[k] | d[k + 1] << 8 | d[k + 2] << 16 |
					     (uint32_t)d[k + 3] << 24;

				mark_taken(w);
				mark_taken(s->addr + (uint32_t)k + w);
			}
		}
		/* immediates, and GOT-relative addresses in PIC code */
		if (s->exec)
			for (k = 0; k < s->ninsns; k++) {
				struct insn *in = &s->insns[k];

				if (in->flags & F_IMM) {
					int fi = func_at((uint32_t)in->imm);

					/*
					 * A function's own address in its own
					 * code is the kernel's _THIS_IP_ (a label
					 * at its start), not a pointer to call.
					 */
					if (fi >= 0 && in->addr >= F.funcs[fi].addr &&
					    in->addr - F.funcs[fi].addr < F.funcs[fi].size)
						continue;
					mark_taken((uint32_t)in->imm);
				}
				if ((in->flags & F_DISP) && F.have_got)
					mark_taken(F.got + (uint32_t)in->disp);
				if (in->kind == K_LEA_FROM && F.have_got)
					mark_taken(F.got + (uint32_t)in->disp);
			}
	}
	/* dynamic relocations against a symbol */
	if (!F.rel) {
		struct symtab t = find_symtab(SHT_DYNSYM);

		for (i = 1; i < F.nsecs && t.data; i++) {
			Elf_Scn *scn = elf_getscn(F.elf, i);
			GElf_Shdr sh;
			Elf_Data *d;

			if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_REL ||
			    !(sh.sh_flags & SHF_ALLOC) || !(d = elf_getdata(scn, NULL)))
				continue;
			for (k = 0; sh.sh_entsize && k < sh.sh_size / sh.sh_entsize; k++) {
				GElf_Rel rel;
				GElf_Sym sym;
				uint32_t shndx, type;

				if (!gelf_getrel(d, (int)k, &rel))
					continue;
				type = GELF_R_TYPE(rel.r_info);
				if (type == R_386_JMP_SLOT || !GELF_R_SYM(rel.r_info))
					continue;
				if (read_sym(&t, GELF_R_SYM(rel.r_info), &sym, &shndx) &&
				    shndx != SHN_UNDEF)
					mark_taken(sym.st_value);
			}
		}
	}
}

/* ---------------------------------------------------------------- */
/* Stack depth: a dataflow over one function's instructions           */

/*
 * The state before an instruction.  v: bytes between the level the last
 * test on the path guaranteed and %esp (the unseen bytes if the stack were
 * used there); at entry 4 - reserved (the return address is in the frame
 * a descriptor reserves).  rel[r]: the same measure for a register that
 * holds a stack address (frame pointer, saved %esp).  base: which numbering
 * v and rel[] are in (0 entry, else the instruction that renumbered: a
 * realignment, a check after alloca); -1 when paths disagree.  Registers
 * saved by push are found again by pop at the same depth and numbering.
 */
struct state {
	int32_t v;
	int32_t base;
	int32_t rel[8];
	int32_t relbase[8];
	struct { int32_t depth, base, value, vbase; uint8_t reg; } slot[NSLOTS];
	uint8_t relmask;
	uint8_t nslots;
	bool reached;
	bool unbounded;
	bool switched;		/* on another stack: rel[] holds the way back */
	uint16_t visits;	/* changes: past WIDEN_AFTER, registers widen */
	uint16_t grows;		/* times v grew */
};

struct flow {
	struct func *f;
	struct insn **li;	/* the function's instructions by address */
	struct section **ls;
	int n;
	struct state *st;
	int *work;
	int nwork;
	bool *inq;
	int *blocks;		/* block starts: targets of an indirect jmp */
	int nblocks;
	int *edge_of;		/* per insn: index in f->edges, -1 */
	bool *counted;		/* per insn: counted as not followed */
	bool *label;		/* per insn: a direct branch's target */
	struct state *after_call;	/* per insn: state falling out of a call */
	bool *has_after;
};

/* Count a call or jump that is not followed once per site. */
static void count_site(struct flow *fl, int i, int *counter)
{
	if (!fl->counted[i]) {
		fl->counted[i] = true;
		(*counter)++;
	}
}

static int local_index(struct flow *fl, uint32_t addr)
{
	int lo = 0, hi = fl->n - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;

		if (fl->li[mid]->addr < addr)
			lo = mid + 1;
		else if (fl->li[mid]->addr > addr)
			hi = mid - 1;
		else
			return mid;
	}
	return -1;
}

/* What a callee's returns pop of its caller's arguments: the least N of
 * its "ret $N" (struct return through a hidden pointer pops it). */
static int ret_pop(struct func *g)
{
	int r, pop = -1;
	size_t k;

	if (g->ret_pop >= 0)
		return g->ret_pop;
	for (r = 0; r < g->nranges; r++) {
		struct section *s = &F.secs[g->ranges[r].sec];

		for (k = g->ranges[r].lo; k < g->ranges[r].hi; k++) {
			int n;

			if (s->insns[k].kind != K_RET)
				continue;
			n = (s->insns[k].flags & F_IMM) ? s->insns[k].imm : 0;
			if (pop < 0 || n < pop)
				pop = n;
		}
	}
	g->ret_pop = pop < 0 ? 0 : pop;
	return g->ret_pop;
}

static bool in_ranges(const struct func *f, uint32_t addr)
{
	int r;

	for (r = 0; r < f->nranges; r++) {
		struct section *s = &F.secs[f->ranges[r].sec];

		if (f->ranges[r].lo < f->ranges[r].hi &&
		    addr >= s->insns[f->ranges[r].lo].addr &&
		    addr < s->insns[f->ranges[r].hi - 1].addr + s->insns[f->ranges[r].hi - 1].len)
			return true;
	}
	return false;
}

/*
 * Forget the slots %esp rose above.  A slot of an older numbering (before a
 * check after alloca or a realignment renumbered) lies above everything of
 * the current one: it stays until %esp goes back to that numbering.
 */
static void drop_dead_slots(struct state *s)
{
	int i, n = 0;

	for (i = 0; i < s->nslots; i++)
		if (s->base != -1 && s->slot[i].base != -1 &&
		    (s->slot[i].base != s->base || s->slot[i].depth <= s->v))
			s->slot[n++] = s->slot[i];
	s->nslots = n;
}

static void flow_push(struct flow *fl, int i)
{
	if (!fl->inq[i]) {
		fl->inq[i] = true;
		fl->work[fl->nwork++] = i;
	}
}

static void set_unbounded(struct flow *fl, uint32_t at, const char *why)
{
	if (!fl->f->unbounded_at) {
		fl->f->unbounded_at = at;
		fl->f->unbounded_why = why;
	}
}

static void merge_into(struct flow *fl, int j, const struct state *in)
{
	struct state *s = &fl->st[j];
	bool changed = false;
	int r, a, b, n;

	if (!s->reached) {
		*s = *in;
		s->visits = 1;
		s->reached = true;
		flow_push(fl, j);
		return;
	}
	if (in->unbounded && !s->unbounded) {
		s->unbounded = true;
		changed = true;
	}
	if (in->switched != s->switched && !s->unbounded) {
		/* on one stack by one path, another by the other */
		s->unbounded = true;
		changed = true;
		set_unbounded(fl, fl->li[j]->addr, "paths meet on different stacks");
	}
	if (in->v > s->v) {
		s->v = in->v;
		changed = true;
		if (++s->grows > VISIT_LIMIT && !s->unbounded) {
			s->unbounded = true;
			set_unbounded(fl, fl->li[j]->addr, "the stack grows in a loop");
		}
	}
	if (in->base != s->base && s->base != -1) {
		s->base = -1;
		changed = true;
	}
	for (r = 0; r < 8; r++) {
		uint8_t bit = 1 << r;

		if (!(s->relmask & bit))
			continue;
		if (!(in->relmask & bit)) {
			s->relmask &= ~bit;
			changed = true;
			continue;
		}
		if (in->rel[r] != s->rel[r] && s->visits > WIDEN_AFTER) {
			/* a pointer walking the stack in a loop: no longer known */
			s->relmask &= ~bit;
			changed = true;
			continue;
		}
		if (in->rel[r] > s->rel[r]) {
			s->rel[r] = in->rel[r];
			changed = true;
		}
		if (in->relbase[r] != s->relbase[r] && s->relbase[r] != -1) {
			s->relbase[r] = -1;
			changed = true;
		}
	}
	for (a = 0, n = 0; a < s->nslots; a++) {
		for (b = 0; b < in->nslots; b++)
			if (!memcmp(&s->slot[a], &in->slot[b], sizeof(s->slot[a])))
				break;
		if (b < in->nslots)
			s->slot[n++] = s->slot[a];
	}
	if (n != s->nslots) {
		s->nslots = n;
		changed = true;
	}
	if (!changed)
		return;
	if (s->visits < UINT16_MAX)
		s->visits++;
	flow_push(fl, j);
}

static void record_edge(struct flow *fl, int i, int callee, int v, bool tail)
{
	struct func *f = fl->f;
	struct edge *e;

	if (fl->edge_of[i] >= 0) {
		e = &f->edges[fl->edge_of[i]];
		if (v > e->v)
			e->v = v;
		return;
	}
	if (f->nedges >= f->ecap) {
		f->ecap = f->ecap ? 2 * f->ecap : 8;
		f->edges = xrealloc(f->edges, f->ecap * sizeof(*f->edges));
	}
	fl->edge_of[i] = f->nedges;
	e = &f->edges[f->nedges++];
	e->callee = callee;
	e->v = v;
	e->site = fl->li[i]->addr;
	e->tail = tail;
}

static int fallthrough(struct flow *fl, int i)
{
	if (i + 1 < fl->n && fl->li[i + 1]->addr == fl->li[i]->addr + fl->li[i]->len)
		return i + 1;
	return -1;
}

/* A direct branch from insn i of the function: where does it go? */
static void branch(struct flow *fl, int i, const struct state *s, bool call, bool tail_ok)
{
	struct func *f = fl->f;
	struct insn *in = fl->li[i];
	struct target t = branch_target(fl->ls[i], in);
	int j, fi;

	if (t.kind == T_SLOWPATH)
		return;
	if (t.kind == T_EXTERN) {
		count_site(fl, i, &f->external_calls);
		return;
	}
	if (t.kind != T_ADDR)
		return;
	fi = func_at(t.addr);
	if (fi >= 0 && fi == (int)(f - F.funcs) && t.addr == f->addr) {
		record_edge(fl, i, fi, s->v, !call);	/* recursion */
		return;
	}
	if (in_ranges(f, t.addr)) {
		struct state n = *s;

		j = local_index(fl, t.addr);
		if (j < 0) {
			set_unbounded(fl, in->addr, "a branch into the middle of an instruction");
			return;
		}
		if (call) {
			n.v += 4;
			drop_dead_slots(&n);
		}
		merge_into(fl, j, &n);
		return;
	}
	if (fi >= 0) {
		record_edge(fl, i, fi, s->v, !call);
		return;
	}
	if (!tail_ok)
		return;
	fi = func_containing(t.addr);
	if (fi < 0 || (!F.funcs[fi].in_scope && F.funcs[fi].test == UNTESTED)) {
		/* code with no sized symbol, or another entry of assembler */
		count_site(fl, i, &f->external_calls);
		return;
	}
	note("%s: the %s at %#x goes into the middle of %s (%#x): not followed",
	     f->name, call ? "call" : "jump", in->addr, F.funcs[fi].name, t.addr);
	F.warnings++;
}

/*
 * A check in the body (after alloca): "test $m,%esp; jne 1f; call
 * __stackcheck_slowpath; 1:", or the call alone when no mask fits.  It
 * guarantees threshold bytes below %esp where it runs.
 */
static bool dynamic_check(struct flow *fl, int i, int *resume)
{
	struct insn *t = fl->li[i];
	int j = fallthrough(fl, i), k;

	if (t->kind == K_CALL &&
	    branch_target(fl->ls[i], t).kind == T_SLOWPATH) {
		*resume = j;
		return j >= 0;
	}
	if (t->kind != K_TEST_ESP || j < 0)
		return false;
	if (fl->li[j]->kind != K_JCC || !(fl->li[j]->flags & F_JNE))
		return false;
	k = fallthrough(fl, j);
	if (k < 0 || fl->li[k]->kind != K_CALL ||
	    branch_target(fl->ls[k], fl->li[k]).kind != T_SLOWPATH)
		return false;
	*resume = fallthrough(fl, k);
	if (*resume < 0 || branch_target(fl->ls[j], fl->li[j]).addr !=
	    fl->li[*resume]->addr)
		return false;
	return true;
}

/*
 * What a check after alloca reserves below %esp (the frame field of its
 * descriptor, keyed by the address it resumes at): the unseen bytes start
 * that much above %esp.
 */
static int32_t dynamic_reserve(struct flow *fl, int resume)
{
	const struct desc *d = desc_at(fl->li[resume]->addr);

	if (!d || !(d->info & STACKCHECK_INFO_DYNAMIC))
		return 0;
	return (int32_t)(d->info & STACKCHECK_INFO_FRAME_MASK);
}

/* The section (with contents) that holds addr, or NULL. */
static struct section *data_sec_of(uint32_t addr)
{
	size_t k;

	for (k = 1; k < F.nsecs; k++) {
		struct section *s = &F.secs[k];

		if ((s->flags & SHF_ALLOC) && s->data && addr >= s->addr &&
		    addr - s->addr < s->size)
			return s;
	}
	return NULL;
}

/* The target (S + A) of the relocation at exactly offset off of s, if any. */
static bool reloc_value(struct section *s, uint32_t off, uint32_t len, uint32_t *v)
{
	struct reloc *r = reloc_in(s, off, len);

	if (!r || !r->defined || (r->type != R_386_32 && r->type != R_386_GOTOFF))
		return false;
	*v = r->value + r->addend;
	return true;
}

/*
 * A switch: "jmp *T(,%idx,4)" (absolute entries) or, in PIC code,
 * "mov T(%base,%idx,4),%r; add %base,%r; jmp *%r" (entries relative to
 * the GOT).  The entries are read while they point into the function:
 * each gets the jump's state.  Returns how many, 0 when it is no table.
 */
static int switch_table(struct flow *fl, int i, const struct state *st)
{
	struct insn *in = fl->li[i];
	struct section *code = fl->ls[i], *ts;
	uint32_t table = 0, off;
	bool have = false, pic = false;
	int k, n = 0;

	if (!(in->flags & F_REGOP) && in->r1 == R_NONE && (in->flags & F_INDEX)) {
		if (F.rel)
			have = reloc_value(code, in->addr - code->addr, in->len, &table);
		else
			table = (uint32_t)in->disp, have = true;
	} else if (in->flags & F_REGOP) {
		for (k = i - 1; k >= 0 && k >= i - 4; k--) {
			struct insn *p = fl->li[k];

			if (!(p->wmask & (1 << in->r2)))
				continue;
			if (p->kind != K_OTHER || !(p->flags & F_DISP) || !(p->flags & F_INDEX))
				continue;	/* the add of the GOT */
			if (F.rel) {
				struct reloc *r = reloc_in(fl->ls[k], p->addr - fl->ls[k]->addr, p->len);

				have = reloc_value(fl->ls[k], p->addr - fl->ls[k]->addr, p->len, &table);
				pic = r && r->type == R_386_GOTOFF;
			} else if (F.have_got) {
				table = F.got + (uint32_t)p->disp;
				have = pic = true;
			}
			break;
		}
	}
	if (!have || !(ts = data_sec_of(table)))
		return 0;
	for (off = table - ts->addr; off + 4 <= ts->size && n < 4096; off += 4) {
		uint32_t t;
		int j;

		if (F.rel) {
			if (!reloc_value(ts, off, 4, &t) || reloc_in(ts, off, 4)->offset != off)
				break;
		} else {
			t = rd32(ts->data, off);
			if (pic)
				t += F.got;
		}
		j = local_index(fl, t);
		if (j < 0)
			break;
		merge_into(fl, j, st);
		n++;
	}
	return n;
}

/* The stack slot disp(base) names: its depth and numbering, if known. */
static bool slot_of(const struct state *s, int base, int32_t disp, int32_t *depth,
		    int32_t *numbering)
{
	if (base == R_ESP) {
		*depth = s->v - disp;
		*numbering = s->base;
	} else if (base >= 0 && base < 8 && (s->relmask & (1 << base))) {
		*depth = s->rel[base] - disp;
		*numbering = s->relbase[base];
	} else {
		return false;
	}
	return *numbering != -1;
}

/*
 * Forget the saved registers a write of w bytes at depth d may have
 * overwritten (depth d is the address G - d; a slot holds 4 bytes).
 */
static void clobber_slots(struct state *s, int32_t d, int w, int32_t numbering)
{
	int k, n = 0;

	for (k = 0; k < s->nslots; k++)
		if (s->slot[k].base != numbering || d < s->slot[k].depth - 3 ||
		    d > s->slot[k].depth + w - 1)
			s->slot[n++] = s->slot[k];
	s->nslots = n;
}

static void step(struct flow *fl, int i)
{
	struct func *f = fl->f;
	struct insn *in = fl->li[i];
	struct state s = fl->st[i];
	int next = fallthrough(fl, i);
	int resume, r, k;
	bool go_on = true;
	uint8_t wmask;
	static const char *trace = (const char *)-1;

	if (trace == (const char *)-1)
		trace = getenv("STACKCHECK_VERIFY_TRACE");
	if (trace && !strcmp(trace, f->name))
		fprintf(stderr, "trace %s %#x: v=%d base=%d%s relmask=%#x nslots=%d\n",
			f->name, in->addr, s.v, s.base,
			s.unbounded ? " unbounded" : "", s.relmask, s.nslots);

	if (s.switched) {
		/* on another stack: calls run there, the register leads back */
		if ((in->kind == K_XCHG_ESP || in->kind == K_MOV_TO_ESP) &&
		    (s.relmask & (1 << in->r1))) {
			s.switched = false;
			s.v = s.rel[in->r1];
			s.base = s.relbase[in->r1];
			if (in->kind == K_XCHG_ESP)
				s.relmask &= ~(1 << in->r1);
			drop_dead_slots(&s);
			if (next >= 0)
				merge_into(fl, next, &s);
			return;
		}
		if (in->kind == K_CALL || in->kind == K_CALL_IND) {
			count_site(fl, i, &f->stack_switches);
			s.relmask &= ~M_CALLER;
		} else if (in->flags & F_STACK) {
			set_unbounded(fl, in->addr,
				      "the stack is used on another stack (after xchg %reg,%esp)");
			return;
		} else {
			for (r = 0; r < 8; r++)
				if (in->wmask & (1 << r))
					s.relmask &= ~(1 << r);
		}
		if (in->kind == K_RET || in->kind == K_STOP || in->kind == K_JMP_IND)
			return;
		if (in->kind == K_JMP || in->kind == K_JCC)
			branch(fl, i, &s, false, false);
		if (in->kind != K_JMP && next >= 0)
			merge_into(fl, next, &s);
		return;
	}
	if (s.unbounded) {
		/* %esp unknown: only a check after alloca or a restore may follow */
		if (dynamic_check(fl, i, &resume)) {
			s.unbounded = false;
			s.v = -dynamic_reserve(fl, resume);
			s.base = i + 1;
			merge_into(fl, resume, &s);
			return;
		}
		if ((in->kind == K_LOAD && in->r2 == R_ESP && in->r1 != R_ESP) ||
		    (in->kind == K_MOV_TO_ESP && (s.relmask & (1 << in->r1))) ||
		    (in->kind == K_LEA_ESP && in->r1 != R_NONE && in->r1 != R_ESP &&
		     !(in->flags & F_INDEX) && (s.relmask & (1 << in->r1))) ||
		    (in->kind == K_LEAVE && (s.relmask & (1 << R_EBP)))) {
			s.unbounded = false;
		} else if (in->flags & F_STACK) {
			set_unbounded(fl, in->addr, f->test != UNTESTED ?
				      "the stack is used after %esp moved by an unknown amount, with no check" :
				      "%esp moves by an unknown amount (alloca, VLA or a stack switch)");
			return;
		} else {
			/* no stack use: stay unknown */
			for (r = 0; r < 8; r++)
				if (in->wmask & (1 << r))
					s.relmask &= ~(1 << r);
			if (in->kind == K_RET || in->kind == K_STOP || in->kind == K_JMP_IND)
				return;
			if (in->kind == K_JMP || in->kind == K_JCC)
				branch(fl, i, &s, false, false);
			if (in->kind != K_JMP && next >= 0)
				merge_into(fl, next, &s);
			return;
		}
	} else {
		if (s.v > f->local_max) {
			f->local_max = s.v;
			f->local_at = in->addr;
		}
		/* a check here: the unseen bytes start again from %esp */
		if (dynamic_check(fl, i, &resume) &&
		    s.v > -dynamic_reserve(fl, resume)) {
			s.v = -dynamic_reserve(fl, resume);
			s.base = i + 1;
			merge_into(fl, resume, &s);
			return;
		}
	}

	if (in->flags & F_MEMDST) {
		int32_t d, b;

		if (slot_of(&s, in->r1, in->disp, &d, &b))
			clobber_slots(&s, d, in->r2, b);
	}
	/* registers the instruction overwrites lose their stack address */
	wmask = in->wmask;
	if (in->kind == K_CALL) {
		struct target t = branch_target(fl->ls[i], in);

		for (k = 0; k < F.nthunks; k++)
			if (t.kind == T_ADDR && t.addr == F.thunks[k])
				wmask = 1 << F.thunk_reg[k];
	}
	for (r = 0; r < 8; r++)
		if ((wmask & (1 << r)) && in->kind != K_MOV_ESP_TO &&
		    in->kind != K_LEA_FROM && in->kind != K_MOV_REG && in->kind != K_POP &&
		    in->kind != K_LEAVE && in->kind != K_ENTER && in->kind != K_LOAD)
			s.relmask &= ~(1 << r);

	switch (in->kind) {
	case K_PUSH:
		s.v += (in->flags & F_HALF) ? 2 : 4;
		if (in->r1 != R_NONE && (s.relmask & (1 << in->r1)) && s.base != -1) {
			if (s.nslots == NSLOTS)
				memmove(&s.slot[0], &s.slot[1], (NSLOTS - 1) * sizeof(s.slot[0]));
			else
				s.nslots++;
			s.slot[s.nslots - 1].depth = s.v;
			s.slot[s.nslots - 1].base = s.base;
			s.slot[s.nslots - 1].value = s.rel[in->r1];
			s.slot[s.nslots - 1].vbase = s.relbase[in->r1];
			s.slot[s.nslots - 1].reg = in->r1;
		}
		break;
	case K_POP:
		if (in->r2 != R_NONE) {
			s.relmask &= ~(1 << in->r2);
			for (k = s.nslots - 1; k >= 0; k--)
				if (s.slot[k].depth == s.v && s.slot[k].base == s.base &&
				    s.base != -1) {
					s.relmask |= 1 << in->r2;
					s.rel[in->r2] = s.slot[k].value;
					s.relbase[in->r2] = s.slot[k].vbase;
					break;
				}
		}
		s.v -= (in->flags & F_HALF) ? 2 : 4;
		drop_dead_slots(&s);
		break;
	case K_PUSHA:
		s.v += (in->flags & F_HALF) ? 16 : 32;
		break;
	case K_POPA:
		s.v -= (in->flags & F_HALF) ? 16 : 32;
		s.relmask = 0;
		drop_dead_slots(&s);
		break;
	case K_ADJ_ESP:
		s.v -= in->imm;
		drop_dead_slots(&s);
		break;
	case K_AND_ESP: {
		uint32_t n = -(uint32_t)in->imm;

		if ((uint32_t)in->imm == 0xffffffffu) {
			break;
		} else if (n && !(n & (n - 1)) && n <= 1u << 20) {
			/*
			 * Realigned: at most n - 4 more, %esp being a
			 * multiple of 4 on i386 (the ABI, and every push,
			 * pop and call moves it by 4).
			 */
			s.v += (int32_t)n - (n >= 4 ? 4 : 1);
			s.base = i + 1;
			s.nslots = 0;
		} else {
			s.unbounded = true;
			set_unbounded(fl, in->addr, "%esp and'ed with an unusual mask");
		}
		break;
	}
	case K_LEA_ESP:
		if (in->flags & F_INDEX) {
			s.unbounded = true;
		} else if (in->r1 == R_ESP) {
			s.v -= in->disp;
			drop_dead_slots(&s);
		} else if (in->r1 != R_NONE && (s.relmask & (1 << in->r1))) {
			s.v = s.rel[in->r1] - in->disp;
			s.base = s.relbase[in->r1];
			drop_dead_slots(&s);
		} else {
			s.unbounded = true;
		}
		break;
	case K_MOV_TO_ESP:
		if (s.relmask & (1 << in->r1)) {
			s.v = s.rel[in->r1];
			s.base = s.relbase[in->r1];
			drop_dead_slots(&s);
		} else {
			s.unbounded = true;
		}
		break;
	case K_ESP_UNKNOWN:
		s.unbounded = true;
		break;
	case K_STORE: {
		int32_t d, b;

		if (!slot_of(&s, in->r1, in->disp, &d, &b))
			break;
		clobber_slots(&s, d, 4, b);
		if (in->r2 != R_ESP && !(s.relmask & (1 << in->r2)))
			break;
		if (s.nslots == NSLOTS)
			memmove(&s.slot[0], &s.slot[1], (NSLOTS - 1) * sizeof(s.slot[0]));
		else
			s.nslots++;
		s.slot[s.nslots - 1].depth = d;
		s.slot[s.nslots - 1].base = b;
		/* %esp itself: GCC's save of the stack pointer around a VLA */
		s.slot[s.nslots - 1].value = in->r2 == R_ESP ? s.v : s.rel[in->r2];
		s.slot[s.nslots - 1].vbase = in->r2 == R_ESP ? s.base : s.relbase[in->r2];
		s.slot[s.nslots - 1].reg = in->r2;
		break;
	}
	case K_LOAD: {
		int32_t d, b;
		bool found = false;

		s.relmask &= ~(1 << in->r2);
		if (slot_of(&fl->st[i], in->r1, in->disp, &d, &b))
			for (k = s.nslots - 1; k >= 0 && !found; k--)
				if (s.slot[k].depth == d && s.slot[k].base == b) {
					found = true;
					if (in->r2 == R_ESP) {
						/* the saved stack pointer back */
						s.v = s.slot[k].value;
						s.base = s.slot[k].vbase;
						break;
					}
					s.relmask |= 1 << in->r2;
					s.rel[in->r2] = s.slot[k].value;
					s.relbase[in->r2] = s.slot[k].vbase;
				}
		if (in->r2 == R_ESP) {
			if (found)
				drop_dead_slots(&s);
			else
				s.unbounded = true;
		}
		break;
	}
	case K_XCHG_ESP:
		/* the register keeps this stack's %esp: the way back */
		s.relmask |= 1 << in->r1;
		s.rel[in->r1] = s.v;
		s.relbase[in->r1] = s.base;
		s.switched = true;
		break;
	case K_MOV_ESP_TO:
		s.relmask |= 1 << in->r2;
		s.rel[in->r2] = s.v;
		s.relbase[in->r2] = s.base;
		break;
	case K_LEA_FROM:
		if (in->r1 == R_ESP && !(in->flags & F_INDEX)) {
			s.relmask |= 1 << in->r2;
			s.rel[in->r2] = s.v - in->disp;
			s.relbase[in->r2] = s.base;
		} else if (in->r1 != R_NONE && (s.relmask & (1 << in->r1)) &&
			   !(in->flags & F_INDEX)) {
			s.rel[in->r2] = s.rel[in->r1] - in->disp;
			s.relbase[in->r2] = s.relbase[in->r1];
			s.relmask |= 1 << in->r2;
		} else {
			s.relmask &= ~(1 << in->r2);
		}
		break;
	case K_MOV_REG:
		if (s.relmask & (1 << in->r1)) {
			s.relmask |= 1 << in->r2;
			s.rel[in->r2] = s.rel[in->r1];
			s.relbase[in->r2] = s.relbase[in->r1];
		} else {
			s.relmask &= ~(1 << in->r2);
		}
		break;
	case K_ENTER:
		s.v += 4;
		s.relmask |= 1 << R_EBP;
		s.rel[R_EBP] = s.v;
		s.relbase[R_EBP] = s.base;
		s.v += in->imm + 4 * (in->disp & 31);
		break;
	case K_LEAVE:
		if (s.relmask & (1 << R_EBP)) {
			s.v = s.rel[R_EBP];
			s.base = s.relbase[R_EBP];
			drop_dead_slots(&s);
			s.relmask &= ~(1 << R_EBP);
			for (k = s.nslots - 1; k >= 0; k--)
				if (s.slot[k].depth == s.v && s.slot[k].base == s.base &&
				    s.base != -1) {
					s.relmask |= 1 << R_EBP;
					s.rel[R_EBP] = s.slot[k].value;
					s.relbase[R_EBP] = s.slot[k].vbase;
					break;
				}
			s.v -= 4;
			drop_dead_slots(&s);
		} else {
			s.unbounded = true;
		}
		break;
	case K_CALL: {
		struct target t = branch_target(fl->ls[i], in);
		int g;

		branch(fl, i, &s, true, true);
		if (t.kind == T_ADDR && (g = func_at(t.addr)) >= 0 && ret_pop(&F.funcs[g])) {
			s.v -= F.funcs[g].ret_pop;
			drop_dead_slots(&s);
		}
		break;
	}
	case K_CALL_IND: {
		struct target t = branch_target(fl->ls[i], in);

		if (t.kind == T_ADDR && func_at(t.addr) >= 0)
			record_edge(fl, i, func_at(t.addr), s.v, false);
		else if (t.kind == T_EXTERN)
			count_site(fl, i, &f->external_calls);
		else if (t.kind != T_SLOWPATH)
			count_site(fl, i, &f->indirect_calls);
		break;
	}
	case K_JMP:
		branch(fl, i, &s, false, true);
		go_on = false;
		break;
	case K_JCC:
		/* the entry test's jz goes to the stub, which returns past it */
		if (!(f->test == TESTED && i + 1 < fl->n && fl->li[i]->addr > f->test_at &&
		      i > 0 && fl->li[i - 1]->addr == f->test_at))
			branch(fl, i, &s, false, true);
		break;
	case K_JMP_IND: {
		struct target t = branch_target(fl->ls[i], in);

		go_on = false;
		if (t.kind == T_ADDR && func_at(t.addr) >= 0) {
			record_edge(fl, i, func_at(t.addr), s.v, true);
			break;
		}
		if (t.kind == T_EXTERN) {
			count_site(fl, i, &f->external_calls);
			break;
		}
		if (switch_table(fl, i, &s)) {
			count_site(fl, i, &f->table_jumps);
			break;
		}
		/* a switch we cannot read, or a tail call through a pointer */
		count_site(fl, i, &f->indirect_jumps);
		for (k = 0; k < fl->nblocks; k++)
			merge_into(fl, fl->blocks[k], &s);
		break;
	}
	case K_RET:
	case K_STOP:
		go_on = false;
		break;
	default:
		break;
	}
	/* in a tested function only a use of the stack that follows is wrong */
	if (s.unbounded && f->test == UNTESTED)
		set_unbounded(fl, in->addr,
			      "%esp moves by an unknown amount (alloca, VLA or a stack switch)");
	if (!go_on || next < 0)
		return;
	/*
	 * Falling out of a call into a label: kept aside until the label's
	 * other edges are known.  GCC keeps one stack depth per label, so
	 * when they disagree the call does not return (longjmp, abort).
	 */
	if (in->kind == K_CALL || in->kind == K_CALL_IND) {
		int l = next;

		/* past the padding a call that does not return may be followed by */
		while (l >= 0 && fl->li[l]->kind == K_NOP && !fl->label[l])
			l = fallthrough(fl, l);
		if (l >= 0 && fl->label[l]) {
			if (!fl->has_after[l]) {
				fl->has_after[l] = true;
				fl->after_call[l] = s;
			} else if (s.v > fl->after_call[l].v || s.unbounded) {
				fl->after_call[l].v = s.v > fl->after_call[l].v ?
						      s.v : fl->after_call[l].v;
				fl->after_call[l].unbounded |= s.unbounded;
			}
			return;
		}
	}
	merge_into(fl, next, &s);
}

static int cmp_insn_ptr(const void *a, const void *b)
{
	const struct insn *x = *(struct insn *const *)a, *y = *(struct insn *const *)b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static void analyse(struct func *f)
{
	struct flow fl = { 0 };
	int r, i, n = 0;
	size_t k;
	struct state init;

	f->analysed = true;
	f->local_max = INT_MIN;
	for (r = 0; r < f->nranges; r++)
		n += (int)(f->ranges[r].hi - f->ranges[r].lo);
	if (!n)
		return;
	fl.f = f;
	fl.n = n;
	fl.li = xmalloc(n * sizeof(*fl.li));
	fl.ls = xmalloc(n * sizeof(*fl.ls));
	n = 0;
	for (r = 0; r < f->nranges; r++) {
		struct section *s = &F.secs[f->ranges[r].sec];

		for (k = f->ranges[r].lo; k < f->ranges[r].hi; k++)
			fl.li[n++] = &s->insns[k];
	}
	qsort(fl.li, n, sizeof(*fl.li), cmp_insn_ptr);
	for (i = 0; i < n; i++)
		fl.ls[i] = sec_of_addr(fl.li[i]->addr);
	fl.st = xcalloc(n, sizeof(*fl.st));
	fl.work = xmalloc(n * sizeof(int));
	fl.inq = xcalloc(n, sizeof(bool));
	fl.edge_of = xmalloc(n * sizeof(int));
	fl.counted = xcalloc(n, sizeof(bool));
	fl.label = xcalloc(n, sizeof(bool));
	fl.has_after = xcalloc(n, sizeof(bool));
	fl.after_call = xcalloc(n, sizeof(struct state));
	for (i = 0; i < n; i++)
		fl.edge_of[i] = -1;
	/*
	 * Where a switch's indirect jmp may go: every block after a barrier
	 * (a block that is also a direct branch's target gets its state that
	 * way, at the same depth: GCC keeps one depth per block).
	 */
	fl.blocks = xmalloc(n * sizeof(int));
	for (i = 0; i < n; i++) {
		struct insn *p = i ? fl.li[i - 1] : NULL;

		/* a stub (call of the slow path) is entered only by its test */
		if (fl.li[i]->kind == K_CALL &&
		    branch_target(fl.ls[i], fl.li[i]).kind == T_SLOWPATH)
			continue;
		/* nor is the entry (after a cold part at a lower address) */
		if (fl.li[i]->addr == f->addr)
			continue;
		if (p && (p->kind == K_JMP || p->kind == K_JMP_IND || p->kind == K_RET ||
			  p->kind == K_STOP || fallthrough(&fl, i - 1) < 0))
			fl.blocks[fl.nblocks++] = i;
	}

	for (i = 0; i < n; i++) {
		struct insn *p = fl.li[i];
		int j;

		if (p->kind != K_JMP && p->kind != K_JCC)
			continue;
		j = local_index(&fl, branch_target(fl.ls[i], p).addr);
		if (j >= 0)
			fl.label[j] = true;
	}

	memset(&init, 0, sizeof(init));
	init.v = 4 - (int32_t)(f->test != UNTESTED ? f->budget : 0);
	i = local_index(&fl, f->addr);
	if (i < 0)
		i = 0;
	merge_into(&fl, i, &init);
	for (;;) {
		bool more = false;

		while (fl.nwork) {
			i = fl.work[--fl.nwork];
			fl.inq[i] = false;
			step(&fl, i);
		}
		/* calls falling into labels: the only way in, or no depth more */
		for (i = 0; i < n; i++) {
			struct state *a = &fl.after_call[i];

			if (!fl.has_after[i])
				continue;
			if (!fl.st[i].reached) {
				merge_into(&fl, i, a);
				more = true;
			} else if (a->v > fl.st[i].v || (a->unbounded && !fl.st[i].unbounded)) {
				if (verbose)
					note("%s: the call before %#x does not return (%d bytes deeper than the label's other edges)",
					     f->name, fl.li[i]->addr, a->v - fl.st[i].v);
			}
			fl.has_after[i] = false;
		}
		if (!more)
			break;
	}
	if (f->local_max == INT_MIN)
		f->local_max = init.v;
	free(fl.li);
	free(fl.ls);
	free(fl.st);
	free(fl.work);
	free(fl.inq);
	free(fl.edge_of);
	free(fl.counted);
	free(fl.label);
	free(fl.has_after);
	free(fl.after_call);
	free(fl.blocks);
}

/* ---------------------------------------------------------------- */
/* Reach: the deepest path through untested functions                 */

static bool followed(const struct func *g)
{
	return g->test == UNTESTED && g->in_scope;
}

static int *dfs_stack;
static struct edge **dfs_edge;	/* the edge that led to dfs_stack[d] */
static int dfs_depth;

static void print_path(struct func *f, long start);

static long reach(int fi)
{
	struct func *f = &F.funcs[fi];
	int k;

	if (f->color == 2)
		return f->reach;
	if (f->color == 1)
		return 0;
	f->color = 1;
	dfs_stack[dfs_depth] = fi;
	dfs_depth++;
	if (!f->analysed)
		analyse(f);
	f->reach = f->local_max;
	f->best = -1;
	for (k = 0; k < f->nedges; k++) {
		struct edge *e = &f->edges[k];
		struct func *g = &F.funcs[e->callee];
		long v;

		if (!followed(g))
			continue;
		if (g->color == 1) {
			int d, first;
			long grows = e->tail ? e->v - 4 : BIG;

			for (d = dfs_depth - 1; d >= 0 && dfs_stack[d] != e->callee; d--)
				;
			first = d < 0 ? 0 : d;
			/* a loop of tail jumps that pop what they pushed is no recursion */
			for (d = first + 1; d < dfs_depth; d++)
				grows += dfs_edge[d]->tail ? dfs_edge[d]->v - 4 : BIG;
			if (grows <= 0 || g->cycle_reported)
				continue;
			g->cycle_reported = true;
			printf("%s: FAIL: a cycle through functions without a test: ", F.path);
			for (d = first; d < dfs_depth; d++)
				printf("%s %s ", F.funcs[dfs_stack[d]].name,
				       d + 1 < dfs_depth ? (dfs_edge[d + 1]->tail ? "=>" : "->") :
				       (e->tail ? "=>" : "->"));
			printf("%s\n", g->name);
			F.fails++;
			continue;
		}
		dfs_edge[dfs_depth] = e;
		v = e->v + reach(e->callee) - (e->tail ? 4 : 0);
		if (v > f->reach) {
			f->reach = v;
			f->best = k;
		}
	}
	dfs_depth--;
	f->color = 2;
	return f->reach;
}

/* "api (reserves 96) -> helper +24 -> leaf +16" */
static void print_path(struct func *f, long start)
{
	long share;
	struct edge *e;

	(void)start;
	for (;;) {
		e = f->best >= 0 ? &f->edges[f->best] : NULL;
		share = e ? e->v - (e->tail ? 4 : 0) : f->reach;
		if (f->test != UNTESTED)
			printf("%s (reserves %ld%s)", f->name, f->budget,
			       f->has_desc ? "" : ", no descriptor");
		else
			printf("%s", f->name);
		if (f->test == UNTESTED || share)
			printf(" %+ld", share);
		if (!e)
			break;
		printf(e->tail ? " => " : " -> ");
		f = &F.funcs[e->callee];
	}
}

/* ---------------------------------------------------------------- */
/* One file                                                           */

static void free_file(void)
{
	size_t i;
	int k;

	for (i = 0; i < F.nsecs; i++) {
		free(F.secs[i].name);
		free(F.secs[i].insns);
		free(F.secs[i].relocs);
		free(F.secs[i].in_scope);
	}
	for (k = 0; k < F.nfuncs; k++) {
		free((char *)F.funcs[k].name);
		free(F.funcs[k].alias);
		free(F.funcs[k].ranges);
		free(F.funcs[k].edges);
	}
	free(F.secs);
	free(F.exec_order);
	free(F.funcs);
	free(F.by_addr);
	free(F.descs);
	free(F.slowpath);
	free(F.thunks);
	free(F.thunk_reg);
	if (F.elf)
		elf_end(F.elf);
	if (F.fd >= 0)
		close(F.fd);
}

static void check_entered_from_outside(void)
{
	size_t i, k;
	int fi, r;

	/* which instructions belong to in-scope functions */
	for (i = 1; i < F.nsecs; i++)
		if (F.secs[i].exec)
			F.secs[i].in_scope = xcalloc(F.secs[i].ninsns, 1);
	for (fi = 0; fi < F.nby; fi++) {
		struct func *f = &F.funcs[F.by_addr[fi]];

		if (!f->in_scope && f->test == UNTESTED)
			continue;
		for (r = 0; r < f->nranges; r++)
			memset(F.secs[f->ranges[r].sec].in_scope + f->ranges[r].lo, 1,
			       f->ranges[r].hi - f->ranges[r].lo);
	}
	for (i = 1; i < F.nsecs; i++) {
		struct section *s = &F.secs[i];

		if (!s->exec)
			continue;
		for (k = 0; k < s->ninsns; k++) {
			struct insn *in = &s->insns[k];
			struct target t;
			int g;

			if (s->in_scope[k] || (in->kind != K_CALL && in->kind != K_JMP &&
					       in->kind != K_JCC))
				continue;
			t = branch_target(s, in);
			if (t.kind != T_ADDR || (g = func_at(t.addr)) < 0 ||
			    !followed(&F.funcs[g]) || F.funcs[g].entered_by)
				continue;
			r = func_containing(in->addr);
			F.funcs[g].entered_by = r >= 0 ? F.funcs[r].name :
						"code outside any function";
		}
	}
}

static int verify(void)
{
	int fi, k;
	int ntested = 0, nuntested = 0, nout = 0, ntaken = 0;
	int nind = 0, njmp = 0, next = 0, nodesc = 0, nswitch = 0, ntable = 0;
	long worst = LONG_MIN;
	int worst_f = -1;
	struct stat st;
	const char *path = F.path;

	F.fd = open(path, O_RDONLY);
	if (F.fd < 0)
		bad("cannot open: %s", strerror(errno));
	if (fstat(F.fd, &st) || !S_ISREG(st.st_mode))
		bad("not a regular file");
	F.elf = elf_begin(F.fd, ELF_C_READ, NULL);
	if (!F.elf || elf_kind(F.elf) != ELF_K_ELF)
		bad("not an ELF file");
	if (!gelf_getehdr(F.elf, &F.eh))
		bad("cannot read the ELF header: %s", elf_errmsg(-1));
	if (gelf_getclass(F.elf) != ELFCLASS32 || F.eh.e_machine != EM_386)
		bad("not an i386 (ELF32, EM_386) file: stackcheck is for -m32 code");
	if (F.eh.e_type != ET_REL && F.eh.e_type != ET_EXEC && F.eh.e_type != ET_DYN)
		bad("neither an object, an executable nor a shared object");
	F.rel = F.eh.e_type == ET_REL;

	read_sections();
	if (F.rel)
		read_relocs();
	disassemble();
	read_symbols();
	make_ranges();
	compact_by_addr();
	read_descriptors();
	kernel_ranges();

	for (fi = 0; fi < F.nby; fi++) {
		struct func *f = &F.funcs[F.by_addr[fi]];

		find_test(f);
		decide_scope(f);
	}
	scan_address_taken();
	check_entered_from_outside();

	dfs_stack = xmalloc((F.nfuncs + 1) * sizeof(int));
	dfs_edge = xcalloc(F.nfuncs + 1, sizeof(*dfs_edge));
	dfs_depth = 0;

	for (fi = 0; fi < F.nby; fi++) {
		struct func *f = &F.funcs[F.by_addr[fi]];
		const char *why = NULL;
		long u;

		if (f->test == UNTESTED && !f->in_scope) {
			nout++;
			if (verbose)
				printf("%s: out of scope: %s (%s)\n", F.path, f->name, f->why_out);
			continue;
		}
		if (f->test != UNTESTED)
			ntested++;
		else
			nuntested++;
		/* the table against the machine code */
		if (f->row && f->row->expect == EXPECT_TEST && f->test == UNTESTED)
			add_fail("%s: the table says %s, the binary has no test", f->name,
				 f->row->decision);
		/*
		 * Tested where the table says not: safe, and what a symbol
		 * looks like when its row is another definition of the name
		 * (a weak default the linker dropped for an alias, as 6.1's
		 * sched_clock for native_sched_clock): a note.
		 */
		if (f->row && f->row->expect == EXPECT_NONE && f->test != UNTESTED) {
			note("%s: the table says %s, the binary tests it at %#x (another definition of the name?)",
			     f->name, f->row->decision, f->test_at);
			F.warnings++;
		}
		if (f->test != UNTESTED && !f->has_desc) {
			nodesc++;
			note("%s: the test at %#x has no descriptor: it reserves 0 bytes",
			     f->name, f->test_at);
		}
		if (threshold >= 0 && f->test == TESTED) {
			uint32_t kbytes = f->mask & -f->mask;

			if (!f->mask || kbytes < (uint64_t)threshold + f->budget)
				add_fail("%s: the test's mask %#x fires below %u bytes left, not threshold %ld + reserved %ld",
					 f->name, f->mask, kbytes, threshold, f->budget);
		}

		u = reach(F.by_addr[fi]);
		nind += f->indirect_calls;
		njmp += f->indirect_jumps;
		nswitch += f->stack_switches;
		ntable += f->table_jumps;
		if (f->stack_switches && verbose)
			note("%s: %d calls on another stack (xchg %%reg,%%esp): not followed",
			     f->name, f->stack_switches);
		next += f->external_calls;
		if (f->unbounded_at)
			add_fail("%s%s: at %#x: %s", f->name,
				 f->test == UNTESTED ? " (no test)" : "", f->unbounded_at,
				 f->unbounded_why);

		if (f->test != UNTESTED) {
			why = "tested";
		} else {
			if (f->addr_taken)
				ntaken++;
			if (F.rel && f->global)
				why = "global: other units call it";
			else if (f->addr_taken)
				why = "its address is taken";
			else if (f->entered_by)
				why = "called from out-of-scope code";
		}
		if (verbose && f->test != UNTESTED)
			printf("%s: tested %s at %#x: reserves %ld, unseen %ld\n", F.path,
			       f->name, f->addr, f->budget, u);
		else if (verbose)
			printf("%s: untested %s at %#x: reach %ld%s%s\n", F.path,
			       f->name, f->addr, u, why ? ", entered from outside: " : "",
			       why ? why : "");
		if (!why)
			continue;
		if (u > worst) {
			worst = u;
			worst_f = F.by_addr[fi];
		}
		if (u > bound) {
			printf("%s: FAIL: unseen %ld bytes > %ld: ", F.path, u, bound);
			if (f->test == UNTESTED)
				printf("(no test; %s%s%s) ", why,
				       f->entered_by && !f->addr_taken && !(F.rel && f->global) ?
				       ": " : "",
				       f->entered_by && !f->addr_taken && !(F.rel && f->global) ?
				       f->entered_by : "");
			print_path(f, u);
			putchar('\n');
			F.fails++;
		}
	}
	if (verbose)
		for (fi = 0; fi < F.nby; fi++) {
			struct func *f = &F.funcs[F.by_addr[fi]];

			for (k = 0; k < f->nedges && f->analysed; k++)
				if (!F.funcs[f->edges[k].callee].in_scope &&
				    F.funcs[f->edges[k].callee].test == UNTESTED)
					printf("%s: not followed: %s at %#x calls %s (out of scope)\n",
					       F.path, f->name, f->edges[k].site,
					       F.funcs[f->edges[k].callee].name);
		}

	printf("%s: %d functions: %d tested, %d untested in scope, %d out of scope; "
	       "%d descriptors; %d switch tables read; not followed: %d indirect calls, "
	       "%d indirect jumps, %d calls out of the file, %d calls on another stack; "
	       "%d untested with their address taken\n",
	       F.path, F.nby, ntested, nuntested, nout, (int)F.ndescs, ntable, nind, njmp,
	       next, nswitch, ntaken);
	if (worst_f >= 0) {
		printf("%s: worst unseen: %ld bytes: ", F.path, worst);
		print_path(&F.funcs[worst_f], worst);
		putchar('\n');
	} else {
		printf("%s: worst unseen: none (no tested function, nothing entered from outside)\n",
		       F.path);
	}
	printf("%s: bound %ld bytes: %s\n", F.path, bound,
	       F.fails ? "BROKEN" : "holds");
	free(dfs_stack);
	free(dfs_edge);
	dfs_stack = NULL;
	dfs_edge = NULL;
	return F.fails ? EXIT_BROKEN : EXIT_HOLDS;
}

/* One ELF file: 0 holds, 1 broken, 2 unreadable. */
static int verify_file(const char *path)
{
	int status;

	memset(&F, 0, sizeof(F));
	F.fd = -1;
	F.path = path;
	cur_file = path;
	if (setjmp(bad_input)) {
		free(dfs_stack);
		free(dfs_edge);
		dfs_stack = NULL;
		dfs_edge = NULL;
		free_file();
		return EXIT_BAD;
	}
	status = verify();
	free_file();
	return status;
}

/* ---------------------------------------------------------------- */

/*
 * The manual: --help prints it, and `make man` turns it into
 * stackcheck-verify(1) (tools/mkman reads the NAME, SYNOPSIS, ... sections).
 */
static void help(void)
{
	printf("NAME\n"
	       "    stackcheck-verify - prove from the machine code that no stack overflow goes\n"
	       "    unseen through the checks the stackcheck plugin skipped\n"
	       "\n"
	       "SYNOPSIS\n"
	       "    stackcheck-verify [--table FILE]... [--bound N] [--threshold N] [-v] ELF...\n"
	       "\n"
	       "DESCRIPTION\n"
	       "    Reads i386 code built with the stackcheck plugin (relocatable objects,\n"
	       "    executables, shared objects, vmlinux) and proves that at most N bytes\n"
	       "    (--bound, default %d: the plugin's leaf-skip) of stack are used between\n"
	       "    two tests.  It trusts nothing the plugin says: which functions carry an\n"
	       "    entry test, how many bytes each test reserves, how deep each function\n"
	       "    goes and who calls whom all come from the binary (objdump -d, libelf and\n"
	       "    the relocations).  It checks that every function without a test is\n"
	       "    reached only by direct calls or jumps from functions with one, within\n"
	       "    the bound; that no cycle of the call graph passes only through untested\n"
	       "    functions; that no untested function's address is taken; that every\n"
	       "    alloca is checked.  It prints the worst path of unseen bytes between two\n"
	       "    tests, and each path that breaks the bound.\n"
	       "\n"
	       "    It cannot follow indirect calls, nor code built without the plugin\n"
	       "    (assembler, excluded files): docs/reference/verify.md says what it\n"
	       "    proves and what it cannot.\n"
	       "\n"
	       "OPTIONS\n"
	       "    --table FILE   The plugin's per-function table\n"
	       "                   (-fplugin-arg-stackcheck-table=FILE,\n"
	       "                   docs/reference/table-format.md): the scope\n"
	       "                   (which functions the plugin compiled) and a cross-check\n"
	       "                   of its decisions.  Repeatable.\n"
	       "    --bound N      The unseen bytes allowed between two tests (%d).\n"
	       "    --threshold N  Also check that each entry test's mask fires with at\n"
	       "                   least N bytes left below the bytes its descriptor reserves.\n"
	       "    -v             Every function (tested: what it reserves and leaves\n"
	       "                   unseen; untested: its reach and why it can be entered),\n"
	       "                   what is out of scope and why, what is not followed.\n"
	       "    -h, --help     This text.\n"
	       "\n"
	       "ENVIRONMENT\n"
	       "    OBJDUMP        The objdump to run (objdump).\n"
	       "    STACKCHECK_VERIFY_TRACE\n"
	       "                   A function name: trace the depth dataflow through it.\n"
	       "\n"
	       "EXIT STATUS\n"
	       "    0  the bound holds in every file.\n"
	       "    1  it is broken: each offending path is printed, FILE: FAIL: ...\n"
	       "    2  bad usage, or an input it cannot read (not ELF, not i386, truncated,\n"
	       "       no symbol table, a bad table): one message on stderr.\n"
	       "\n"
	       "EXAMPLES\n"
	       "    stackcheck-verify --table build/kernel/stackcheck.table vmlinux\n"
	       "    gcc -m32 -O2 -fplugin=stackcheck -fplugin-arg-stackcheck-table=t.table -c f.c\n"
	       "    stackcheck-verify --table t.table f.o\n",
	       DEFAULT_BOUND, DEFAULT_BOUND);
}

static void usage(FILE *out)
{
	fprintf(out,
		"usage: %s [--table FILE]... [--bound N] [--threshold N] [-v] ELF...\n"
		"(%s --help: the manual)\n", progname, progname);
}

static long parse_count(const char *opt, const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < 0 || v > (1L << 24)) {
		fprintf(stderr, "%s: %s: '%s' is not a number of bytes (0..16777216)\n",
			progname, opt, s);
		exit(EXIT_BAD);
	}
	return v;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "table", required_argument, NULL, 't' },
		{ "bound", required_argument, NULL, 'b' },
		{ "threshold", required_argument, NULL, 'T' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c, i, status = EXIT_HOLDS;

	if (getenv("OBJDUMP") && *getenv("OBJDUMP"))
		objdump_cmd = getenv("OBJDUMP");
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":vh", longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			load_table(optarg);
			break;
		case 'b':
			bound = parse_count("--bound", optarg);
			break;
		case 'T':
			threshold = parse_count("--threshold", optarg);
			break;
		case 'v':
			verbose = 1;
			break;
		case 'h':
			help();
			return EXIT_HOLDS;
		case ':':
			fprintf(stderr, "%s: option '%s' needs an argument\n", progname,
				argv[optind - 1]);
			usage(stderr);
			return EXIT_BAD;
		default:
			fprintf(stderr, "%s: unknown option '%s'\n", progname, argv[optind - 1]);
			usage(stderr);
			return EXIT_BAD;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "%s: no ELF file given\n", progname);
		usage(stderr);
		return EXIT_BAD;
	}
	if (elf_version(EV_CURRENT) == EV_NONE)
		die("libelf: %s", elf_errmsg(-1));
	for (i = optind; i < argc; i++) {
		int r = verify_file(argv[i]);

		if (r > status)
			status = r;
	}
	return status;
}
