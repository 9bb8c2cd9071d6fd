/* A small translation unit for the option tests.  */
extern int sink (int);
int f (int x) { return sink (x) + 1; }
