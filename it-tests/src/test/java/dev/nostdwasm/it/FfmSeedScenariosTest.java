package dev.nostdwasm.it;

/** {@link SeedScenariosSuite} on the ffm provider. */
class FfmSeedScenariosTest extends SeedScenariosSuite {
    @Override
    protected String provider() {
        return "ffm";
    }
}
