/** The public API of nostd-wasm-java, and the SPI its providers implement. */
module dev.nostdwasm.api {
    exports dev.nostdwasm.api;
    exports dev.nostdwasm.api.spi;
    exports dev.nostdwasm.api.abi;
    exports dev.nostdwasm.api.natives;

    uses dev.nostdwasm.api.spi.RuntimeProvider;
    uses dev.nostdwasm.api.spi.ArtifactCompiler;
}
