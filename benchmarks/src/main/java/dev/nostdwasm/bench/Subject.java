package dev.nostdwasm.bench;

/**
 * One way of running the workloads. Each method is one operation of a measure; a subject that
 * cannot do a measure (the bare FFM baseline has no wasm) throws
 * {@link UnsupportedOperationException}.
 */
public interface Subject extends AutoCloseable {

    /** Fills the SHA-256 input from a seed (setup, not measured). */
    void sha256Fill(int seed);

    /** SHA-256 of the 1 MiB input; returns the digest's first 4 bytes, big-endian. */
    int sha256();

    /** The 32-byte digest the last {@link #sha256()} left in memory. */
    byte[] sha256Digest();

    /** The 1 MiB the digest is of. */
    byte[] sha256Input();

    double matmul();

    int sieve(int n);

    int fib(int n);

    int sort(int n, int seed);

    int add(int a, int b);

    long sum4(long a, long b, long c, long d);

    /** Calls the host function {@code host_inc} n times from wasm. */
    int hostLoop(int n, int x);

    /** Fills the 4 KiB page from a seed and returns its address (setup, not measured). */
    int pageFill(int seed);

    /** Reads {@code dst.length} bytes at {@code address} of the linear memory into {@code dst}. */
    void read(int address, byte[] dst);

    /** One instance of the small module, in a fresh store, closed again. */
    void instantiateSmall();

    /** One instance of the module with the 1 MiB data segment, in a fresh store, closed again. */
    void instantiateData1m();

    /** A fresh instance of the 1 MiB module's checksum over its data segment. */
    int data1mChecksum();

    @Override
    void close();
}
