/* Tests for wasmtime_memory_image_new / _map_at / _free. */
#include "test.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static uint8_t pattern(uintptr_t i) {
    return (uint8_t)(i * 31 + 7);
}

static const char *t_image_map_cow(void) {
    uintptr_t ps = wasmtime_page_size();
    uintptr_t len = 3 * ps;
    uint8_t *src = aligned_alloc(ps, len);
    REQUIRE(src != NULL, "aligned_alloc");
    for (uintptr_t i = 0; i < len; i++)
        src[i] = pattern(i);

    struct wasmtime_memory_image *img = NULL;
    int rc = wasmtime_memory_image_new(src, len, &img);
    REQUIRE(rc == 0 && img != NULL, "image_new returned %d, image %p", rc, (void *)img);
    memset(src, 0, len); /* the image must be a copy */
    free(src);

    /* Two "linear memories": PROT_NONE reservations with the image at +1 page. */
    uint8_t *m1 = NULL, *m2 = NULL;
    REQUIRE(wasmtime_mmap_new(5 * ps, 0, &m1) == 0 && wasmtime_mmap_new(5 * ps, 0, &m2) == 0,
            "reservations failed");
    REQUIRE(wasmtime_memory_image_map_at(img, m1 + ps, len) == 0, "map_at m1 failed");
    for (uintptr_t i = 0; i < len; i++)
        REQUIRE(m1[ps + i] == pattern(i), "m1 byte %lu = %d, want %d", (unsigned long)i,
                m1[ps + i], pattern(i));
    REQUIRE(catch_jvm_fault(touch_read, m1) == SIGSEGV, "page before the image accessible");
    REQUIRE(catch_jvm_fault(touch_read, m1 + 4 * ps) == SIGSEGV,
            "page after the image accessible");

    /* Private: writes go to m1 only. */
    m1[ps] = 0xee;
    m1[ps + len - 1] = 0xdd;
    REQUIRE(wasmtime_memory_image_map_at(img, m2 + ps, len) == 0, "map_at m2 failed");
    REQUIRE(m2[ps] == pattern(0) && m2[ps + len - 1] == pattern(len - 1),
            "second mapping sees the first one's writes");
    for (uintptr_t i = 0; i < len; i++)
        REQUIRE(m2[ps + i] == pattern(i), "m2 byte %lu differs", (unsigned long)i);
    m2[ps + 5] = 0x11;
    REQUIRE(m1[ps + 5] == pattern(5), "m1 sees m2's write");
    REQUIRE(m1[ps] == 0xee, "m1 lost its write");

    /* Mappings outlive the image. */
    wasmtime_memory_image_free(img);
    REQUIRE(m2[ps + 6] == pattern(6) && m1[ps + 1] == pattern(1), "mapping broken after free");

    /* Reset as Wasmtime does: remap the range as zeros. */
    REQUIRE(wasmtime_mmap_remap(m1 + ps, len, WASMTIME_PROT_READ | WASMTIME_PROT_WRITE) == 0,
            "remap failed");
    REQUIRE(m1[ps] == 0 && m1[ps + len - 1] == 0, "remap did not zero the image range");

    REQUIRE(wasmtime_munmap(m1, 5 * ps) == 0 && wasmtime_munmap(m2, 5 * ps) == 0,
            "munmap failed");
    return NULL;
}

static const char *t_image_remap_again(void) {
    /* The same image mapped repeatedly at the same place (instance reuse). */
    uintptr_t ps = wasmtime_page_size();
    uint8_t *src = aligned_alloc(ps, ps);
    REQUIRE(src != NULL, "aligned_alloc");
    memset(src, 0x5c, ps);
    struct wasmtime_memory_image *img = NULL;
    REQUIRE(wasmtime_memory_image_new(src, ps, &img) == 0 && img != NULL, "image_new failed");
    free(src);
    uint8_t *m = NULL;
    REQUIRE(wasmtime_mmap_new(ps, 0, &m) == 0, "reservation failed");
    for (int round = 0; round < 3; round++) {
        REQUIRE(wasmtime_memory_image_map_at(img, m, ps) == 0, "map_at round %d", round);
        REQUIRE(m[0] == 0x5c && m[ps - 1] == 0x5c, "round %d: wrong contents %#x", round, m[0]);
        m[0] = (uint8_t)round;
    }
    wasmtime_memory_image_free(img);
    REQUIRE(wasmtime_munmap(m, ps) == 0, "munmap failed");
    return NULL;
}

static const char *t_image_edge_cases(void) {
    uintptr_t ps = wasmtime_page_size();
    struct wasmtime_memory_image *img = (void *)1;
    int rc = wasmtime_memory_image_new(NULL, 0, &img);
    REQUIRE(rc == 0 && img == NULL, "empty image: rc %d image %p (want 0, NULL)", rc,
            (void *)img);
    wasmtime_memory_image_free(NULL);

    static uint8_t one_page[65536] __attribute__((aligned(65536)));
    REQUIRE(wasmtime_memory_image_new(one_page, ps, &img) == 0 && img != NULL,
            "image_new failed");
    uint8_t *m = NULL;
    REQUIRE(wasmtime_mmap_new(2 * ps, 0, &m) == 0, "reservation failed");
    rc = wasmtime_memory_image_map_at(img, m + 1, ps);
    REQUIRE(rc == EINVAL, "unaligned map_at returned %d, want EINVAL", rc);
    rc = wasmtime_memory_image_map_at(img, m, 2 * ps);
    REQUIRE(rc == EINVAL, "map_at longer than the image returned %d, want EINVAL", rc);
    wasmtime_memory_image_free(img);
    REQUIRE(wasmtime_munmap(m, 2 * ps) == 0, "munmap failed");
    return NULL;
}

void image_tests(void) {
    run_test("memory_image_map_copy_on_write", t_image_map_cow);
    run_test("memory_image_map_repeatedly", t_image_remap_again);
    run_test("memory_image_edge_cases", t_image_edge_cases);
}
