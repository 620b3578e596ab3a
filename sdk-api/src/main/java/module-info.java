/** The public API of nostd-wasm-java, and the SPI its providers implement. */
module dev.nostdwasm.api {
    exports dev.nostdwasm.api;
    exports dev.nostdwasm.api.spi;

    uses dev.nostdwasm.api.spi.RuntimeProvider;
}
