package dev.nostdwasm.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that {@link Linker#defineAll(String, Object)} defines as a host function. Its
 * wasm type comes from its Java signature, as for {@link Linker#define(String, String, Class,
 * Object)}: parameters and result of {@code int}, {@code long}, {@code float} or {@code double}
 * (i32, i64, f32, f64), no result for {@code void}, optionally a {@link Caller} first.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface HostExport {

    /** {@return the import name wasm uses; empty (the default) for the method's name} */
    String value() default "";
}
