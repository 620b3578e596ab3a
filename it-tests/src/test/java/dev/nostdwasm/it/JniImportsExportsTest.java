package dev.nostdwasm.it;

/** {@link ImportsExportsSuite} on the jni provider. */
class JniImportsExportsTest extends ImportsExportsSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
