#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The user-space benchmark: what the stackcheck entry test costs, against
every alternative, on the kernel's own lib/ code.

Each workload (kernel lib/ files, unchanged, plus a call-heavy synthetic one)
is built once per method, run once, and its executed instructions counted
exactly; the table gives each method's ratio to the plain build of the same
run, the .text growth, and the coverage (functions checked out of all, and the
largest static frame of a function left unchecked: what it may use unseen).
Outputs are checked against the plain build and the generated input, so a
miscompile is never measured.

Usage: bench.py --out DIR --linux DIR --plugin SO [--stackleak SO]
                --counter SO [--quick] [--jobs N]
Writes DIR/bench.txt (the table, also printed) and DIR/bench.json.
"""
import argparse
import concurrent.futures
import hashlib
import inspect
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, 'bench')

# The kernel's i386 code generation, as far as it matters here
# (arch/x86/Makefile for CONFIG_X86_32 with CONFIG_FRAME_POINTER).  Not
# -ffreestanding: with it GCC ignores the asm labels that send its memcpy and
# memset calls to bench/shim/kstring.c, and would call the C library's with
# the wrong (regparm) convention.
KERNEL_CFLAGS = ['-m32', '-O2', '-mregparm=3', '-fno-omit-frame-pointer',
                 '-mpreferred-stack-boundary=2', '-freg-struct-return',
                 '-fno-pic', '-fno-strict-aliasing', '-fno-common',
                 '-fno-stack-protector', '-fstack-usage',
                 '-D__KERNEL__', '-DXZ_INTERNAL_CRC32=1', '-w']

# Workloads: kernel sources (relative to the extracted tree), the driver in
# bench/workloads/, the input, and whether the output must equal the data.
WORKLOADS = [
    ('xz', ['lib/xz/xz_dec_stream.c', 'lib/xz/xz_dec_lzma2.c',
            'lib/xz/xz_crc32.c'], 'data.xz', True),
    ('zlib', ['lib/zlib_inflate/inflate.c', 'lib/zlib_inflate/inffast.c',
              'lib/zlib_inflate/inftrees.c'], 'data.zlib', True),
    ('lz4', ['lib/lz4/lz4_compress.c', 'lib/lz4/lz4_decompress.c'],
     'data.bin', True),
    ('sort', ['lib/sort.c'], 'words.bin', False),
    ('rbtree', ['lib/rbtree.c'], 'words.bin', False),
    ('calls', [], 'words.bin', False),
]
LIB_WORKLOADS = ['xz', 'zlib', 'lz4', 'sort', 'rbtree']

# How each method shows in the disassembly of a function it covers.
CHECK_RE = {
    'stackcheck': r'test[lw]?\s+\$0x[0-9a-f]+,%e?sp|__stackcheck_slowpath',
    'instrument': r'__cyg_profile_func_enter',
    'mcount': r'\bmcount\b',
    'stackleak': r'stackleak_track_stack',
    'split-stack': r'%gs:0x30|__morestack',
    'probe': r'or[lb]?\s+\$0x0,-?(0x)?[0-9a-f]*\(%esp\)',
}


class Variant:
    def __init__(self, name, flags, check, baseline='plain', regparm=True,
                 native_stack=False, post=None, covers='', prototype=False,
                 both_stacks=False):
        self.name = name
        self.flags = flags
        self.check = check
        self.baseline = baseline
        self.regparm = regparm
        self.native_stack = native_stack
        self.post = post
        self.covers = covers
        self.prototype = prototype
        self.both_stacks = both_stacks


def testw(asm):
    """Prototype: the 16-bit form of the entry test (5 bytes, not 6).

    MASK < 2^16 for any stack-size up to 64 KiB, so testing %sp is the same
    test as testing %esp."""
    return re.sub(r'testl\t\$(0x[0-9a-f]+), %esp', r'testw\t$\1, %sp', asm)


# The entry stub the plugin emits before the function's label: a local
# function F.stackcheck with its own FDE, the call, then the function's
# alignment (group 2: kept when a prototype removes the stub).
STUB_RE = re.compile(r'\t\.type\t([^\s,]+)\.stackcheck, @function\n'
                     r'\1\.stackcheck:\n(?:\t\.cfi_startproc\n)?'
                     r'\.LSCc\d+:\n\tcall\t__stackcheck_slowpath\n'
                     r'((?:\t\.p2align[^\n]*\n)*)'
                     r'(?:\t\.cfi_endproc\n)?'
                     r'\t\.size\t\1\.stackcheck, \.-\1\.stackcheck\n')


def stub_gone(asm):
    """A prototype that missed a stub would measure the plugin's form."""
    if '.stackcheck, @function' in asm:
        sys.exit('bench: a prototype does not recognise the plugin\'s stub: '
                 'update STUB_RE in bench/bench.py')


def inline_stub(asm):
    """Prototype: the call in line after the test, jumped over.

    testl; jnz .LSCr; call; .LSCr: -- the plugin's form for alloca sites.
    Always 8 bytes executed, no stub before the label, no rewritten return
    address; the call sits in the hot line, its key where it returns."""
    asm = STUB_RE.sub(r'\2', asm)
    stub_gone(asm)
    asm = re.sub(r'^\t\.long \.LSCk(\d+), 0x4', r'\t.long .LSCr\1, 0x0', asm,
                 flags=re.M)
    return re.sub(r'\tjz\t\.LSCc(\d+)\n\.LSCr\1:',
                  r'\tjnz\t.LSCr\1\n\tcall\t__stackcheck_slowpath\n'
                  r'.LSCr\1:', asm)


