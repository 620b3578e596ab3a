/* Tests for nsw_platform_thread_stack. */
#include "test.h"
#include "nsw-platform.h"

#include <errno.h>
#include <pthread.h>

static const char *check_contains_local(size_t min_size) {
    volatile char local = 0;
    uintptr_t here = (uintptr_t)&local;
    uintptr_t low = 0, high = 0;
    int rc = nsw_platform_thread_stack(&low, &high);
    REQUIRE(rc == 0, "nsw_platform_thread_stack returned %d", rc);
    REQUIRE(low < here && here < high, "a local at %#lx is outside [%#lx, %#lx)",
            (unsigned long)here, (unsigned long)low, (unsigned long)high);
    REQUIRE(high - low >= min_size, "stack of %lu bytes, want at least %lu",
            (unsigned long)(high - low), (unsigned long)min_size);
    uintptr_t low2 = 0, high2 = 0;
    REQUIRE(nsw_platform_thread_stack(&low2, &high2) == 0, "second call failed");
    REQUIRE(low2 == low && high2 == high, "second call gave other bounds");
    return NULL;
}

static const char *t_main_thread(void) {
    return check_contains_local(64 * 1024);
}

struct sized_thread {
    size_t size;
    const char *reason;
    uintptr_t low, high;
};

static void *on_sized_thread(void *arg) {
    struct sized_thread *t = arg;
    t->reason = check_contains_local(t->size);
    nsw_platform_thread_stack(&t->low, &t->high);
    return NULL;
}

/* A thread made with a given stack size reports that size (glibc may round it
 * up to whole pages), and its bounds are its own, not the creator's cache. */
static const char *t_thread_of_known_size(void) {
    uintptr_t main_low, main_high;
    REQUIRE(nsw_platform_thread_stack(&main_low, &main_high) == 0, "main thread");
    struct sized_thread t = {.size = 512 * 1024};
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    REQUIRE(pthread_attr_setstacksize(&attr, t.size) == 0, "pthread_attr_setstacksize");
    pthread_t th;
    REQUIRE(pthread_create(&th, &attr, on_sized_thread, &t) == 0, "pthread_create");
    pthread_join(th, NULL);
    pthread_attr_destroy(&attr);
    if (t.reason != NULL)
        return t.reason;
    REQUIRE(t.high - t.low < t.size + 256 * 1024, "a %lu-byte thread reports %lu bytes",
            (unsigned long)t.size, (unsigned long)(t.high - t.low));
    REQUIRE(t.high <= main_low || t.low >= main_high, "the thread's stack overlaps the main thread's");
    return NULL;
}

static const char *t_null_outputs(void) {
    uintptr_t v;
    REQUIRE(nsw_platform_thread_stack(NULL, &v) == EINVAL, "NULL low accepted");
    REQUIRE(nsw_platform_thread_stack(&v, NULL) == EINVAL, "NULL high accepted");
    return NULL;
}

void stack_tests(void) {
    run_test("stack_main_thread", t_main_thread);
    run_test("stack_thread_of_known_size", t_thread_of_known_size);
    run_test("stack_null_outputs", t_null_outputs);
}
