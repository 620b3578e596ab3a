/** A consumer on the module path: it needs only the API; the ffm provider is found as a service. */
module example.ffm.modulepath {
    requires dev.nostdwasm.api;
}
