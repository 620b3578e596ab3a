package dev.nostdwasm.it;

/** {@link LinkerReentrancySuite} on the jni provider. */
class JniLinkerReentrancyTest extends LinkerReentrancySuite {

    @Override
    protected String provider() {
        return "jni";
    }
}
