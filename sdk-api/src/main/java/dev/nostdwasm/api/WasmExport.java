package dev.nostdwasm.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the export a method of an interface given to {@link Instance#bind(Class)} calls, when
 * it is not the method's own name (an export named {@code "fd_write"} or {@code "run-task"}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WasmExport {

    /** {@return the export's name} */
    String value();
}
