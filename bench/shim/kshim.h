/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The little of the kernel that lib/xz, lib/zlib_inflate, lib/lz4, lib/sort.c
 * and lib/rbtree.c need, so that the kernel's own files build unchanged as
 * -m32 -mregparm=3 user-space code for the benchmarks.  Every linux/ and asm/
 * header under bench/shim/ includes only this file.
 *
 * Kernel code never calls the C library: built with -mregparm=3 it could not
 * (glibc takes its arguments on the stack).  The string functions GCC may
 * call are renamed with asm labels to the bench_k* versions of kstring.c,
 * compiled with the same flags as the workload, as in a kernel.
 */
#ifndef BENCH_KSHIM_H
#define BENCH_KSHIM_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;
typedef u8 __u8;
typedef u16 __u16;
typedef u32 __u32;
typedef u64 __u64;
typedef u16 __le16;
typedef u32 __le32;
typedef u16 __be16;
typedef u32 __be32;
typedef unsigned int gfp_t;
typedef long ssize_t;

typedef int (*cmp_func_t)(const void *a, const void *b);
typedef void (*swap_func_t)(void *a, void *b, int size);
typedef int (*cmp_r_func_t)(const void *a, const void *b, const void *priv);
typedef void (*swap_r_func_t)(void *a, void *b, int size, const void *priv);

#define __init
#define __initdata
#define __exit
#define __force
#define __user
#define __iomem
#define __rcu
#define __must_check		__attribute__((__warn_unused_result__))
#define __always_inline		inline __attribute__((__always_inline__))
#define noinline		__attribute__((__noinline__))
#define __maybe_unused		__attribute__((__unused__))
#define __always_unused		__attribute__((__unused__))
#define __attribute_const__	__attribute__((__const__))
#define __pure			__attribute__((__pure__))
#define __packed		__attribute__((__packed__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __cold			__attribute__((__cold__))
#define __weak			__attribute__((__weak__))
#define fallthrough		__attribute__((__fallthrough__))
#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)
#define barrier()		__asm__ __volatile__("" ::: "memory")

#define EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_GPL(sym)
#define MODULE_LICENSE(x)
#define MODULE_DESCRIPTION(x)
#define MODULE_AUTHOR(x)
#define MODULE_VERSION(x)
#define module_init(x)
#define module_exit(x)

/* include/linux/kconfig.h's IS_ENABLED(); no CONFIG_ is set here. */
#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val
#define __is_defined(x)			___is_defined(x)
#define ___is_defined(val)		____is_defined(__ARG_PLACEHOLDER_##val)
#define ____is_defined(arg1_or_junk)	__take_second_arg(arg1_or_junk 1, 0)
#define IS_ENABLED(option)		__is_defined(option)

#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)	do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)
#define rcu_assign_pointer(p, v) do { barrier(); WRITE_ONCE(p, v); } while (0)
#define RCU_INIT_POINTER(p, v)	WRITE_ONCE(p, v)

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#define BUILD_BUG_ON(c)		((void)sizeof(char[1 - 2 * !!(c)]))
#define min(a, b)		((a) < (b) ? (a) : (b))
#define max(a, b)		((a) > (b) ? (a) : (b))
#define min_t(t, a, b)		((t)(a) < (t)(b) ? (t)(a) : (t)(b))
#define max_t(t, a, b)		((t)(a) > (t)(b) ? (t)(a) : (t)(b))

#define ENOMEM			12
#define EINVAL			22
#define GFP_KERNEL		0u
#define PAGE_SIZE		4096ul

#define BITS_PER_LONG		32
#define __LITTLE_ENDIAN		1234
static inline unsigned long __ffs(unsigned long w) { return __builtin_ctzl(w); }
static inline unsigned long __fls(unsigned long w) { return 31 - __builtin_clzl(w); }
static inline int fls(unsigned int x) { return x ? 32 - __builtin_clz(x) : 0; }

/* asm/unaligned.h: x86 loads and stores unaligned words directly. */
#define __get_unaligned_t(type, ptr) ({ \
	const struct { type x; } __packed *__pptr = (__typeof__(__pptr))(ptr); \
	__pptr->x; })
#define __put_unaligned_t(type, val, ptr) do { \
	struct { type x; } __packed *__pptr = (__typeof__(__pptr))(ptr); \
	__pptr->x = (val); } while (0)
#define get_unaligned(ptr)	__get_unaligned_t(__typeof__(*(ptr)), (ptr))
#define put_unaligned(val, ptr)	__put_unaligned_t(__typeof__(*(ptr)), (val), (ptr))
static inline u16 get_unaligned_le16(const void *p) { return __get_unaligned_t(u16, p); }
static inline u32 get_unaligned_le32(const void *p) { return __get_unaligned_t(u32, p); }
static inline u32 get_unaligned_be32(const void *p) { return __builtin_bswap32(__get_unaligned_t(u32, p)); }
static inline void put_unaligned_le16(u16 v, void *p) { __put_unaligned_t(u16, v, p); }
static inline void put_unaligned_le32(u32 v, void *p) { __put_unaligned_t(u32, v, p); }
static inline void put_unaligned_be32(u32 v, void *p) { __put_unaligned_t(u32, __builtin_bswap32(v), p); }
#define le32_to_cpup(p)		(*(const u32 *)(p))
#define cpu_to_le32(x)		((u32)(x))
#define le32_to_cpu(x)		((u32)(x))

/* The kernel's string functions; kstring.c defines them. */
void *memcpy(void *d, const void *s, size_t n) __asm__("bench_kmemcpy");
void *memmove(void *d, const void *s, size_t n) __asm__("bench_kmemmove");
void *memset(void *d, int c, size_t n) __asm__("bench_kmemset");
int memcmp(const void *a, const void *b, size_t n) __asm__("bench_kmemcmp");
#define memcpy(d, s, n)		__builtin_memcpy(d, s, n)
#define memmove(d, s, n)	__builtin_memmove(d, s, n)
#define memset(d, c, n)		__builtin_memset(d, c, n)
#define memcmp(a, b, n)		__builtin_memcmp(a, b, n)

/* A bump allocator over a static arena: kmalloc without a C library. */
void *kmalloc(size_t size, gfp_t flags);
void kfree(const void *p);
#define kzalloc(s, f)		({ void *__p = kmalloc(s, f); if (__p) memset(__p, 0, s); __p; })
#define vmalloc(s)		kmalloc(s, GFP_KERNEL)
#define vfree(p)		kfree(p)

/* What the stackleak plugin reads to place its call after the prologue
 * (arch/x86/include/asm/asm.h). */
register unsigned long current_stack_pointer __asm__("esp");

/* The benchmark's entry, called from the harness (built without regparm). */
#define BENCH_ENTRY		__attribute__((regparm(0)))

#endif /* BENCH_KSHIM_H */
