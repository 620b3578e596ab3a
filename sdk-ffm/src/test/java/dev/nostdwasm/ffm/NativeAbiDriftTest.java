package dev.nostdwasm.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nostdwasm.api.spi.NativeAbi;
import dev.nostdwasm.ffm.bindings.nsw_finalizer_t;
import dev.nostdwasm.ffm.bindings.nsw_h;
import dev.nostdwasm.ffm.bindings.nsw_host_callback_t;
import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Fails when {@link NativeAbi} (in sdk-api) and the FFM bindings disagree: a method without a C
 * function, a C function without a method, or carrier types that differ once every pointer is a
 * {@code long}. The bindings' descriptors are checked against {@code nsw.h} by
 * {@code HeaderDriftTest}, so together the two tests tie NativeAbi to the header. No native code.
 */
class NativeAbiDriftTest {

    private static final String FIX = "\n=> NativeAbi (sdk-api) and nsw.h drifted: change NativeAbi to the header's"
            + " functions (pointers, size_t and uint64_t as long, uint32_t as int, uint8_t as byte, bool as boolean),"
            + " then FfmAbi and the JNI glue.";

    /** The methods that stand for C functions: the ones named like them. */
    private static Map<String, Method> cFunctionMethods() {
        Map<String, Method> methods = new TreeMap<>();
        for (Method m : NativeAbi.class.getDeclaredMethods()) {
            if (m.getName().startsWith("nsw_")) {
                if (methods.put(m.getName(), m) != null) {
                    fail("NativeAbi overloads " + m.getName() + ": one method per C function" + FIX);
                }
            }
        }
        return methods;
    }

    @Test
    void everyMethodNamedLikeACFunctionMatchesItsDescriptor() {
        List<String> problems = new ArrayList<>();
        Set<String> known = Set.copyOf(nsw_h.functionNames());
        cFunctionMethods().forEach((name, method) -> {
            if (!known.contains(name)) {
                problems.add(name + ": no such function in nsw.h");
                return;
            }
            FunctionDescriptor c = nsw_h.descriptor(name);
            MethodType expected = FfmAbi.withAddressesAsLong(c).toMethodType();
            MethodType actual = MethodType.methodType(method.getReturnType(), method.getParameterTypes());
            if (!expected.equals(actual)) {
                problems.add(name + ": NativeAbi has " + actual + ", the header " + c + " needs " + expected
                        + (expected.parameterCount() != actual.parameterCount() ? " (arity differs)" : ""));
            }
        });
        failIf(problems, "NativeAbi methods that do not match nsw.h");
    }

    @Test
    void everyCFunctionHasAMethod() {
        Set<String> missing = new TreeSet<>(nsw_h.functionNames());
        missing.removeAll(cFunctionMethods().keySet());
        failIf(new ArrayList<>(missing), "functions of nsw.h that NativeAbi lacks");
    }

    @Test
    void theOtherMethodsAreTheFourHelpers() {
        Set<String> others = new TreeSet<>();
        for (Method m : NativeAbi.class.getDeclaredMethods()) {
            if (!m.getName().startsWith("nsw_") && !m.isSynthetic()) {
                others.add(m.getName());
            }
        }
        assertEquals(Set.of("hostCallbackStub", "finalizerStub", "address", "view"), others,
                "NativeAbi grew a method that names no C function: does this test (and FfmAbi) know it?");
    }

    @Test
    void upcallsMatchTheCallbackTypes() throws NoSuchMethodException {
        // hostCall takes the callback's parameters plus the caller's store id (third), which
        // the stub reads.
        Method hostCall = NativeAbi.Upcalls.class.getMethod("hostCall", long.class, long.class, long.class,
                long.class, long.class);
        assertEquals(FfmAbi.withAddressesAsLong(nsw_host_callback_t.descriptor()).toMethodType(),
                MethodType.methodType(hostCall.getReturnType(), hostCall.getParameterTypes()).dropParameterTypes(2, 3),
                "NativeAbi.Upcalls.hostCall (less its store id) and nsw_host_callback_t" + FIX);
        Method finalize = NativeAbi.Upcalls.class.getMethod("finalize", long.class);
        assertEquals(FfmAbi.withAddressesAsLong(nsw_finalizer_t.descriptor()).toMethodType(),
                MethodType.methodType(finalize.getReturnType(), finalize.getParameterTypes()),
                "NativeAbi.Upcalls.finalize and nsw_finalizer_t" + FIX);
    }

    private static void failIf(List<String> problems, String what) {
        if (!problems.isEmpty()) {
            fail(what + ":\n  " + String.join("\n  ", problems) + FIX);
        }
    }
}
