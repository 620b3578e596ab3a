package dev.nostdwasm.ffm;

import dev.nostdwasm.api.contract.NativeAbiContract;
import dev.nostdwasm.api.abi.NativeAbi;
import org.junit.jupiter.api.BeforeAll;

/** The C functions through FFM downcalls: {@link NativeAbiContract} on {@link FfmAbi}. Own JVM. */
class FfmNativeAbiTest extends NativeAbiContract {

    private static NativeAbi abi;

    @BeforeAll
    static void load() {
        abi = FfmNatives.load(BuiltNatives.libraries());
    }

    @Override
    protected NativeAbi abi() {
        return abi;
    }
}
