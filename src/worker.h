/*
 * worker.h: everything one accept thread owns: its database connection and its
 * request arena. Nothing here is shared between threads.
 */
#ifndef WORKER_H
#define WORKER_H

#include <magic.h>

#include "arena.h"
#include "cache.h"
#include "db.h"

struct worker {
	struct db db;
	struct arena arena;
	magic_t magic;      /* libmagic cookies are not shared between threads */
	struct page_cache cache;
};

#endif
