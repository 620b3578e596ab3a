/*
 * Copy-on-write memory images for linear-memory initialisation:
 * wasmtime_memory_image_new, wasmtime_memory_image_map_at and
 * wasmtime_memory_image_free.
 *
 * An image is a memfd (anonymous in-memory file, close-on-exec) holding a
 * copy of the page-aligned initial bytes of a linear memory. Mapping it with
 * MAP_PRIVATE | MAP_FIXED over part of a reserved memory gives the instance
 * the image contents without copying: pages are shared until an instance
 * writes to one, and then the kernel gives that instance a private copy. The
 * image itself never changes.
 *
 * Mappings may outlive the image: a mapping holds its own reference to the
 * memfd, so wasmtime_memory_image_free just closes our descriptor.
 *
 * If the kernel has no memfd_create (ENOSYS) we store NULL as the image,
 * which tells Wasmtime to fall back to copying the data itself.
 */
#include "shim.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

struct wasmtime_memory_image {
    int fd;
    uintptr_t len;
};

static int write_all(int fd, const uint8_t *p, uintptr_t len) {
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return errno != 0 ? errno : EIO;
        }
        if (w == 0)
            return EIO;
        p += w;
        len -= (uintptr_t)w;
    }
    return 0;
}

NSW_EXPORT int32_t wasmtime_memory_image_new(const uint8_t *ptr, uintptr_t len,
                                             struct wasmtime_memory_image **ret) {
    if (ret == NULL)
        return EINVAL;
    *ret = NULL;
    if (len == 0)
        return 0; /* nothing to map: let Wasmtime handle it without an image */

    int fd = memfd_create("wasmtime-memory-image", MFD_CLOEXEC);
    if (fd < 0)
        return errno == ENOSYS ? 0 : (errno != 0 ? errno : EINVAL);

    int err = write_all(fd, ptr, len);
    if (err != 0) {
        close(fd);
        return err;
    }

    struct wasmtime_memory_image *image = malloc(sizeof *image);
    if (image == NULL) {
        close(fd);
        return ENOMEM;
    }
    image->fd = fd;
    image->len = len;
    *ret = image;
    return 0;
}

NSW_EXPORT int32_t wasmtime_memory_image_map_at(struct wasmtime_memory_image *image,
                                                uint8_t *addr, uintptr_t len) {
    if (image == NULL)
        return EINVAL;
    if (len == 0)
        return 0;
    /* Bytes past the end of the file would raise SIGBUS when touched. */
    if (len > image->len)
        return EINVAL;
    void *p = mmap(addr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, image->fd, 0);
    if (p == MAP_FAILED)
        return errno != 0 ? errno : EINVAL;
    return 0;
}

NSW_EXPORT void wasmtime_memory_image_free(struct wasmtime_memory_image *image) {
    if (image == NULL)
        return;
    close(image->fd);
    free(image);
}