def variants(args):
    plug = ['-fplugin=' + args.plugin]
    v = [
        Variant('plain', [], None, baseline=None, covers='nothing'),
        Variant('stackcheck', plug, 'stackcheck',
                covers='entry test on every non-leaf and large-leaf function, '
                       'any THREAD_SIZE-aligned stack (task, hardirq, softirq); '
                       'reports bytes left and the chain', both_stacks=True),
        Variant('stackcheck-leaf0', plug + ['-fplugin-arg-stackcheck-leaf-skip=0'],
                'stackcheck', covers='as stackcheck, leaves too (leaf-skip=0)',
                both_stacks=True),
        Variant('proto-testw', plug, 'stackcheck', post=testw,
                covers='prototype: as stackcheck, testw $MASK,%sp (5 bytes)',
                prototype=True, both_stacks=True),
        Variant('proto-inline', plug, 'stackcheck', post=inline_stub,
                covers='prototype: testl; jnz over an in-line call '
                       '(the plugin\'s alloca-site form)',
                prototype=True, both_stacks=True),
        Variant('instrument', ['-finstrument-functions'], 'instrument',
                covers='a hook call at every entry and exit; the hook may '
                       'check any stack', both_stacks=True),
        Variant('mcount', ['-pg'], 'mcount',
                covers='a call to an empty mcount after every prologue: the '
                       'ftrace stack tracer\'s hook (the tracer skips IRQ '
                       'stacks: "we do not handle interrupt stacks yet")'),
        Variant('stackleak', ['-fplugin=' + args.stackleak,
                              '-fplugin-arg-stackleak_plugin-track-min-size=100',
                              '-fplugin-arg-stackleak_plugin-arch=x86'],
                'stackleak',
                covers='a call in functions with frames >= 100 B and after '
                       'alloca: records the task stack low mark, never reports')
        if args.stackleak else None,
        Variant('plain-noregparm', [], None, baseline=None, regparm=False,
                native_stack=True, covers='nothing (baseline of split-stack)'),
        Variant('split-stack', ['-fsplit-stack'], 'split-stack',
                baseline='plain-noregparm', regparm=False, native_stack=True,
                covers='every prologue compares sp with a per-thread limit in '
                       'TLS (%gs:0x30); needs regparm off; grows, never reports',
                both_stacks=True),
        Variant('stack-clash', ['-fstack-clash-protection'], 'probe',
                covers='probes frames larger than a 4 KiB guard page; kernel '
                       'stacks on i386 have no guard page'),
        Variant('stack-check', ['-fstack-check'], 'probe',
                covers='probes below sp before big frames; needs a guard '
                       'page as well'),
    ]
    return [x for x in v if x]


def run(cmd, cwd=None, check=True):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    if check and p.returncode:
        sys.exit('bench: failed (%d): %s\n%s%s' % (p.returncode, ' '.join(cmd),
                                                   p.stdout, p.stderr))
    return p


# ---- inputs ---------------------------------------------------------------

def lcg(seed):
    x = seed
    while True:
        x = (x * 6364136223846793005 + 1442695040888963407) & (2**64 - 1)
        yield x >> 33


def make_inputs(d, quick):
    """Deterministic inputs: text-like data for the compressors, random words
    for sort, rbtree and the synthetic program."""
    size = (128 << 10) if quick else (1 << 20)
    nwords = (8 << 10) if quick else (100 << 10)
    r = lcg(1)
    vocab = []
    for _ in range(2000):
        n = 2 + next(r) % 8
        vocab.append(bytes(97 + next(r) % 26 for _ in range(n)))
    out = bytearray()
    while len(out) < size:
        w = vocab[next(r) % len(vocab)]
        out += w + (b'\n' if next(r) % 12 == 0 else b' ')
        if next(r) % 50 == 0:
            out += b'%d ' % (next(r) % 100000)
    data = bytes(out[:size])
    words = b''.join((next(r) & 0xffffffff).to_bytes(4, 'little')
                     for _ in range(nwords))
    with open(os.path.join(d, 'data.bin'), 'wb') as f:
        f.write(data)
    with open(os.path.join(d, 'words.bin'), 'wb') as f:
        f.write(words)
    with open(os.path.join(d, 'data.zlib'), 'wb') as f:
        f.write(zlib.compress(data, 9))
    # The kernel's decoder checks CRC32 (it has no CRC64 unless configured).
    with open(os.path.join(d, 'data.xz'), 'wb') as f:
        p = subprocess.run(['xz', '-z', '-c', '-6', '--check=crc32',
                            os.path.join(d, 'data.bin')], stdout=f)
        if p.returncode:
            sys.exit('bench: xz failed')
    return {'data': (len(data), zlib.crc32(data)), 'words': len(words)}


# ---- building -------------------------------------------------------------

def tree_key(args):
    """What every object depends on besides its flags: the sources, the
    shim, the plugins, the compiler.  Objects are reused while it holds, so
    that a quick run after a full one (or the reverse) builds nothing."""
    h = hashlib.sha1()
    for top in (os.path.join(BENCH, 'shim'), os.path.join(BENCH, 'workloads'),
                args.linux):
        for dirpath, dirnames, files in sorted(os.walk(top)):
            dirnames.sort()
            for f in sorted(files):
                with open(os.path.join(dirpath, f), 'rb') as fh:
                    h.update(f.encode() + fh.read())
    for so in (args.plugin, args.stackleak):
        if so:
            with open(so, 'rb') as fh:
                h.update(fh.read())
    h.update(run(['gcc', '--version']).stdout.encode())
    return h.hexdigest()


