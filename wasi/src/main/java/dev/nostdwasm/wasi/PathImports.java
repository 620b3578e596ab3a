package dev.nostdwasm.wasi;

import java.nio.charset.StandardCharsets;

/** The {@code path_*} functions: guest memory in and out around {@link PathOperations}. */
final class PathImports {
    private PathImports() {}

    static void define(HostImports imports, WasiContext context) {
        FdTable fds = context.fds;
        imports.define("path_create_directory", "iii", (m, a) -> {
            PathOperations.createDirectory(fds.directory((int) a[0]), m.readString(a[1], a[2]));
            return Errno.SUCCESS;
        });
        imports.define("path_filestat_get", "iiiii", (m, a) -> {
            PathOperations.requireKnownFlags(a[1], WasiAbi.LOOKUP_SYMLINK_FOLLOW);
            DirectoryDescriptor dir = fds.directory((int) a[0]);
            PathOperations.stat(dir, (int) a[1], m.readString(a[2], a[3])).write(m, a[4]);
            return Errno.SUCCESS;
        });
        imports.define("path_filestat_set_times", "iiiiIIi", (m, a) -> {
            PathOperations.requireKnownFlags(a[1], WasiAbi.LOOKUP_SYMLINK_FOLLOW);
            PathOperations.times(a[4], a[5], (int) a[6]);
            DirectoryDescriptor dir = fds.directory((int) a[0]);
            PathOperations.setTimes(dir, (int) a[1], m.readString(a[2], a[3]), a[4], a[5], (int) a[6]);
            return Errno.SUCCESS;
        });
        imports.define("path_link", "iiiiiii", (m, a) -> {
            PathOperations.requireKnownFlags(a[1], WasiAbi.LOOKUP_SYMLINK_FOLLOW);
            DirectoryDescriptor from = fds.directory((int) a[0]);
            DirectoryDescriptor to = fds.directory((int) a[4]);
            PathOperations.link(from, (int) a[1], m.readString(a[2], a[3]), to, m.readString(a[5], a[6]));
            return Errno.SUCCESS;
        });
        imports.define("path_open", "iiiiiIIii", (m, a) -> {
            PathOperations.requireKnownFlags(a[1], WasiAbi.LOOKUP_SYMLINK_FOLLOW);
            PathOperations.requireKnownFlags(a[4], WasiAbi.OFLAGS_ALL);
            PathOperations.requireKnownFlags(a[5], WasiAbi.RIGHTS_ALL);
            PathOperations.requireKnownFlags(a[6], WasiAbi.RIGHTS_ALL);
            PathOperations.requireKnownFlags(a[7], WasiAbi.FDFLAGS_ALL);
            String path = m.readString(a[2], a[3]);
            Descriptor at = fds.get((int) a[0]);
            if (!(at instanceof DirectoryDescriptor dir)) {
                return at instanceof FileDescriptor ? Errno.NOTDIR : Errno.BADF;
            }
            m.checkRange(a[8], 4);
            Descriptor opened = PathOperations.open(dir, (int) a[1], path, (int) a[4],
                    (a[5] & WasiAbi.RIGHT_FD_READ) != 0, (a[5] & WasiAbi.RIGHT_FD_WRITE) != 0, (int) a[7]);
            m.writeI32(a[8], fds.add(opened));
            return Errno.SUCCESS;
        });
        imports.define("path_readlink", "iiiiii", (m, a) -> {
            DirectoryDescriptor dir = fds.directory((int) a[0]);
            byte[] target = PathOperations.readlink(dir, m.readString(a[1], a[2])).getBytes(StandardCharsets.UTF_8);
            int n = (int) Math.min(target.length, a[4]); // cut to the buffer, as readlink(2)
            m.write(a[3], target, 0, n);
            m.writeI32(a[5], n);
            return Errno.SUCCESS;
        });
        imports.define("path_remove_directory", "iii", (m, a) -> {
            PathOperations.removeDirectory(fds.directory((int) a[0]), m.readString(a[1], a[2]));
            return Errno.SUCCESS;
        });
        imports.define("path_rename", "iiiiii", (m, a) -> {
            DirectoryDescriptor from = fds.directory((int) a[0]);
            DirectoryDescriptor to = fds.directory((int) a[3]);
            fds.moved(PathOperations.rename(from, m.readString(a[1], a[2]), to, m.readString(a[4], a[5])));
            return Errno.SUCCESS;
        });
        imports.define("path_symlink", "iiiii", (m, a) -> {
            DirectoryDescriptor dir = fds.directory((int) a[2]);
            PathOperations.symlink(m.readString(a[0], a[1]), dir, m.readString(a[3], a[4]));
            return Errno.SUCCESS;
        });
        imports.define("path_unlink_file", "iii", (m, a) -> {
            PathOperations.unlinkFile(fds.directory((int) a[0]), m.readString(a[1], a[2]));
            return Errno.SUCCESS;
        });
    }
}
