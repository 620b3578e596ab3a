package dev.nostdwasm.api;

import dev.nostdwasm.api.spi.RuntimeProvider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Picks a provider: the one asked for, else the available one with the highest priority. Every
 * refusal and fallback is logged with its reason, and a broken provider never keeps a working
 * one from serving.
 */
final class ProviderSelection {
    private static final Logger LOG = System.getLogger("dev.nostdwasm.api.provider");

    private ProviderSelection() {}

    static NoStdRuntime load(String requested, PlatformShim shim) {
        String wanted = requested != null ? requested : System.getProperty(NoStdRuntime.PROVIDER_PROPERTY);
        return select(discover(), wanted, shim, LOG);
    }

    /** Every provider ServiceLoader can instantiate; broken ones are logged and left out. */
    static List<RuntimeProvider> discover() {
        List<RuntimeProvider> found = new ArrayList<>();
        Iterator<RuntimeProvider> it = ServiceLoader.load(RuntimeProvider.class).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return found;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                LOG.log(Level.WARNING, "ignoring a nostd-wasm-java provider that cannot be instantiated", e);
            }
        }
    }

    static NoStdRuntime select(List<RuntimeProvider> providers, String wanted, PlatformShim shim, Logger log) {
        if (wanted != null && !wanted.isBlank()) {
            return selectNamed(providers, wanted.trim().toLowerCase(Locale.ROOT), shim);
        }
        List<RuntimeProvider> ordered = new ArrayList<>(providers);
        ordered.sort(Comparator.comparingInt(RuntimeProvider::priority).reversed());
        List<String> reasons = new ArrayList<>();
        List<Throwable> causes = new ArrayList<>();
        for (RuntimeProvider p : ordered) {
            String name = safeName(p);
            Throwable unavailable = unavailability(p);
            if (unavailable != null) {
                log.log(Level.INFO, "nostd-wasm-java provider ''{0}'' is not available: {1}", name, unavailable.getMessage());
                reasons.add(name + ": " + unavailable.getMessage());
                causes.add(unavailable);
                continue;
            }
            try {
                NoStdRuntime runtime = p.open(shim);
                if (!reasons.isEmpty()) {
                    log.log(Level.INFO, "nostd-wasm-java uses provider ''{0}'' because {1}", name, String.join("; ", reasons));
                }
                return runtime;
            } catch (PlatformShimException e) {
                throw e; // about the shim, not the provider: another provider would fail the same way
            } catch (RuntimeException | LinkageError e) {
                log.log(Level.WARNING, "nostd-wasm-java provider '" + name + "' failed to open; trying the next one", e);
                reasons.add(name + ": failed to open: " + e);
                causes.add(e);
            }
        }
        ProviderUnavailableException failure = new ProviderUnavailableException(ordered.isEmpty()
                ? "no nostd-wasm-java provider on the class path: add dev.nostdwasm:sdk-ffm (Java 22+) or dev.nostdwasm:sdk-jni"
                : "no nostd-wasm-java provider can run here: " + String.join("; ", reasons));
        causes.forEach(failure::addSuppressed);
        throw failure;
    }

    private static NoStdRuntime selectNamed(List<RuntimeProvider> providers, String wanted, PlatformShim shim) {
        for (RuntimeProvider p : providers) {
            if (!wanted.equals(safeName(p))) {
                continue;
            }
            Throwable unavailable = unavailability(p);
            if (unavailable != null) {
                throw new ProviderUnavailableException("the nostd-wasm-java provider '" + wanted
                        + "' was asked for but is not available: " + unavailable.getMessage(), unavailable);
            }
            return p.open(shim);
        }
        String present = providers.stream().map(ProviderSelection::safeName).sorted().collect(Collectors.joining(", "));
        throw new ProviderUnavailableException("the nostd-wasm-java provider '" + wanted + "' is not on the class path"
                + (present.isEmpty() ? " (no provider is)" : " (found: " + present + ")")
                + ": add dev.nostdwasm:sdk-" + wanted + ", or ask for another with -D" + NoStdRuntime.PROVIDER_PROPERTY);
    }

    /** Null when available; otherwise why not (a provider that throws is unavailable too). */
    private static Throwable unavailability(RuntimeProvider p) {
        try {
            if (p.isAvailable()) {
                return null;
            }
            return p.unavailabilityCause()
                    .orElseGet(() -> new ProviderUnavailableException("the provider gave no reason"));
        } catch (RuntimeException | LinkageError e) {
            return new ProviderUnavailableException("its availability check failed: " + e, e);
        }
    }

    private static String safeName(RuntimeProvider p) {
        try {
            return p.name().toLowerCase(Locale.ROOT);
        } catch (RuntimeException e) {
            return p.getClass().getName();
        }
    }
}
