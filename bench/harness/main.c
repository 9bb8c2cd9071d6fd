// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmark harness: reads the input file, calls the workload's
 * bench_run() once, prints the output's length and CRC-32.  Built plain and
 * without -mregparm (it calls the C library); only what runs between
 * bench_region_begin and bench_region_end (the call of bench_run) is counted.
 *
 * bench_run runs on a fresh stack aligned to THREAD_SIZE (8 KiB), the top 8
 * KiB of a 64 KiB area (so that -fstack-check's probes below it land in
 * memory we own), as kernel code does, unless built with -DBENCH_NATIVE_STACK:
 * -fsplit-stack code keeps the main thread's stack, whose limit libgcc knows.
 *
 *	bench-<workload>-<variant> INPUT OUTPUT-CAPACITY
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <ucontext.h>

long bench_run(const void *in, size_t in_len, void *out, size_t out_cap)
	__attribute__((regparm(0)));

#define THREAD_SIZE	8192
#define STACK_AREA	(8 * THREAD_SIZE)

/* Calls of the no-op slow path (noop_slowpath.S), stackcheck builds only. */
unsigned int bench_slowpath_calls;

static struct {
	const void *in;
	size_t in_len;
	void *out;
	size_t out_cap;
	long ret;
} job;

/*
 * What is counted runs between these two markers: the instruction counter
 * (callgrind started with --collect-atstart=no, or qemu/insn_count.c)
 * starts at the first and stops at the second.  callgrind's own
 * --toggle-collect=bench_run counts nothing here: its call tracking does not
 * follow bench_run onto the stack that swapcontext switches to.  Its client
 * request (valgrind/callgrind.h; a no-op outside valgrind) toggles the
 * collection instead.
 */
#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define BENCH_TOGGLE()	CALLGRIND_TOGGLE_COLLECT
const int bench_callgrind_toggle = 1;
#endif
#endif
#ifndef BENCH_TOGGLE
#define BENCH_TOGGLE()	do { } while (0)
#endif

__attribute__((noinline)) void bench_region_begin(void)
{
	BENCH_TOGGLE();
	__asm__ __volatile__("");
}

__attribute__((noinline)) void bench_region_end(void)
{
	__asm__ __volatile__("");
	BENCH_TOGGLE();
}

static void run_job(void)
{
	bench_region_begin();
	job.ret = bench_run(job.in, job.in_len, job.out, job.out_cap);
	bench_region_end();
}

static void run_on_aligned_stack(void)
{
#ifdef BENCH_NATIVE_STACK
	run_job();
#else
	static unsigned char area[STACK_AREA] __attribute__((aligned(THREAD_SIZE)));
	static ucontext_t caller, worker;

	getcontext(&worker);
	worker.uc_stack.ss_sp = area + STACK_AREA - THREAD_SIZE;
	worker.uc_stack.ss_size = THREAD_SIZE;
	worker.uc_link = &caller;
	makecontext(&worker, run_job, 0);
	if (swapcontext(&caller, &worker)) {
		perror("swapcontext");
		exit(2);
	}
#endif
}

static uint32_t crc32(const unsigned char *p, size_t n)
{
	uint32_t c = 0xffffffffu;
	int k;

	while (n--) {
		c ^= *p++;
		for (k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320u & -(c & 1));
	}
	return ~c;
}

int main(int argc, char **argv)
{
	FILE *f;
	long size, len;
	size_t cap;
	unsigned char *in, *out;

	if (argc != 3) {
		fprintf(stderr, "usage: %s INPUT OUTPUT-CAPACITY\n", argv[0]);
		return 2;
	}
	f = fopen(argv[1], "rb");
	if (!f || fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET)) {
		perror(argv[1]);
		return 2;
	}
	cap = strtoul(argv[2], NULL, 0);
	in = malloc(size + 1);
	out = calloc(1, cap + 1);
	if (!in || !out || fread(in, 1, size, f) != (size_t)size) {
		fprintf(stderr, "%s: cannot read input\n", argv[0]);
		return 2;
	}
	fclose(f);
	job.in = in;
	job.in_len = size;
	job.out = out;
	job.out_cap = cap;
	run_on_aligned_stack();
	len = job.ret;
	if (len < 0 || (size_t)len > cap) {
		printf("error %ld\n", len);
		return 1;
	}
	printf("in %ld out %ld crc32 %08x slowpath %u\n", size, len,
	       crc32(out, len), bench_slowpath_calls);
	return 0;
}
