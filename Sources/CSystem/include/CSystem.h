#ifndef BORDER_CSYSTEM_H
#define BORDER_CSYSTEM_H
#include <malloc.h>

/// Caps glibc's malloc arenas: its default (8 per core) only inflates the RSS of a few worker threads.
static inline void border_limit_malloc_arenas(int count) { mallopt(M_ARENA_MAX, count); }

/// Partial output files to remove if the process is interrupted. The paths live in fixed static
/// slots, so the signal handler only reads memory and calls unlink(2) and _exit(2), both
/// async-signal-safe; no Swift runtime, allocation or lock is touched there.
/// Returns the slot (>= 0), or -1 when all slots are taken or the path is too long.
int border_register_partial_file(const char *path);
void border_unregister_partial_file(int slot);

/// Installs the handlers: SIGINT and SIGTERM remove the registered files and exit 128 + signal
/// (unblocking both first, since a parent may start us with them blocked); SIGPIPE is ignored,
/// so a write to a closed pipe fails with EPIPE instead of killing the process.
void border_install_signal_handlers(void);

#endif
