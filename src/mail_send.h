/*
 * mail_send.h: the mail thread: queues due reminders and digests every
 * cfg.mail_remind_s seconds and, when cfg.smtp_url is set, delivers the outbox
 * over SMTP (libcurl) with retries and exponential backoff. Its own database connection and arena.
 *
 * Delivery is at most once: a message is claimed (status sending, attempts + 1)
 * and committed before the SMTP transaction starts, and marked sent or queued
 * again after it. If the app stops between the two, the message stays
 * `sending` and the next start marks it failed, visible at /admin/outbox/
 * («доставлено ли, неизвестно»); only an administrator's «отправить снова»
 * sends it again. So a restart never sends a message twice by itself.
 */
#ifndef MAIL_SEND_H
#define MAIL_SEND_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct outbox_row;

/* Starts the thread (after curl_global_init). Returns 0 or -1 (logged). */
int mail_send_start(void);

/* Wakes the thread, lets it finish the message in hand, joins it. */
void mail_send_stop(void);

/* One SMTP transaction for message `m` to cfg.smtp_url. Returns 0, or -1 with
 * the reason in err[size]. */
int mail_send_one(struct arena *a, const struct outbox_row *m, char *err, size_t size);

/* When a message that failed its attempt-th attempt at `now` is tried again:
 * cfg.mail_retry_s · 2^(attempt-1), at most six hours later; 0 when attempt
 * reached cfg.mail_attempts (it has failed for good). */
int64_t mail_send_next(int64_t now, int64_t attempt);

#endif
