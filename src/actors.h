/*
 * actors.h: splits a roadmap item's free-text «Ответственный» cell into the
 * parties it names, so the roadmap can be filtered by one of them.
 */
#ifndef ACTORS_H
#define ACTORS_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

/*
 * Splits `text` at ',' and ';' outside «» quotes, trims spaces and a final '.',
 * and stores up to `max` non-empty parts (arena copies) in out[].
 * Returns the number stored.
 */
size_t actors_split(struct arena *a, const char *text, const char **out, size_t max);

/* A copy of `s` with Latin and Cyrillic letters in lower case and «ё» as «е»,
 * so that «Муниципальный координатор» and «муниципальный координатор» are one party. */
char *actors_fold(struct arena *a, const char *s);

/* True if `actor` is one of the parts of `text`, compared after actors_fold(). */
bool actors_contains(struct arena *a, const char *text, const char *actor);

#endif
