/* hello.c: bench baseline: FastCGI "hello" with the app's libfcgi setup (threads, accept mutex). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L   /* sigwait, shutdown under -std=c11 */
#endif
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fcgiapp.h>

enum { THREADS_MAX = 64, BACKLOG = 128 };

static int listen_fd = -1;
static pthread_mutex_t accept_lock = PTHREAD_MUTEX_INITIALIZER;

static const char reply[] =
	"Status: 200 OK\r\n"
	"Content-Type: text/plain; charset=utf-8\r\n"
	"Content-Length: 6\r\n"
	"\r\n"
	"hello\n";

static void *worker(void *arg)
{
	FCGX_Request req;

	(void)arg;
	if (FCGX_InitRequest(&req, listen_fd, 0) != 0)
		return NULL;
	for (;;) {
		pthread_mutex_lock(&accept_lock);
		int rc = FCGX_Accept_r(&req);
		pthread_mutex_unlock(&accept_lock);

		if (rc < 0)
			break;
		FCGX_PutStr(reply, (int)(sizeof reply - 1), req.out);
		/* the app's way of ending a request (src/main.c finish()): read the input to
		 * its end, then close without waiting for nginx to close first */
		char sink[4096];
		while (FCGX_GetStr(sink, sizeof sink, req.in) > 0)
			;
		if (FCGX_HasSeenEOF(req.in) == EOF)
			req.detached = 1;
		FCGX_Finish_r(&req);
	}
	FCGX_Free(&req, 1);
	return NULL;
}

static long thread_count(void)
{
	const char *env = getenv("KACHESTVO_THREADS");
	long n = 0;

	if (env && *env) {
		char *end;

		errno = 0;
		n = strtol(env, &end, 10);
		if (errno || *end || n < 0 || n > THREADS_MAX)
			n = 0;
	}
	if (n == 0) {
		long cores = sysconf(_SC_NPROCESSORS_ONLN);

		n = 2 * (cores > 0 ? cores : 1);
	}
	return n > THREADS_MAX ? THREADS_MAX : n;
}

/*
 * Usage: hello SOCKET_PATH. Threads: KACHESTVO_THREADS if set and > 0 (like the app),
 * otherwise 2 x online cores. Every request gets "200 text/plain: hello".
 * SIGTERM/SIGINT: the main thread (the only one with these signals unblocked, via sigwait)
 * shuts the listening socket down, which makes the accepting thread's accept() fail, and
 * exits the process; threads parked on the accept mutex or on a kept connection never
 * return by themselves, so they are not joined.
 */
int main(int argc, char **argv)
{
	pthread_t tid[THREADS_MAX];
	sigset_t stop;
	long n, started = 0;
	int sig = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: %s SOCKET_PATH\n", argv[0]);
		return 2;
	}
	/* Block the stop signals before any thread exists, so only sigwait() sees them. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (FCGX_Init() != 0) {
		fprintf(stderr, "hello: FCGX_Init failed\n");
		return 1;
	}
	unlink(argv[1]);
	listen_fd = FCGX_OpenSocket(argv[1], BACKLOG);
	if (listen_fd < 0) {
		fprintf(stderr, "hello: cannot listen on %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	n = thread_count();
	for (long i = 0; i < n; i++) {
		int err = pthread_create(&tid[i], NULL, worker, NULL);

		if (err) {
			fprintf(stderr, "hello: pthread_create: %s\n", strerror(err));
			break;
		}
		started++;
	}
	if (started == 0)
		return 1;
	fprintf(stderr, "hello: %ld threads on %s\n", started, argv[1]);

	while (sigwait(&stop, &sig) != 0)
		;
	fprintf(stderr, "hello: signal %d, stopping\n", sig);
	shutdown(listen_fd, SHUT_RDWR);
	close(listen_fd);
	unlink(argv[1]);
	return 0;
}