def compile_one(src, obj, flags, post, key):
    stamp = obj + '.key'
    key = hashlib.sha1((key + ' '.join(flags) + src +
                        (inspect.getsource(post) if post else '')).encode()).hexdigest()
    if os.path.exists(obj) and os.path.exists(stamp):
        with open(stamp) as f:
            if f.read() == key:
                return obj
    for stale in (stamp, obj, obj[:-2] + '.table'):
        if os.path.exists(stale):
            os.unlink(stale)
    compile_fresh(src, obj, flags, post)
    with open(stamp, 'w') as f:
        f.write(key)
    return obj


def compile_fresh(src, obj, flags, post):
    if v_is_stackcheck(flags):
        flags = flags + ['-fplugin-arg-stackcheck-table=' + obj[:-2] + '.table']
    if not post:
        run(['nice', 'gcc'] + flags + ['-c', '-o', obj, src])
        return obj
    asm = obj[:-2] + '.s'
    run(['nice', 'gcc'] + flags + ['-S', '-o', asm, src])
    with open(asm) as f:
        text = f.read()
    with open(asm, 'w') as f:
        f.write(post(text))
    run(['nice', 'gcc', '-m32', '-c', '-o', obj, asm])
    return obj


# What kernel code may call outside itself: the methods' hooks.
HOOKS = {'__stackcheck_slowpath', '__cyg_profile_func_enter',
         '__cyg_profile_func_exit', 'mcount', 'stackleak_track_stack',
         '__morestack', '__morestack_non_split'}


def check_no_libc(objs):
    """Kernel code built with -mregparm=3 must not call the C library."""
    defined, undefined = set(), set()
    for o in objs:
        i = analyze(o)
        defined.update(i['defined'])
        undefined.update(i['undefined'])
    stray = undefined - defined - HOOKS
    if stray:
        sys.exit('bench: kernel code calls outside itself: %s' %
                 ' '.join(sorted(stray)))


def v_is_stackcheck(flags):
    return any(f.startswith('-fplugin=') and f.endswith('/stackcheck.so')
               for f in flags)


def build(args, v, wl, pool):
    name, libsrcs, _, _ = wl
    d = os.path.join(args.objdir, v.name, name)
    os.makedirs(d, exist_ok=True)
    flags = [f for f in KERNEL_CFLAGS if v.regparm or f != '-mregparm=3']
    flags += ['-I' + os.path.join(BENCH, 'shim'),
              '-I' + os.path.join(args.linux, 'include')] + v.flags
    table = None
    srcs = [(os.path.join(args.linux, s), 'lib_' + os.path.basename(s)[:-2])
            for s in libsrcs]
    srcs.append((os.path.join(BENCH, 'workloads', name + '.c'), 'wl_' + name))
    futs = [pool.submit(compile_one, s, os.path.join(d, o + '.o'), flags,
                        v.post, args.key) for s, o in srcs]
    # The kernel's string functions: one object per method.
    if v.name not in args.kstring:
        args.kstring[v.name] = pool.submit(
            compile_one, os.path.join(BENCH, 'shim', 'kstring.c'),
            os.path.join(args.objdir, v.name, 'kstring.o'), flags, v.post,
            args.key)
    futs.append(args.kstring[v.name])
    return d, futs, table


def link(args, v, wl, d, objs):
    exe = os.path.join(args.out, 'bin', 'bench-%s-%s' % (wl[0], v.name))
    harness = os.path.join(args.out, 'harness')
    main = os.path.join(harness, 'main-native.o' if v.native_stack
                        else 'main.o')
    extra = [os.path.join(harness, 'hooks.o')]
    if v.check == 'stackcheck':
        extra.append(os.path.join(harness, 'noop_slowpath.o'))
    check_no_libc(objs)
    run(['gcc', '-m32', '-no-pie', '-o', exe, main] + extra + objs)
    return exe


def build_harness(args):
    h = os.path.join(args.out, 'harness')
    os.makedirs(h, exist_ok=True)
    src = os.path.join(BENCH, 'harness')
    common = ['gcc', '-m32', '-O2', '-fno-pie', '-Wall', '-c']
    run(common + ['-o', os.path.join(h, 'main.o'), os.path.join(src, 'main.c')])
    run(common + ['-DBENCH_NATIVE_STACK', '-o', os.path.join(h, 'main-native.o'),
                  os.path.join(src, 'main.c')])
    for s in ('hooks', 'noop_slowpath'):
        run(['gcc', '-m32', '-c', '-o', os.path.join(h, s + '.o'),
             os.path.join(src, s + '.S')])


# ---- measuring ------------------------------------------------------------

def symbol(exe, name):
    for line in run(['nm', exe]).stdout.splitlines():
        f = line.split()
        if len(f) == 3 and f[2] == name:
            return '0x' + f[0]
    sys.exit('bench: no %s in %s' % (name, exe))


def count(args, exe, inp, cap):
    """Instructions executed inside bench_run, and the program's output."""
    argv = [exe, inp, str(cap)]
    if args.method == 'qemu':
        plugin = '%s,begin=%s,end=%s' % (args.counter,
                                         symbol(exe, 'bench_region_begin'),
                                         symbol(exe, 'bench_region_end'))
        p = run(['qemu-i386', '-plugin', plugin] + argv, check=False)
        m = re.search(r'^insns: (\d+)$', p.stderr, re.M)
    else:
        cg = exe + '.callgrind'
        # The harness toggles the collection around bench_run (a client
        # request: --toggle-collect loses bench_run on its own stack).
        p = run(['valgrind', '--tool=callgrind', '--callgrind-out-file=' + cg,
                 '--collect-atstart=no'] + argv, check=False)
        m = None
        if os.path.exists(cg):
            with open(cg) as f:
                m = re.search(r'^(?:summary|totals): (\d+)', f.read(), re.M)
    if not p.returncode and m and int(m.group(1)) == 0:
        sys.exit('bench: %s: callgrind counted nothing (the harness was built '
                 'without valgrind/callgrind.h?)' % exe)
    if p.returncode or not m:
        sys.exit('bench: %s failed (%d):\n%s%s' % (' '.join(argv), p.returncode,
                                                   p.stdout, p.stderr))
    return int(m.group(1)), p.stdout.strip()


