// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck_sort [--check] VMLINUX: sort stackcheck's site descriptors by
 * key at build time, as scripts/sorttable sorts the exception table, so the
 * runtime finds them sorted at boot (its own sort is then one linear pass).
 *
 * The descriptors are 16-byte records between the symbols
 * __start___stackcheck_sites and __stop___stackcheck_sites (inside .data),
 * each beginning with its 32-bit key (runtime/stackcheck.h).  Records move
 * whole; every record has its one absolute relocation at offset 0, so the
 * relocations of a relocatable kernel (vmlinux.relocs lists offsets) still
 * fall on keys.  With --check nothing is written: exit 0 when sorted.
 *
 * i386 (ELF32, little-endian) only.  Exit 0, or 1 with a message.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define RECORD	16

static const char *prog = "stackcheck_sort";

static int fail(const char *file, const char *what)
{
	fprintf(stderr, "%s: %s: %s\n", prog, file, what);
	return 1;
}

static uint32_t le32(const unsigned char *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static int by_key(const void *a, const void *b)
{
	uint32_t x = le32(a), y = le32(b);

	return x < y ? -1 : x > y;
}

/* The file offset of [start, stop) in an allocated section, or -1. */
static long offset_of(const unsigned char *img, size_t len, const Elf32_Ehdr *eh,
		      uint32_t start, uint32_t stop)
{
	const Elf32_Shdr *sh = (const Elf32_Shdr *)(img + eh->e_shoff);
	unsigned int i;

	for (i = 0; i < eh->e_shnum; i++) {
		if (sh[i].sh_type != SHT_PROGBITS || !(sh[i].sh_flags & SHF_ALLOC))
			continue;
		if (start < sh[i].sh_addr || stop > sh[i].sh_addr + sh[i].sh_size)
			continue;
		if ((size_t)sh[i].sh_offset + sh[i].sh_size > len)
			return -1;
		return (long)(sh[i].sh_offset + (start - sh[i].sh_addr));
	}
	return -1;
}

int main(int argc, char **argv)
{
	const char *file;
	int check = 0, fd, found = 0;
	struct stat st;
	unsigned char *img;
	const Elf32_Ehdr *eh;
	const Elf32_Shdr *sh;
	uint32_t start = 0, stop = 0;
	unsigned int i;
	size_t n, k;
	long off;

	if (argc == 3 && !strcmp(argv[1], "--check"))
		check = 1;
	else if (argc != 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: %s [--check] VMLINUX\n", prog);
		return 1;
	}
	file = argv[argc - 1];
	fd = open(file, check ? O_RDONLY : O_RDWR);
	if (fd < 0 || fstat(fd, &st) < 0)
		return fail(file, strerror(errno));
	if ((size_t)st.st_size < sizeof(Elf32_Ehdr))
		return fail(file, "not an ELF file");
	img = mmap(NULL, st.st_size, check ? PROT_READ : PROT_READ | PROT_WRITE,
		   MAP_SHARED, fd, 0);
	if (img == MAP_FAILED)
		return fail(file, strerror(errno));
	eh = (const Elf32_Ehdr *)img;
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS32 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB || eh->e_machine != EM_386)
		return fail(file, "not an i386 ELF file (stackcheck supports i386 only)");
	if (eh->e_shentsize != sizeof(Elf32_Shdr) ||
	    eh->e_shoff + (size_t)eh->e_shnum * sizeof(Elf32_Shdr) > (size_t)st.st_size)
		return fail(file, "truncated section headers");
	sh = (const Elf32_Shdr *)(img + eh->e_shoff);

	for (i = 0; i < eh->e_shnum; i++) {
		const Elf32_Sym *sym;
		const char *names;
		size_t j, nsym;

		if (sh[i].sh_type != SHT_SYMTAB || sh[i].sh_link >= eh->e_shnum)
			continue;
		if ((size_t)sh[i].sh_offset + sh[i].sh_size > (size_t)st.st_size ||
		    (size_t)sh[sh[i].sh_link].sh_offset + sh[sh[i].sh_link].sh_size >
		    (size_t)st.st_size)
			return fail(file, "truncated symbol table");
		sym = (const Elf32_Sym *)(img + sh[i].sh_offset);
		nsym = sh[i].sh_size / sizeof(*sym);
		names = (const char *)img + sh[sh[i].sh_link].sh_offset;
		for (j = 0; j < nsym; j++) {
			const char *name;

			if (sym[j].st_name >= sh[sh[i].sh_link].sh_size)
				continue;
			name = names + sym[j].st_name;
			if (!strcmp(name, "__start___stackcheck_sites")) {
				start = sym[j].st_value;
				found |= 1;
			} else if (!strcmp(name, "__stop___stackcheck_sites")) {
				stop = sym[j].st_value;
				found |= 2;
			}
		}
	}
	if (found != 3)
		return fail(file, "no __start/__stop___stackcheck_sites symbols");
	if (stop < start || (stop - start) % RECORD)
		return fail(file, "__stackcheck_sites is not a whole number of 16-byte descriptors");
	n = (stop - start) / RECORD;
	if (!n)
		return 0;
	off = offset_of(img, st.st_size, eh, start, stop);
	if (off < 0)
		return fail(file, "__stackcheck_sites lies in no section of the file");

	for (k = 1; k < n; k++)
		if (by_key(img + off + (k - 1) * RECORD, img + off + k * RECORD) >= 0)
			break;
	if (check) {
		if (k < n) {
			fprintf(stderr, "%s: %s: %zu descriptors, not sorted (at %zu)\n",
				prog, file, n, k);
			return 1;
		}
		printf("%zu descriptors sorted by key\n", n);
		return 0;
	}
	if (k < n) {
		qsort(img + off, n, RECORD, by_key);
		for (k = 1; k < n; k++)
			if (!by_key(img + off + (k - 1) * RECORD, img + off + k * RECORD))
				return fail(file, "two descriptors with one key");
		if (msync(img, st.st_size, MS_SYNC) < 0)
			return fail(file, strerror(errno));
	}
	return munmap(img, st.st_size) || close(fd) ? fail(file, strerror(errno)) : 0;
}
