/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one place that knows which GCC headers the stackcheck plugin needs,
 * in which order, and what differs between GCC versions.  The plugin is
 * written against GCC 12; a version this header has not been taught about is
 * rejected at build time rather than miscompiled.
 */
#ifndef STACKCHECK_GCC_COMMON_H
#define STACKCHECK_GCC_COMMON_H

#include "gcc-plugin.h"
#include "plugin-version.h"
#include "config.h"
#include "system.h"
#include "coretypes.h"
#include "tm.h"
#include "tree.h"
#include "rtl.h"
#include "tm_p.h"
#include "memmodel.h"
#include "emit-rtl.h"
#include "function.h"
#include "basic-block.h"
#include "cfg.h"
#include "cfgrtl.h"
#include "cfghooks.h"
#include "tree-pass.h"
#include "context.h"
#include "diagnostic-core.h"
#include "stringpool.h"
#include "attribs.h"
#include "output.h"
#include "debug.h"
#include "langhooks.h"
#include "target.h"
#include "predict.h"
#include "cgraph.h"
#include "intl.h"

/* plugin-version.h defines gcc_version in every file that includes it. */
static inline const void *stackcheck_gcc_version(void)
{
	return &gcc_version;
}

#if GCCPLUGIN_VERSION_MAJOR < 11 || GCCPLUGIN_VERSION_MAJOR > 14
#error "stackcheck is written for GCC 11-14 (tested with 12)"
#endif

#ifndef __visible
#define __visible __attribute__((visibility("default")))
#endif

/*
 * Pass boilerplate in the style of the kernel's gcc-generate-rtl-pass.h:
 * define PASS_NAME, the functions PASS_NAME##_gate and PASS_NAME##_execute,
 * then STACKCHECK_RTL_PASS(PASS_NAME) gives make_PASS_NAME_pass().
 */
#define STACKCHECK_RTL_PASS(NAME)					\
namespace {								\
const pass_data NAME##_pass_data = {					\
	RTL_PASS, #NAME, OPTGROUP_NONE, TV_NONE,			\
	PROP_rtl, 0, 0, 0, 0,						\
};									\
class NAME##_pass : public rtl_opt_pass {				\
public:									\
	NAME##_pass() : rtl_opt_pass(NAME##_pass_data, g) {}		\
	bool gate(function *) final override { return NAME##_gate(); }	\
	unsigned int execute(function *) final override			\
	{								\
		return NAME##_execute();				\
	}								\
	opt_pass *clone() final override { return new NAME##_pass(); }	\
};									\
}									\
static opt_pass *make_##NAME##_pass(void) { return new NAME##_pass(); }

#define PASS_INFO(NAME, REF, INSTANCE, POS)				\
	struct register_pass_info NAME##_pass_info = {			\
		.pass = make_##NAME##_pass(),				\
		.reference_pass_name = REF,				\
		.ref_pass_instance_number = INSTANCE,			\
		.pos_op = POS,						\
	}

#endif /* STACKCHECK_GCC_COMMON_H */