# The plugin table versions this reader knows (docs/reference/table-format.md).
TABLE_VERSIONS = ('1',)


def read_table(path):
    """The data lines of a plugin table, split into fields: the version
    lines checked (one naming a version not in TABLE_VERSIONS stops the
    bench), the other '#' lines comments."""
    rows = []
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            m = re.match(r'^#stackcheck-table(?:[ \t]+(.*))?$', line)
            if m:
                v = (m.group(1) or '').strip()
                if v not in TABLE_VERSIONS:
                    sys.exit('bench: %s:%d: table version %r; this reader knows version %s'
                             % (path, n, v, ', '.join(TABLE_VERSIONS)))
                continue
            if line.startswith('#'):
                continue
            rows.append(line.split('\t'))
    return rows


# Bump when analyze() changes: the .info files it caches are then redone.
ANALYSIS = ' analysis 3'


def analyze(obj):
    """What the tables need from one object, kept beside it (.info) for as
    long as the object itself: .text bytes, symbols, which methods' marks
    each function carries, the entry test's bytes, frames, the plugin's
    table."""
    info_path = obj[:-2] + '.info'
    with open(obj + '.key') as f:
        key = f.read() + ANALYSIS
    if os.path.exists(info_path):
        with open(info_path) as f:
            info = json.load(f)
        if info.get('key') == key:
            return info
    info = {'key': key, 'text': 0, 'defined': [], 'undefined': [],
            'functions': {}, 'hot': [], 'frames': {}, 'table': []}
    for line in run(['size', '-A', obj]).stdout.splitlines():
        f = line.split()
        if len(f) >= 2 and f[0].startswith('.text'):
            info['text'] += int(f[1])
    for line in run(['nm', obj]).stdout.splitlines():
        f = line.split()
        info['undefined' if f[-2] == 'U' else 'defined'].append(f[-1])
    # Functions (a .cold part and the .stackcheck entry stub count with
    # their function) and their marks.
    dis = run(['objdump', '-dr', obj]).stdout.splitlines()
    body, cur = {}, None
    for line in dis:
        m = re.match(r'^[0-9a-f]+ <([^>]+)>:$', line)
        if m:
            cur = re.sub(r'\.(cold|stackcheck)(\.\d+)?$', '', m.group(1))
            body.setdefault(cur, '')
        elif cur:
            body[cur] += line + '\n'
    info['functions'] = {f: [k for k, r in CHECK_RE.items() if re.search(r, t)]
                         for f, t in body.items()}
    info['hot'] = hot_sites(dis)
    info['stubs'] = sum(1 for f in info['defined'] if f.endswith('.stackcheck'))
    su = obj[:-2] + '.su'
    if os.path.exists(su):
        with open(su) as fh:
            for line in fh:
                loc, size, _ = line.rstrip('\n').split('\t')
                info['frames'][loc.rsplit(':', 1)[-1]] = int(size)
    t = obj[:-2] + '.table'
    if os.path.exists(t):
        for p in read_table(t):
            if len(p) >= 5:
                info['table'].append({'function': p[0], 'frame': int(p[2]),
                                      'dynamic': int(p[3]),
                                      'decision': p[4]})
    with open(info_path, 'w') as f:
        json.dump(info, f)
    return info


def measure(args, v, wl, d, objs, exe, inputs):
    name, _, inp, is_data = wl
    inpath = os.path.join(args.out, 'input', inp)
    size = os.path.getsize(inpath)
    cap = {'xz': inputs['data'][0] + 64, 'zlib': inputs['data'][0] + 64,
           'lz4': inputs['data'][0] + 64, 'sort': 2 * size + 64,
           'rbtree': size + 64, 'calls': 64}[name]
    insns, out = count(args, exe, inpath, cap)
    m = re.match(r'^in \d+ out (\d+) crc32 ([0-9a-f]{8}) slowpath (\d+)$', out)
    if not m:
        sys.exit('bench: %s: unexpected output %r' % (exe, out))
    r = {'workload': name, 'variant': v.name, 'insns': insns,
         'out_len': int(m.group(1)), 'crc32': m.group(2),
         'slowpath_calls': int(m.group(3))}
    if is_data and (r['out_len'], int(r['crc32'], 16)) != inputs['data']:
        sys.exit('bench: %s: output differs from the input data: %r' % (exe, out))
    if r['slowpath_calls']:
        sys.exit('bench: %s: the slow path was taken %d times: the measured '
                 'figure would not be the hot path' % (exe, r['slowpath_calls']))
    infos = [analyze(o) for o in objs]
    r['text'] = sum(i['text'] for i in infos)
    fns, fr, rows = {}, {}, []
    for i in infos:
        for f, kinds in i['functions'].items():
            fns.setdefault(f, set()).update(kinds)
        fr.update(i['frames'])
        rows += i['table']
    checked = [f for f, kinds in fns.items() if v.check in kinds]
    unchecked = [f for f in fns if f not in checked]
    r['functions'] = len(fns)
    r['checked'] = len(checked)
    r['unseen_max'] = max([fr.get(f, 0) for f in unchecked], default=0)
    r['unseen_fn'] = max(unchecked, key=lambda f: fr.get(f, 0), default='')
    if v.check == 'stackcheck':
        r['hot_bytes'] = [b for i in infos for b in i['hot']]
        r['stubs'] = sum(i['stubs'] for i in infos)
        r['table'] = {
            'functions': len(rows),
            'checked': sum(x['decision'].startswith('checked') for x in rows),
            'skipped_leaf': sum(x['decision'] == 'skipped:leaf' for x in rows),
            'leaf_max_frame': max([x['frame'] for x in rows
                                   if x['decision'] == 'skipped:leaf'], default=0),
        }
    return r


