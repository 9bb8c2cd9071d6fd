// SPDX-License-Identifier: GPL-2.0
/*
 * stackcheck user-space glue: implements runtime/stackcheck_glue.h for -m32
 * test programs, with three stack-size-aligned stacks standing in for a
 * kernel's task, hardirq and softirq stacks (see stackcheck_user.h).
 *
 * Layout of each stack (one mmap): [bottom - GUARD, bottom) canary,
 * [bottom, bottom + size) the stack, bottom a multiple of size.  The
 * hardirq stack is the sigaltstack itself, so the kernel puts the signal
 * frame at its top and the handler runs inside it.
 *
 * Everything the slow path calls before the guard (stack, context, cpu,
 * emergency_top) is a few instructions.  print is one write(2) per line,
 * async-signal-safe; symbolize uses dladdr1 (the executable needs
 * -rdynamic for its own functions to have names).
 *
 * Built without the plugin: nothing here is instrumented.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <elf.h>
#include <errno.h>
#include <link.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#include "stackcheck_env.h"
#include "stackcheck_glue.h"
#include "stackcheck_options.h"
#include "stackcheck_user.h"

/* The section's bounds, from the linker; weak: a program may have none. */
extern struct stackcheck_site __start___stackcheck_sites[]
	__attribute__((weak, visibility("hidden")));
extern struct stackcheck_site __stop___stackcheck_sites[]
	__attribute__((weak, visibility("hidden")));
extern const struct stackcheck_name __start___stackcheck_names[]
	__attribute__((weak, visibility("hidden")));
extern const struct stackcheck_name __stop___stackcheck_names[]
	__attribute__((weak, visibility("hidden")));

#define NR_STACKS	3	/* task, hardirq, softirq: enum stackcheck_kind */

static struct stackcheck_stack stacks[NR_STACKS];
static unsigned long stack_size = STACKCHECK_STACK_SIZE_DEFAULT;
static volatile enum stackcheck_context current_context = STACKCHECK_CTX_TASK;
static struct stackcheck_cpu cpu0 __attribute__((aligned(64)));
static char emergency[STACKCHECK_NR_CONTEXTS][STACKCHECK_EMERGENCY_SIZE]
	__attribute__((aligned(16)));
static void (*panic_hook)(const char *why);
static void (*print_hook)(const char *line);
static void (*irq_handlers[_NSIG])(int);
static int initialized;

/* ---- the glue interface ---- */

bool stackcheck_glue_stack(unsigned long sp, struct stackcheck_stack *st)
{
	int i;

	for (i = 0; i < NR_STACKS; i++) {
		if (sp >= stacks[i].bottom && sp < stacks[i].top) {
			*st = stacks[i];
			return true;
		}
	}
	return false;
}

enum stackcheck_context stackcheck_glue_context(void)
{
	return current_context;
}

struct stackcheck_cpu *stackcheck_glue_cpu(void)
{
	return &cpu0;
}

unsigned long stackcheck_glue_emergency_top(enum stackcheck_context ctx)
{
	return (unsigned long)(emergency[ctx] + STACKCHECK_EMERGENCY_SIZE);
}

void stackcheck_glue_who(struct stackcheck_who *who)
{
	memset(who, 0, sizeof(*who));
	/* Not PR_GET_NAME: under qemu-i386 that is the emulator's name. */
	strncpy(who->comm, program_invocation_short_name, sizeof(who->comm) - 1);
	who->pid = getpid();
	who->cpu = 0;
	who->context = current_context;
}

void stackcheck_glue_print(const char *line)
{
	char buf[STACKCHECK_LINE_MAX + 1];
	size_t n = strnlen(line, STACKCHECK_LINE_MAX);
	ssize_t r;

	memcpy(buf, line, n);
	buf[n++] = '\n';
	do
		r = write(2, buf, n);
	while (r < 0 && errno == EINTR);
	if (print_hook)
		print_hook(line);
}

/* Append s to buf[*n], within len (NUL kept). */
static void append(char *buf, unsigned int len, unsigned int *n, const char *s)
{
	while (*s && *n + 1 < len)
		buf[(*n)++] = *s++;
	buf[*n] = 0;
}

static void append_hex(char *buf, unsigned int len, unsigned int *n,
		       unsigned long v)
{
	char digits[2 + 2 * sizeof(v) + 1];
	int i = sizeof(digits) - 1;

	digits[i] = 0;
	do {
		digits[--i] = "0123456789abcdef"[v & 15];
		v >>= 4;
	} while (v);
	digits[--i] = 'x';
	digits[--i] = '0';
	append(buf, len, n, digits + i);
}

/*
 * No stdio: this runs from signal handlers too.  dladdr is not
 * async-signal-safe: it takes the dynamic linker's lock, and a "hardirq"
 * report that interrupts a report inside dladdr (between the lock's futex
 * and its owner field) would wait for itself forever.  So a report that
 * interrupts another one's dladdr prints the address instead.
 */
