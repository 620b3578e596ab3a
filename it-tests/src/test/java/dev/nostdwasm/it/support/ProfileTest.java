package dev.nostdwasm.it.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A suite test, run once per profile the provider supports here ({@link
 * ProviderSuite#profiles()}); each run is named {@code <provider> · <profile>}. The method takes
 * one {@link dev.nostdwasm.api.Profile} parameter.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedTest(name = "{argumentSetName}")
@MethodSource("profiles")
public @interface ProfileTest {}
