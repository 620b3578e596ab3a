package dev.nostdwasm.it;

/** {@link SeedScenariosSuite} on the jni provider. */
class JniSeedScenariosTest extends SeedScenariosSuite {
    @Override
    protected String provider() {
        return "jni";
    }
}
