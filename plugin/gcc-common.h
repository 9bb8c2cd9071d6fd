/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The GCC headers the stackcheck plugin needs, in the order GCC wants them:
 * the subset of the kernel's scripts/gcc-plugins/gcc-common.h this plugin
 * uses, under the same name and with the same PASS_INFO(), so that the same
 * sources build here (-Iplugin) and in a kernel tree, where the patch series
 * (kernel-glue/linux/patches) drops this file and the kernel's is found.
 * What the plugin adds of its own (the pass boilerplate, the GCC versions it
 * knows) is in stackcheck_plugin.h.
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

#ifndef __visible
#define __visible __attribute__((visibility("default")))
#endif

#define PASS_INFO(NAME, REF, INSTANCE, POS)				\
	struct register_pass_info NAME##_pass_info = {			\
		.pass = make_##NAME##_pass(),				\
		.reference_pass_name = REF,				\
		.ref_pass_instance_number = INSTANCE,			\
		.pos_op = POS,						\
	}

#endif /* STACKCHECK_GCC_COMMON_H */
