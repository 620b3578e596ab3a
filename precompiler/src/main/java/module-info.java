/** The build-time precompiler: nsw-precompile for linux x86_64 and aarch64 hosts, and its Java API. */
module dev.nostdwasm.precompiler {
    requires transitive dev.nostdwasm.api;

    exports dev.nostdwasm.precompiler;

    provides dev.nostdwasm.api.spi.ArtifactCompiler with dev.nostdwasm.precompiler.service.BundledArtifactCompiler;
}
