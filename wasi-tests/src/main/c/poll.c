/* poll_oneoff: relative and absolute clock subscriptions, several at once, none at all, a
 * clock in the past, and file descriptor readiness of a file and of stdin at its end. */
#include "observe.h"
#include <fcntl.h>
#include <time.h>
#include <wasi/api.h>

static void clock_sub(__wasi_subscription_t *s, __wasi_userdata_t tag, __wasi_clockid_t clock,
                      __wasi_timestamp_t timeout, __wasi_subclockflags_t flags) {
    memset(s, 0, sizeof *s);
    s->userdata = tag;
    s->u.tag = __WASI_EVENTTYPE_CLOCK;
    s->u.u.clock.id = clock;
    s->u.u.clock.timeout = timeout;
    s->u.u.clock.flags = flags;
}

static void fd_sub(__wasi_subscription_t *s, __wasi_userdata_t tag, __wasi_eventtype_t type, int fd) {
    memset(s, 0, sizeof *s);
    s->userdata = tag;
    s->u.tag = type;
    s->u.u.fd_read.file_descriptor = fd;
}

static void poll(const char *label, __wasi_subscription_t *subs, size_t count) {
    __wasi_event_t events[8];
    __wasi_size_t n = 0;
    memset(events, 0, sizeof events);
    __wasi_errno_t e = __wasi_poll_oneoff(subs, events, count, &n);
    printf("%s: %s, %u event(s)", label, errno_name(e), (unsigned)n);
    for (__wasi_size_t i = 0; i < n && e == 0; i++)
        printf(" [userdata %llu, type %u, error %s]", (unsigned long long)events[i].userdata,
               events[i].type, errno_name(events[i].error));
    printf("\n");
}

int main(int argc, char **argv) {
    enter_sandbox(argc, argv);
    __wasi_subscription_t subs[4];
    clock_sub(&subs[0], 11, __WASI_CLOCKID_MONOTONIC, 1000000, 0);
    poll("relative monotonic 1 ms", subs, 1);

    __wasi_timestamp_t before = 0, after = 0;
    (void)__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &before);
    clock_sub(&subs[0], 12, __WASI_CLOCKID_MONOTONIC, 3000000, 0);
    poll("relative monotonic 3 ms", subs, 1);
    (void)__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &after);
    printf("waited at least 3 ms: %s\n", after - before >= 3000000 ? "yes" : "no");

    (void)__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &before);
    clock_sub(&subs[0], 13, __WASI_CLOCKID_MONOTONIC, before + 2000000, __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME);
    poll("absolute monotonic 2 ms ahead", subs, 1);
    clock_sub(&subs[0], 14, __WASI_CLOCKID_MONOTONIC, 1, __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME);
    poll("absolute monotonic in the past", subs, 1);
    clock_sub(&subs[0], 15, __WASI_CLOCKID_REALTIME, 1000000, 0);
    poll("relative realtime 1 ms", subs, 1);
    clock_sub(&subs[0], 16, __WASI_CLOCKID_MONOTONIC, 0, 0);
    poll("relative timeout 0", subs, 1);

    clock_sub(&subs[0], 21, __WASI_CLOCKID_MONOTONIC, 5000000000ULL, 0);
    clock_sub(&subs[1], 22, __WASI_CLOCKID_MONOTONIC, 1000000, 0);
    poll("5 s and 1 ms: only the 1 ms fires", subs, 2);

    poll("no subscriptions", subs, 0);
    clock_sub(&subs[0], 31, 4, 1000, 0);
    poll("unknown clock id", subs, 1);

    int file = open("hello.txt", O_RDWR);
    fd_sub(&subs[0], 41, __WASI_EVENTTYPE_FD_READ, file);
    poll("a file is ready to read", subs, 1);
    fd_sub(&subs[0], 42, __WASI_EVENTTYPE_FD_WRITE, file);
    poll("a file is ready to write", subs, 1);
    fd_sub(&subs[0], 43, __WASI_EVENTTYPE_FD_READ, 99);
    poll("a closed descriptor", subs, 1);
    fd_sub(&subs[0], 44, __WASI_EVENTTYPE_FD_READ, 0);
    clock_sub(&subs[1], 45, __WASI_CLOCKID_MONOTONIC, 2000000000ULL, 0);
    poll("stdin at its end, or 2 s", subs, 2);
    close(file);

    struct timespec nap = {0, 1000000};
    check("nanosleep 1 ms", nanosleep(&nap, NULL));
    check("usleep 1000", usleep(1000));
    fflush(stdout);
    return 0;
}
