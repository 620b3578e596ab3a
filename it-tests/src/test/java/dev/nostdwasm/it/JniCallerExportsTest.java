package dev.nostdwasm.it;

/** {@link CallerExportsSuite} on the jni provider. */
class JniCallerExportsTest extends CallerExportsSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
