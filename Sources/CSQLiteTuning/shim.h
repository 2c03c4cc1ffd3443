#ifndef ACDD_CSQLITETUNING_SHIM_H
#define ACDD_CSQLITETUNING_SHIM_H
#include <sqlite3.h>

/* sqlite3_config is variadic, which Swift cannot call. Turns off SQLite's memory statistics:
   with them on (Debian's default), every allocation and free inside SQLite takes one mutex shared
   by all connections, so the journal's writer (the event loop) and the call records' writer
   wait on each other thousands of times a second. Only works before SQLite is initialized (the
   first connection opened); returns SQLITE_MISUSE after. */
static inline int acdd_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
#endif