static volatile int in_dladdr;

void stackcheck_glue_symbolize(unsigned long addr, char *buf, unsigned int len)
{
	const ElfW(Sym) *sym = NULL;
	unsigned int n = 0;
	Dl_info info;
	int found = 0;

	buf[0] = 0;
	if (!in_dladdr) {
		in_dladdr = 1;
		found = dladdr1((void *)addr, &info, (void **)&sym,
				RTLD_DL_SYMENT);
		in_dladdr = 0;
	}
	if (found && info.dli_sname && info.dli_saddr &&
	    (!sym || !sym->st_size ||
	     addr - (unsigned long)info.dli_saddr < sym->st_size)) {
		append(buf, len, &n, info.dli_sname);
		append(buf, len, &n, "+");
		append_hex(buf, len, &n, addr - (unsigned long)info.dli_saddr);
		if (sym && sym->st_size) {
			append(buf, len, &n, "/");
			append_hex(buf, len, &n, sym->st_size);
		}
		return;
	}
	append_hex(buf, len, &n, addr);
}

unsigned long long stackcheck_glue_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

void stackcheck_glue_panic(const char *why)
{
	char line[STACKCHECK_LINE_MAX];
	unsigned int n = 0;

	if (panic_hook) {
		panic_hook(why);
		return;
	}
	append(line, sizeof(line), &n, "stackcheck: panic: ");
	append(line, sizeof(line), &n, why);
	stackcheck_glue_print(line);
	_exit(3);
}

/* ---- stackcheck_user.h ---- */

static ucontext_t caller_uc[NR_STACKS], stack_uc[NR_STACKS];
static void (*stack_fn[NR_STACKS])(void *);
static void *stack_arg[NR_STACKS];

/* makecontext passes ints; on i386 a pointer is one. */
static void stack_start(int kind)
{
	stack_fn[kind](stack_arg[kind]);
}

static void run_on(int kind, enum stackcheck_context ctx,
		   void (*fn)(void *), void *arg)
{
	enum stackcheck_context saved = current_context;

	stack_fn[kind] = fn;
	stack_arg[kind] = arg;
	if (getcontext(&stack_uc[kind]) != 0) {
		perror("stackcheck: getcontext");
		exit(2);
	}
	stack_uc[kind].uc_stack.ss_sp = (void *)stacks[kind].bottom;
	stack_uc[kind].uc_stack.ss_size = stacks[kind].top - stacks[kind].bottom;
	stack_uc[kind].uc_link = &caller_uc[kind];
	makecontext(&stack_uc[kind], (void (*)(void))stack_start, 1, kind);
	current_context = ctx;
	if (swapcontext(&caller_uc[kind], &stack_uc[kind]) != 0) {
		perror("stackcheck: swapcontext");
		exit(2);
	}
	current_context = saved;
}

STACKCHECK_USER_ABI void stackcheck_user_run_task(void (*fn)(void *), void *arg)
{
	run_on(STACKCHECK_TASK, STACKCHECK_CTX_TASK, fn, arg);
}

STACKCHECK_USER_ABI void stackcheck_user_run_softirq(void (*fn)(void *), void *arg)
{
	run_on(STACKCHECK_SOFTIRQ, STACKCHECK_CTX_SOFTIRQ, fn, arg);
}

static void irq_trampoline(int signo)
{
	enum stackcheck_context saved = current_context;

	current_context = STACKCHECK_CTX_HARDIRQ;
	irq_handlers[signo](signo);
	current_context = saved;
}

STACKCHECK_USER_ABI void stackcheck_user_irq_handler(int signo, void (*handler)(int))
{
	struct sigaction sa;

	if (signo <= 0 || signo >= _NSIG) {
		fprintf(stderr, "stackcheck: bad signal number %d\n", signo);
		exit(2);
	}
	irq_handlers[signo] = handler;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = irq_trampoline;
	sa.sa_flags = SA_ONSTACK | SA_RESTART;
	sigemptyset(&sa.sa_mask);
	if (sigaction(signo, &sa, NULL) != 0) {
		perror("stackcheck: sigaction");
		exit(2);
	}
}

STACKCHECK_USER_ABI void stackcheck_user_bounds(int kind, unsigned long *bottom, unsigned long *top)
{
	if (kind < 0 || kind >= NR_STACKS) {
		*bottom = *top = 0;
		return;
	}
	*bottom = stacks[kind].bottom;
	*top = stacks[kind].top;
}

STACKCHECK_USER_ABI void stackcheck_user_set_panic_hook(void (*hook)(const char *why))
{
	panic_hook = hook;
}

STACKCHECK_USER_ABI void stackcheck_user_set_print_hook(void (*hook)(const char *line))
{
	print_hook = hook;
}

