/** WASI preview 1 ({@code wasi_snapshot_preview1}) for nostd-wasm-java: see {@link dev.nostdwasm.wasi.Wasi}. */
module dev.nostdwasm.wasi {
    requires dev.nostdwasm.api;
    // The thread CPU-time clock (WasiClock.system()).
    requires java.management;

    exports dev.nostdwasm.wasi;
    // The WASI functions are package-private @HostExport methods (HostImports), which the
    // runtime's Linker.defineAll calls directly.
    opens dev.nostdwasm.wasi to dev.nostdwasm.api;
}