# ---- the kernel half (bench/kernel/run) -----------------------------------

def hot_sites(dis_lines):
    """Bytes of each entry test and its branch (testl/testw on %esp + jz)."""
    hot = []
    for i in range(len(dis_lines) - 1):
        m = re.match(r'^\s*[0-9a-f]+:\t([0-9a-f ]+)\t(test[lw]?)\s+\$0x[0-9a-f]+,%e?sp',
                     dis_lines[i])
        n = re.match(r'^\s*[0-9a-f]+:\t([0-9a-f ]+)\tjn?e\s', dis_lines[i + 1])
        if m and n:
            hot.append(len(m.group(1).split()) + len(n.group(1).split()))
    return hot


def kernel_results(d):
    """What bench/kernel/run measured: kernel.tsv (a row per build),
    coverage.tsv (the plugin's tables of the linked objects), count.txt, and
    the entry tests found in the stackcheck vmlinux."""
    path = os.path.join(d, 'kernel.tsv')
    if not os.path.exists(path):
        sys.exit('bench: no %s: the kernel half did not run (make bench-kernel)' % path)
    k = {'builds': {}}
    with open(path) as f:
        head = f.readline().rstrip('\n').split('\t')
        for line in f:
            row = dict(zip(head, line.rstrip('\n').split('\t')))
            b = {'text': int(row['text']),
                 'boot_to_init_us': int(row['boot_to_init_us']),
                 'workload_us': int(row['workload_us'])}
            for key in ('build_cpu_s', 'build_wall_s'):
                b[key] = ([float(x) for x in row[key].split(',')]
                          if row[key] != '-' else [])
            k['builds'][row['build']] = b
    cov = {'skipped': {}}
    with open(os.path.join(d, 'coverage.tsv')) as f:
        for line in f:
            p = line.rstrip('\n').split('\t')
            if p[0] in ('all', 'checked'):
                cov[p[0]] = int(p[1])
            else:
                cov['skipped'][p[0][len('skipped:'):]] = {
                    'functions': int(p[1]), 'max_frame': int(p[2]),
                    'max_function': p[3] if len(p) > 3 else ''}
    k['coverage'] = cov
    k['allocator'] = '?'
    with open(os.path.join(d, 'obj-plain', '.config')) as f:
        for line in f:
            if line.strip() in ('CONFIG_SLUB=y', 'CONFIG_SLOB=y', 'CONFIG_SLAB=y'):
                k['allocator'] = line.strip()[len('CONFIG_'):-len('=y')]
    with open(os.path.join(d, 'count.txt')) as f:
        k['count'] = f.read().strip().splitlines()
    vmlinux = os.path.join(d, 'obj-stackcheck', 'vmlinux')
    k['hot_bytes'] = hot_sites(run(['objdump', '-d', vmlinux]).stdout.splitlines())
    # The kernel builds with names=0: its stubs have no symbol of their own
    # (0 here), but every entry test jumps to one stub of its own.
    k['stubs'] = sum(1 for line in run(['nm', vmlinux]).stdout.splitlines()
                     if line.endswith('.stackcheck'))
    if not k['stubs']:
        k['stubs'] = len(k['hot_bytes'])
    return k


def mean(xs):
    return sum(xs) / len(xs)


# ---- reporting ------------------------------------------------------------

def pct(x):
    return '%+.3f%%' % (100.0 * (x - 1.0))


