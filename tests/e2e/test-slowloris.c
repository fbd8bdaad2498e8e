/*
 * test-slowloris.c: 2,000 connections that send half a request header and then a
 * byte now and again (slowloris) do not stop a real visitor from getting pages and
 * logging in promptly; nginx closes the slow ones after client_header_timeout.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "e2e.h"
#include "tap.h"

enum { SLOW = 2000 };

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Opens a connection to 127.0.0.1:port and sends the start of a request; -1 on failure. */
static int slow_open(int port)
{
	static const char start[] = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((unsigned short)port),
				  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0 ||
	    send(fd, start, sizeof start - 1, MSG_NOSIGNAL) != (ssize_t)(sizeof start - 1)) {
		close(fd);
		return -1;
	}
	return fd;
}

int main(void)
{
	struct rlimit rl;
	static int fd[SLOW];
	int opened = 0, served = 1, port;
	double slowest = 0;
	struct e2e *e = e2e_start();

	if (!ok(e != NULL, "the stack starts"))
		return ok_done();
	port = e2e_port(e);
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < SLOW + 64) {
		rl.rlim_cur = rl.rlim_max < SLOW + 256 ? rl.rlim_max : SLOW + 256;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	for (int i = 0; i < SLOW; i++)
		if ((fd[i] = slow_open(port)) >= 0)
			opened++;
	ok(opened >= SLOW * 9 / 10, "%d of %d slow connections are open, each half a header", opened, SLOW);
	struct e2e_browser *b = e2e_browser_new(e);

	for (int round = 0; round < 5; round++) {
		struct e2e_resp r;
		double t0 = now();
		int status = e2e_get(e, round % 2 ? "/ust-ilimsk/" : "/ust-ilimsk/schools/sosh-5/", &r);
		double dt = now() - t0;

		e2e_resp_free(&r);
		served &= status == 200 && dt < 2.0;
		slowest = dt > slowest ? dt : slowest;
		for (int i = 0; i < SLOW; i++)   /* a byte now and again keeps them alive */
			if (fd[i] >= 0 && send(fd[i], "x", 1, MSG_NOSIGNAL) != 1) {
				close(fd[i]);
				fd[i] = -1;
			}
		usleep(300000);
	}
	ok(served, "meanwhile a visitor gets pages, each within 2 s (slowest %.3f s)", slowest);
	ok(e2e_login(b, "school-sosh-5", e2e_password(e, "school-sosh-5"), NULL) == 303,
	   "and a school administrator logs in");
	for (int i = 0; i < SLOW; i++)
		if (fd[i] >= 0)
			close(fd[i]);
	e2e_browser_free(b);
	e2e_stop(e);
	return ok_done();
}
