package dev.nostdwasm.it;

/** {@link TablesSuite} on the jni provider. */
class JniTablesTest extends TablesSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