def report(args, vs, res, inputs):
    by = {(r['variant'], r['workload']): r for r in res}
    names = [w[0] for w in WORKLOADS]
    lines = []
    P = lines.append
    P('stackcheck bench (%s mode): instructions executed in the workload, '
      'counted exactly by %s' % ('quick' if args.quick else 'full',
                                 'qemu-i386 + bench/qemu/insn_count.c'
                                 if args.method == 'qemu' else 'callgrind'))
    P('kernel lib/ code built -m32 -O2 -mregparm=3 -fno-omit-frame-pointer; '
      'ratio to the plain build of the same run; outputs verified identical')
    P('')
    hdr = '%-17s' % 'method' + ''.join('%14s' % n for n in names) + '%11s' % 'lib median'
    P('instruction overhead')
    P(hdr)
    for v in vs:
        if not v.baseline:
            continue
        cells, libs = '', []
        for n in names:
            r, b = by[(v.name, n)], by[(v.baseline, n)]
            q = r['insns'] / b['insns']
            r['ratio'] = q
            if n in LIB_WORKLOADS:
                libs.append(q)
            cells += '%14s' % pct(q)
        by[(v.name, 'lib_median')] = statistics.median(libs)
        P('%-17s' % v.name + cells + '%11s' % pct(statistics.median(libs)))
    P('%-17s' % 'plain insns' + ''.join('%14d' % by[('plain', n)]['insns'] for n in names))
    P('')
    P('.text growth (workload objects, kernel code only)')
    P(hdr)
    for v in vs:
        if not v.baseline:
            continue
        cells, libs = '', []
        for n in names:
            r, b = by[(v.name, n)], by[(v.baseline, n)]
            g = r['text'] / b['text']
            r['text_ratio'] = g
            if n in LIB_WORKLOADS:
                libs.append(g)
            cells += '%14s' % pct(g)
        by[(v.name, 'text_median')] = statistics.median(libs)
        P('%-17s' % v.name + cells + '%11s' % pct(statistics.median(libs)))
    P('%-17s' % 'plain .text B' + ''.join('%14d' % by[('plain', n)]['text'] for n in names))
    P('')
    P('coverage: functions checked/all, and the largest frame of an unchecked function (bytes it uses unseen)')
    P('%-17s' % 'method' + ''.join('%14s' % n for n in names))
    for v in vs:
        if not v.baseline:
            continue
        P('%-17s' % v.name + ''.join(
            '%14s' % ('%d/%d,%dB' % (by[(v.name, n)]['checked'],
                                     by[(v.name, n)]['functions'],
                                     by[(v.name, n)]['unseen_max']))
            for n in names))
    P('')
    P('what each method covers')
    for v in vs:
        if v.baseline:
            P('  %-16s %s' % (v.name, v.covers))
    P('')
    sc = [by[('stackcheck', n)] for n in names]
    P('stackcheck per-function table (plugin): checked / skipped:leaf / all, largest skipped leaf frame')
    P('  ' + '  '.join('%s %d/%d/%d %dB' % (r['workload'], r['table']['checked'],
                                            r['table']['skipped_leaf'],
                                            r['table']['functions'],
                                            r['table']['leaf_max_frame'])
                       for r in sc))
    P('')

    # Targets (issue 6).
    hot = [b for r in sc for b in r['hot_bytes']]
    protos = [(v.name, [b for n in names for b in by[(v.name, n)]['hot_bytes']])
              for v in vs if v.prototype]
    med = by[('stackcheck', 'lib_median')]
    alts = [v for v in vs if v.both_stacks and v.check != 'stackcheck']
    cheapest = min(alts, key=lambda v: by[(v.name, 'lib_median')])
    cheap_ov = by[(cheapest.name, 'lib_median')] - 1.0
    calls_ov = by[('stackcheck', 'calls')]['ratio'] - 1.0
    calls_cheapest = min(alts, key=lambda v: by[(v.name, 'calls')]['ratio'])
    calls_cheap_ov = by[(calls_cheapest.name, 'calls')]['ratio'] - 1.0
    text_med = by[('stackcheck', 'text_median')] - 1.0
    targets = []

    def target(what, goal, value, ok):
        targets.append({'target': what, 'goal': goal, 'measured': value,
                        'status': ok if isinstance(ok, str) else
                        ('MET' if ok else 'MISSED')})

    n8 = sum(b <= 8 for b in hot)
    target('hot path instructions per checked function', '<= 2',
           '2 (testl + jz), %d sites' % len(hot), len(hot) > 0)
    target('hot path bytes per checked function', '<= 8',
           'median %d, max %d; %d/%d sites <= 8 (jz rel8 %d, rel32 %d)' %
           (statistics.median(hot), max(hot), n8, len(hot),
            sum(b == 8 for b in hot), sum(b == 12 for b in hot)),
           max(hot) <= 8)
    for pname, hb in protos:
        target('  ' + pname, '<= 8',
               'median %d, max %d; %d/%d sites <= 8; calls %s, lib median %s, '
               '.text lib median %s' %
               (statistics.median(hb), max(hb), sum(b <= 8 for b in hb),
                len(hb), pct(by[(pname, 'calls')]['ratio']),
                pct(by[(pname, 'lib_median')]), pct(by[(pname, 'text_median')])),
               'MET' if max(hb) <= 8 else 'MISSED')
    target('lib workloads instruction overhead (median)', '<= 1%',
           pct(1 + med - 1.0), med - 1.0 <= 0.01)
    target('vs cheapest alternative covering both stacks (lib median)',
           '<= half',
           '%s vs %s %s' % (pct(med), cheapest.name, pct(1 + cheap_ov)),
           (med - 1.0) <= cheap_ov / 2)
    target('  same, call-heavy synthetic', '<= half',
           '%s vs %s %s' % (pct(1 + calls_ov), calls_cheapest.name,
                            pct(1 + calls_cheap_ov)),
           calls_ov <= calls_cheap_ov / 2)
    target('.text growth, lib objects (median; the target is vmlinux)', '<= 6%',
           pct(1 + text_med), text_med <= 0.06)
    k = kernel_results(args.kernel) if args.kernel else None
    if k:
        kb = k['builds']
        pl, sc, st = kb['plain'], kb['stackcheck'], kb.get('stacktracer')
        cov = k['coverage']
        P('kernel: i386 Linux 6.1, tinyconfig + kernel-glue/linux/stackcheck.config '
          '(allocator %s), built plain, with stackcheck, and plain + the ftrace '
          'stack tracer' % k['allocator'])
        P('(booted with "stacktrace"); guest time under qemu-system-i386 TCG '
          '-icount shift=0,sleep=off (1 us = 1000 guest instructions)')
        P('%-12s %12s %9s %16s %9s %13s %9s %14s %9s' % (
            'build', '.text B', 'growth', 'boot-to-init us', 'ratio',
            'workload us', 'ratio', 'build CPU s', 'ratio'))
        for name in [n for n in ('plain', 'stackcheck', 'stacktracer') if n in kb]:
            b = kb[name]
            cpu = ('%.0f' % mean(b['build_cpu_s'])) if b['build_cpu_s'] else '-'
            cpur = (pct(mean(b['build_cpu_s']) / mean(pl['build_cpu_s']))
                    if b['build_cpu_s'] and pl['build_cpu_s'] else '-')
            P('%-12s %12d %9s %16d %9s %13d %9s %14s %9s' % (
                name, b['text'], pct(b['text'] / pl['text']),
                b['boot_to_init_us'], pct(b['boot_to_init_us'] / pl['boot_to_init_us']),
                b['workload_us'], pct(b['workload_us'] / pl['workload_us']),
                cpu, cpur))
        rounds = len(sc['build_cpu_s'])
        if rounds:
            P('build CPU s per round (plain / stackcheck, user + system, from '
              'scratch, -j%d, interleaved): %s / %s; wall s: %s / %s' % (
                  args.jobs, ', '.join('%.0f' % x for x in pl['build_cpu_s']),
                  ', '.join('%.0f' % x for x in sc['build_cpu_s']),
                  ', '.join('%.0f' % x for x in pl['build_wall_s']),
                  ', '.join('%.0f' % x for x in sc['build_wall_s'])))
        skipped = ', '.join('%s %d (largest frame %d B, %s)' % (
            w, x['functions'], x['max_frame'], x['max_function'])
            for w, x in sorted(cov['skipped'].items()))
        P('coverage (plugin tables of the linked objects): %d of %d functions '
          'checked; not checked: %s' % (cov['checked'], cov['all'], skipped))
        kh = k['hot_bytes']
        P('entry tests in vmlinux: %d; bytes test+jz: %s' % (
            len(kh), ', '.join('%d B x %d' % (b, kh.count(b))
                               for b in sorted(set(kh)))))
        P('sites: ' + '; '.join(x for x in k['count'] if x.startswith(('vmlinux', 'result'))))
        # What the stub prototypes would save in vmlinux: the bytes each
        # saves per stub in the user-space objects, times the stubs here.
        nst = sum(by[('stackcheck', n)]['stubs'] for n in names)
        P('entry stubs in vmlinux: %d; the prototypes, from the bytes they save per stub '
          'in the user-space objects (%d stubs):' % (k['stubs'], nst))
        k['estimates'] = {}
        for v in vs:
            if not v.prototype or not nst:
                continue
            saved = sum(by[('stackcheck', n)]['text'] - by[(v.name, n)]['text']
                        for n in names) / nst
            est = (sc['text'] - saved * k['stubs']) / pl['text']
            k['estimates'][v.name] = {'saved_per_stub': saved, 'text_ratio': est}
            P('  %-17s %+5.1f B per stub: vmlinux .text %s (estimated)' % (
                v.name, -saved, pct(est)))
        P('')
        leaf = cov['skipped'].get('leaf', {'functions': 0, 'max_frame': 0})
        worst = max(cov['skipped'].items(), key=lambda x: x[1]['max_frame'],
                    default=('none', {'max_frame': 0, 'max_function': ''}))
        kcov = ('%d/%d functions checked; unseen: a skipped leaf at most %d B, '
                'any skipped function at most %d B (%s, %s)' % (
                    cov['checked'], cov['all'], leaf['max_frame'],
                    worst[1]['max_frame'], worst[0], worst[1]['max_function']))
        wl = sc['workload_us'] / pl['workload_us'] - 1
        tx = sc['text'] / pl['text'] - 1
        target('guest workload overhead (kernel, under -icount)', '<= 3%',
               '%s (boot to init %s); %s' % (
                   pct(1 + wl), pct(sc['boot_to_init_us'] / pl['boot_to_init_us']),
                   kcov), wl <= 0.03)
        if st:
            wl_tr = st['workload_us'] / pl['workload_us'] - 1
            tx_tr = st['text'] / pl['text'] - 1
            target('  vs ftrace stack tracer (task stack only), guest workload',
                   '<= half', '%s vs %s' % (pct(1 + wl), pct(1 + wl_tr)),
                   wl <= wl_tr / 2)
            target('vmlinux .text growth', '<= 6%, <= tracer build',
                   '%s vs stack tracer build %s; %s' % (pct(1 + tx), pct(1 + tx_tr), kcov),
                   tx <= 0.06 and tx <= tx_tr)
        else:
            target('vmlinux .text growth', '<= 6%, <= tracer build',
                   '%s; the stack tracer build was left out (BENCH_BUILDS)' % pct(1 + tx),
                   'MISSED' if tx > 0.06 else 'PENDING')
        if rounds:
            bt = mean(sc['build_cpu_s']) / mean(pl['build_cpu_s']) - 1
            target('kernel build time (CPU s, %d round%s)' % (rounds, 's' if rounds > 1 else ''),
                   '<= +3%', '%s (%.0f s vs %.0f s)' % (
                       pct(1 + bt), mean(sc['build_cpu_s']), mean(pl['build_cpu_s'])),
                   bt <= 0.03)
        else:
            target('kernel build time', '<= +3%',
                   'not measured: objects reused (BENCH_REUSE=1)', 'PENDING')
        kn8 = sum(b <= 8 for b in kh)
        target('  hot path bytes in vmlinux', '<= 8',
               'median %d, max %d; %d/%d sites <= 8' % (
                   statistics.median(kh), max(kh), kn8, len(kh)), max(kh) <= 8)
    else:
        for t in ('guest workload overhead <= 3%',
                  'vmlinux .text growth <= 6%, <= tracer build',
                  'kernel build time <= +3%'):
            target(t.split(' <=')[0], '<=' + t.split('<=', 1)[1],
                   'not measured in this run: make bench (without QUICK=1 '
                   'or BENCH_KERNEL=0)', 'PENDING')
    P('targets (issue 6)')
    for t in targets:
        P('  %-58s %-22s %-8s %s' % (t['target'], t['goal'], t['status'],
                                     t['measured']))
    text = '\n'.join(lines) + '\n'
    with open(os.path.join(args.out, 'bench.txt'), 'w') as f:
        f.write(text)
    for r in res:
        r.pop('hot_bytes_list', None)
    doc = {
        'measured': args.measured,
        'mode': 'quick' if args.quick else 'full',
        'counter': args.method,
        'cflags': KERNEL_CFLAGS,
        'workloads': names,
        'lib_workloads': LIB_WORKLOADS,
        'variants': [{'name': v.name, 'flags': v.flags, 'baseline': v.baseline,
                      'covers': v.covers, 'prototype': v.prototype,
                      'both_stacks': v.both_stacks} for v in vs],
        'results': res,
        'medians': {v.name: {'insns': by.get((v.name, 'lib_median')),
                             'text': by.get((v.name, 'text_median'))}
                    for v in vs if v.baseline},
        'targets': targets,
        'kernel': k,
    }
    with open(os.path.join(args.out, 'bench.json'), 'w') as f:
        json.dump(doc, f, indent=1)
    sys.stdout.write(text)


