# SPDX-License-Identifier: GPL-2.0
#
# kernel-glue/linux/lib.sh: the shell helpers of the Linux glue's scripts
# (build, apply, initramfs, boot, reach/apply, bench/kernel/run), sourced:
#
#	. "$(dirname "$0")/lib.sh"	(reach/: "$(dirname "$0")/../lib.sh")
#
# Sets GLUE (this folder) and ROOT (the repository).  The caller sets
# SAY, the prefix of its messages ("kernel", "reach/apply", ...).

GLUE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$GLUE/../.." && pwd)
SAY=${SAY:-kernel}

say() { echo "$SAY: $*"; }
die() { echo "$SAY: error: $*" >&2; exit 1; }

# install_file SRC DST: copy when different (keeps the time stamp otherwise,
# so kbuild rebuilds only what changed).
install_file() {
	mkdir -p "$(dirname "$2")"
	cmp -s "$1" "$2" || cp "$1" "$2"
}

# rewrite FILE: replace FILE with stdin when different, keeping its mode
# (link-vmlinux.sh stays executable).
rewrite() {
	local tmp="$1.stackcheck-tmp"

	cat >"$tmp"
	if cmp -s "$tmp" "$1"; then
		rm -f "$tmp"
	else
		[ ! -e "$1" ] || chmod --reference="$1" "$tmp"
		mv "$tmp" "$1"
	fi
}

# tree_version KSRC: "6.1", "6.12": VERSION.PATCHLEVEL of a Linux tree.
tree_version() {
	awk '/^VERSION =/ { v = $3 } /^PATCHLEVEL =/ { p = $3 } END { print v "." p }' "$1/Makefile"
}

# load_arch NAME: the settings of arch/NAME.conf (ARCH, DEFCONFIG,
# KERNEL_TARGET, KERNEL_IMAGE, ELF_CLASS, ELF_MACHINE, DEB_ARCH, QEMU,
# QEMU_MACHINE, QEMU_ARGS, CONSOLE).
load_arch() {
	local conf=$GLUE/arch/$1.conf

	[ -f "$conf" ] || die "no arch/$1.conf (known: $(cd "$GLUE/arch" && ls | sed 's/\.conf$//' | tr '\n' ' '))"
	# shellcheck disable=SC1090
	. "$conf"
}

# extract_source KVER DIR: Debian's linux-source-KVER into DIR (its
# Makefile at DIR/Makefile), once.
extract_source() {
	local kver=$1 dir=$2 tarball

	[ ! -f "$dir/Makefile" ] || return 0
	tarball=$(dpkg -L "linux-source-$kver" 2>/dev/null | grep 'tar\.xz$' | head -n 1 || true)
	[ -n "$tarball" ] ||
		die "no Linux source: install linux-source-$kver (bash tools/install-deps kernel) or give --src"
	say "extracting $(basename "$tarball") into $dir"
	rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
	nice tar -C "$dir.tmp" -xf "$tarball"
	mv "$dir.tmp/linux-source-$kver" "$dir" && rmdir "$dir.tmp"
}

