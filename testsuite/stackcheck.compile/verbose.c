/* verbose: one note per function with its frame, what its test reserves
   (own frame and pushed arguments, covered callees) and the decision.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-stackcheck-verbose -fplugin-arg-stackcheck-exclude=skipped" } */

extern int sink (int);
int checked_fn (int x) { return sink (x) + 1; } /* { dg-message "'checked_fn' frame \[0-9\]+ bytes, reserves \[0-9\]+ \\(own \[0-9\]+, covered callees 0\\), checked \\(mask 0x1800\\), 0 dynamic sites" } */
int skipped (int x) { return sink (x) + 2; } /* { dg-message "'skipped' frame \[0-9\]+ bytes \\(\[0-9\]+ with pushed arguments\\), not checked \\(excluded\\)" } */
int leaf (int x) { return x + 2; } /* { dg-message "'leaf' frame \[0-9\]+ bytes \\(\[0-9\]+ with pushed arguments\\), not checked \\(leaf\\)" } */
void huge (void) { volatile char b[6000]; sink (b[sink (0)]); } /* { dg-message "'huge' frame \[0-9\]+ bytes, reserves \[0-9\]+ \\(own \[0-9\]+, covered callees 0\\), checked on every call" } */