def valgrind_runs_i386(args):
    """valgrind is there and runs the harness's i386 programs (it needs the
    host to run them, its own x86 tools, and valgrind/callgrind.h)."""
    if not shutil.which('valgrind'):
        return False
    d = os.path.join(args.out, 'probe')
    os.makedirs(d, exist_ok=True)
    src, exe = os.path.join(d, 'probe.c'), os.path.join(d, 'probe')
    # The harness toggles callgrind's collection with its client request.
    with open(src, 'w') as f:
        f.write('#include <valgrind/callgrind.h>\n'
                'int main(void) { CALLGRIND_TOGGLE_COLLECT; return 0; }\n')
    if run(['gcc', '-m32', '-o', exe, src], check=False).returncode:
        return False
    return run(['valgrind', '--tool=none', '-q', exe], check=False).returncode == 0


def measured_at():
    """Where and when the figures are measured (tools/measured-stamp): the
    results page (tools/render-results) prints it above the figures."""
    here = os.path.dirname(os.path.abspath(__file__))
    try:
        return json.loads(subprocess.run(
            [os.path.join(here, '..', 'tools', 'measured-stamp')],
            capture_output=True, text=True, check=True, timeout=120).stdout)
    except (OSError, ValueError, subprocess.SubprocessError) as e:
        sys.exit('bench: tools/measured-stamp failed: %s' % e)


