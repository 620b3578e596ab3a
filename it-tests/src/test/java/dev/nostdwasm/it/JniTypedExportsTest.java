package dev.nostdwasm.it;

/** {@link TypedExportsSuite} on the jni provider. */
class JniTypedExportsTest extends TypedExportsSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