STACKCHECK_USER_ABI int stackcheck_user_canary_intact(int kind)
{
	const unsigned int *p;

	if (kind < 0 || kind >= NR_STACKS)
		return 0;
	for (p = (const unsigned int *)(stacks[kind].bottom - STACKCHECK_USER_GUARD);
	     p < (const unsigned int *)stacks[kind].bottom; p++)
		if (*p != STACKCHECK_USER_CANARY)
			return 0;
	return 1;
}

#define EMERGENCY_PAINT	0x5c

STACKCHECK_USER_ABI unsigned int stackcheck_user_emergency_used(int context)
{
	unsigned int i;

	if (context < 0 || context >= STACKCHECK_NR_CONTEXTS)
		return 0;
	for (i = 0; i < STACKCHECK_EMERGENCY_SIZE; i++)
		if ((unsigned char)emergency[context][i] != EMERGENCY_PAINT)
			return STACKCHECK_EMERGENCY_SIZE - i;
	return 0;
}

/* ---- start-up and exit ---- */

/*
 * The value of an environment variable, a decimal number from min to max
 * (runtime/stackcheck_options.h); def when it is not set.  Anything else
 * stops the program: a message naming the variable and its limits, exit(2).
 */
static unsigned long env_number(const char *name, unsigned long def,
				unsigned long min, unsigned long max)
{
	const char *s = getenv(name);
	unsigned long v;
	char *end;

	if (!s)
		return def;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (!*s || *s < '0' || *s > '9' || *end || errno || v < min || v > max) {
		fprintf(stderr,
			"stackcheck: %s=%s: expected a number from %lu to %lu\n",
			name, s, min, max);
		exit(2);
	}
	return v;
}

/*
 * The environment: every variable of stackcheck_env.h's table, in its order,
 * into stackcheck_config (and stack_size).
 */
static void env_read(void)
{
	static const struct {
		const char *name;
		unsigned long def, min;
		int pow2;
	} env[STACKCHECK_NR_ENV] = {
#define X(name, field, def, min, max, pow2, help) \
		[STACKCHECK_ENV_##name] = { "STACKCHECK_" #name, def, min, pow2 },
		STACKCHECK_ENV(X)
#undef X
	};
	/* Read first, the stack size: its own limits do not depend on it. */
	unsigned long value[STACKCHECK_NR_ENV] = {
		[STACKCHECK_ENV_STACK_SIZE] = STACKCHECK_STACK_SIZE_DEFAULT
	};
	int i;

	for (i = 0; i < STACKCHECK_NR_ENV; i++) {
		value[i] = env_number(env[i].name, env[i].def, env[i].min,
				      stackcheck_env_max(i, value[STACKCHECK_ENV_STACK_SIZE]));
		if (env[i].pow2 && (value[i] & (value[i] - 1))) {
			fprintf(stderr,
				"stackcheck: %s=%lu: expected a power of two\n",
				env[i].name, value[i]);
			exit(2);
		}
	}
	stack_size = value[STACKCHECK_ENV_STACK_SIZE];
#define X(name, field, def, min, max, pow2, help) \
	stackcheck_config.field = value[STACKCHECK_ENV_##name];
	STACKCHECK_ENV(X)
#undef X
}

static void stack_alloc(int kind)
{
	unsigned long len = 2 * stack_size + STACKCHECK_USER_GUARD, base, bottom;
	unsigned int *p;
	void *m;

	m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		 -1, 0);
	if (m == MAP_FAILED) {
		perror("stackcheck: mmap");
		exit(2);
	}
	base = (unsigned long)m;
	bottom = (base + STACKCHECK_USER_GUARD + stack_size - 1) & ~(stack_size - 1);
	for (p = (unsigned int *)(bottom - STACKCHECK_USER_GUARD);
	     p < (unsigned int *)bottom; p++)
		*p = STACKCHECK_USER_CANARY;
	stacks[kind].bottom = bottom;
	stacks[kind].top = bottom + stack_size;
	stacks[kind].kind = kind;
}

static void stackcheck_user_exit(void)
{
	if (initialized)
		stackcheck_print_summary();
}

__attribute__((constructor(101)))
static void stackcheck_user_init(void)
{
	stack_t ss;
	int k;

	/* The settings the plugin has too: the same limits. */
	env_read();

	for (k = 0; k < NR_STACKS; k++)
		stack_alloc(k);
	memset(emergency, EMERGENCY_PAINT, sizeof(emergency));

	ss.ss_sp = (void *)stacks[STACKCHECK_HARDIRQ].bottom;
	ss.ss_size = stack_size;
	ss.ss_flags = 0;
	if (sigaltstack(&ss, NULL) != 0) {
		perror("stackcheck: sigaltstack");
		exit(2);
	}

	stackcheck_init_names(__start___stackcheck_names,
			      __stop___stackcheck_names);
	stackcheck_init(__start___stackcheck_sites, __stop___stackcheck_sites);
	initialized = 1;
	atexit(stackcheck_user_exit);
}
