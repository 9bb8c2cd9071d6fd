// SPDX-License-Identifier: GPL-2.0
/* Workload: the kernel's xz decoder (lib/xz) in single-call mode, as the
 * kernel uses it for initramfs and squashfs. */
#include <linux/xz.h>
#include "kshim.h"

/* Built with XZ_INTERNAL_CRC32=1: the decoder's own CRC-32 (xz_crc32.c),
 * as in the kernel's pre-boot decompressor, not lib/crc32.c. */
void xz_crc32_init(void);

BENCH_ENTRY long bench_run(const void *in, size_t in_len, void *out,
			   size_t out_cap)
{
	struct xz_buf b = {
		.in = in, .in_pos = 0, .in_size = in_len,
		.out = out, .out_pos = 0, .out_size = out_cap,
	};
	struct xz_dec *s;
	enum xz_ret ret;

	xz_crc32_init();
	s = xz_dec_init(XZ_SINGLE, 0);
	if (!s)
		return -1;
	ret = xz_dec_run(s, &b);
	xz_dec_end(s);
	return ret == XZ_STREAM_END ? (long)b.out_pos : -2 - (long)ret;
}
