/*
 * mail_send.c: the mail thread: periodic reminders, then claim → SMTP → mark
 * for each due outbox message (see mail_send.h for the delivery guarantee).
 */
#include "mail_send.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "arena.h"
#include "config.h"
#include "db.h"
#include "db_outbox.h"
#include "log.h"
#include "mail_msg.h"
#include "outbox.h"
#include "view.h"

enum {
	ARENA_FIRST = 64 << 10, ARENA_CAP = 16 << 20,
	BACKOFF_MAX_S = 6 * 3600,
	CONNECT_TIMEOUT_S = 10, SMTP_TIMEOUT_S = 60,
};

static pthread_t thread;
static bool running, stopping;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;

int64_t mail_send_next(int64_t now, int64_t attempt)
{
	int64_t delay = cfg.mail_retry_s;

	if (attempt >= cfg.mail_attempts)
		return 0;
	for (int64_t i = 1; i < attempt && delay < BACKOFF_MAX_S; i++)
		delay *= 2;
	return now + (delay < BACKOFF_MAX_S ? delay : BACKOFF_MAX_S);
}

struct source {
	const char *p;
	size_t left;
};

static size_t read_cb(char *out, size_t size, size_t nmemb, void *arg)
{
	struct source *s = arg;
	size_t n = size * nmemb < s->left ? size * nmemb : s->left;

	memcpy(out, s->p, n);
	s->p += n;
	s->left -= n;
	return n;
}

int mail_send_one(struct arena *a, const struct outbox_row *m, char *err, size_t size)
{
	struct mail_msg msg = { .from = cfg.mail_from, .to = m->rcpt, .subject = m->subject,
				.message_id = m->message_id, .text = m->body_text, .html = m->body_html,
				.date = (int64_t)time(NULL) };
	const char *text = mail_message(a, &msg);
	const char *from = arena_printf(a, "<%s>", cfg.mail_from), *to = arena_printf(a, "<%s>", m->rcpt);
	char curl_err[CURL_ERROR_SIZE] = "";
	struct curl_slist *rcpt = NULL;
	struct source src;
	CURL *c;
	CURLcode rc;

	if (!text || !from || !to || !mail_addr_ok(m->rcpt) || !(c = curl_easy_init()) ||
	    !(rcpt = curl_slist_append(NULL, to))) {
		snprintf(err, size, "cannot build the message");
		return -1;
	}
	src.p = text;
	src.left = strlen(text);
	curl_easy_setopt(c, CURLOPT_URL, cfg.smtp_url);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &src);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, (long)CONNECT_TIMEOUT_S);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)SMTP_TIMEOUT_S);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, curl_err);
	if (cfg.smtp_starttls)
		curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	if (cfg.smtp_user[0]) {
		curl_easy_setopt(c, CURLOPT_USERNAME, cfg.smtp_user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, cfg.smtp_password);
	}
	rc = curl_easy_perform(c);
	if (rc != CURLE_OK) {
		long code = 0;

		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
		snprintf(err, size, "%s%s%s (SMTP %ld)", curl_easy_strerror(rc), curl_err[0] ? ": " : "",
			 curl_err, code);
	}
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	return rc == CURLE_OK ? 0 : -1;
}

/* Claims, sends and marks one message. Returns DB_OK (one handled),
 * DB_NOTFOUND (none due) or DB_ERR. */
static int deliver_one(struct db *db, struct arena *a)
{
	struct outbox_row m;
	char err[CURL_ERROR_SIZE + 96];
	int64_t now = (int64_t)time(NULL);
	int rc;

	if (db_begin(db) != DB_OK)
		return DB_ERR;
	if ((rc = db_outbox_claim(db, a, now, &m)) != DB_OK || db_commit(db) != DB_OK) {
		db_rollback(db);
		return rc == DB_OK ? DB_ERR : rc;
	}
	if (mail_send_one(a, &m, err, sizeof err) == 0) {
		rc = db_begin(db) == DB_OK && db_outbox_sent(db, m.id, (int64_t)time(NULL)) == DB_OK &&
		     db_commit(db) == DB_OK ? DB_OK : DB_ERR;
		log_info("mail", "sent outbox=%lld to=%s", (long long)m.id, m.rcpt);
	} else {
		int64_t next = mail_send_next((int64_t)time(NULL), m.attempts);

		rc = db_begin(db) == DB_OK && db_outbox_retry(db, m.id, err, next) == DB_OK &&
		     db_commit(db) == DB_OK ? DB_OK : DB_ERR;
		log_err("mail", "outbox=%lld attempt=%lld %s: %s", (long long)m.id, (long long)m.attempts,
			next ? "will retry" : "failed", err);
	}
	if (rc != DB_OK)
		db_rollback(db);
	return rc;
}

/* Sleeps up to cfg.mail_poll_ms unless stopped. Returns false once stopping. */
static bool nap(void)
{
	struct timespec until;
	bool go;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += cfg.mail_poll_ms / 1000;
	until.tv_nsec += (cfg.mail_poll_ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&lock);
	if (!stopping)
		pthread_cond_timedwait(&wake, &lock, &until);
	go = !stopping;
	pthread_mutex_unlock(&lock);
	return go;
}

static bool stop_asked(void)
{
	bool s;

	pthread_mutex_lock(&lock);
	s = stopping;
	pthread_mutex_unlock(&lock);
	return s;
}

static void *mail_run(void *arg)
{
	struct db *db = arg;
	struct arena a;
	int64_t last_remind = 0;

	if (arena_init(&a, ARENA_FIRST, ARENA_CAP) != 0)
		return NULL;
	do {
		int64_t now = (int64_t)time(NULL);

		if (now - last_remind >= cfg.mail_remind_s) {
			outbox_reminders(db, &a, view_today());
			last_remind = now;
		}
		arena_reset(&a);
		while (cfg.smtp_url[0] && !stop_asked() && deliver_one(db, &a) == DB_OK)
			arena_reset(&a);
		arena_reset(&a);
	} while (nap());
	arena_free(&a);
	return NULL;
}

static struct db mail_db;

int mail_send_start(void)
{
	if (db_open(&mail_db, cfg.db_path, true) != DB_OK)
		return -1;
	if (db_outbox_recover(&mail_db, mail_text_v[MT_INTERRUPTED]) != DB_OK ||
	    pthread_create(&thread, NULL, mail_run, &mail_db) != 0) {
		log_err("mail", "cannot start the mail thread");
		db_close(&mail_db);
		return -1;
	}
	running = true;
	log_info("mail", "mail thread started; %s", cfg.smtp_url[0] ? "delivering via SMTP"
							  : "no smtp_url: mail stays in the outbox");
	return 0;
}

void mail_send_stop(void)
{
	if (!running)
		return;
	pthread_mutex_lock(&lock);
	stopping = true;
	pthread_cond_signal(&wake);
	pthread_mutex_unlock(&lock);
	pthread_join(thread, NULL);
	db_close(&mail_db);
	running = false;
}
