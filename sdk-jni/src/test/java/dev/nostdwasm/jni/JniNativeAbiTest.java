package dev.nostdwasm.jni;

import dev.nostdwasm.api.contract.NativeAbiContract;
import dev.nostdwasm.api.abi.NativeAbi;
import org.junit.jupiter.api.BeforeAll;

/**
 * The C functions through the generated JNI natives: {@link NativeAbiContract} on {@link JniAbi}.
 * {@link CheckJniTest} runs it again under {@code -Xcheck:jni}.
 */
class JniNativeAbiTest extends NativeAbiContract {

    private static NativeAbi abi;

    @BeforeAll
    static void load() {
        abi = BuiltNatives.load();
    }

    @Override
    protected NativeAbi abi() {
        return abi;
    }
}
