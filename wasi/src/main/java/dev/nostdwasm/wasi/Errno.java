package dev.nostdwasm.wasi;

import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.ReadOnlyFileSystemException;

/**
 * WASI preview 1 error numbers (the {@code errno} enum of {@code wasi_snapshot_preview1}), and the
 * one place that turns a Java exception into one.
 */
final class Errno {
    static final int SUCCESS = 0;
    static final int ACCES = 2;
    static final int BADF = 8;
    static final int EXIST = 20;
    static final int FAULT = 21;
    static final int FBIG = 22;
    static final int ILSEQ = 25;
    static final int INTR = 27;
    static final int INVAL = 28;
    static final int IO = 29;
    static final int ISDIR = 31;
    static final int LOOP = 32;
    static final int NAMETOOLONG = 37;
    static final int NOENT = 44;
    static final int NOSPC = 51;
    static final int NOTDIR = 54;
    static final int NOTEMPTY = 55;
    static final int NOTSOCK = 57;
    static final int NOTSUP = 58;
    static final int PERM = 63;
    static final int ROFS = 69;
    static final int SPIPE = 70;
    static final int XDEV = 75;

    private Errno() {}

    /**
     * The errno for an exception a file system or stream operation threw. A {@link
     * FileSystemException} that has no subclass for its cause carries the operating system's
     * message as its reason, which is all that is left to tell, for example, EISDIR from EIO.
     */
    static int of(Throwable e) {
        if (e instanceof ErrnoException errno) {
            return errno.errno();
        }
        if (e instanceof NoSuchFileException) {
            return NOENT;
        }
        if (e instanceof FileAlreadyExistsException) {
            return EXIST;
        }
        if (e instanceof DirectoryNotEmptyException) {
            return NOTEMPTY;
        }
        if (e instanceof AccessDeniedException) {
            return ACCES;
        }
        if (e instanceof NotDirectoryException) {
            return NOTDIR;
        }
        if (e instanceof NotLinkException) {
            return INVAL;
        }
        if (e instanceof FileSystemLoopException) {
            return LOOP;
        }
        if (e instanceof FileSystemException fs) {
            return ofReason(fs.getReason());
        }
        if (e instanceof ReadOnlyFileSystemException) {
            return ROFS;
        }
        if (e instanceof NonReadableChannelException
                || e instanceof NonWritableChannelException
                || e instanceof ClosedChannelException) {
            return BADF;
        }
        if (e instanceof IndexOutOfBoundsException) {
            return FAULT;
        }
        if (e instanceof InvalidPathException) {
            return INVAL;
        }
        if (e instanceof UnsupportedOperationException) {
            return NOTSUP;
        }
        if (e instanceof SecurityException) {
            return ACCES;
        }
        if (e instanceof IllegalArgumentException) {
            return INVAL;
        }
        return IO;
    }

    /** The errno for the reason of a {@link FileSystemException} (strerror's text on Linux). */
    private static int ofReason(String reason) {
        if (reason == null) {
            return IO;
        }
        if (reason.contains("Is a directory")) {
            return ISDIR;
        }
        if (reason.contains("Not a directory")) {
            return NOTDIR;
        }
        if (reason.contains("Too many levels of symbolic links")) {
            return LOOP;
        }
        if (reason.contains("File name too long")) {
            return NAMETOOLONG;
        }
        if (reason.contains("Invalid cross-device link")) {
            return XDEV;
        }
        if (reason.contains("Directory not empty")) {
            return NOTEMPTY;
        }
        if (reason.contains("No space left")) {
            return NOSPC;
        }
        if (reason.contains("Operation not permitted")) {
            return PERM;
        }
        if (reason.contains("Permission denied")) {
            return ACCES;
        }
        if (reason.contains("Invalid argument")) {
            return INVAL;
        }
        if (reason.contains("File too large")) {
            return FBIG;
        }
        return IO;
    }
}
