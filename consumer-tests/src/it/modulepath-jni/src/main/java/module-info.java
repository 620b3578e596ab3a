/** A consumer on the module path: it needs only the API; the jni provider is found as a service. */
module example.jni.modulepath {
    requires dev.nostdwasm.api;
}
