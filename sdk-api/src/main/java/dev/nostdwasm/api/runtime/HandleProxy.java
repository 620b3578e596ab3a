package dev.nostdwasm.api.runtime;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Implements an interface with method handles, without boxing or allocating per call: a hidden
 * class whose every method is {@code return H.invokeExact(args...)}, {@code H} a static final
 * field holding that method's handle. Static final fields of a class are constants to the JIT,
 * so the handle's code is compiled into the method. ({@code MethodHandleProxies} and
 * {@code java.lang.reflect.Proxy} box the arguments on Java 17.)
 *
 * <p>The class file is written here: it has no branches, so it needs no stack map frames. It
 * names only the interface and {@code java.lang.invoke}, so it can live in the interface's
 * package when this module's class loader cannot see the interface.
 */
final class HandleProxy {

    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_PRIVATE = 0x0002;
    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_FINAL = 0x0010;
    private static final int ACC_SUPER = 0x0020;
    private static final int JAVA_17 = 61;

    private HandleProxy() {
    }

    /**
     * An instance of {@code type} whose method {@code methods.get(i)} calls {@code handles.get(i)},
     * whose type must be that method's.
     */
    static <T> T implement(Class<T> type, List<Method> methods, List<MethodHandle> handles) {
        MethodHandles.Lookup lookup = lookupFor(type);
        String pkg = lookup.lookupClass().getPackageName().replace('.', '/');
        byte[] bytes = classFile((pkg.isEmpty() ? "" : pkg + "/") + "HandleProxy$Impl", type, methods);
        try {
            MethodHandles.Lookup impl = lookup.defineHiddenClassWithClassData(bytes, List.copyOf(handles), true);
            return type.cast(impl.findConstructor(impl.lookupClass(), MethodType.methodType(void.class)).invoke());
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(notReachable(type), e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("could not implement " + type.getName() + ": " + t, t);
        }
    }

    /**
     * Where the class is defined: this package when its class loader sees {@code type} (always
     * for the JDK's interfaces), else {@code type}'s own package, which must be open to this module.
     */
    private static MethodHandles.Lookup lookupFor(Class<?> type) {
        Module api = HandleProxy.class.getModule();
        api.addReads(type.getModule()); // class files do not get the readability reflection gets
        if (visibleHere(type) && type.getModule().isExported(type.getPackageName(), api)) {
            return MethodHandles.lookup();
        }
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(notReachable(type), e);
        }
    }

    private static String notReachable(Class<?> type) {
        return visibleHere(type)
                ? type.getName() + " is in package " + type.getPackageName() + ", which " + type.getModule()
                        + " does not export: export it, or open it to dev.nostdwasm.api"
                : type.getName() + " is not visible to the class loader of dev.nostdwasm.api, and its package is "
                        + "not open to it: open package " + type.getPackageName() + " to dev.nostdwasm.api";
    }

    private static boolean visibleHere(Class<?> type) {
        try {
            return Class.forName(type.getName(), false, HandleProxy.class.getClassLoader()) == type;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static byte[] classFile(String name, Class<?> type, List<Method> methods) {
        ConstantPool cp = new ConstantPool();
        int thisClass = cp.classRef(name);
        int object = cp.classRef("java/lang/Object");
        int iface = cp.classRef(type.getName().replace('.', '/'));
        int handleType = cp.classRef("java/lang/invoke/MethodHandle");
        String handleDesc = "Ljava/lang/invoke/MethodHandle;";
        int objectInit = cp.member(10, object, "<init>", "()V");
        int lookup = cp.member(10, cp.classRef("java/lang/invoke/MethodHandles"), "lookup",
                "()Ljava/lang/invoke/MethodHandles$Lookup;");
        int classDataAt = cp.member(10, cp.classRef("java/lang/invoke/MethodHandles"), "classDataAt",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)Ljava/lang/Object;");
        int underscore = cp.string("_");
        List<Integer> fields = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            fields.add(cp.member(9, thisClass, "h" + i, handleDesc));
        }
        try {
            ByteArrayOutputStream methodBytes = new ByteArrayOutputStream();
            DataOutputStream m = new DataOutputStream(methodBytes);
            // <init>: super()
            Code init = new Code();
            init.op(0x2a).op(0xb7).u2(objectInit).op(0xb1); // aload_0 invokespecial return
            init.writeMethod(m, cp, ACC_PUBLIC, "<init>", "()V", 1, 1);
            // <clinit>: h<i> = (MethodHandle) MethodHandles.classDataAt(lookup(), "_", MethodHandle.class, i)
            Code clinit = new Code();
            for (int i = 0; i < methods.size(); i++) {
                clinit.op(0xb8).u2(lookup).op(0x13).u2(underscore).op(0x13).u2(handleType)
                        .op(0x11).u2(i) // sipush i
                        .op(0xb8).u2(classDataAt).op(0xc0).u2(handleType).op(0xb3).u2(fields.get(i));
            }
            clinit.op(0xb1);
            clinit.writeMethod(m, cp, ACC_STATIC, "<clinit>", "()V", 4, 0);
            // each method: return h<i>.invokeExact(args...)
            for (int i = 0; i < methods.size(); i++) {
                Method method = methods.get(i);
                MethodType mt = MethodType.methodType(method.getReturnType(), method.getParameterTypes());
                String desc = mt.toMethodDescriptorString();
                Code c = new Code();
                c.op(0xb2).u2(fields.get(i)); // getstatic
                int local = 1;
                for (Class<?> p : method.getParameterTypes()) {
                    c.op(loadOp(p)).u1(local); // xload local
                    local += slots(p);
                }
                c.op(0xb6).u2(cp.member(10, handleType, "invokeExact", desc)).op(returnOp(method.getReturnType()));
                c.writeMethod(m, cp, ACC_PUBLIC, method.getName(), desc, Math.max(local, 2), local);
            }
            m.flush();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(out);
            d.writeInt(0xCAFEBABE);
            d.writeShort(0);
            d.writeShort(JAVA_17);
            cp.write(d);
            d.writeShort(ACC_PUBLIC | ACC_FINAL | ACC_SUPER);
            d.writeShort(thisClass);
            d.writeShort(object);
            d.writeShort(1);
            d.writeShort(iface);
            d.writeShort(methods.size());
            for (int i = 0; i < methods.size(); i++) {
                d.writeShort(ACC_PRIVATE | ACC_STATIC | ACC_FINAL);
                d.writeShort(cp.utf8("h" + i));
                d.writeShort(cp.utf8(handleDesc));
                d.writeShort(0);
            }
            d.writeShort(methods.size() + 2);
            d.write(methodBytes.toByteArray());
            d.writeShort(0); // no class attributes
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e); // a ByteArrayOutputStream does not fail
        }
    }

