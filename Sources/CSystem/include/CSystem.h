#ifndef BORDER_CSYSTEM_H
#define BORDER_CSYSTEM_H
#include <malloc.h>

/// Caps glibc's malloc arenas: its default (8 per core) only inflates the RSS of a few worker threads.
static inline void border_limit_malloc_arenas(int count) { mallopt(M_ARENA_MAX, count); }

#endif
