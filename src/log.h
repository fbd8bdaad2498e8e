/*
 * log.h: one-line key=value events on stderr, safe against control characters.
 * Thread-safe (one write(2) per line). Never logs secrets or request bodies.
 */
#ifndef LOG_H
#define LOG_H

enum log_level { LOG_ERR, LOG_WARN, LOG_INFO, LOG_DEBUG };

/* Lines above this level are dropped; set once at startup. */
extern enum log_level log_threshold;

/* Writes `<time> <LVL> req=<req> mod=<mod> msg="<formatted>"`; req may be NULL. */
void log_event(enum log_level lvl, const char *req, const char *mod, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#define log_err(mod, ...)  log_event(LOG_ERR, NULL, mod, __VA_ARGS__)
#define log_info(mod, ...) log_event(LOG_INFO, NULL, mod, __VA_ARGS__)

#endif