    private static int slots(Class<?> c) {
        return c == long.class || c == double.class ? 2 : 1;
    }

    private static int loadOp(Class<?> c) {
        return !c.isPrimitive() ? 0x19 : c == long.class ? 0x16 : c == float.class ? 0x17 : c == double.class ? 0x18
                : 0x15; // aload lload fload dload iload
    }

    private static int returnOp(Class<?> c) {
        return c == void.class ? 0xb1 : !c.isPrimitive() ? 0xb0 : c == long.class ? 0xad : c == float.class ? 0xae
                : c == double.class ? 0xaf : 0xac; // return areturn lreturn freturn dreturn ireturn
    }

    /** The bytecode of one method. Every index written with u1/u2 fits (checked when written). */
    private static final class Code {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Code op(int opcode) {
            bytes.write(opcode);
            return this;
        }

        Code u1(int v) {
            if (v > 0xff) {
                throw new IllegalArgumentException("a method with this many parameters cannot be implemented");
            }
            bytes.write(v);
            return this;
        }

        Code u2(int v) {
            bytes.write(v >>> 8);
            bytes.write(v);
            return this;
        }

        void writeMethod(DataOutputStream d, ConstantPool cp, int access, String name, String desc, int maxStack,
                int maxLocals) throws IOException {
            d.writeShort(access);
            d.writeShort(cp.utf8(name));
            d.writeShort(cp.utf8(desc));
            d.writeShort(1); // one attribute: Code
            d.writeShort(cp.utf8("Code"));
            d.writeInt(12 + bytes.size());
            d.writeShort(maxStack);
            d.writeShort(maxLocals);
            d.writeInt(bytes.size());
            bytes.writeTo(d);
            d.writeShort(0); // no exception handlers
            d.writeShort(0); // no attributes
        }
    }

    /** The constant pool, each entry written once. */
    private static final class ConstantPool {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);
        private final Map<String, Integer> indexes = new HashMap<>();
        private int count = 1;

        int utf8(String s) {
            return entry("U" + s, () -> {
                out.writeByte(1);
                out.writeUTF(s);
            });
        }

        int classRef(String binaryName) {
            int n = utf8(binaryName);
            return entry("C" + binaryName, () -> {
                out.writeByte(7);
                out.writeShort(n);
            });
        }

        int string(String s) {
            int n = utf8(s);
            return entry("S" + s, () -> {
                out.writeByte(8);
                out.writeShort(n);
            });
        }

        /** A field (tag 9) or method (tag 10) reference. */
        int member(int tag, int owner, String name, String desc) {
            int n = utf8(name);
            int t = utf8(desc);
            int nameAndType = entry("N" + name + " " + desc, () -> {
                out.writeByte(12);
                out.writeShort(n);
                out.writeShort(t);
            });
            return entry("M" + tag + " " + owner + " " + name + " " + desc, () -> {
                out.writeByte(tag);
                out.writeShort(owner);
                out.writeShort(nameAndType);
            });
        }

        private interface Writer {
            void write() throws IOException;
        }

        private int entry(String key, Writer writer) {
            Integer index = indexes.get(key);
            if (index != null) {
                return index;
            }
            try {
                writer.write();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            indexes.put(key, count);
            return count++;
        }

        void write(DataOutputStream d) throws IOException {
            d.writeShort(count);
            d.write(bytes.toByteArray());
        }
    }
}
