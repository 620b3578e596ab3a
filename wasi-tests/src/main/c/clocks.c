/* Clocks: only properties that hold on every run (resolutions are positive, the monotonic
 * clock never goes back, the real-time clock is after 2020, CPU time is measurable). */
#define _WASI_EMULATED_PROCESS_CLOCKS
#include "observe.h"
#include <time.h>
#include <wasi/api.h>

static void clock_properties(const char *name, __wasi_clockid_t id) {
    __wasi_timestamp_t resolution = 0, first = 0, previous = 0, now = 0;
    __wasi_errno_t e = __wasi_clock_res_get(id, &resolution);
    printf("%s res_get: %s, positive: %s\n", name, errno_name(e), resolution > 0 ? "yes" : "no");
    e = __wasi_clock_time_get(id, 1, &first);
    printf("%s time_get: %s\n", name, errno_name(e));
    previous = first;
    int went_back = 0;
    for (int i = 0; i < 10000; i++) {
        (void)__wasi_clock_time_get(id, 1, &now);
        if (now < previous) went_back = 1;
        previous = now;
    }
    printf("%s never went back over 10000 reads: %s\n", name, went_back ? "no" : "yes");
}

int main(void) {
    clock_properties("realtime", __WASI_CLOCKID_REALTIME);
    clock_properties("monotonic", __WASI_CLOCKID_MONOTONIC);
    clock_properties("process_cputime", __WASI_CLOCKID_PROCESS_CPUTIME_ID);
    clock_properties("thread_cputime", __WASI_CLOCKID_THREAD_CPUTIME_ID);


    struct timespec ts;
    check("clock_gettime(CLOCK_REALTIME)", clock_gettime(CLOCK_REALTIME, &ts));
    printf("realtime after 2020: %s\n", ts.tv_sec > 1577836800 ? "yes" : "no");
    printf("time() agrees with it: %s\n", labs((long)(time(NULL) - ts.tv_sec)) <= 1 ? "yes" : "no");

    struct timespec before, after, nap = {0, 2000000};
    clock_gettime(CLOCK_MONOTONIC, &before);
    check("nanosleep 2 ms", nanosleep(&nap, NULL));
    clock_gettime(CLOCK_MONOTONIC, &after);
    long long slept = (after.tv_sec - before.tv_sec) * 1000000000LL + (after.tv_nsec - before.tv_nsec);
    printf("monotonic advanced at least 2 ms across it: %s\n", slept >= 2000000 ? "yes" : "no");
    return 0;
}
