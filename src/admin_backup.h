/*
 * admin_backup.h: the backup and restore commands of kachestvo-admin: an online,
 * consistent copy of the database (SQLite's backup API) with every file it refers
 * to, checked by its SHA-256; and the way back into a stopped portal's data dir.
 */
#ifndef ADMIN_BACKUP_H
#define ADMIN_BACKUP_H

#include "admin.h"

/* Copies the database and its files into `dir` (new or empty) while the portal
 * serves. Returns 0, or EXIT_FAIL with a message printed. */
int admin_backup(struct ctx *x, const char *dir);

/* Checks the backup in `dir` (integrity, every file and its hash) and puts it in
 * place of the data dir's database and files; refuses while the portal runs.
 * Returns 0, or EXIT_FAIL with a message printed. */
int admin_restore(struct ctx *x, const char *dir);

#endif