def main():
    measured = measured_at()
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', required=True)
    ap.add_argument('--linux', required=True)
    ap.add_argument('--plugin', required=True)
    ap.add_argument('--stackleak')
    ap.add_argument('--counter', help='insn_count.so for qemu-i386')
    ap.add_argument('--method', choices=['auto', 'qemu', 'callgrind'],
                    default='auto')
    ap.add_argument('--objdir', help='objects, kept between runs (OUT/obj)')
    ap.add_argument('--quick', action='store_true')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--kernel', help='the kernel half\'s results '
                    '(bench/kernel/run\'s OUT)')
    args = ap.parse_args()
    args.measured = measured
    args.out = os.path.abspath(args.out)
    for k in ('linux', 'plugin', 'stackleak', 'counter'):
        if getattr(args, k):
            setattr(args, k, os.path.abspath(getattr(args, k)))
    if args.method == 'auto':
        # callgrind (what the issue names) where valgrind runs i386 programs;
        # else qemu-i386 with the counting plugin.  Both count exactly.
        args.method = 'callgrind' if valgrind_runs_i386(args) else 'qemu'
    if args.method == 'qemu' and not (args.counter and shutil.which('qemu-i386')):
        sys.exit('bench: qemu-i386 (Debian package qemu-user) and the counter '
                 'plugin are needed')
    if args.method == 'callgrind' and not shutil.which('valgrind'):
        sys.exit('bench: valgrind is needed')

    args.objdir = os.path.abspath(args.objdir or os.path.join(args.out, 'obj'))
    args.key = tree_key(args)
    args.kstring = {}
    shutil.rmtree(os.path.join(args.out, 'bin'), ignore_errors=True)
    os.makedirs(os.path.join(args.out, 'bin'), exist_ok=True)
    os.makedirs(os.path.join(args.out, 'input'), exist_ok=True)
    inputs = make_inputs(os.path.join(args.out, 'input'), args.quick)
    build_harness(args)
    vs = variants(args)
    jobs = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for v in vs:
            for wl in WORKLOADS:
                d, futs, _ = build(args, v, wl, pool)
                jobs.append((v, wl, d, futs))
        built = []
        for v, wl, d, futs in jobs:
            objs = [f.result() for f in futs]
            built.append((v, wl, d, objs, link(args, v, wl, d, objs)))
        res = list(pool.map(lambda b: measure(args, b[0], b[1], b[2], b[3],
                                              b[4], inputs), built))
    # Every method must compute what the plain build computes.
    plain = {r['workload']: r for r in res if r['variant'] == 'plain'}
    for r in res:
        p = plain[r['workload']]
        if (r['out_len'], r['crc32']) != (p['out_len'], p['crc32']):
            sys.exit('bench: %s/%s output differs from plain: miscompile?' %
                     (r['variant'], r['workload']))
    report(args, vs, res, inputs)


if __name__ == '__main__':
    main()
