/* SPDX-License-Identifier: GPL-2.0 */
/* bench shim: see ../kshim.h */
#include "../kshim.h"
