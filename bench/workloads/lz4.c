// SPDX-License-Identifier: GPL-2.0
/* Workload: the kernel's lz4 (lib/lz4): compress the input, decompress it
 * again; the output is the round trip, so it must equal the input. */
#include <linux/lz4.h>
#include "kshim.h"

BENCH_ENTRY long bench_run(const void *in, size_t in_len, void *out,
			   size_t out_cap)
{
	int bound = LZ4_compressBound(in_len);
	char *packed = kmalloc(bound, GFP_KERNEL);
	void *wrkmem = kmalloc(LZ4_MEM_COMPRESS, GFP_KERNEL);
	int n;

	if (!packed || !wrkmem)
		return -1;
	n = LZ4_compress_default(in, packed, in_len, bound, wrkmem);
	if (n <= 0)
		return -2;
	return LZ4_decompress_safe(packed, out, n, out_cap);
}
