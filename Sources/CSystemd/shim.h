#ifndef ACDD_CSYSTEMD_SHIM_H
#define ACDD_CSYSTEMD_SHIM_H
/* acdd adds CODE_FILE, CODE_LINE and CODE_FUNC itself, from the Swift call site: keep the
   header's macros from pointing them at this file. */
#define SD_JOURNAL_SUPPRESS_LOCATION 1
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>
#endif
