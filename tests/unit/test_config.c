/* test_config.c: defaults, the key = value file, environment overrides, bad values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "tap.h"

int main(void)
{
	char path[] = "/tmp/kachestvo-config-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");

	unsetenv("KACHESTVO_CONFIG");
	unsetenv("KACHESTVO_DATA_DIR");
	unsetenv("KACHESTVO_THREADS");
	ok(config_load() == 0, "loads with no file");
	ok(strcmp(cfg.data_dir, "var") == 0 && cfg.threads == 0, "defaults");
	ok(strcmp(cfg.db_path, "var/portal.db") == 0, "db path defaults under data_dir");
	ok(strcmp(cfg.socket_path, "var/app.sock") == 0, "socket defaults under data_dir");

	fputs("# comment\n\ndata_dir = /srv/k \nthreads=6\n", f);
	fclose(f);
	setenv("KACHESTVO_CONFIG", path, 1);
	ok(config_load() == 0 && strcmp(cfg.data_dir, "/srv/k") == 0 && cfg.threads == 6,
	   "file values, spaces trimmed");
	ok(strcmp(cfg.db_path, "/srv/k/portal.db") == 0, "derived paths follow the file's data_dir");
	setenv("KACHESTVO_THREADS", "3", 1);
	ok(config_load() == 0 && cfg.threads == 3, "environment beats the file");
	setenv("KACHESTVO_THREADS", "65", 1);
	ok(config_load() != 0, "out of range refused");
	setenv("KACHESTVO_THREADS", "4x", 1);
	ok(config_load() != 0, "trailing garbage refused");
	unsetenv("KACHESTVO_THREADS");
	ok(config_set("nope", "1") != 0, "unknown key refused");
	f = fopen(path, "w");
	fputs("no equals sign\n", f);
	fclose(f);
	ok(config_load() != 0, "malformed file line refused");
	unlink(path);
	ok(config_load() != 0, "a missing named config file is an error");
	return ok_done();
}
