/*
 * config.h: the application's settings: built-in defaults, then an optional
 * `key = value` file (path in KACHESTVO_CONFIG), then environment variables.
 * Read once at startup; read-only afterwards.
 */
#ifndef CONFIG_H
#define CONFIG_H

struct config {
	char data_dir[512];     /* database, uploads, socket live here */
	char socket_path[512];  /* FastCGI unix socket; default <data_dir>/app.sock */
	char db_path[512];      /* default <data_dir>/portal.db */
	char templates[512];    /* directory of *.tpl */
	char migrations[512];   /* directory of NNNN_*.sql */
	long threads;           /* 0: twice the number of cores */
	long log_debug;         /* 1: log every request */
	long upload_max_mb;     /* largest document file */
	long page_cache_seconds; /* nginx keeps anonymous public pages this long (0: never) */
	long explain_plans;     /* 1: warn of statements that scan a large table (tests) */
	long monitor_parallel;  /* school sites fetched at the same time */
	long monitor_connect_s; /* connect timeout of one fetch */
	long monitor_timeout_s; /* total time of one fetch */
	long monitor_max_kb;    /* largest page (and link answer) read */
	long monitor_redirects; /* redirects followed */
	long monitor_links;     /* document links checked per school */
	char base_url[256];     /* the portal's public address, for links in e-mails and feeds */
	char smtp_url[256];     /* smtp://host:port or smtps://…; empty: mail stays in the outbox */
	long smtp_starttls;     /* 1: require STARTTLS on smtp:// */
	char smtp_user[128];    /* empty: no AUTH */
	char smtp_password[128];
	char mail_from[256];    /* the From address */
	long mail_poll_ms;      /* how often the mail thread looks at the outbox */
	long mail_retry_s;      /* first retry delay; doubled on each failure */
	long mail_attempts;     /* attempts before a message is marked failed */
	long mail_remind_s;     /* how often due reminders and digests are looked for */
};

extern struct config cfg;

/* Fills `cfg`. Returns 0, or -1 after printing one line naming the bad key. */
int config_load(void);

/* Applies one `key`=`value` pair; for the file parser and tests.
 * Returns 0, or -1 (unknown key, bad number, out of range). */
int config_set(const char *key, const char *value);

#endif
