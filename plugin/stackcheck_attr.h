/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stackcheck_attr.h: mark functions the stackcheck plugin must not
 * instrument.
 *
 *	#include "stackcheck_attr.h"
 *	__no_stackcheck void early_setup(void);
 *
 * The plugin registers the attribute no_stackcheck; when the plugin is not
 * loaded the attribute does not exist and the macro expands to nothing, so
 * code that uses it builds the same with any compiler.
 */
#ifndef STACKCHECK_ATTR_H
#define STACKCHECK_ATTR_H

#if defined(__has_attribute)
# if __has_attribute(no_stackcheck)
#  define __no_stackcheck __attribute__((no_stackcheck))
# endif
#endif
#ifndef __no_stackcheck
# define __no_stackcheck
#endif

#endif /* STACKCHECK_ATTR_H */
