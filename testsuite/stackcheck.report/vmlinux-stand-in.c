/* A stand-in vmlinux for stackcheck-report --vmlinux and --table: deep_fn
 * recurses, run_selftest calls it; logs/vmlinux.log names them. */
int deep_fn(int n);

int deep_fn(int n)
{
	volatile char buf[64];

	buf[0] = (char)n;
	if (n > 0)
		return deep_fn(n - 1) + buf[0];
	return 0;
}

int run_selftest(void)
{
	return deep_fn(3);
}

void _start(void)
{
	run_selftest();
	for (;;)
		;
}
