# SPDX-License-Identifier: GPL-2.0
# make deb: the Debian package (debian/), what `make install PREFIX=/usr`
# installs, depending on the very gcc-12 it was built against.
#
#	make deb	build/deb/stackcheck_VERSION_amd64.deb (VERSION from
#			debian/changelog) and lintian's verdict on it
#
# It installs what is missing (tools/install-deps build deb), copies the files
# git tracks, as the work tree has them, into build/deb/stackcheck-VERSION/,
# runs `dpkg-buildpackage -us -uc -b` there (the package lands in build/deb/)
# and fails when lintian reports an error (E:); lintian's whole output is in
# build/deb/lintian.txt.

DEB_DIR		:= $(BUILD)/deb

.PHONY: deb

# The package is built by a make of its own (debian/rules): none of this
# make's variables, flags or exported BUILD may reach it.
deb:
	@bash tools/install-deps build deb
	@set -e; \
	version=$$(dpkg-parsechangelog -l debian/changelog -S Version); \
	arch=$$(dpkg-architecture -qDEB_HOST_ARCH); \
	src=$(DEB_DIR)/stackcheck-$$version; \
	rm -rf $(DEB_DIR); mkdir -p $$src; \
	(git ls-files 2>/dev/null || find . -path ./build -prune -o -path ./.git -prune -o -type f -print) | \
		while IFS= read -r f; do [ -e "$$f" ] || [ -L "$$f" ] && printf '%s\n' "$$f"; done | \
		tar -cf - --no-recursion -T - | tar -xf - -C $$src; \
	test -x $$src/debian/rules || { echo "deb: debian/rules is not among the copied files (git add it)" >&2; exit 1; }; \
	echo "deb: building stackcheck $$version in $$src"; \
	(cd $$src && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES -u BUILD \
		dpkg-buildpackage -us -uc -b >../build.log 2>&1) || \
		{ tail -n 30 $(DEB_DIR)/build.log >&2; echo "deb: dpkg-buildpackage failed; log in $(DEB_DIR)/build.log" >&2; exit 1; }; \
	deb=$(DEB_DIR)/stackcheck_$${version}_$$arch.deb; \
	test -f $$deb || { echo "deb: no $$deb" >&2; exit 1; }; \
	status=0; lintian $(DEB_DIR)/stackcheck_$${version}_$$arch.changes >$(DEB_DIR)/lintian.txt 2>&1 || status=$$?; \
	cat $(DEB_DIR)/lintian.txt; \
	if [ $$status -gt 1 ]; then \
		echo "deb: lintian failed (exit $$status)" >&2; exit 1; \
	fi; \
	if grep -q '^E:' $(DEB_DIR)/lintian.txt; then \
		echo "deb: lintian reports errors (build/deb/lintian.txt)" >&2; exit 1; \
	fi; \
	echo "deb: $$deb"; dpkg-deb -f $$deb Package Version Architecture Depends Recommends
