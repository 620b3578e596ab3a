/** The JNI provider of nostd-wasm-java (Java 17+): C glue over the embedding's C ABI. */
module dev.nostdwasm.jni {
    requires dev.nostdwasm.api;

    provides dev.nostdwasm.api.spi.RuntimeProvider with dev.nostdwasm.jni.JniProvider;
}
