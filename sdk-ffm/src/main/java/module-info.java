/**
 * The FFM provider of nostd-wasm-java (Java 22+). Nothing is exported: users reach it through
 * {@code NoStdRuntime.load()}, which finds it as a service. Grant it native access
 * ({@code --enable-native-access=dev.nostdwasm.ffm}, or {@code ALL-UNNAMED} on the class path).
 */
module dev.nostdwasm.ffm {
    requires dev.nostdwasm.api;

    provides dev.nostdwasm.api.spi.RuntimeProvider with dev.nostdwasm.ffm.FfmProvider;
}
