// SPDX-License-Identifier: GPL-2.0
/* Workload: the kernel's inflate (lib/zlib_inflate) on a zlib stream. */
#include <linux/zlib.h>
#include "kshim.h"

BENCH_ENTRY long bench_run(const void *in, size_t in_len, void *out,
			   size_t out_cap)
{
	z_stream s;
	int ret;

	memset(&s, 0, sizeof(s));
	s.workspace = kmalloc(zlib_inflate_workspacesize(), GFP_KERNEL);
	if (!s.workspace || zlib_inflateInit2(&s, MAX_WBITS) != Z_OK)
		return -1;
	s.next_in = in;
	s.avail_in = in_len;
	s.next_out = out;
	s.avail_out = out_cap;
	ret = zlib_inflate(&s, Z_FINISH);
	zlib_inflateEnd(&s);
	return ret == Z_STREAM_END ? (long)s.total_out : -2 + ret;
}
